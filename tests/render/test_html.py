"""The interactive HTML map: self-contained and inert as a file, and working in a real browser
(Debian's chromium, driven headless by selenium through chromedriver)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import threading
import time
import urllib.request
from pathlib import Path

import pytest

import argmap
from argmap._render.html import BIG_MAP, SCRIPTS, page, page_data

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "korea-japan-allies.argmap"
HOSTILE = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"
HOSTILE_DOC = f"""title: {HOSTILE} javascript:window.__pwned=3
post 1 by "{HOSTILE.replace('"', "'")}"
  claim c1: {HOSTILE} </script><!-- 
  claim c2: javascript:window.__pwned=4 ]]> {{{{DATA}}}}
  rebut c2 -> c1
"""
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="needs Graphviz dot")


def test_the_page_holds_everything_and_allows_only_its_own_script_and_style():
    html = page('<svg xmlns="http://www.w3.org/2000/svg"><g id="graph0" class="graph"/></svg>',
                page_data(argmap.parse(HOSTILE_DOC), {}, {}))  # fmt: skip
    csp = (
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        .group(1)
        .replace("&#x27;", "'")
    )
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == len(SCRIPTS)  # each of the viewer's files, inline
    (style,) = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    allowed = {src: re.search(rf"{src} ([^;]*)", csp).group(1).split() for src in ("script-src", "style-src")}
    for body, source in [(s, "script-src") for s in scripts] + [(style, "style-src")]:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed[source]
    assert len(allowed["script-src"]) == len(scripts) and len(allowed["style-src"]) == 1  # and nothing else
    assert "img-src data:;" in csp  # no wider
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//)""", html)  # nothing to fetch


def test_hostile_text_cannot_leave_the_data_block():
    html = page("<svg></svg>", page_data(argmap.parse(HOSTILE_DOC), {}, {}))
    block = re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block  # all as \\u escapes
    assert json.loads(block)["propositions"][0]["text"].startswith("<script>")
    assert html.count("<script") == 1 + len(SCRIPTS)  # the data block and the viewer, nothing injected
    assert "<title>&lt;script&gt;" in html


# -- in a real browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("needs Debian's chromium and chromium-driver (scripts/bootstrap installs them)")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900"):  # fmt: skip
        opts.add_argument(a)
    opts.binary_location = chromium
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    d = webdriver.Chrome(service=Service(driver), options=opts)
    yield d
    d.quit()


def open_page(browser, path: Path) -> None:
    browser.get(path.as_uri())
    browser.get_log("browser")  # what an earlier page logged
    browser.refresh()


