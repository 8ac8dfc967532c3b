"""Every registered check ships passing and failing examples (proselint/Vale style); run them all."""
import functools
from datetime import date

import pytest

from orbitcheck.checks import all_checks
from orbitcheck.engine import check_text
from orbitcheck.model import Severity
from orbitcheck.records.store import load_store

BAD = {"inconsistent", "contradicted"}


def _cases(kind: str):
    for check in all_checks():
        for example in getattr(check.EXAMPLES, kind):
            text, published = (example, None) if isinstance(example, str) else example
            yield pytest.param(check.ID, text, published, id=f"{check.ID}:{text[:40]}")


@functools.cache
def _store():
    return load_store()  # the shipped records: what the reference check's examples are checked against


def _flags(check_id: str, text: str, published: str | None):
    report = check_text(text, checks=[check_id], published=date.fromisoformat(published) if published else None,
                        store=_store())
    return [f for f in report.findings if f.verdict in BAD or f.severity is not Severity.INFO]


def test_every_check_has_examples_of_both_kinds():
    for check in all_checks():
        assert check.EXAMPLES.passing and check.EXAMPLES.failing, check.ID
        assert check.DESCRIPTION and check.__name__.rsplit(".", 1)[-1].replace("_", "-") == check.ID


@pytest.mark.parametrize("check_id, text, published", list(_cases("passing")))
def test_passing_examples_raise_nothing(check_id, text, published):
    assert _flags(check_id, text, published) == []


@pytest.mark.parametrize("check_id, text, published", list(_cases("failing")))
def test_failing_examples_are_flagged(check_id, text, published):
    assert _flags(check_id, text, published)
