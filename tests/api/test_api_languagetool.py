"""POST /v2/check speaks LanguageTool's protocol: its form fields in, its JSON shape out, UTF-16 offsets."""
from __future__ import annotations

import json

import pytest

from orbitcheck.api.compat_lt import _match, _sentence, annotated_text, rule_id
from orbitcheck.model import Finding, Severity, Span, Verdict
from orbitcheck.text import Utf16Offsets, parse_document


def test_answers_in_languagetools_shape(client):
    # fields a LanguageTool plugin sends that mean nothing here are accepted and ignored
    form = {"text": "Progress launched. 🚀", "language": "en-US", "motherTongue": "de", "level": "picky",
            "preferredVariants": "en-GB", "enabledOnly": "false"}
    response = client.post("/v2/check", data=form)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"software", "warnings", "language", "matches"}
    assert body["software"]["name"] == "orbitcheck" and body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "en-US"
    assert body["language"]["detectedLanguage"]["code"] == "en-US"
    assert body["matches"] == []


def test_multipart_and_auto_language(client):
    response = client.post("/v2/check", data={"text": "x", "language": "auto"}, content_type="multipart/form-data")
    assert response.status_code == 200
    assert response.get_json()["language"]["code"] == "en-US"


@pytest.mark.parametrize("form, field", [
    ({"text": "x"}, "language"),
    ({"text": "x", "language": "de-DE"}, "language"),
    ({"text": "x", "language": ""}, "language"),
    ({"data": "{not json", "language": "en"}, "data"),
    ({"data": '{"annotation": [{"markup": 5}]}', "language": "en"}, "data"),
    ({"data": '{"annotation": [{"neither": "x"}]}', "language": "en"}, "data"),
    ({"text": "x", "language": "en", "enabledOnly": "maybe"}, "enabledOnly"),
])
def test_bad_forms_are_422_naming_the_field(client, form, field):
    response = client.post("/v2/check", data=form)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert field in response.get_json()["errors"]


def test_data_is_used_when_both_are_sent_and_no_text_is_no_matches(client):
    data = json.dumps({"annotation": [{"text": "The orbit is 35,926 km (22,314 miles) high."}]})
    both = client.post("/v2/check", data={"text": "nothing here", "data": data, "language": "en-US"})
    assert [m["rule"]["id"] for m in both.get_json()["matches"]] == ["UNIT_PAIR"]
    neither = client.post("/v2/check", data={"language": "en-US"})
    assert neither.status_code == 200 and neither.get_json()["matches"] == []


def test_json_body_is_415(client):
    response = client.post("/v2/check", json={"text": "x", "language": "en"})
    assert response.status_code == 415
    assert "x-www-form-urlencoded" in response.get_json()["detail"]


def test_form_bodies_obey_the_size_limit_chunked_too():
    import io

    from orbitcheck.app import create_app

    client = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 200}).test_client()
    body = ("language=en&text=" + "x" * 300).encode()
    plain = client.post("/v2/check", data=body, content_type="application/x-www-form-urlencoded")
    chunked = client.post("/v2/check", input_stream=io.BytesIO(body), content_type="application/x-www-form-urlencoded",
                          headers={"Transfer-Encoding": "chunked"}, environ_overrides={"wsgi.input_terminated": True})
    assert plain.status_code == chunked.status_code == 413


