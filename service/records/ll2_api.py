"""Where Launch Library 2 lives and where its API token comes from: names only, so the command line can show
them in `--help` without importing `requests` (which `ll2`, the client, needs and every other command does not)."""
from __future__ import annotations

DEFAULT_BASE_URL = "https://ll.thespacedevs.com/2.3.0"
TOKEN_ENV = "ORBITCHECK_LL2_TOKEN"
