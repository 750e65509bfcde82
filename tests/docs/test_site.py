"""The documentation site (mkdocs.yml): the guides and the API reference build with warnings as
errors, every page is in the nav, the whole public API is documented under its public names, and
every link and cross-reference in the output lands somewhere.

The build runs once, into a temporary directory (about four seconds, no network).
"""

from __future__ import annotations

import importlib
import inspect
import os
import re
import subprocess
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
PUBLIC_MODULES = ("argmap", "argmap.af", "argmap.strategies")


class Site:
    def __init__(self, root: Path, log: str):
        self.root, self.log = root, log

    def page(self, src: str) -> str:
        """The HTML that docs/``src`` (a .md path) became."""
        stem = src.removesuffix(".md")
        path = self.root / ("index.html" if stem == "index" else f"{stem.removesuffix('/index')}/index.html")
        return path.read_text(encoding="utf-8")

    def pages(self) -> dict[Path, str]:
        return {p: p.read_text(encoding="utf-8") for p in self.root.rglob("*.html")}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    out = tmp_path_factory.mktemp("site")
    # NO_MKDOCS_2_WARNING: the theme's notice about its own future, printed on every build
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
           "--site-dir", str(out)]  # fmt: skip
    proc = subprocess.run(cmd, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    log = proc.stdout + proc.stderr
    if "No module named mkdocs" in log:
        pytest.fail("the docs tools are missing: pip install -e '.[test]'")
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return Site(out, log)


def test_the_site_builds_without_a_warning(site: Site) -> None:
    noisy = [line for line in site.log.splitlines() if not line.startswith("INFO")]
    assert noisy == [], "\n".join(noisy)


def _nav_files(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    raise TypeError(nav)


def test_every_page_in_docs_is_in_the_nav_once() -> None:
    nav = _nav_files(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert sorted(nav) == pages, "mkdocs.yml's nav must list each .md file in docs/ exactly once"


def _public(module: str) -> list[str]:
    return list(importlib.import_module(module).__all__)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.links.append(value)


def _parse(html: str) -> _Ids:
    parser = _Ids()
    parser.feed(html)
    return parser


def test_every_public_name_has_its_entry_under_its_public_name(site: Site) -> None:
    documented = set().union(*(_parse(site.page(p.relative_to(DOCS).as_posix())).ids
                               for p in (DOCS / "api").glob("*.md")))  # fmt: skip
    missing = [
        f"{m}.{name}" for m in PUBLIC_MODULES for name in _public(m) if f"{m}.{name}" not in documented
    ]
    assert missing == [], f"not in the API reference (docs/api/): {missing}"
    for module in PUBLIC_MODULES[1:]:  # a subpackage's page shows its __all__, nothing more
        assert module in documented
        members = {i.removeprefix(f"{module}.") for i in documented if i.startswith(f"{module}.")}
        assert {m for m in members if "." not in m} == set(_public(module))
    private = sorted(i for i in documented if i.startswith("argmap") and re.search(r"(^|\.)_", i))
    assert private == [], f"private names in the reference: {private}"
    pages = [p.relative_to(site.root).as_posix() for p in site.pages()]
    assert not [p for p in pages if "/_" in f"/{p}"], "a page for a private module"


def _section(html: str, anchor: str) -> str:
    """The HTML of the entry whose heading has id ``anchor``, up to the next entry's heading."""
    start = html.index(f'id="{anchor}"')
    following = re.compile(r'<h[1-6] id="(?!' + re.escape(anchor) + r"\.)")
    end = following.search(html, start + 1)
    return html[start : end.start() if end else len(html)]


def test_the_entry_of_check_gives_its_signature_and_each_parameter(site: Site) -> None:
    import argmap

    entry = _section(site.page("api/checking.md"), "argmap.check")
    text = re.sub(r"<[^>]+>", "", entry)
    for name in inspect.signature(argmap.check).parameters:
        assert re.search(rf"\b{name}\b", text), name
    for documented in ("select", "ignore", "config"):  # its Args: section, as a table
        assert f"<code>{documented}</code>" in entry
    # the types in its signature link to their entries, on other pages too
    assert 'href="../model/#argmap.Document"' in entry
    assert 'href="#argmap.Diagnostic"' in entry
    assert 'href="../errors/#argmap.UsageError"' in entry  # its Raises: section


def test_every_link_and_anchor_in_the_site_resolves(site: Site) -> None:
    pages = site.pages()
    ids = {path: _parse(html).ids for path, html in pages.items()}
    broken = []
    for path, html in pages.items():
        if path.name == "404.html":  # links from the site's root URL, which a local build has not
            continue
        for link in _parse(html).links:
            url = urlsplit(link)
            if url.scheme or url.netloc or link.startswith("mailto:"):
                continue
            target = (path.parent / unquote(url.path)).resolve() if url.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site.root)}: {link}")
            elif url.fragment and target.suffix == ".html" and unquote(url.fragment) not in ids[target]:
                broken.append(f"{path.relative_to(site.root)}: {link} (no such anchor)")
    assert broken == []


def test_docstrings_read_as_markdown(site: Site) -> None:
    """Doctest sessions come out as highlighted code (not as nested block quotes) and Sphinx
    roles as code (not as ``:func:`` text)."""
    for src in sorted((DOCS / "api").glob("*.md")):
        html = site.page(src.relative_to(DOCS).as_posix())
        assert "<blockquote>" not in html, src.name
        prompts = html.count("&gt;&gt;&gt;")
        assert prompts == html.count('<span class="gp">&gt;&gt;&gt; </span>'), src.name
        assert not re.search(r":(func|class|meth|attr|data|mod|exc|obj):", html), src.name
    assert '<span class="gp">&gt;&gt;&gt; </span>' in site.page("api/af.md")


def test_every_python_sample_in_the_docs_runs_under_pytest() -> None:
    """A ```python block in docs/ is a doctest session (which pytest's doctest-glob runs) or the
    text of a test file in docs/; and pytest is set to collect both, and the docstrings' own."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    settings = options["ini_options"]
    assert {"docs", "src"} <= set(settings["testpaths"])
    assert "--doctest-modules" in settings["addopts"] and "--doctest-glob='*.md'" in settings["addopts"]
    tests = {p.read_text(encoding="utf-8").rstrip("\n") for p in DOCS.rglob("test_*.py")}
    fence = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
    for page in sorted(DOCS.rglob("*.md")):
        for block in fence.findall(page.read_text(encoding="utf-8")):
            assert block.lstrip().startswith(">>>") or block.rstrip("\n") in tests, (
                f"{page.relative_to(ROOT)}: a Python sample that no test runs:\n{block}"
            )