def test_a_chunked_form_within_the_limit_is_read_whole(client):
    import io
    from urllib.parse import urlencode

    body = urlencode({"language": "en-US", "text": "The orbit is 35,926 km (22,314 miles) high."}).encode()
    response = client.post("/v2/check", input_stream=io.BytesIO(body), content_type="application/x-www-form-urlencoded",
                           headers={"Transfer-Encoding": "chunked"}, environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 200
    assert [m["rule"]["id"] for m in response.get_json()["matches"]] == ["UNIT_PAIR"]


def test_annotation_markup_is_blanked_but_counted():
    data = json.dumps({"annotation": [{"markup": "<p>"}, {"text": "5 km (3 miles)"},
                                      {"markup": "</p>\n", "interpretAs": "\n"}, {"text": "end"}]})
    original, checkable = annotated_text(data)
    assert original == "<p>5 km (3 miles)</p>\nend"
    assert checkable == "   5 km (3 miles)    \nend"
    assert len(original) == len(checkable)


TEXT = "Launch 🚀 today. Auñón-Chancellor flew 35,926 km (22,314 miles) at 6:31 a.m. EST. Then home."


def test_a_match_counts_utf16_units_and_carries_context_and_sentence():
    start = TEXT.index("35,926")
    end = TEXT.index(")") + 1
    finding = Finding("unit-pair", Verdict.INCONSISTENT, Severity.ERROR, Span(start, end), TEXT[start:end],
                      "35,926 km is 22,323 miles, not 22,314.", "22,323 miles")
    doc = parse_document(TEXT, markdown=False)
    match = _match(finding, doc, Utf16Offsets(TEXT), {"unit-pair": "Paired unit conversions agree"})
    utf16 = TEXT.encode("utf-16-le")
    # the match covers what the replacement replaces: one side of the pair, after a two-unit rocket
    side = TEXT.index("22,314 miles")
    assert match["offset"] == side + 1
    assert utf16[2 * match["offset"]: 2 * (match["offset"] + match["length"])].decode("utf-16-le") == "22,314 miles"
    ctx = match["context"]
    ctx16 = ctx["text"].encode("utf-16-le")
    assert ctx16[2 * ctx["offset"]: 2 * (ctx["offset"] + ctx["length"])].decode("utf-16-le") == "22,314 miles"
    assert match["sentence"] == "Auñón-Chancellor flew 35,926 km (22,314 miles) at 6:31 a.m. EST."
    assert match["replacements"] == [{"value": "22,323 miles"}]
    assert match["rule"] == {"id": "UNIT_PAIR", "description": "Paired unit conversions agree",
                             "issueType": "inconsistency", "category": {"id": "ORBITCHECK", "name": "Facts and figures"}}
    assert match["shortMessage"] == "Figures disagree"


@pytest.mark.parametrize("needle, sentence", [
    ("Dec. 3", "The crew launched Dec. 3 at 6:31 a.m. EST (1131 GMT)."),
    ("1131 GMT", "The crew launched Dec. 3 at 6:31 a.m. EST (1131 GMT)."),
    ("June 8", "They arrived June 8."),
])
def test_sentences_do_not_end_at_abbreviations(needle, sentence):
    text = "They arrived June 8. The crew launched Dec. 3 at 6:31 a.m. EST (1131 GMT). Next!"
    start = text.index(needle)
    assert _sentence(text, start, start + len(needle)) == sentence


def test_rule_ids_follow_languagetools_style():
    assert rule_id("unit-pair") == "UNIT_PAIR"
    assert rule_id("weekday-date") == "WEEKDAY_DATE"


def test_a_suggestion_without_a_certain_target_is_not_offered():
    text = "It weighed 10 units (20 things) then."
    start, end = text.index("10"), text.index(")") + 1
    finding = Finding("unit-pair", Verdict.INCONSISTENT, Severity.ERROR, Span(start, end), text[start:end], "m",
                      "something else")
    match = _match(finding, parse_document(text, markdown=False), Utf16Offsets(text), {})
    assert match["replacements"] == []
    assert (match["offset"], match["length"]) == (start, end - start)  # the whole claim is marked


def test_end_to_end_a_wrong_conversion_is_a_match_with_its_fix(client):
    text = "🚀 Auñón-Chancellor said the orbit is 35,926 km (22,314 miles) high. 5,652 pounds (2,564 kg) arrived."
    body = client.post("/v2/check", data={"text": text, "language": "en-US"}).get_json()
    assert len(body["matches"]) == 1  # the right conversion passes and is not a match
    match = body["matches"][0]
    units = text.encode("utf-16-le")
    assert units[2 * match["offset"]: 2 * (match["offset"] + match["length"])].decode("utf-16-le") == "22,314 miles"
    assert match["replacements"] == [{"value": "22,323 miles"}]
    assert match["rule"]["id"] == "UNIT_PAIR"
    fixed = units[:2 * match["offset"]].decode("utf-16-le") + "22,323 miles" + \
        units[2 * (match["offset"] + match["length"]):].decode("utf-16-le")
    assert client.post("/v2/check", data={"text": fixed, "language": "en"}).get_json()["matches"] == []


def test_disabled_and_enabled_rules_select_checks(client):
    text = "The orbit is 35,926 km (22,314 miles) high."
    off = client.post("/v2/check", data={"text": text, "language": "en-US", "disabledRules": "UNIT_PAIR,NOPE"})
    assert off.get_json()["matches"] == []
    only = client.post("/v2/check", data={"text": text, "language": "en-US", "enabledOnly": "true",
                                          "enabledRules": "UNIT_PAIR"})
    assert [m["rule"]["id"] for m in only.get_json()["matches"]] == ["UNIT_PAIR"]
    none = client.post("/v2/check", data={"text": text, "language": "en-US", "enabledOnly": "true",
                                          "enabledRules": "TIME_PAIR"})
    assert none.get_json()["matches"] == []


def test_annotated_markup_counts_in_the_offsets(client):
    data = json.dumps({"annotation": [{"markup": "<p><b>🚀</b>"}, {"text": " The orbit is 35,926 km (22,314 miles)."},
                                      {"markup": "</p>"}]})
    body = client.post("/v2/check", data={"data": data, "language": "en-US"}).get_json()
    original = "<p><b>🚀</b> The orbit is 35,926 km (22,314 miles).</p>"
    match = body["matches"][0]
    units = original.encode("utf-16-le")
    assert units[2 * match["offset"]: 2 * (match["offset"] + match["length"])].decode("utf-16-le") == "22,314 miles"


def test_languages_lists_english_variants_without_a_key():
    from orbitcheck.app import create_app

    client = create_app({"TESTING": True, "API_KEYS": ("k",)}).test_client()
    response = client.get("/v2/languages")
    assert response.status_code == 200
    languages = response.get_json()
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in languages
    assert all(set(entry) == {"name", "code", "longCode"} for entry in languages)
    for entry in languages:  # every listed language is accepted by /v2/check
        answer = client.post("/v2/check", data={"text": "x", "language": entry["longCode"], "apiKey": "k"})
        assert answer.status_code == 200
