"""The app's JSON provider: Flask's compact response body, byte for byte, in the contract's field order."""
from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from flask import Flask
from flask.json.provider import DefaultJSONProvider

from orbitcheck.app import JSONProvider


@dataclasses.dataclass
class _Point:
    x: int
    y: float


PAYLOADS = [
    {"z": 1, "a": [1.5, "é", "🚀", None, True], "m": {"b": 2, "a": 1}},
    [date(2018, 11, 20), datetime(2018, 11, 20, 6, 31, tzinfo=UTC), Decimal("1.10"),
     uuid.UUID(int=7), _Point(1, 2.5)],
    "plain string",
    {},
]


def _flask_default(app: Flask) -> DefaultJSONProvider:
    provider = DefaultJSONProvider(app)
    provider.sort_keys = False
    return provider


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("debug", [False, True])
def test_responses_are_byte_for_byte_what_flasks_provider_writes(payload, debug):
    app = Flask(__name__)
    app.debug = debug
    ours, flasks = JSONProvider(app), _flask_default(app)
    with app.app_context():
        got, want = ours.response(payload), flasks.response(payload)
        assert got.get_data() == want.get_data()
        assert got.headers == want.headers
        assert ours.dumps(payload) == flasks.dumps(payload)


def test_a_setting_changed_after_start_is_honoured():
    app = Flask(__name__)
    ours = JSONProvider(app)
    with app.app_context():
        assert ours.response({"b": 1, "a": 2}).get_data() == b'{"b":1,"a":2}\n'
        ours.sort_keys = True
        assert ours.response({"b": 1, "a": 2}).get_data() == b'{"a":2,"b":1}\n'
        ours.sort_keys, ours.ensure_ascii = False, False
        assert ours.response({"a": "é"}).get_data() == '{"a":"é"}\n'.encode()
        ours.ensure_ascii, ours.compact = True, False
        assert ours.response({"a": 1}).get_data() == b'{\n  "a": 1\n}\n'


def test_ensure_sync_gives_flasks_answer_once_per_function():
    from orbitcheck.app import OrbitcheckFlask

    ours, flasks = OrbitcheckFlask(__name__), Flask(__name__)

    def plain() -> str:
        return "x"

    async def coroutine() -> str:
        return "x"

    assert ours.ensure_sync(plain) is plain is flasks.ensure_sync(plain)
    assert ours.ensure_sync(plain) is ours.ensure_sync(plain)
    assert isinstance(ours.json, JSONProvider) and ours.json.sort_keys is False
    try:
        expected: object = flasks.ensure_sync(coroutine)
    except RuntimeError as exc:  # Flask without its async extra
        with pytest.raises(RuntimeError, match=str(exc)[:20]):
            ours.ensure_sync(coroutine)
    else:
        assert type(ours.ensure_sync(coroutine)) is type(expected)
