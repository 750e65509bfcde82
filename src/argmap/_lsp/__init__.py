"""The language server (``argmap lsp``): diagnostics, hover, definitions, references, completion,
rename, outline, folding, formatting and fixes for argmap text in any editor that speaks LSP."""

from .analysis import Analysis, analyse
from .server import make_server

__all__ = ["Analysis", "analyse", "make_server", "serve"]


def serve() -> None:
    """Serve one editor over standard input and output until it shuts the server down."""
    make_server().start_io()
