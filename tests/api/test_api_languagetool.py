"""/v2/check speaks LanguageTool's protocol: its parameters in (form, any content type, or query string), its
JSON shape out with UTF-16 offsets, its plain-text errors and status codes."""
from __future__ import annotations

import json

import pytest

from orbitcheck.api.compat_lt import Sentences, _match, annotated_text, rule_id
from orbitcheck.model import Finding, Fix, Severity, Span, Verdict
from orbitcheck.text import Utf16Offsets


def test_answers_in_languagetools_shape(client):
    # fields a LanguageTool plugin sends that mean nothing here are accepted and ignored
    form = {"text": "Progress launched 🚀. Then home.", "language": "en-US", "motherTongue": "de", "level": "picky",
            "enabledOnly": "false", "allowIncompleteResults": "true"}
    response = client.post("/v2/check", data=form)
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"software", "warnings", "language", "matches", "sentenceRanges"}
    assert body["software"]["name"] == "orbitcheck" and body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "en-US"
    assert body["language"]["detectedLanguage"] == {"name": "English (US)", "code": "en-US", "confidence": 1.0,
                                                    "source": "param"}
    assert body["matches"] == []
    # [start, end) in UTF-16 units: the rocket counts twice
    assert body["sentenceRanges"] == [[0, 21], [22, 32]]


@pytest.mark.parametrize("variants, code, source", [
    ("en-GB", "en-GB", "+preferredVariants"), ("de-AT,en-AU", "en-AU", "+preferredVariants"),
    (None, "en-US", "default"),
])
def test_auto_resolves_to_a_preferred_variant(client, variants, code, source):
    form = {"text": "x", "language": "auto", **({"preferredVariants": variants} if variants else {})}
    detected = client.post("/v2/check", data=form).get_json()["language"]
    assert (detected["code"], detected["detectedLanguage"]["code"], detected["detectedLanguage"]["source"]) == (
        code, code, source)


def test_preferred_variants_need_language_auto_as_in_languagetool(client):
    response = client.post("/v2/check", data={"text": "x", "language": "en-US", "preferredVariants": "en-GB"})
    assert response.status_code == 400
    assert response.mimetype == "text/plain" and "language=auto" in response.get_data(as_text=True)


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
def test_bad_parameters_are_a_plain_text_400_naming_the_field(client, form, field):
    response = client.post("/v2/check", data=form)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert text.startswith("Error: ") and field in text
    # the same answer as problem details, for a client that asks for them
    asked = client.post("/v2/check", data=form, headers={"Accept": "application/problem+json"})
    assert asked.status_code == 400 and asked.mimetype == "application/problem+json"
    assert field in asked.get_json()["errors"]


def test_data_is_used_when_both_are_sent_and_no_text_is_no_matches(client):
    data = json.dumps({"annotation": [{"text": "The orbit is 35,926 km (22,314 miles) high."}]})
    both = client.post("/v2/check", data={"text": "nothing here", "data": data, "language": "en-US"})
    assert [m["rule"]["id"] for m in both.get_json()["matches"]] == ["UNIT_PAIR"]
    neither = client.post("/v2/check", data={"language": "en-US"})
    assert neither.status_code == 400 and "'text' or 'data'" in neither.get_data(as_text=True)
    empty = client.post("/v2/check", data={"language": "en-US", "text": ""})
    assert empty.status_code == 200 and empty.get_json()["matches"] == []


@pytest.mark.parametrize("content_type", [None, "text/plain;charset=UTF-8", "application/octet-stream"])
def test_a_form_with_no_or_another_content_type_is_read_as_urlencoded(client, content_type):
    body = "language=en-US&text=" + "The%20orbit%20is%2035%2C926%20km%20(22%2C314%20miles)%20high."
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.post("/v2/check", data=body.encode(), headers=headers)
    assert response.status_code == 200
    assert [m["replacements"] for m in response.get_json()["matches"]] == [[{"value": "22,323 miles"}]]


