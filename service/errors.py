"""Errors the edges turn into a clear message: exit 2 in the CLI, application/problem+json over HTTP."""


class OrbitcheckError(Exception):
    """Base class: the message is meant for the user, one line, no traceback."""


class InputError(OrbitcheckError):
    """The input cannot be read or understood (missing file, undecodable bytes, bad date)."""


class UnknownCheckError(InputError):
    """A check id that is not in the registry."""
