"""Big maps: a 20,000-proposition map of real text to SVG and to HTML, each in at most 60 s,
and the HTML map shown in headless Chromium in at most 5 s.

    python benchmarks/bench_render.py [COPIES] [--synthetic N] [--no-browser]

The map is the seed thread tiled COPIES times (default 150: 20,400 propositions in 3,600
separate discussions, see seedtile.py); --synthetic N uses synthetic.py's generated thread
(one discussion) instead.  A map over argmap._render.LARGE_MAP propositions is laid out in
parts of separate discussions, with dot, one Graphviz process per processor (a discussion
over LARGE_MAP alone, with sfdp); the times printed are whole renders, DOT generation and
for HTML the evaluation included.
"Shown" in Chromium is from asking for the file:// page to the first frame painted after
the page's script has drawn the map (a big map at a level of detail: a canvas at first, see
src/argmap/_render/page/lod.js), with the renderer's busy time (CDP TaskDuration) beside
the wall clock (Debian's chromium and chromium-driver, as in tests/render/test_html.py;
skipped, and said so, without them).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from seedtile import tiled  # noqa: E402
from synthetic import thread  # noqa: E402

import argmap  # noqa: E402

RENDER_LIMIT, OPEN_LIMIT = 60.0, 5.0


def timed(doc: argmap.Document, fmt: str) -> tuple[bytes, float]:
    t = time.perf_counter()
    data = argmap.render(doc, fmt, progress=lambda m: print(f"  {m}", file=sys.stderr))  # type: ignore[arg-type]
    return data, time.perf_counter() - t


def open_in_chromium(page: Path) -> float | None:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        chromium = None
    if not chromium or not driver:
        print("Chromium: not measured (needs chromium, chromium-driver and selenium)")
        return None
    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        opts.add_argument(a)
    opts.binary_location = chromium
    browser = webdriver.Chrome(service=Service(driver), options=opts)
    try:
        browser.get("about:blank")
        browser.execute_cdp_cmd("Performance.enable", {})
        before = _task_time(browser)
        t = time.perf_counter()
        browser.get(page.as_uri())  # returns after the load event: the inline script has run
        # a big map is drawn on a canvas, a small one is Graphviz's SVG: the viewer says how many
        # elements it drew (window.argmap.drawn), after the first frame painted since the load
        shown = browser.execute_async_script(
            "const done = arguments[0];"
            "requestAnimationFrame(() => requestAnimationFrame(() =>"
            " done(window.argmap ? window.argmap.drawn() : 0)));"
        )
        elapsed = time.perf_counter() - t
        busy = _task_time(browser) - before
        lod = browser.execute_script("return window.argmap && window.argmap.level()")
    finally:
        browser.quit()
    print(f"Chromium: map shown ({shown} elements drawn, {lod}) in {elapsed:.1f} s;"
          f" the renderer busy {busy:.1f} s of it (CDP TaskDuration)")  # fmt: skip
    return elapsed if shown else float("inf")


def _task_time(browser: Any) -> float:
    """The renderer's main thread's busy time so far (CDP Performance.getMetrics' TaskDuration):
    less sensitive than the wall clock to other work on the machine."""
    metrics = browser.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    return float(next(m["value"] for m in metrics if m["name"] == "TaskDuration"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("copies", nargs="?", type=int, default=150)
    ap.add_argument("--synthetic", type=int, metavar="N", help="a generated thread of N propositions instead")
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)
    text = thread(args.synthetic) if args.synthetic else tiled(args.copies)
    doc = argmap.parse(text)
    n = len(doc.propositions)
    t = time.perf_counter()
    argmap.to_graphviz(doc)
    print(f"propositions: {n}  posts: {len(doc.posts)}  DOT generation: {time.perf_counter() - t:.2f} s")
    svg, t_svg = timed(doc, "svg")
    print(f"SVG:  {t_svg:5.1f} s  {len(svg) / 1e6:5.1f} MB   target {RENDER_LIMIT:.0f} s:", "met" if t_svg <= RENDER_LIMIT else "NOT met")
    html, t_html = timed(doc, "html")
    print(f"HTML: {t_html:5.1f} s  {len(html) / 1e6:5.1f} MB   target {RENDER_LIMIT:.0f} s:", "met" if t_html <= RENDER_LIMIT else "NOT met")
    ok = t_svg <= RENDER_LIMIT and t_html <= RENDER_LIMIT
    if not args.no_browser:
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "map.html"
            page.write_bytes(html)
            opened = open_in_chromium(page)
        if opened is not None:
            print(f"Chromium target {OPEN_LIMIT:.0f} s:", "met" if opened <= OPEN_LIMIT else "NOT met")
            ok = ok and opened <= OPEN_LIMIT
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