def console_errors(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def requests(browser) -> list[str]:
    out = []
    for e in browser.get_log("performance"):
        m = json.loads(e["message"])["message"]
        if m["method"] == "Network.requestWillBeSent":
            out.append(m["params"]["request"]["url"])
    return out


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    if shutil.which("dot") is None:
        pytest.skip("needs Graphviz dot")
    path = tmp_path_factory.mktemp("html") / "seed.html"
    path.write_bytes(argmap.render(argmap.load(SEED), "html", semantics=["grounded", "preferred"]))
    return path


def count(browser, css: str) -> int:
    return browser.execute_script(f"return document.querySelectorAll({json.dumps(css)}).length")


def test_the_seed_map_opens_with_no_console_error_and_no_request_beyond_itself(browser, seed_page):
    requests(browser)
    open_page(browser, seed_page)
    assert count(browser, "#map g.node") >= len(argmap.load(SEED).propositions)
    assert console_errors(browser) == []
    assert all(url.startswith(("file://", "data:")) for url in requests(browser))


def test_search_highlights_and_enter_selects_each_hit(browser, seed_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, seed_page)
    box = browser.find_element(By.ID, "search")
    box.send_keys("dokdo")
    doc = argmap.load(SEED)
    authors = {p.id: p.author for p in doc.posts}
    expected = {p.id for p in doc.propositions
                if "dokdo" in "\n".join([p.id, p.text, p.anchor or "", authors.get(p.post, "")]).lower()}  # fmt: skip
    assert count(browser, "#map g.node.hit") == len(expected) > 0
    box.send_keys(Keys.ENTER)
    selected = browser.execute_script("return window.argmap.state().selected")
    assert selected in expected and count(browser, "#map g.node.selected") == 1


def test_clicking_a_proposition_shows_it_in_the_panel_with_its_relations_and_labels(browser, seed_page):
    from selenium.webdriver.common.by import By

    open_page(browser, seed_page)
    browser.execute_script("window.argmap.select('c0.1', true)")
    node = browser.find_element(By.CSS_SELECTOR, "#map g.node.selected")
    browser.execute_script("window.argmap.select(null)")
    node.click()
    panel = browser.find_element(By.ID, "panel").text
    assert "Japan and South Korea will find it very hard to become military allies." in panel
    assert "The Marmot's Hole admin, post #0" in panel and "rebuttal from" in panel
    assert "grounded:" in panel and "preferred:" in panel
    link = browser.find_elements(By.CSS_SELECTOR, "#panel a")[0]
    link.click()  # a relation leads to the other proposition
    assert browser.execute_script("return window.argmap.state().selected") != "c0.1"


def test_the_semantics_switch_recolours_the_map(browser, seed_page):
    from selenium.webdriver.support.ui import Select

    open_page(browser, seed_page)
    grounded = argmap.evaluate(argmap.load(SEED), "grounded").labels
    assert count(browser, "#map g.node.label-OUT") == sum(v == "OUT" for v in grounded.values())
    Select(browser.find_element("id", "semantics")).select_by_value("")
    assert count(browser, "#map g.node.label-OUT") == 0
    Select(browser.find_element("id", "semantics")).select_by_value("preferred")
    preferred = argmap.evaluate(argmap.load(SEED), "preferred").labels
    assert count(browser, "#map g.node.label-IN") == sum(v == "IN" for v in preferred.values())


def test_focus_shows_only_the_neighbourhood(browser, seed_page):
    from selenium.webdriver.support.ui import Select

    open_page(browser, seed_page)
    browser.execute_script("window.argmap.select('c6.1')")
    Select(browser.find_element("id", "depth")).select_by_value("1")
    doc = argmap.load(SEED)
    focused = argmap.to_graphviz(doc, focus="c6.1", depth=1, legend=False)
    assert count(browser, "#map svg.focused") == 1
    near = browser.execute_script(
        "return [...document.querySelectorAll('#map g.node.near')].map(g => g.dataset.name)"
    )
    expected = {n for n in re.findall(r"^\s*(p\d+) \[", focused.source, re.M)}
    assert len([n for n in near if n.startswith("p")]) == len(expected)


def test_the_thread_panel_lists_the_posts_and_highlights_a_posts_propositions(browser, seed_page):
    from selenium.webdriver.common.by import By

    open_page(browser, seed_page)
    browser.find_element(By.ID, "thread-toggle").click()
    posts = browser.find_elements(By.CSS_SELECTOR, "#posts > li")
    doc = argmap.load(SEED)
    assert len(posts) == len(doc.posts)
    post = next(li for li in posts if li.get_attribute("data-post") == "10")
    browser.execute_script("arguments[0].scrollIntoView()", post)
    post.find_element(By.CSS_SELECTOR, ".who").click()
    assert count(browser, "#map g.node.in-post") == len(doc.propositions_of("10"))


def test_paths_to_the_thesis_mark_the_chain(browser, seed_page):
    from selenium.webdriver.common.by import By

    open_page(browser, seed_page)
    browser.execute_script("window.argmap.select('c35.1')")  # c35.1 supports c34.1, which rebuts the thesis c0.1
    browser.find_element(By.ID, "paths").click()
    marked = browser.execute_script(
        "return [...document.querySelectorAll('#map g.node.on-path')].map(g => g.dataset.name)"
    )
    assert len(marked) >= 3


@needs_dot
def test_hostile_text_stays_inert_in_the_browser(browser, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_bytes(argmap.render(argmap.parse(HOSTILE_DOC), "html"))
    open_page(browser, path)
    browser.execute_script("window.argmap.select('c1')")
    browser.find_element("id", "thread-toggle").click()
    assert browser.execute_script("return window.__pwned === undefined")
    panel = browser.find_element("id", "panel").text
    assert "<script>window.__pwned=1</script>" in panel
    assert console_errors(browser) == []


# -- the live preview ------------------------------------------------------------------------------------


@pytest.fixture
def live(tmp_path):
    if shutil.which("dot") is None:
        pytest.skip("needs Graphviz dot")
    from argmap._render.live import LivePreview

    path = tmp_path / "live.argmap"
    path.write_text("post 1 by ann\n  claim c1: Tea is good.\n", encoding="utf-8")
    preview = LivePreview(str(path), 0)
    server = threading.Thread(target=preview.serve_forever, kwargs={"announce": lambda m: None}, daemon=True)
    server.start()
    yield preview, path
    preview.stop()
    server.join(5)
    assert not server.is_alive()  # stops cleanly


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


def data_of(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def test_the_live_preview_listens_on_localhost_only(live):
    preview, _ = live
    assert preview.url.startswith("http://127.0.0.1:")
    assert "connect-src &#x27;self&#x27;" in fetch(preview.url)


def test_saving_the_file_updates_the_page_and_tells_the_open_pages(live):
    preview, path = live
    events = urllib.request.urlopen(preview.url + "events", timeout=20)
    time.sleep(0.3)
    path.write_text("post 1 by ann\n  claim c1: Tea is good.\n  claim c2: Coffee too.\n", encoding="utf-8")
    line = b""
    deadline = time.monotonic() + 15
    while b"event: update" not in line and time.monotonic() < deadline:
        line = events.readline()
    assert b"event: update" in line
    assert [p["id"] for p in data_of(fetch(preview.url))["propositions"]] == ["c1", "c2"]


def test_a_broken_file_shows_its_problems_above_the_last_good_map(live):
    preview, path = live
    before = preview.version
    deadline = time.monotonic() + 15
    while preview.version == before and time.monotonic() < deadline:
        # saved again each second: the watcher may start only after a first save (watchfiles loading)
        path.write_text("post 1 by ann\n  claim c1 Tea is good.\n", encoding="utf-8")
        for _ in range(10):
            if preview.version != before:
                break
            time.sleep(0.1)
    html = fetch(preview.url)
    data = data_of(html)
    assert data["errors"] and "P100" in data["errors"][0] and ":2:" in data["errors"][0]
    assert [p["id"] for p in data["propositions"]] == ["c1"] and 'class="node"' in html


def test_the_browser_reloads_on_save_and_keeps_its_view(browser, live):
    preview, path = live
    browser.get(preview.url)
    browser.execute_script("window.argmap.select('c1')")
    path.write_text("post 1 by ann\n  claim c1: Tea is good.\n  claim c2: Coffee too.\n", encoding="utf-8")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        time.sleep(0.3)
        try:
            if browser.execute_script("return document.querySelectorAll('#map g.node').length") >= 2 + 1:
                break
        except Exception:
            pass  # the page is reloading
    assert browser.execute_script("return window.argmap.state().selected") == "c1"
    assert "Tea is good." in browser.find_element("id", "panel").text


# -- a big map: a canvas when zoomed out, SVG only of what is in view --------------------------------------


def _synthetic_svg(n: int) -> str:
    nodes = "".join(
        f'<!-- p{i} -->\n<g id="node{i}" class="node"><title>p{i}</title>'
        f'<g id="a_node{i}"><a xlink:title="&lt;b&gt;tip {i}">'
        f'<polygon fill="#fde9b6" stroke="black" points="{i},-1 {i}.5,-1 {i}.5,-2 {i},-2 {i},-1"/>'
        f'<text text-anchor="middle" x="{i}" y="-1.5" font-family="Noto Sans" font-size="9.00">&lt;b&gt;{i} &amp;</text>'
        "</a></g></g>\n"
        for i in range(n)
    )
    edge = ('<g id="edge1" class="edge"><title>p0&#45;&gt;p1</title>'
            '<path fill="none" stroke="#d55e00" stroke-dasharray="5,2" d="M0,-1C0.25,-1.5 0.75,-1.5 1,-1"/></g>')  # fmt: skip
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg width="100pt" height="10pt" viewBox="0.00 0.00 100.00 10.00" '
        'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 6)">\n<title>argmap</title>\n'
        f'<polygon fill="white" stroke="transparent" points="-4,4 -4,-6 96,-6 96,4 -4,4"/>\n{nodes}{edge}</g>\n</svg>\n'
    )


def _drawing(html: str) -> dict | None:
    return data_of(html).get("drawing")


def test_a_map_of_more_than_big_map_nodes_travels_as_records_not_as_svg():
    data = page_data(argmap.parse("post 1 by ann\n  claim c1: Tea.\n"), {}, {})
    small = page(_synthetic_svg(BIG_MAP), data)
    assert _drawing(small) is None and small.count('class="node"') == BIG_MAP
    big = page(_synthetic_svg(BIG_MAP + 1), data)
    drawing = _drawing(big)
    assert 'class="node"' not in big.split('<script type="application/json"')[0]  # no node in the DOM
    assert '<polygon fill="white"' in big  # the background stays
    assert len(drawing["items"]) == BIG_MAP + 2
    kind, name, x0, y0, x1, y1, shapes, texts, tip = drawing["items"][0]
    # in the SVG's coordinates: the graph group's translate(4 6) applied
    assert (kind, name, tip) == (0, "p0", "<b>tip 0") and x0 <= 4 and y0 <= 4 and x1 >= 4.5 and y1 >= 5
    assert shapes[0] == "m4,5 0.5,0 0,-1 -0.5,0 0,1z" and drawing["styles"][shapes[1]] == "#fde9b6"
    assert texts[:2] == [4, 4.5] and texts[3] == "<b>0 &"  # plain text: the page sets it as text
    font = {"text-anchor": "middle", "font-family": "Noto Sans", "font-size": "9.00"}
    assert drawing["styles"][texts[2]] == font
    edge = drawing["items"][-1]
    assert edge[:2] == [1, "p0->p1"] and drawing["styles"][edge[6][4]] == "5,2" and edge[6][1] == -1
    assert _drawing(page(_synthetic_svg(3), data, big=True))["items"]  # forced, as the browser tests do


def test_a_big_maps_paths_are_exactly_graphvizs_in_fewer_characters():
    from decimal import Decimal

    from argmap._render.html import _Split, _Unsplit

    def absolute(d: str) -> list[Decimal]:
        x = y = x0 = y0 = Decimal(0)
        out: list[Decimal] = []
        for command, args in re.findall(r"([mcz])([^mcz]*)", d):
            numbers = [Decimal(n) for n in re.findall(r"-?[\d.]+", args)]
            step = 6 if command == "c" else 2
            for k in range(0, len(numbers), step):
                points = [(x + numbers[j], y + numbers[j + 1]) for j in range(k, k + step, 2)]
                if command == "m" and k == 0:
                    x0, y0 = points[0]
                out += [v for p in points for v in p]
                x, y = points[-1]
            if command == "z":
                x, y = x0, y0
        return out

    for d in ("M2086.5,-1682C2086.5,-1682 1898.5,-1682 1898.5,-1682 1892.5,-1682 1886.5,-1676 1886.5,-1670",
              "M2100.1,-1647.42 2099.12,-1637.47 2101.11,-1637.27 2102.09,-1647.22 2100.1,-1647.42Z",
              "M-4,4 -4,-2375 .5,3 -0.05,2.07 0.01,-0.99Z", "M6336.41,-8459.61 6332.84,-8463.11"):  # fmt: skip
        numbers = [Decimal(n) for n in re.findall(r"-?[\d.]+", d)]
        split = _Split()
        short, box = split.path(d)
        assert short[0] == "m" and (len(short) < len(d) or len(d) < 50)
        xs, ys = numbers[0::2], numbers[1::2]
        assert absolute(short) == numbers and box == [float(v) for v in (min(xs), min(ys), max(xs), max(ys))]
        split.dx, split.dy = 1050, -25  # a graph group moved by (10.5, -0.25): the path moves with it
        moved = [n + (Decimal("10.5") if k % 2 == 0 else Decimal("-0.25")) for k, n in enumerate(numbers)]
        assert absolute(split.path(d)[0]) == moved
    for odd in ("M1.234,5 6,7", "M1,2A3,4 0 1 0 5,6Z", "M1,2L3,4"):  # not Graphviz's
        with pytest.raises(_Unsplit):
            _Split().path(odd)
    data = page_data(argmap.parse("post 1 by ann\n  claim c1: Tea.\n"), {}, {})
    odd = _synthetic_svg(3).replace('d="M0,-1C', 'd="M0,-1.001C')
    whole = page(odd, data, big=True)  # what cannot be split exactly is shown whole, as a small map is
    assert _drawing(whole) is None and whole.count('class="node"') == 3


def test_the_parts_of_a_composed_map_come_to_one_set_of_coordinates():
    two = _synthetic_svg(2)
    moved = two.replace('translate(4 6)">', 'translate(4 6)"><title>a</title></g>\n'
                        '<g id="part1-graph0" class="graph" transform="scale(1 1) rotate(0) translate(100.5 6)">')  # fmt: skip
    data = page_data(argmap.parse("post 1 by ann\n  claim c1: Tea.\n"), {}, {})
    drawing = _drawing(page(moved, data, big=True))
    first = drawing["items"][0]
    assert first[1] == "p0" and first[6][0].startswith("m100.5,5 ") and first[7][:2] == [100.5, 4.5]
    with pytest.raises(Exception, match="more than moved"):
        from argmap._render.html import _split

        _split(two.replace("scale(1 1) rotate(0) translate(4 6)", "rotate(90) translate(4 6)"))


@pytest.fixture(scope="module")
def big_seed_page(tmp_path_factory):
    """The seed map forced into the big map's level of detail, with SVG once at most 100 elements are
    in view: a canvas at the fit view, SVG near a proposition."""
    if shutil.which("dot") is None:
        pytest.skip("needs Graphviz dot")
    from argmap._render.run import layout_and_names

    doc = argmap.load(SEED)
    svg, names = layout_and_names(doc)
    evaluations = {}
    for name in ("grounded", "preferred"):
        ev = argmap.evaluate(doc, name)
        evaluations[name] = (ev.labels, ev.reasons)
    path = tmp_path_factory.mktemp("html") / "big.html"
    html = page(svg, page_data(doc, names, evaluations), big=True, svg_at_most=100)
    path.write_text(html, encoding="utf-8")
    return path


def level(browser) -> str:
    return browser.execute_script("return window.argmap.level()")


def marked(browser, cls: str) -> list[str]:
    return browser.execute_script("return window.argmap.marked(arguments[0])", cls)


def node_names() -> dict[str, str]:
    from argmap._render.digraph import graph_and_names

    return graph_and_names(argmap.load(SEED))[1]


def canvas_pixels(browser, rgb: tuple[int, int, int] | None = None, tolerance: int = 12) -> int:
    """How many pixels of the big map's canvas are painted (in colour rgb, if given); -1 if it is hidden."""
    return browser.execute_script(
        """const c = document.querySelector('#map > canvas.lod');
        if (!c || c.hidden) return -1;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const [r, g, b, t] = arguments[0];
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] < 200) continue;
          if (r < 0 || (Math.abs(d[i] - r) <= t && Math.abs(d[i + 1] - g) <= t && Math.abs(d[i + 2] - b) <= t)) n++;
        }
        return n;""",
        [*(rgb or (-1, -1, -1)), tolerance],
    )


def canvas_image(browser) -> str:
    return browser.execute_script("return document.querySelector('#map > canvas.lod').toDataURL()")


def test_a_big_map_opens_as_a_canvas_with_no_console_error_and_no_request(browser, big_seed_page):
    requests(browser)
    open_page(browser, big_seed_page)
    assert level(browser) == "canvas"
    assert count(browser, "#map g.node") == 0 and count(browser, "#map g.edge") == 0
    assert canvas_pixels(browser) > 20_000  # the map is drawn
    assert browser.execute_script("return window.argmap.drawn()") >= len(argmap.load(SEED).propositions)
    assert count(browser, "#overview canvas") == 1
    assert console_errors(browser) == []
    assert all(url.startswith(("file://", "data:")) for url in requests(browser))


def test_zooming_in_on_a_big_map_makes_svg_of_what_is_in_view_only(browser, big_seed_page):
    from selenium.webdriver.common.by import By

    open_page(browser, big_seed_page)
    names = node_names()
    browser.execute_script("window.argmap.select('c0.1', true)")
    assert level(browser) == "svg" and canvas_pixels(browser) == -1
    node = browser.find_element(By.CSS_SELECTOR, "#map g.node.selected")
    assert node.get_attribute("data-name") == names["c0.1"]
    assert "Japan and South Korea will find it" in node.text  # its text, made as text
    in_view = count(browser, "#map g.node")
    assert 0 < in_view < len(names) / 2
    browser.execute_script("window.argmap.fit()")
    assert level(browser) == "canvas" and count(browser, "#map g.node") == 0
    box = browser.find_element(By.ID, "map")
    box.click()
    for _ in range(8):  # the keys zoom on the middle of the map
        box.send_keys("+")
    assert level(browser) == "svg" and 0 < count(browser, "#map g.node") < len(names) / 2
    assert console_errors(browser) == []


def test_dragging_a_big_map_moves_its_picture_and_repaints_once_it_settles(browser, big_seed_page):
    open_page(browser, big_seed_page)
    before = browser.execute_script("return window.argmap.state().view")
    during, after = browser.execute_async_script(
        """const done = arguments[0], box = document.getElementById('map');
        const canvas = box.querySelector('canvas.lod'), ctx = canvas.getContext('2d'), clear = ctx.clearRect;
        let paints = 0;
        ctx.clearRect = (...a) => { paints++; return clear.apply(ctx, a); };
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const send = (type, x, y) => box.dispatchEvent(new PointerEvent(type, { pointerId: 1, clientX: x, clientY: y, bubbles: true }));
        (async () => {
          send('pointerdown', 400, 300);
          for (let i = 1; i <= 10; i++) { send('pointermove', 400 + 10 * i, 300 + 5 * i); await frame(); }
          const during = [paints, canvas.style.transform];
          send('pointerup', 500, 350);
          await new Promise((r) => setTimeout(r, 500));
          done([during, [paints, canvas.style.transform, window.argmap.level()]]);
        })();"""
    )
    assert during[0] == 0 and during[1].startswith("matrix(")  # no repaint while dragging: the picture moves
    assert after == [1, "", "canvas"]  # and is painted anew once the map is still
    view = browser.execute_script("return window.argmap.state().view")
    assert view["x"] < before["x"] and view["y"] < before["y"] and view["w"] == before["w"]
    for _ in range(40):  # the wheel zooms in, from the canvas to SVG
        browser.execute_async_script(
            """const done = arguments[0], box = document.getElementById('map'), r = box.getBoundingClientRect();
            box.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: r.left + r.width / 2,
                                                       clientY: r.top + r.height / 2, bubbles: true, cancelable: true }));
            requestAnimationFrame(() => done());"""
        )
        if level(browser) == "svg":
            break
    assert level(browser) == "svg" and count(browser, "#map g.node") > 0
    assert console_errors(browser) == []


def test_search_on_a_big_map_marks_the_canvas_and_enter_selects_each_hit(browser, big_seed_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, big_seed_page)
    blue = (0x00, 0x72, 0xB2)
    assert canvas_pixels(browser, blue) == 0
    box = browser.find_element(By.ID, "search")
    box.send_keys("dokdo")
    doc = argmap.load(SEED)
    authors = {p.id: p.author for p in doc.posts}
    expected = {p.id for p in doc.propositions
                if "dokdo" in "\n".join([p.id, p.text, p.anchor or "", authors.get(p.post, "")]).lower()}  # fmt: skip
    names = node_names()
    assert sorted(marked(browser, "hit")) == sorted(names[i] for i in expected)
    assert browser.find_element(By.ID, "hits").text.startswith(f"{len(expected)} found")
    assert level(browser) == "canvas" and canvas_pixels(browser, blue) > 10 * len(expected)  # drawn as marked
    box.send_keys(Keys.ENTER)
    selected = browser.execute_script("return window.argmap.state().selected")
    assert selected in expected and level(browser) == "svg"
    assert count(browser, "#map g.node.selected.hit") == 1


def test_clicking_a_big_maps_canvas_selects_and_shows_the_panel(browser, big_seed_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, big_seed_page)
    box = browser.find_element(By.ID, "map")
    where = browser.execute_script("return window.argmap.where('c0.1')")
    rect = browser.execute_script("return document.getElementById('map').getBoundingClientRect().toJSON()")
    dx, dy = where["x"] - (rect["left"] + rect["width"] / 2), where["y"] - (rect["top"] + rect["height"] / 2)
    ActionChains(browser).move_to_element_with_offset(box, round(dx), round(dy)).click().perform()
    assert browser.execute_script("return window.argmap.state().selected") == "c0.1"
    assert level(browser) == "canvas"  # a click selects; it does not move the map
    panel = browser.find_element(By.ID, "panel").text
    assert "Japan and South Korea will find it very hard to become military allies." in panel
    assert "grounded:" in panel and "rebuttal from" in panel
    # a relation leads to the other proposition, near enough to read: in SVG, clicked there
    browser.find_elements(By.CSS_SELECTOR, "#panel a")[0].click()
    other = browser.execute_script("return window.argmap.state().selected")
    assert other != "c0.1" and level(browser) == "svg"
    browser.execute_script("window.argmap.select(null)")
    browser.find_element(By.CSS_SELECTOR, f"#map g.node[data-name='{node_names()[other]}']").click()
    assert browser.execute_script("return window.argmap.state().selected") == other


def test_the_semantics_switch_recolours_a_big_map(browser, big_seed_page):
    from selenium.webdriver.support.ui import Select

    open_page(browser, big_seed_page)
    names = node_names()
    grounded = argmap.evaluate(argmap.load(SEED), "grounded").labels
    assert sorted(marked(browser, "label-OUT")) == sorted(names[i] for i, v in grounded.items() if v == "OUT")
    labelled = canvas_image(browser)
    Select(browser.find_element("id", "semantics")).select_by_value("")
    assert marked(browser, "label-OUT") == [] and canvas_image(browser) != labelled
    Select(browser.find_element("id", "semantics")).select_by_value("preferred")
    preferred = argmap.evaluate(argmap.load(SEED), "preferred").labels
    assert len(marked(browser, "label-IN")) == sum(v == "IN" for v in preferred.values())
    browser.execute_script("window.argmap.select('c0.1', true)")
    shown = browser.execute_script(
        "return [...document.querySelectorAll('#map g.node')].map(g => [g.dataset.name, g.getAttribute('class')])"
    )
    ids = {name: i for i, name in names.items()}
    checked = [(n, c) for n, c in shown if n in ids and isinstance(preferred.get(ids[n]), str)]
    assert checked and all(f"label-{preferred[ids[n]]}" in c.split() for n, c in checked)


def test_focus_on_a_big_map_dims_all_but_the_neighbourhood(browser, big_seed_page):
    from selenium.webdriver.support.ui import Select

    open_page(browser, big_seed_page)
    browser.execute_script("window.argmap.select('c6.1')")
    before = canvas_image(browser)
    Select(browser.find_element("id", "depth")).select_by_value("1")
    focused = argmap.to_graphviz(argmap.load(SEED), focus="c6.1", depth=1, legend=False)
    expected = set(re.findall(r"^\s*(p\d+) \[", focused.source, re.MULTILINE))
    assert len([n for n in marked(browser, "near") if n.startswith("p") and "->" not in n]) == len(expected)
    assert count(browser, "#map svg.focused") == 1 and canvas_image(browser) != before
    opaque = canvas_pixels(browser)
    Select(browser.find_element("id", "depth")).select_by_value("")
    assert canvas_pixels(browser) > opaque  # the rest comes back
    Select(browser.find_element("id", "depth")).select_by_value("1")
    browser.execute_script("window.argmap.select('c6.1', true)")
    near = set(marked(browser, "near"))
    shown = browser.execute_script(
        "return [...document.querySelectorAll('#map g.node')].map(g => [g.dataset.name, g.classList.contains('near')])"
    )
    assert shown and all((name in near) == is_near for name, is_near in shown)


def test_the_thread_and_paths_on_a_big_map(browser, big_seed_page):
    from selenium.webdriver.common.by import By

    open_page(browser, big_seed_page)
    browser.find_element(By.ID, "thread-toggle").click()
    posts = browser.find_elements(By.CSS_SELECTOR, "#posts > li")
    doc = argmap.load(SEED)
    assert len(posts) == len(doc.posts)
    post = next(li for li in posts if li.get_attribute("data-post") == "10")
    browser.execute_script("arguments[0].scrollIntoView()", post)
    post.find_element(By.CSS_SELECTOR, ".who").click()
    assert len(marked(browser, "in-post")) == len(doc.propositions_of("10"))
    assert level(browser) == "svg" and count(browser, "#map g.node.in-post") >= 1
    browser.execute_script("window.argmap.select('c35.1')")  # c35.1 -> c34.1 -> c0.1
    browser.find_element(By.ID, "paths").click()
    assert len([n for n in marked(browser, "on-path") if n.startswith("p") and "->" not in n]) >= 3
    assert console_errors(browser) == []


@needs_dot
def test_hostile_text_stays_inert_in_a_big_map(browser, tmp_path):
    from argmap._render.run import layout_and_names

    doc = argmap.parse(HOSTILE_DOC)
    svg, names = layout_and_names(doc)
    html = page(svg, page_data(doc, names, {}), big=True, svg_at_most=4)
    assert html.count("<script") == 1 + len(SCRIPTS) and "<img" not in html
    path = tmp_path / "hostile-big.html"
    path.write_text(html, encoding="utf-8")
    open_page(browser, path)
    assert level(browser) == "canvas"
    browser.execute_script("window.argmap.select('c1', true)")
    browser.find_element("id", "thread-toggle").click()
    for _ in range(10):  # closer, till the proposition is made in SVG
        if level(browser) == "svg":
            break
        browser.find_element("id", "zoom-in").click()
    assert level(browser) == "svg"
    text = browser.execute_script("return document.querySelector('#map g.node.selected').textContent")
    assert "<script>window.__pwned=1</script>" in text.replace("\n", "") or "<script>" in text
    assert count(browser, "#map script, #map img, #map foreignObject, #map [onerror]") == 0
    assert browser.execute_script("return window.__pwned === undefined")
    assert "<script>window.__pwned=1</script>" in browser.find_element("id", "panel").text
    assert console_errors(browser) == []


def test_argmap_serve_prints_its_url_and_stops_cleanly_on_ctrl_c(tmp_path):
    """The command as a user runs it: one line naming the URL on 127.0.0.1, the page served
    there, and on SIGINT (Ctrl-C) an exit with status 0 and no traceback, within seconds."""
    if shutil.which("dot") is None:
        pytest.skip("needs Graphviz dot")
    import signal
    import subprocess
    import sys

    path = tmp_path / "t.argmap"
    path.write_text("post 1 by ann\n  claim c1: Tea is good.\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "serve", str(path), "--port", "0"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)  # fmt: skip
    try:
        line = proc.stderr.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", line).group(1)
        assert "Tea is good." in fetch(url)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
        assert "Traceback" not in proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()


@needs_dot
def test_render_takes_several_semantics_for_the_html_map_and_one_for_a_static_map(tmp_path, capsys):
    from argmap._cli import main

    small = tmp_path / "t.argmap"
    small.write_text("claim a: A.\nclaim b: B.\nrebut a -> b\nrebut b -> a\n", encoding="utf-8")
    out = tmp_path / "m.html"
    assert main(["render", str(small), "-o", str(out), "--semantics", "preferred", "--semantics", "stable"]) == 0
    assert list(data_of(out.read_text(encoding="utf-8"))["evaluations"]) == ["grounded", "preferred", "stable"]
    code = main(["render", str(small), "-o", str(tmp_path / "m.svg"), "--semantics", "preferred",
                 "--semantics", "stable"])  # fmt: skip
    assert code == 2 and "give --semantics once" in capsys.readouterr().err
    assert not (tmp_path / "m.svg").exists()


@needs_dot
def test_semantics_named_twice_or_by_code_count_once_and_unknown_ones_stop_render_and_serve(tmp_path, capsys):
    from argmap._cli import main

    small = tmp_path / "t.argmap"
    small.write_text("claim a: A.\nclaim b: B.\nrebut a -> b\n", encoding="utf-8")
    assert main(["render", str(small), "-o", str(tmp_path / "m.svg"), "--semantics", "preferred",
                 "--semantics", "PR"]) == 0  # fmt: skip
    out = tmp_path / "m.html"
    assert main(["render", str(small), "-o", str(out), "--semantics", "GR", "--semantics", "dfquad"]) == 0
    assert list(data_of(out.read_text(encoding="utf-8"))["evaluations"]) == ["grounded", "df-quad"]
    capsys.readouterr()
    assert main(["serve", str(small), "--semantics", "magic", "--port", "0"]) == 2
    assert "unknown semantics 'magic'" in capsys.readouterr().err
