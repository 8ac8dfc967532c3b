"""The invariants every Report must satisfy, shared by the property and hostile-input tests."""
from __future__ import annotations

import bisect
import json
import re

from orbitcheck.engine import Report
from orbitcheck.formats import FileResult, renderers
from orbitcheck.formats.json import finding_dict
from orbitcheck.model import Severity, Verdict

_LINE_BREAK = re.compile(r"\r\n|\n|\r")  # what editors count as a new line


def assert_well_formed(report: Report, text: str) -> None:
    """What every consumer of a Report relies on; the renderers must accept it too."""
    doc = report.document
    assert doc.text == text
    assert len(doc.prose) == len(text)
    line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), (f.start, f.end, len(text))
        assert doc.text[f.start:f.end] == f.text
        assert isinstance(f.verdict, Verdict) and isinstance(f.severity, Severity)
        assert f.check and f.message
        as_json = finding_dict(f, doc)
        json.dumps(as_json, allow_nan=False)  # NaN/Infinity are not JSON: a client could not parse them
        line = bisect.bisect_right(line_starts, f.start)
        assert (as_json["line"], as_json["column"]) == (line, f.start - line_starts[line - 1] + 1)
    assert [(f.start, f.end) for f in report.findings] == sorted((f.start, f.end) for f in report.findings)
    results = [FileResult("draft.md", report)]
    for name, render in renderers().items():  # every output format, as formats join the registry
        assert isinstance(render(results), str), name
