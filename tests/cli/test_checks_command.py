"""`orbitcheck checks` lists the registry: every check, its id, default severity and one line on what it checks."""
from __future__ import annotations

import json
from datetime import date

from orbitcheck.checks import all_checks
from orbitcheck.engine import check_text
from orbitcheck.model import Severity


def test_lists_every_registered_check_in_order(cli):
    status, out, err = cli("checks")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [c.ID for c in all_checks()]
    for line, check in zip(lines, all_checks(), strict=True):
        assert line.split()[1] == check.SEVERITY.value
        assert line.endswith(check.DESCRIPTION)


def test_json_form(cli):
    status, out, _ = cli("checks", "--format", "json")
    assert status == 0
    rows = json.loads(out)["checks"]
    assert {r["id"] for r in rows} == {c.ID for c in all_checks()}
    assert all(r["severity"] in {s.value for s in Severity} and r["description"] for r in rows)


def test_the_default_severity_is_what_a_failing_example_gets(store):
    for check in all_checks():
        severities = set()
        for example in check.EXAMPLES.failing:
            text, published = example if isinstance(example, tuple) else (example, None)
            report = check_text(text, checks=[check.ID], store=store,
                                published=date.fromisoformat(published) if published else None)
            severities |= {f.severity for f in report.findings}
        assert check.SEVERITY in severities, check.ID
