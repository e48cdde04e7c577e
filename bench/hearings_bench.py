"""Hearing conflict-check benchmark: ``python -m bench.hearings_bench [--hearings N] [--samples K]``
(run it through scripts/with-services.sh so XIEZHI_DATABASE_URL points at PostgreSQL).

Generates N hearings (default 10,000) in one month for one court with 20 courtrooms,
50 judges, 30 clerks and 200 lawyers, then times the conflict check for a new hearing
(xiezhi.hearings.services.check_conflicts: the participant keys of the case, then one
indexed query over hearings_slot) and counts its SQL queries. Target: p95 ≤ 50 ms.
Prints a markdown table and writes it to bench/results/hearings-<date>.md."""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import time
from datetime import date, datetime, timedelta
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
TARGET_MS = 50.0


def percentile(values, p):
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def generate(n_hearings: int, rooms_n=20, judges_n=50, clerks_n=30, lawyers_n=200, seed=7):
    from django.db import transaction
    from django.utils import timezone

    from xiezhi.accounts.models import User
    from xiezhi.cases.models import Case, Party
    from xiezhi.courts.models import CaseType, Court, Courtroom, Procedure
    from xiezhi.courts.refdata import divisions_for_basic_court
    from xiezhi.hearings.models import Hearing, Slot

    rnd = random.Random(seed)
    court = Court.objects.get(case_code="豫0222")
    divisions_for_basic_court(court)
    ct = CaseType.objects.filter(type_code="民初").first()
    proc = Procedure.objects.get(code="civil_ordinary")
    tz = timezone.get_current_timezone()
    month0 = date(2030, 3, 1)
    with transaction.atomic():
        rooms = [Courtroom.objects.get_or_create(court=court, name=f"B第{i + 1}法庭")[0] for i in range(rooms_n)]
        judges = User.objects.bulk_create([User(username=f"bj{i}", kind="staff", court=court, roles=["judge"],
                                                real_name=f"法官{i}") for i in range(judges_n)])
        clerks = User.objects.bulk_create([User(username=f"bc{i}", kind="staff", court=court, roles=["clerk"],
                                                real_name=f"书记员{i}") for i in range(clerks_n)])
        licences = [f"141012015{i:08d}" for i in range(lawyers_n)]
        cases = Case.objects.bulk_create([
            Case(court=court, case_type=ct, procedure=proc, number=f"（2030）豫0222民初B{i + 1}号", year=2030,
                 serial=900000 + i, filed_on=month0 - timedelta(days=30), judge=rnd.choice(judges), status="in_trial")
            for i in range(n_hearings)], batch_size=2000)
        Through = Case.team.through
        Through.objects.bulk_create([Through(case_id=c.pk, user_id=rnd.choice(clerks).pk) for c in cases], batch_size=5000)
        parties = []
        for c in cases:
            parties.append(Party(case=c, role="plaintiff", name="原告"))
            parties.append(Party(case=c, role="defendant", name="被告"))
            for lic in rnd.sample(licences, rnd.choice((1, 1, 2))):
                parties.append(Party(case=c, role="agent", name=f"律师{lic[-4:]}", lawyer_licence=lic))
        Party.objects.bulk_create(parties, batch_size=5000)
        # back-to-back 40-minute sessions in every room, every day of the month, 08:30–18:00
        hearings, times = [], []
        day, slot_i = 0, 0
        per_day = 14
        while len(times) < n_hearings:
            for r in rooms:
                d = month0 + timedelta(days=day)
                start = datetime(d.year, d.month, d.day, 8, 30, tzinfo=tz) + timedelta(minutes=40 * slot_i)
                times.append((r, start, start + timedelta(minutes=40)))
                if len(times) == n_hearings:
                    break
            slot_i += 1
            if slot_i == per_day:
                slot_i, day = 0, (day + 1) % 30
        for c, (r, s, e) in zip(cases, times):
            hearings.append(Hearing(case=c, court=court, courtroom=r, start=s, end=e, clerk=None))
        Hearing.objects.bulk_create(hearings, batch_size=5000)
        agents = {}
        for p in parties:
            if p.role == "agent":
                agents.setdefault(p.case_id, []).append(p.lawyer_licence)
        team = dict(Through.objects.filter(case_id__in=[c.pk for c in cases]).values_list("case_id", "user_id"))
        slots = []
        for h in hearings:
            keys = [f"r:{h.courtroom_id}", f"s:{h.case.judge_id}", f"s:{team[h.case_id]}"]
            keys += [f"l:{lic}" for lic in agents.get(h.case_id, [])]
            slots += [Slot(hearing=h, key=k, start=h.start, end=h.end) for k in keys]
        Slot.objects.bulk_create(slots, batch_size=10000)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("ANALYZE hearings_slot; ANALYZE hearings_hearing; ANALYZE cases_party")
    return court, rooms, cases, month0, len(slots)