def test_get_takes_the_parameters_from_the_query_string(client):
    response = client.get("/v2/check", query_string={"text": "The orbit is 35,926 km (22,314 miles) high.",
                                                     "language": "en-US"})
    assert response.status_code == 200
    assert [m["rule"]["id"] for m in response.get_json()["matches"]] == ["UNIT_PAIR"]


def test_the_small_endpoints_clients_probe(client):
    info = client.get("/v2/info")
    assert info.status_code == 200 and info.get_json()["software"]["name"] == "orbitcheck"
    limit = client.get("/v2/maxtextlength")
    assert limit.mimetype == "text/plain" and int(limit.get_data(as_text=True)) == 1024 * 1024
    config = client.get("/v2/configinfo", query_string={"language": "en-US"}).get_json()
    assert {r["ruleId"] for r in config["rules"]} == {"UNIT_PAIR", "TIME_PAIR", "ZONE_ABBREVIATION",
                                                      "WEEKDAY_DATE", "REFERENCE"}


def test_form_bodies_obey_the_size_limit_chunked_too():
    import io

    from orbitcheck.app import create_app

    client = create_app({"TESTING": True, "MAX_CONTENT_LENGTH": 200}).test_client()
    body = ("language=en&text=" + "x" * 300).encode()
    plain = client.post("/v2/check", data=body, content_type="application/x-www-form-urlencoded")
    chunked = client.post("/v2/check", input_stream=io.BytesIO(body), content_type="application/x-www-form-urlencoded",
                          headers={"Transfer-Encoding": "chunked"}, environ_overrides={"wsgi.input_terminated": True})
    assert plain.status_code == chunked.status_code == 413
    assert plain.mimetype == "text/plain" and plain.get_data(as_text=True).startswith("Error: ")


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
    side = TEXT.index("22,314 miles")
    finding = Finding("unit-pair", Verdict.INCONSISTENT, Severity.ERROR, Span(start, end), TEXT[start:end],
                      "35,926 km is 22,323 miles, not 22,314.", "22,323 miles",
                      fix=Fix(Span(side, side + len("22,314 miles")), "22,323 miles"))
    match = _match(finding, Sentences(TEXT), Utf16Offsets(TEXT), {"unit-pair": "Paired unit conversions agree"})
    utf16 = TEXT.encode("utf-16-le")
    # the match covers what the fix replaces: one side of the pair, after a two-unit rocket
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
    assert Sentences(text).around(start, start + len(needle)) == sentence


def test_rule_ids_follow_languagetools_style():
    assert rule_id("unit-pair") == "UNIT_PAIR"
    assert rule_id("weekday-date") == "WEEKDAY_DATE"


def test_a_suggestion_without_a_fix_is_not_offered_as_a_replacement():
    text = "It weighed 10 units (20 things) then."
    start, end = text.index("10"), text.index(")") + 1
    finding = Finding("unit-pair", Verdict.INCONSISTENT, Severity.ERROR, Span(start, end), text[start:end], "m",
                      "something else")
    match = _match(finding, Sentences(text), Utf16Offsets(text), {})
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


def test_hints_are_matches_only_at_the_picky_level(client):
    """A date no record settles is a hint: underlining every such claim would bury the one error."""
    text = ("Progress MS-13 docked Monday at 1035 GMT with supplies from Baikonur. "
            "Its orbit is 35,926 km (22,314 miles) high.")
    plain = client.post("/v2/check", data={"text": text, "language": "en-US"}).json
    picky = client.post("/v2/check", data={"text": text, "language": "en-US", "level": "picky"}).json
    assert [m["rule"]["id"] for m in plain["matches"]] == ["UNIT_PAIR"]
    hints = [m for m in picky["matches"] if m["type"]["typeName"] == "Hint"]
    assert hints and {m["rule"]["id"] for m in hints} == {"REFERENCE"}
    assert [m for m in picky["matches"] if m["type"]["typeName"] != "Hint"] == plain["matches"]
    bad = client.post("/v2/check", data={"text": text, "language": "en-US", "level": "loud"})
    assert bad.status_code == 400
