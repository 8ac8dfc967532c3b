"""The LanguageTool clients people use, against a live gunicorn on 127.0.0.1: language_tool_python (remote
server mode), pylanguagetool, and the request the open-source browser add-on sends (its shape written out
here: a urlencoded string posted as text/plain by XMLHttpRequest, with the add-on's extra parameters)."""
from __future__ import annotations

from urllib.parse import quote

import language_tool_python
import pytest
import requests
from language_tool_python.exceptions import LanguageToolError
from pylanguagetool import api

from tests.helpers.server import Server

pytestmark = pytest.mark.server

DRAFT = "🚀 Its orbit is 35,926 km (22,314 miles) high. The report came out Thursday, Nov. 16, 2018."


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A service with API keys (sent as LanguageTool's apiKey parameter)."""
    srv = Server(tmp_path_factory.mktemp("lt"), ORBITCHECK_API_KEYS="lt-key")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def open_server(tmp_path_factory):
    """A service without keys, as a newsroom runs it on its own network for clients that send none."""
    srv = Server(tmp_path_factory.mktemp("lt-open"))
    yield srv
    srv.stop()


def _apply(text: str, offset: int, length: int, value: str) -> str:
    units = text.encode("utf-16-le")
    return (units[:2 * offset] + value.encode("utf-16-le") + units[2 * (offset + length):]).decode("utf-16-le")


def test_language_tool_python_remote_server(open_server):
    tool = language_tool_python.LanguageTool("en-US", remote_server=open_server.url)
    try:
        matches = tool.check(DRAFT)
        assert sorted(m.rule_id for m in matches) == ["UNIT_PAIR", "WEEKDAY_DATE"]
        fixed = language_tool_python.utils.correct(DRAFT, matches)
        assert "(22,323 miles)" in fixed and "Friday, Nov. 16, 2018" in fixed
        assert tool.check(fixed) == []
    finally:
        tool.close()


def test_language_tool_python_sees_a_refusal_as_its_error(server):
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:  # no key: the plain-text 401 becomes the library's own error, not a KeyError on 'matches'
        with pytest.raises(LanguageToolError, match="API key"):
            tool.check(DRAFT)
    finally:
        tool.close()


def test_pylanguagetool(open_server):
    url = f"{open_server.url}/v2/"
    answer = api.check(DRAFT, api_url=url, lang="auto", preferred_variants="en-GB")
    assert answer["language"]["detectedLanguage"]["code"] == "en-GB"
    by_rule = {m["rule"]["id"]: m for m in answer["matches"]}
    assert _apply(DRAFT, by_rule["UNIT_PAIR"]["offset"], by_rule["UNIT_PAIR"]["length"],
                  by_rule["UNIT_PAIR"]["replacements"][0]["value"]).count("22,323 miles") == 1
    assert {e["longCode"] for e in api.get_languages(url)} >= {"en-US", "en-GB"}
    with pytest.raises(ValueError, match="English only"):  # LanguageTool's plain-text 400, as the library expects
        api.check(DRAFT, api_url=url, lang="de-DE")


def test_the_browser_add_on_request_shape(server):
    """The old open-source add-on: OPTIONS-free simple request (text/plain), its parameters in this order."""
    origin = "chrome-extension://oldceeleldhonbafppcapldpdifcinji"
    body = ("disabledRules=WHITESPACE_RULE&allowIncompleteResults=true&enableHiddenRules=true"
            "&useragent=chrome-extension&text=" + quote(DRAFT) + "&language=auto&noopLanguages=de,fr"
            "&preferredLanguages=en&preferredVariants=en-US,de-DE&apiKey=lt-key")
    response = server.session.post(f"{server.url}/v2/check", data=body.encode(), timeout=30,
                                   headers={"Content-Type": "text/plain;charset=UTF-8", "Origin": origin})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    answer = response.json()
    assert answer["language"]["detectedLanguage"] == {"name": "English (US)", "code": "en-US",
                                                      "confidence": 1.0, "source": "+preferredVariants"}
    assert len(answer["sentenceRanges"]) == 2
    text = DRAFT
    for match in sorted(answer["matches"], key=lambda m: -m["offset"]):  # as the add-on applies them
        assert match["replacements"], match["rule"]["id"]
        text = _apply(text, match["offset"], match["length"], match["replacements"][0]["value"])
    assert text == "🚀 Its orbit is 35,926 km (22,323 miles) high. The report came out Friday, Nov. 16, 2018."
    # with no content type at all (some clients), the same answer
    bare = requests.Request("POST", f"{server.url}/v2/check", data=body.encode()).prepare()
    bare.headers.pop("Content-Type", None)
    assert server.session.send(bare, timeout=30).json()["matches"] == answer["matches"]


def test_probes_and_get(server):
    assert server.session.get(f"{server.url}/v2/info", timeout=10).json()["software"]["name"] == "orbitcheck"
    got = server.session.get(f"{server.url}/v2/check", params={"text": DRAFT, "language": "en-US",
                                                                "apiKey": "lt-key"}, timeout=30)
    assert got.status_code == 200 and len(got.json()["matches"]) == 2


def test_the_readme_snippet_runs_as_written(open_server, capsys):
    """README "LanguageTool clients": the Python block, run against a live server, prints what it says."""
    import re

    from tests.helpers.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### LanguageTool clients", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    expected = [line.split("# ", 1)[1].strip() for line in code.splitlines() if line.startswith("print(")]
    exec(compile(code.replace("http://127.0.0.1:8000", open_server.url), "README.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == expected