def measure(rooms, cases, month0, samples: int, seed=11):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from xiezhi.cases.models import Case
    from xiezhi.hearings.services import (
        check_conflicts,
        find_conflicts,
        participant_keys,
    )

    rnd = random.Random(seed)
    tz = timezone.get_current_timezone()
    full, query_only, counts, found = [], [], [], []
    ids = [c.pk for c in cases]
    for i in range(samples + 20):
        case = Case.objects.select_related("judge").get(pk=rnd.choice(ids))
        d = month0 + timedelta(days=rnd.randrange(30))
        start = datetime(d.year, d.month, d.day, rnd.randrange(8, 17), rnd.choice((0, 30)), tzinfo=tz)
        end = start + timedelta(minutes=rnd.choice((30, 60, 120)))
        room = rnd.choice(rooms)
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            conflicts = check_conflicts(case, room, start, end)
            t1 = time.perf_counter()
        keys = participant_keys(case, room)
        t2 = time.perf_counter()
        find_conflicts(keys, start, end)
        t3 = time.perf_counter()
        if i >= 20:  # warm-up
            full.append((t1 - t0) * 1000)
            query_only.append((t3 - t2) * 1000)
            counts.append(len(ctx.captured_queries))
            found.append(len(conflicts))
    explain = ""
    if connection.vendor == "postgresql":
        from xiezhi.hearings.models import Slot
        from xiezhi.hearings.services import MAX_LENGTH

        qs = Slot.objects.filter(key__in=list(keys), start__lt=end, start__gt=start - MAX_LENGTH, end__gt=start)
        explain = qs.explain()
    return full, query_only, counts, found, explain


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.hearings_bench")
    ap.add_argument("--hearings", type=int, default=10_000)
    ap.add_argument("--samples", type=int, default=300)
    ap.add_argument("--out", type=Path, default=RESULTS_DIR)
    args = ap.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    from xiezhi.courts.refdata import load_all

    load_all()
    t0 = time.perf_counter()
    _court, rooms, cases, month0, n_slots = generate(args.hearings)
    gen_s = time.perf_counter() - t0
    full, query_only, counts, found, explain = measure(rooms, cases, month0, args.samples)
    p50, p95 = percentile(full, 50), percentile(full, 95)
    rows = [
        ("hearings in the month (one court)", f"{args.hearings:,}"),
        ("courtrooms / judges / clerks / lawyers", "20 / 50 / 30 / 200"),
        ("busy-slot rows (room, judge, clerk, lawyers)", f"{n_slots:,}"),
        ("conflict check p50 (ms)", f"{p50:.2f}"),
        ("conflict check p95 (ms)", f"{p95:.2f}  (target ≤ {TARGET_MS:.0f}: {'met' if p95 <= TARGET_MS else 'NOT met'})"),
        ("  of which the slot query alone p50 / p95 (ms)", f"{percentile(query_only, 50):.2f} / {percentile(query_only, 95):.2f}"),
        ("SQL queries per check (min–max)", f"{min(counts)}–{max(counts)} (team, agents, slots)"),
        ("conflicts found per check (mean)", f"{statistics.mean(found):.1f}"),
        ("samples", str(len(full))),
        ("data generation (s)", f"{gen_s:.1f}"),
        ("database", f"{connection.vendor} {'.'.join(map(str, getattr(connection, 'pg_version', 0) and divmod(connection.pg_version, 10000) or ()))}"),
        ("machine", f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"),
    ]
    md = [f"# Hearing conflict check — {date.today():%Y-%m-%d}", "", "| metric | value |", "|---|---|"]
    md += [f"| {k} | {v} |" for k, v in rows]
    if explain:
        md += ["", "Plan of the slot query (PostgreSQL EXPLAIN):", "", "```", explain, "```"]
    text = "\n".join(md) + "\n"
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"hearings-{date.today():%Y-%m-%d}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
