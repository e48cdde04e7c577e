"""Smoke test of the benchmark data generator (bench/generate.py): a tiny dataset made
through the same COPY code path as the million-case run must keep the invariants the
product relies on. No timings here: those belong to `make bench`."""
from collections import defaultdict
from datetime import date

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="bench.generate loads with PostgreSQL COPY; `make test` runs this on PostgreSQL"),
]

CASES = 300


def _indexes(tables):
    with connection.cursor() as cur:
        cur.execute("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)", [tables])
        return set(cur.fetchall())


@pytest.mark.django_db(transaction=True)
def test_generated_cases_keep_the_invariants():
    from bench.generate import Config, generate, resident_id_valid, uscc_valid
    from xiezhi.cases.events import EVENT_TYPES
    from xiezhi.cases.models import PARTY_ROLES, Case, CaseEvent, NumberCounter, Party
    from xiezhi.cases.services import allocate_serial, refresh_snapshot
    from xiezhi.law.casenumber import parse_case_number
    from xiezhi.law.identity import validate_resident_id, validate_uscc
    from xiezhi.law.periods import add_months

    tables = [Case._meta.db_table, Party._meta.db_table, CaseEvent._meta.db_table]
    indexes_before = _indexes(tables)
    today = date.today()
    # foreign-key triggers stay on so that PostgreSQL checks every reference at commit;
    # defer_indexes exercises the drop-and-rebuild path of the large runs
    cfg = Config(cases=CASES, courts=3, judges_per_court=5, clerks_per_court=2, chunk=70, seed=7, today=today,
                 skip_fk_triggers=False, defer_indexes=True, vacuum=False)
    result = generate(cfg)

    assert (result.cases, len(result.courts)) == (CASES, 3)
    assert _indexes(tables) == indexes_before
    court_ids = [c["id"] for c in result.courts]
    cases = list(Case.objects.filter(court_id__in=court_ids).select_related("court", "case_type", "cause",
                                                                              "procedure", "judge"))
    assert len(cases) == CASES
    assert result.parties == Party.objects.filter(case__in=cases).count()
    assert result.events == CaseEvent.objects.filter(case__in=cases).count()

    # case numbers: the real format, unique, consecutive per (court, year, type) in filing order
    assert len({c.number for c in cases}) == CASES
    sequences = defaultdict(list)
    for c in cases:
        n = parse_case_number(c.number, type_codes=["民初"])
        assert (n.year, n.court_code, n.special_code, n.type_code, n.serial) == (
            c.year, c.court.case_code, "", c.case_type.type_code, c.serial)
        assert c.year == c.filed_on.year
        sequences[(c.court.case_code, c.year, c.case_type.type_code)].append((c.serial, c.filed_on))
    for (court_code, year, type_code), rows in sequences.items():
        rows.sort()
        assert [s for s, _ in rows] == list(range(1, len(rows) + 1))
        assert [d for _, d in rows] == sorted(d for _, d in rows), "serials follow the filing order"
        counter = NumberCounter.objects.get(court_code=court_code, year=year, special_code="", type_code=type_code)
        assert counter.last_serial == len(rows)
    code, year, type_code = next(iter(sequences))
    assert allocate_serial(code, year, type_code) == len(sequences[(code, year, type_code)]) + 1

    # timelines: 3–8 events, seq 1..n, in time order, the registration nodes first
    events = defaultdict(list)
    for e in CaseEvent.objects.filter(case__in=cases).order_by("case_id", "seq"):
        events[e.case_id].append(e)
    for c in cases:
        evs = events[c.pk]
        assert 3 <= len(evs) <= 8
        assert [e.seq for e in evs] == list(range(1, len(evs) + 1))
        assert [e.at for e in evs] == sorted(e.at for e in evs)
        assert [e.code for e in evs[:3]] == ["filing_received", "registered", "procedure_set"]
        assert evs[1].payload == {"number": c.number, "filed_on": c.filed_on.isoformat()}
        assert evs[2].payload == {"procedure": c.procedure.name, "limit_code": c.procedure.limit_code}
        assert c.procedure.limit_code in ("civil_summary", "civil_ordinary")
        assert all(e.code in EVENT_TYPES and e.public_to_parties == EVENT_TYPES[e.code].public for e in evs)
        assert c.version == len(evs)

    # parties: one plaintiff and one defendant, sometimes a lawyer for the plaintiff; valid IDs
    parties = defaultdict(list)
    for p in Party.objects.filter(case__in=cases):
        parties[p.case_id].append(p)
    agents = 0
    for c in cases:
        ps = parties[c.pk]
        assert sorted(p.role for p in ps if p.role in PARTY_ROLES) == ["defendant", "plaintiff"]
        assert c.title == f"{next(p.name for p in ps if p.role == 'plaintiff')} 诉 " \
                          f"{next(p.name for p in ps if p.role == 'defendant')}"
        for p in ps:
            if p.role == "agent":
                agents += 1
                assert p.represents.case_id == c.pk and p.represents.role == "plaintiff"
                assert p.law_firm.endswith("律师事务所") and p.lawyer_licence
            elif p.kind == "natural":
                assert resident_id_valid(p.id_number) and validate_resident_id(p.id_number), p.id_number
                assert (int(p.id_number[16]) % 2 == 1) == (p.gender == "男")
            else:
                assert uscc_valid(p.id_number) and validate_uscc(p.id_number), p.id_number
    assert 0 < agents < CASES

    # organisation: judges of the case's court; causes of the version in force when filed
    for c in cases:
        assert c.cause.kind == "civil"
        assert c.cause_version == c.cause.version == ("2025" if c.filed_on >= date(2026, 1, 1) else "2020")
        if c.status == "registered":
            assert c.judge is None
        else:
            assert c.judge.court_id == c.court_id and c.judge.roles == ["judge"] and c.judge.kind == "staff"
            assert c.division_id == c.judge.division_id
        assert (c.closed_on is not None) == (c.status in ("closed", "archived"))

    # the snapshot agrees with the timeline: what refresh_snapshot recomputes is what was loaded
    statuses = set()
    for c in cases:
        loaded = (c.status, c.limit_end, c.deadline_state)
        statuses.add(c.status)
        if c.status != "suspended":
            months = 3 if c.procedure.limit_code == "civil_summary" else 6
            assert c.limit_end == add_months(c.filed_on, months)
        refresh_snapshot(c, today)
        assert (c.status, c.limit_end, c.deadline_state) == loaded, c.number
    assert {"in_trial", "closed", "archived"} <= statuses
