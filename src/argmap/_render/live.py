"""``argmap serve FILE``: the interactive map of a file, redrawn each time the file is saved.

A small HTTP server on 127.0.0.1 only serves the page (``/``) and a stream of
server-sent events (``/events``); a watcher (watchfiles) re-reads the file on
every save and tells the open pages, which reload keeping their view (zoom,
selection, semantics).  A file that does not read shows its problems above
the last map that did.
"""

from __future__ import annotations

import http.server
import os
import threading
from typing import Any, Callable

from .._language import parse_with_diagnostics, read_text
from .._model import ArgmapError, Severity, render_all
from .html import page, page_data
from .run import layout_and_names

__all__ = ["LivePreview"]

_EMPTY_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><g id="graph0" class="graph"></g></svg>'
)


class LivePreview:
    """The served page of one file, kept up to date.

    Args:
        path: the argmap text file.
        port: the port to listen on (0: any free one); the host is always 127.0.0.1.
        semantics: the semantics the page offers.
        options: drawing options (see :func:`argmap.to_graphviz`).
    """

    def __init__(
        self, path: str, port: int = 8000, *, semantics: tuple[str, ...] = ("grounded",), **options: Any
    ):
        self.path = os.path.abspath(path)
        self.semantics = semantics
        self.options = options
        self.version = 0
        self.changed = threading.Condition()
        self.stopping = threading.Event()
        self.page = ""
        self.good: tuple[str, dict[str, Any]] | None = None  # the last map that read: SVG and data
        self.refresh()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self.server.daemon_threads = True

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def refresh(self) -> None:
        """Read and draw the file again; tell the open pages."""
        errors: list[str] = []
        try:
            text = read_text(self.path)
            doc, diags = parse_with_diagnostics(text, path=self.path)
            problems = [d for d in diags if d.severity is Severity.ERROR]
            if problems:
                errors = list(render_all(problems, text))
            else:
                svg, names = layout_and_names(doc, **self.options)
                data = page_data(doc, names, _evaluations(doc, self.semantics), live="/events")
                self.good = (svg, data)
        except (ArgmapError, OSError) as e:
            errors = [str(e)]
        svg, data = self.good if self.good else (_EMPTY_SVG, page_data(_empty(), {}, {}, live="/events"))
        data = {**data, "errors": errors}
        with self.changed:
            self.page = page(svg, data)
            self.version += 1
            self.changed.notify_all()

    def watch(self) -> None:
        """Redraw on every save of the file, until :meth:`stop`."""
        import watchfiles

        folder, name = os.path.split(self.path)
        only = lambda change, path: os.path.basename(path) == name  # noqa: E731
        for _ in watchfiles.watch(folder, watch_filter=only, stop_event=self.stopping, debounce=200,
                                  recursive=False, raise_interrupt=False):  # fmt: skip
            self.refresh()

    def serve_forever(self, announce: Callable[[str], None] = print) -> None:
        """Serve and watch until interrupted (Ctrl-C), then stop cleanly."""
        watcher = threading.Thread(target=self.watch, daemon=True)
        watcher.start()
        announce(f"argmap: serving {self.path} at {self.url} (Ctrl-C stops)")
        try:
            self.server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()
            watcher.join(2)

    def stop(self) -> None:
        """Stop serving and watching."""
        self.stopping.set()
        with self.changed:
            self.changed.notify_all()
        self.server.shutdown()  # returns at once when serve_forever has already ended
        self.server.server_close()


def _empty() -> Any:
    from .._model import Document

    return Document()


def _evaluations(doc: Any, semantics: tuple[str, ...]) -> dict[str, Any]:
    from .._evaluate import evaluate

    out = {}
    for name in dict.fromkeys(semantics):
        ev = evaluate(doc, name)  # type: ignore[arg-type]  # checked there
        out[name] = (ev.labels, ev.reasons)
    return out


def _handler(live: LivePreview) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "argmap"

        def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is the user's
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            if self.path == "/":
                body = live.page.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/events":
                self.events()
            else:
                self.send_error(404)

        def events(self) -> None:
            """Server-sent events: ``update`` whenever the page changes, a comment to keep alive."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = live.version
            try:
                while not live.stopping.is_set():
                    with live.changed:
                        live.changed.wait(timeout=10)
                        now = live.version
                    message = f"event: update\ndata: {now}\n\n" if now != seen else ": alive\n\n"
                    seen = now
                    self.wfile.write(message.encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler
