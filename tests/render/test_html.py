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
from argmap._render.html import page, page_data

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
    for tag, source in (("script", "script-src"), ("style", "style-src")):
        (body,) = re.findall(rf"<{tag}>(.*?)</{tag}>", html, re.S)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{source} 'sha256-{digest}'" in csp
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//)""", html)  # nothing to fetch


def test_hostile_text_cannot_leave_the_data_block():
    html = page("<svg></svg>", page_data(argmap.parse(HOSTILE_DOC), {}, {}))
    block = re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block  # all as \\u escapes
    assert json.loads(block)["propositions"][0]["text"].startswith("<script>")
    assert html.count("<script") == 2  # the data block and the viewer, nothing injected
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
    browser.execute_script("window.argmap.select('c0.3')")  # c0.3 supports c0.2, which rebuts the thesis c0.1
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
    path.write_text("post 1 by ann\n  claim c1 Tea is good.\n", encoding="utf-8")
    deadline = time.monotonic() + 15
    while preview.version == before and time.monotonic() < deadline:
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
