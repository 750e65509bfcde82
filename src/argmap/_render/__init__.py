"""Rendering: Document → graphviz.Digraph (``digraph``, where all user text is escaped) → the
bytes of an SVG, PNG, PDF or DOT file (``run``, which runs Graphviz)."""

from .digraph import CLUSTERS, DEFAULT_FONT, DIRECTIONS, ENGINES, LARGE_MAP, to_graphviz
from .run import FORMATS, GraphvizMissing, ImageFormat, RenderError, render

__all__ = [
    "CLUSTERS",
    "DEFAULT_FONT",
    "DIRECTIONS",
    "ENGINES",
    "FORMATS",
    "GraphvizMissing",
    "ImageFormat",
    "LARGE_MAP",
    "RenderError",
    "render",
    "to_graphviz",
]
