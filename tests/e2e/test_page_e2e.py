"""The editor's page end to end: Debian's headless Chromium (installed by scripts/ensure-chromium, which
`make test` runs) drives the page served by a live local server that checks with the real engine.

Expectations are taken from the API's own answer for the same text, so they hold as checks are added; a few
are hard facts (a known-wrong unit pair is red, and its suggestion fixes it). Screenshots go to test-output/.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, Page, sync_playwright
from werkzeug.serving import make_server

from orbitcheck.app import create_app
from orbitcheck.model import Verdict
from tests.helpers.paths import DATA, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
OUTPUT = ROOT / "test-output"
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class LiveServer:
    """The real app on a free loopback port, served by werkzeug in a thread."""

    def __init__(self, **config: Any) -> None:
        self.server = make_server("127.0.0.1", 0, create_app({"TESTING": True, **config}), threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    live = LiveServer()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=WIDE, reduced_motion="reduce")  # instant scrolls: steady shots
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    script_errors: list[Exception] = []
    tab.on("pageerror", lambda error: script_errors.append(error))
    yield tab
    context.close()
    assert not script_errors, f"the page's script failed: {script_errors}"


@pytest.fixture(scope="module")
def seed() -> str:
    return (DATA / "seed" / "progress-ms-10-timelapse.txt").read_text(encoding="utf-8")


def paste(page: Page, text: str) -> None:
    """Paste as an editor does: through the clipboard, with Ctrl+V in the draft."""
    page.evaluate("text => navigator.clipboard.writeText(text)", text)
    page.click("#draft")
    page.keyboard.press("Control+V")


def press_check(page: Page) -> dict[str, Any]:
    """Press Check, wait for the page to finish, and return the request body it sent."""
    with page.expect_request("**/v1/check") as request:
        page.click("#check")
    page.wait_for_selector("body[data-check-state=done], body[data-check-state=error]")
    return request.value.post_data_json


def api_findings(server: LiveServer, body: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    answer = requests.post(f"{server.url}/v1/check", json=body, timeout=30)
    answer.raise_for_status()
    payload = answer.json()
    return [f for f in payload["findings"] if not f.get("suppressed")], payload["summary"]


def marks(page: Page) -> list[dict[str, Any]]:
    """Every highlight with its attributes, its text and its UTF-16 offset in the draft."""
    return page.eval_on_selector_all("#draft mark[data-verdict]", """marks => marks.map(m => {
        const before = document.createRange();
        before.setStart(document.getElementById('draft'), 0);
        before.setEndBefore(m);
        return {check: m.dataset.check, verdict: m.dataset.verdict, index: Number(m.dataset.index),
                text: m.textContent, start: before.toString().length, leaf: !m.querySelector('mark')};
    })""")


def items(page: Page) -> list[dict[str, Any]]:
    return page.eval_on_selector_all("#findings li", """items => items.map(li => ({
        check: li.dataset.check, verdict: li.dataset.verdict, index: Number(li.dataset.index)}))""")


def shown_counts(page: Page) -> dict[str, int]:
    return page.eval_on_selector_all("#counts li[data-verdict]", """chips => Object.fromEntries(chips.map(
        c => [c.dataset.verdict, Number(c.querySelector('.count').textContent)]))""")


def test_the_seed_article_is_highlighted_as_the_api_checks_it(page, server, seed):
    page.goto(server.url + "/")
    assert page.input_value("#published"), "the publication date defaults to today"
    paste(page, seed)
    page.fill("#published", "2018-11-20")
    sent = press_check(page)
    assert sent == {"text": seed, "include_passing": True, "published": "2018-11-20"}
    assert page.get_attribute("body", "data-check-state") == "done"

    findings, summary = api_findings(server, sent)
    assert findings, "the seed article has checkable claims"
    assert page.text_content("#draft") == seed  # highlighting adds elements, never characters
    highlighted = marks(page)
    assert Counter((m["check"], m["verdict"]) for m in highlighted) == \
        Counter((f["check"], f["verdict"]) for f in findings)
    for mark in highlighted:
        finding = findings[mark["index"]]
        assert (mark["check"], mark["verdict"]) == (finding["check"], finding["verdict"])
        assert mark["start"] == finding["start_utf16"]
        assert mark["text"] and finding["text"].startswith(mark["text"])  # cut only where spans overlap
    assert Counter((i["check"], i["verdict"]) for i in items(page)) == \
        Counter((f["check"], f["verdict"]) for f in findings)
    by_verdict = Counter(f["verdict"] for f in findings)
    assert shown_counts(page) == {str(v): by_verdict[str(v)] for v in Verdict}
    assert {v: n for v, n in shown_counts(page).items() if n} == summary["by_verdict"]

    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "editor-seed.png"), full_page=True)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], "no sideways scrolling"
    page.screenshot(path=str(OUTPUT / "editor-seed-phone.png"), full_page=True)
    # At phone width a finding's details open as a sheet over the page.
    page.click(f'#findings li[data-index="{highlighted[-1]["index"]}"]')
    assert page.evaluate("getComputedStyle(document.getElementById('details')).position") == "fixed"
    page.screenshot(path=str(OUTPUT / "editor-seed-phone-details.png"))


def test_a_finding_shows_its_reason_from_the_highlight_and_from_the_keyboard(page, server, seed):
    page.goto(server.url + "/")
    paste(page, seed)
    page.fill("#published", "2018-11-20")
    findings, _ = api_findings(server, press_check(page))
    assert findings, "the seed article has checkable claims"

    first = next(m for m in marks(page) if m["leaf"])  # a click lands on the innermost highlight
    page.click(f'#draft mark[data-index="{first["index"]}"]')
    assert page.is_visible("#details")
    assert page.text_content("#details-message") == findings[first["index"]]["message"]
    assert page.get_attribute(f'#findings li[data-index="{first["index"]}"]', "aria-current") == "true"

    # Keyboard only: tab into the list, move with the arrows, open with Enter or Space.
    page.focus("#order")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('#findings li:first-child')")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    page.keyboard.press("Enter")
    index = int(page.get_attribute("#findings li:first-child", "data-index"))
    assert page.text_content("#details-message") == findings[index]["message"]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    second = int(page.evaluate("document.activeElement.dataset.index"))
    assert second != index and page.evaluate("document.activeElement.matches('#findings li:nth-child(2)')")
    assert page.text_content("#details-message") == findings[second]["message"]
    page.keyboard.press("Escape")
    assert page.is_hidden("#details")


ROCKET = "\U0001f680"  # two UTF-16 code units: highlights must use the API's UTF-16 offsets to land right


@pytest.mark.parametrize("draft, check, wrong, fixed, tone", [
    pytest.param(  # geostationary altitude: 35,926 km is 22,323 miles
        f"{ROCKET} Geostationary satellites sit 35,926 km (22,314 miles) above the equator.", "unit-pair",
        "35,926 km (22,314 miles)",
        f"{ROCKET} Geostationary satellites sit 35,926 km (22,323 miles) above the equator.", "wrong",
        id="unit-pair"),
    pytest.param(
        f"{ROCKET} The crew launches at 6:31 a.m. EST Dec. 3 (1231 GMT) from Baikonur.", "time-pair",
        "6:31 a.m. EST Dec. 3 (1231 GMT)",
        f"{ROCKET} The crew launches at 6:31 a.m. EST Dec. 3 (1131 GMT) from Baikonur.", "wrong",
        id="time-pair"),
    pytest.param(  # a warning, so amber although its verdict is inconsistent
        "The crew launches at 6:31 a.m. EDT Dec. 3, 2018 (1131 GMT).", "zone-abbreviation",
        "6:31 a.m. EDT Dec. 3, 2018",
        "The crew launches at 6:31 a.m. EST Dec. 3, 2018 (1131 GMT).", "warn",
        id="zone-abbreviation"),
    pytest.param(
        "The next crew launches on Wednesday, Dec. 3, 2018.", "weekday-date",
        "Wednesday, Dec. 3, 2018",
        "The next crew launches on Monday, Dec. 3, 2018.", "wrong",
        id="weekday-date"),
])
def test_a_wrong_claim_is_flagged_and_apply_fixes_it(page, server, draft, check, wrong, fixed, tone):
    page.goto(server.url + "/")
    paste(page, draft)
    press_check(page)
    mark = page.locator(f'#draft mark[data-check="{check}"][data-verdict="inconsistent"]')
    assert mark.count() == 1
    assert mark.text_content() == wrong
    assert mark.get_attribute("data-tone") == tone
    page.click(f'#findings li[data-check="{check}"][data-verdict="inconsistent"]')
    assert page.text_content("#details-message")
    with page.expect_request("**/v1/check") as recheck:
        page.click("#apply")
    page.wait_for_selector("body[data-check-state=done]")
    assert recheck.value.post_data_json["text"] == fixed
    assert page.text_content("#draft") == fixed
    after = page.locator(f'#draft mark[data-check="{check}"]')
    assert after.count() == 1 and after.get_attribute("data-verdict") == "consistent"
    assert page.is_visible("#details"), "the fixed claim is shown, now passing"


def _urls(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith(("http://", "https://")) else []
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [url for child in children for url in _urls(child)]


def test_a_date_the_records_contradict_shows_the_evidence_and_its_source(page, server, seed):
    draft = seed.replace("launch on Nov. 16", "launch on Nov. 15")
    page.goto(server.url + "/")
    paste(page, draft)
    page.fill("#published", "2018-11-20")
    findings, _ = api_findings(server, press_check(page))
    wrong = [f for f in findings if f["verdict"] == "contradicted"]
    assert [(f["check"], f["text"], f["suggestion"]) for f in wrong] == [("reference", "Nov. 15", "Nov. 16")]
    mark = page.locator('#draft mark[data-verdict="contradicted"]')
    assert mark.text_content() == "Nov. 15" and mark.get_attribute("data-tone") == "wrong"

    mark.click()
    source = page.locator("#details a.source")
    assert source.get_attribute("href") == _urls(wrong[0]["details"]["evidence"])[0]
    assert source.get_attribute("rel") == "noopener noreferrer" and source.get_attribute("target") == "_blank"
    assert page.is_visible("#details .evidence dl")
    page.click("#apply")
    page.wait_for_selector("body[data-check-state=done]")
    assert page.text_content("#draft") == seed
    assert page.locator('#draft mark[data-verdict="contradicted"]').count() == 0
    assert page.locator('#details').get_attribute("data-index") is not None  # the fixed claim, now supported
    assert "supported" in page.text_content("#details h3")


def test_wrong_is_red_and_not_by_colour_alone(page, server):
    page.goto(server.url + "/")
    paste(page, "Progress delivered 5,652 pounds (2,264 kg) to the station.")
    press_check(page)
    red = page.locator('#draft mark[data-check="unit-pair"][data-verdict="inconsistent"]')
    assert red.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(253, 225, 222)"  # the red tint
    assert red.evaluate("m => getComputedStyle(m).textDecorationStyle") == "wavy"
    assert red.evaluate("m => getComputedStyle(m, '::after').content") == '"\u2717"'  # a cross


def test_a_draft_too_long_for_the_service_gets_a_plain_message(page, seed):
    small = LiveServer(MAX_CONTENT_LENGTH=1000)
    try:
        page.goto(small.url + "/")
        paste(page, seed)
        before = page.inner_html("#draft")
        sent = press_check(page)
        assert sent["text"] == seed
        assert page.get_attribute("body", "data-check-state") == "error"
        message = page.text_content("#message")
        assert page.is_visible("#message") and "too long" in message and "Your draft is unchanged" in message
        assert page.inner_html("#draft") == before
    finally:
        small.stop()


def test_a_service_that_is_down_gets_a_plain_message(page, seed):
    gone = LiveServer()
    page.goto(gone.url + "/")
    gone.stop()
    paste(page, seed)
    before = page.inner_html("#draft")
    press_check(page)
    assert page.get_attribute("body", "data-check-state") == "error"
    assert "Could not reach the orbitcheck service" in page.text_content("#message")
    assert page.inner_html("#draft") == before
    assert page.is_enabled("#check"), "the editor can try again"


def test_a_request_the_service_rejects_names_the_field(page, server):
    page.goto(server.url + "/")
    # A script adds a check the service does not know, as someone scripting the page might.
    page.evaluate("""() => {
        const fieldset = document.querySelector('#checks fieldset');
        for (const [value, on] of [['no-such-check', true], ['another-unknown', false]]) {
            const box = Object.assign(document.createElement('input'), {type: 'checkbox', name: 'check', value});
            box.checked = on;
            fieldset.append(box);
        }
        document.querySelectorAll('#checks input[name=check]').forEach(b => { b.checked = b.value === 'no-such-check'; });
    }""")
    paste(page, "Progress delivered 5,652 pounds (2,564 kg) to the station.")
    sent = press_check(page)
    assert sent["checks"] == ["no-such-check"]
    message = page.text_content("#message")
    assert "could not check this" in message and "the checks" in message and "no-such-check" in message


def test_copy_report_puts_a_markdown_summary_on_the_clipboard(page, server, seed):
    page.goto(server.url + "/")
    assert page.is_disabled("#copy-report")
    paste(page, seed)
    page.fill("#published", "2018-11-20")
    findings, _ = api_findings(server, press_check(page))
    page.click("#copy-report")
    # (a locator, not wait_for_function: that evaluates a string, which the page's CSP rightly forbids)
    page.locator("#status", has_text="Report copied").wait_for()
    report = page.evaluate("navigator.clipboard.readText()")
    assert report.startswith("## orbitcheck report\n")
    assert "Publication date: 2018-11-20." in report
    assert f"{len(findings)} claims checked" in report
    lines = [line for line in report.splitlines() if line.startswith("- ")]
    assert len(lines) == len(findings)
    for finding in findings:
        assert any(f"`{finding['check']}`" in line and finding["message"] in line for line in lines)


def test_a_service_that_wants_an_api_key_asks_for_it(page):
    guarded = LiveServer(API_KEYS=("newsroom-key",))
    try:
        page.goto(guarded.url + "/")
        assert page.is_hidden("#api-key")
        paste(page, "Progress delivered 5,652 pounds (2,564 kg) to the station.")
        press_check(page)
        assert "needs an API key" in page.text_content("#message")
        assert page.evaluate("document.activeElement.id") == "api-key"
        page.fill("#api-key", "wrong-key")
        press_check(page)
        assert "did not accept this API key" in page.text_content("#message")
        page.fill("#api-key", "newsroom-key")
        sent = press_check(page)
        assert page.get_attribute("body", "data-check-state") == "done" and page.is_hidden("#message")
        assert sent["text"] == "Progress delivered 5,652 pounds (2,564 kg) to the station."
        assert page.locator('#draft mark[data-check="unit-pair"][data-verdict="consistent"]').count() == 1
    finally:
        guarded.stop()


def test_editing_after_a_check_retires_that_highlight_and_the_draft_survives_a_reload(page, server):
    draft = "Progress delivered 5,652 pounds (2,564 kg) to the station on Nov. 18, 2018."
    page.goto(server.url + "/")
    paste(page, draft)
    press_check(page)
    assert page.is_hidden("#stale")
    pair = page.locator('#draft mark[data-check="unit-pair"][data-verdict]')
    assert pair.count() == 1
    # Select "2,564" inside the highlight and type over it, as an editor would.
    page.evaluate("""() => {
        const mark = document.querySelector('#draft mark[data-check="unit-pair"]');
        const walker = document.createTreeWalker(mark, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf('2,564');
            if (at >= 0) {
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + 5);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                return;
            }
        }
    }""")
    page.keyboard.type("2,264")
    edited = draft.replace("2,564", "2,264")
    assert page.text_content("#draft") == edited
    assert pair.count() == 0, "a highlight whose text changed no longer claims a verdict"
    assert page.locator('#findings li[data-check="unit-pair"][data-edited="true"]').count() == 1
    assert page.is_visible("#stale")

    page.wait_for_timeout(600)  # the draft is saved to the tab's storage 0.4 s after the last keystroke
    page.reload()
    assert page.text_content("#draft") == edited
    sent = press_check(page)
    assert sent["text"] == edited
    assert page.locator('#draft mark[data-check="unit-pair"]').get_attribute("data-verdict") == "inconsistent"


def test_the_check_selector_and_the_order_of_the_list(page, server, seed):
    page.goto(server.url + "/")
    paste(page, seed.replace("(2,564 kg)", "(2,264 kg)"))
    page.fill("#published", "2018-11-20")
    page.click("#checks summary")
    boxes = page.locator('#checks input[name="check"]')
    for i in range(boxes.count()):
        if boxes.nth(i).get_attribute("value") not in ("unit-pair", "time-pair"):
            boxes.nth(i).uncheck()
    assert page.text_content("#checks-summary") == f"2 of {boxes.count()}"
    page.keyboard.press("Escape")
    assert page.get_attribute("#checks", "open") is None, "Escape folds the check list"
    sent = press_check(page)
    assert sorted(sent["checks"]) == ["time-pair", "unit-pair"]
    checks = page.eval_on_selector_all("#draft mark[data-check]", "ms => ms.map(m => m.dataset.check)")
    assert set(checks) == {"unit-pair", "time-pair"}

    positions = [i["index"] for i in items(page)]
    page.select_option("#order", "severity")
    worst_first = items(page)
    assert worst_first[0]["verdict"] == "inconsistent" and worst_first[0]["check"] == "unit-pair"
    assert sorted(i["index"] for i in worst_first) == sorted(positions)

    page.click("#checks summary")
    for i in range(boxes.count()):
        boxes.nth(i).uncheck()
    page.click("#check")
    assert page.get_attribute("#checks", "open") is None, "a click elsewhere folds the check list"
    assert "No check is selected" in page.text_content("#message")


def test_an_empty_draft_is_not_sent(page, server):
    page.goto(server.url + "/")
    requests_sent: list[str] = []
    page.on("request", lambda request: requests_sent.append(request.url))
    page.click("#check")
    assert "The draft is empty" in page.text_content("#message")
    assert not [url for url in requests_sent if url.endswith("/v1/check")]


def test_typing_while_a_check_runs_is_kept(page, server):
    draft = "Progress delivered 5,652 pounds (2,564 kg) to the station."
    page.goto(server.url + "/")
    paste(page, draft)
    findings, _ = api_findings(server, press_check(page))
    assert page.locator("#draft mark[data-verdict]").count() == len(findings) > 0
    held = []  # the next check is held back (then sent to the real server) while the editor types
    page.route("**/v1/check", lambda route: held.append(route))
    page.click("#check")
    while not held:
        page.wait_for_timeout(50)
    page.click("#draft")
    page.keyboard.press("Control+End")
    page.keyboard.type(" More.")
    held[0].fulfill(response=held[0].fetch())
    page.wait_for_selector("body[data-check-state=done]")
    assert page.text_content("#draft") == draft + " More."
    assert page.is_visible("#stale")
    assert page.locator("#draft mark[data-verdict]").count() == 0, "no highlight points into text that moved"
    assert page.locator("#findings li").count() == len(findings)


def test_moving_the_caret_into_a_highlight_shows_its_finding(page, server):
    draft = "Progress delivered 5,652 pounds (2,564 kg) to the station."
    page.goto(server.url + "/")
    paste(page, draft)
    findings, _ = api_findings(server, press_check(page))
    page.focus("#draft")
    page.keyboard.press("Control+Home")
    assert page.is_hidden("#details")
    for _ in range(len("Progress delivered 5")):
        page.keyboard.press("ArrowRight")
    page.locator("#details[data-index]").wait_for()  # selectionchange is dispatched a moment later
    shown = findings[int(page.get_attribute("#details", "data-index"))]
    at = len("Progress delivered 5")
    assert shown["start_utf16"] < at < shown["end_utf16"] and page.is_visible("#details")
    assert page.evaluate("document.activeElement.id") == "draft", "the caret stays in the draft"


# --- overlapping findings ----------------------------------------------------------------------------------

OVERLAPS = ("Progress MS-10 delivered 5,652 pounds (2,564 kg) of cargo. "
            "Soyuz MS-11 launched Dec. 3, 2018 at 6:31 a.m. EST (1131 GMT).")


def _covering(findings: list[dict[str, Any]], at: int) -> set[tuple[str, str]]:
    return {(f["check"], f["text"]) for f in findings if f["start_utf16"] <= at < f["end_utf16"]}


def _listed(page: Page) -> list[dict[str, Any]]:
    return page.eval_on_selector_all("#overlap button", """bs => bs.map(b => ({
        index: Number(b.dataset.index), check: b.dataset.check, text: b.querySelector('q').textContent}))""")


def _caret_into(page: Page, words: str) -> None:
    """Put the caret one character into `words` in the draft, as the arrow keys would."""
    page.evaluate("""words => {
        const draft = document.getElementById('draft');
        const walker = document.createTreeWalker(draft, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(words);
            if (at >= 0) {
                draft.focus();
                const range = document.createRange();
                range.setStart(node, at + 1);
                range.collapse(true);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                return;
            }
        }
        throw new Error('not in the draft: ' + words);
    }""", words)


def test_a_click_on_overlapping_highlights_lists_every_finding_there(page, server):
    page.goto(server.url + "/")
    paste(page, OVERLAPS)
    page.fill("#published", "2018-11-20")
    findings, _ = api_findings(server, press_check(page))
    wanted = _covering(findings, OVERLAPS.index("5,652") + 1)
    assert {c for c, _ in wanted} >= {"unit-pair", "reference"}  # the pair and the claim on its first side

    page.click('#draft mark[data-check="reference"]:text-is("5,652 pounds")', position={"x": 4, "y": 4})
    assert page.is_visible("#overlap")
    listed = _listed(page)
    assert {(item["check"], item["text"]) for item in listed} == wanted
    assert page.locator("#overlap button").first.get_attribute("data-check") == "reference"  # narrowest first
    pair = next(item for item in listed if item["check"] == "unit-pair")
    page.click(f'#overlap button[data-index="{pair["index"]}"]')
    assert page.is_hidden("#overlap")
    assert page.get_attribute("#details", "data-index") == str(pair["index"])
    assert "5,652 pounds (2,564 kg)" in page.text_content("#details")

    # A highlight with one finding under it opens that finding without a list.
    single = next(f for f in findings if len(_covering(findings, f["start_utf16"])) == 1)
    page.click(f'#draft mark[data-index="{findings.index(single)}"]')
    assert page.is_hidden("#overlap")


def test_the_keyboard_reaches_every_overlapping_finding(page, server):
    page.goto(server.url + "/")
    paste(page, OVERLAPS)
    page.fill("#published", "2018-11-20")
    findings, _ = api_findings(server, press_check(page))
    wanted = _covering(findings, OVERLAPS.index("6:31") + 1)
    assert len(wanted) >= 3  # the clock time's reference claim, its zone, the time pair

    _caret_into(page, "6:31")
    page.keyboard.press("Alt+Enter")
    assert page.is_visible("#overlap")
    assert {(item["check"], item["text"]) for item in _listed(page)} == wanted
    focused = page.evaluate("document.activeElement.dataset.index")
    assert focused == page.locator("#overlap button").first.get_attribute("data-index")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "editor-overlap.png"))

    # Every one is selectable: the arrow keys move, Enter opens it.
    for n, item in enumerate(_listed(page)):
        if n:
            _caret_into(page, "6:31")
            page.keyboard.press("Alt+Enter")
            for _ in range(n):
                page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.dataset.index") == str(item["index"])
        page.keyboard.press("Enter")
        assert page.is_hidden("#overlap")
        assert page.get_attribute("#details", "data-index") == str(item["index"])

    # Escape closes the list and gives the caret back to the draft.
    _caret_into(page, "6:31")
    page.keyboard.press("Alt+Enter")
    page.keyboard.press("Escape")
    assert page.is_hidden("#overlap")
    assert page.evaluate("document.activeElement.id") == "draft"
