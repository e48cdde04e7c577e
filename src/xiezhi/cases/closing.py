"""What must be true before a case may be closed (结案). The trial app closes cases; every app
that knows a condition of closing registers a check from its AppConfig.ready(), as it
registers its case-page panel — so delivery ("the judgment was served") and dossier ("the
e-file is complete") extend closing without importing trial."""
from __future__ import annotations

from collections.abc import Callable

CLOSING_CHECKS: list[Callable] = []


def register_closing_check(fn: Callable) -> Callable:
    """fn(case, method) -> None when satisfied, or a message saying what is missing."""
    if fn not in CLOSING_CHECKS:
        CLOSING_CHECKS.append(fn)
    return fn


def closing_problems(case, method: str) -> list[str]:
    """Every registered check's complaint about closing `case` by `method`, in registration order."""
    return [str(p) for p in (fn(case, method) for fn in CLOSING_CHECKS) if p]
