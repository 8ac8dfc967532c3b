"""The editor's page as the service serves it: the HTML, its assets, and nothing fetched from elsewhere.

What the page does in a browser is tested in tests/e2e/test_page_e2e.py (headless Chromium).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from orbitcheck.checks import all_checks
from orbitcheck.model import Verdict
from tests.helpers.paths import ROOT

STATIC = ROOT / "service" / "static"


class _Page(HTMLParser):
    """The parts of the page the tests look at: element ids, asset URLs, check boxes, body data."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, tuple[str, dict[str, str | None]]] = {}
        self.assets: list[str] = []
        self.check_boxes: list[str] = []
        self.body: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] = (tag, a)
        if tag == "script" and a.get("src"):
            self.assets.append(a["src"])
        if tag == "link" and a.get("href"):
            self.assets.append(a["href"])
        if tag == "input" and a.get("name") == "check":
            self.check_boxes.append(a.get("value") or "")
        if tag == "body":
            self.body = a


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_the_page_is_served_at_the_root(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = _parse(response.get_data(as_text=True))
    # The stable hooks automation relies on (README, "The editor's page").
    assert page.ids["draft"][0] == "div" and page.ids["draft"][1]["contenteditable"] == "true"
    assert page.ids["published"][0] == "input" and page.ids["published"][1]["type"] == "date"
    assert page.ids["check"][0] == "button"
    for hook in ("counts", "findings", "details", "message", "copy-report"):
        assert hook in page.ids, hook
    assert page.body["data-check-url"] == "/v1/check"


def test_the_page_forbids_anything_but_its_own_files(client):
    headers = client.get("/").headers
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'none'"
    for directive in ("script-src", "style-src", "connect-src"):
        assert policy[directive] == "'self'", directive
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("name, mimetype", [("editor.js", "text/javascript"), ("editor.css", "text/css")])
def test_every_asset_the_page_names_is_served(client, name, mimetype):
    page = _parse(client.get("/").get_data(as_text=True))
    url = next(u for u in page.assets if name in u)
    assert url.startswith("/static/"), url
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.get_data() == (STATIC / name).read_bytes()


def test_nothing_is_loaded_from_another_host():
    # A newsroom without internet access must get the whole page: no CDN, no web fonts, no remote images.
    template = (STATIC.parent / "templates" / "editor.html").read_text(encoding="utf-8")
    sources = [template] + [p.read_text(encoding="utf-8") for p in sorted(STATIC.iterdir())]
    for text in sources:
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
        assert not re.search(r"""url\(\s*["']?(https?:)?//""", text)
        assert "@import" not in text and "@font-face" not in text


def test_the_check_selector_offers_every_registered_check(client):
    page = _parse(client.get("/").get_data(as_text=True))
    assert page.check_boxes == [check.ID for check in all_checks()]


def test_the_page_knows_every_verdict_the_service_can_return():
    script = (STATIC / "editor.js").read_text(encoding="utf-8")
    listed = re.search(r"var VERDICTS = \[([^\]]*)\]", script)
    assert listed, "editor.js lists the verdicts it counts in VERDICTS"
    assert set(re.findall(r'"([a-z]+)"', listed.group(1))) == {str(v) for v in Verdict}


def test_the_page_works_when_the_service_is_mounted_under_a_path(client):
    response = client.get("/", base_url="http://localhost/factcheck/")
    page = _parse(response.get_data(as_text=True))
    assert page.body["data-check-url"] == "/factcheck/v1/check"
    assert all(url.startswith("/factcheck/static/") for url in page.assets if not url.startswith("data:"))
