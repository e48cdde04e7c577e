"""Counters that hand out consecutive numbers under concurrency: case serials (案号), archive
serials (档案号), document and template versions.

Each draw is one atomic upsert (`INSERT … ON CONFLICT … DO UPDATE … RETURNING`). The row lock
PostgreSQL takes on the counter row serialises concurrent drawers until their transactions end,
so numbers are unique and consecutive, and a rolled-back transaction rolls its increment back
with it (no number is burnt). On SQLite the IMMEDIATE transaction already serialises writers; the
same statement runs there (SQLite ≥ 3.35). Draw the number as late as possible in the transaction:
the counter row stays locked until commit."""
from __future__ import annotations

from django.db import connection

from .models import Counter, NumberCounter


def next_value(scope: str, *key, at_least: int = 0) -> int:
    """Next value of the counter (scope, key…), starting at 1.

    `at_least` is the highest value already used before the counter existed (e.g. the current
    Max(version) of rows written by older code); the counter never hands out a value at or below
    it. Passing it is only needed where such rows can exist."""
    table = Counter._meta.db_table
    joined = "|".join(str(k) for k in key)
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {table} (scope, key, last_value) VALUES (%s, %s, %s) "
            f"ON CONFLICT (scope, key) DO UPDATE SET last_value = CASE "
            f"WHEN {table}.last_value + 1 > excluded.last_value THEN {table}.last_value + 1 "
            f"ELSE excluded.last_value END RETURNING last_value",
            [scope, joined, at_least + 1],
        )
        return cur.fetchone()[0]


def allocate_serial(court_code: str, year: int, type_code: str, special_code: str = "") -> int:
    """Next case serial for (court, year, 专门审判代字, 类型代字) — 案号规定 第九条、第十条.

    The case-number counter keeps its own table (NumberCounter, one column per part of the key,
    also moved forward by legacy imports); it is the same upsert as `next_value`."""
    table = NumberCounter._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {table} (court_code, year, special_code, type_code, last_serial) "
            f"VALUES (%s, %s, %s, %s, 1) "
            f"ON CONFLICT (court_code, year, special_code, type_code) "
            f"DO UPDATE SET last_serial = {table}.last_serial + 1 RETURNING last_serial",
            [court_code, year, special_code, type_code],
        )
        return cur.fetchone()[0]
