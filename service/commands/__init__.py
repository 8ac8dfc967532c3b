"""CLI sub-commands: each module has register(subparsers) and run(args) -> int (an ExitStatus)."""

from enum import IntEnum


class ExitStatus(IntEnum):
    """What every sub-command returns: 0 clean, 1 findings at or above the fail level, 2 usage or input error."""

    CLEAN = 0
    FINDINGS = 1
    ERROR = 2
