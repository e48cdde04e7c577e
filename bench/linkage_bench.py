"""Batch network search (网络查控) of many debtors across the eight simulated bodies:
``python -m bench.linkage_bench [--debtors N]`` (run it through scripts/with-services.sh so
XIEZHI_DATABASE_URL points at PostgreSQL).

Creates N enforcement cases (执), one natural-person judgment debtor each with a valid resident ID
number (bulk inserts, not timed), starts the simulator of the bodies in a subprocess
(``python -m xiezhi.enforcement.linkage_simulator``, a little unreliable: answers late, partly,
twice, a few lost), and then times what the central unit's run costs the court's side, in this
process as the worker would run it: ``linkage.start_search(None, cases)`` (N × 8 orders, one event
per case), ``linkage.send_pending()`` (claimed in chunks, sealed, submitted per body) and
``linkage.run_poll()`` until every order is answered (a lost order is re-sent after its deadline,
moved into the past here). Checks that every answer the simulator released is recorded once and
every asset once. Prints wall time per phase, orders/s and peak memory (getrusage maxrss of this
process). Writes bench/results/linkage-<date>-<N>.md and .json."""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
WEIGHTS = (7, 9, 10, 5, 8, 4, 3, 6, 1, 2, 7, 9, 10, 5, 8, 4, 2)


def resident_id(i: int) -> str:
    birth = date(1950, 1, 1) + timedelta(days=(i * 7919) % 20000)
    body = f"410222{birth:%Y%m%d}{i % 1000:03d}"
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_simulator(seed: int = 7) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "xiezhi.enforcement.linkage_simulator", "--port", str(port),
                             "--seed", str(seed), "--max-delay", "2", "--drop", "0.02", "--partial", "0.2",
                             "--duplicate", "0.1"], stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{url}/world/assets?id_number=1", timeout=1).read()
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the linkage simulator did not start")


def make_cases(n: int):
    """N 执 cases of one court, each with an applicant and a natural-person debtor (bulk inserts)."""
    from django.utils import timezone

    from xiezhi.accounts.models import User
    from xiezhi.cases.models import Case, Party
    from xiezhi.courts import refcache
    from xiezhi.courts.models import Court
    from xiezhi.courts.refdata import load_all

    load_all()
    court = Court.objects.filter(code__startswith="豫").order_by("pk").first() or Court.objects.order_by("pk").first()
    officer, _ = User.objects.get_or_create(username="bench-enforcer", defaults={"court": court})
    ctype = refcache.case_type("执")
    today = timezone.localdate()
    cases = Case.objects.bulk_create([
        Case(court=court, case_type=ctype, number=f"（{today.year}）豫0222执B{i}号", year=today.year, serial=500000 + i,
             filed_on=today, title="bench-linkage", judge=officer, amount="100000") for i in range(n)],
        batch_size=2000)
    parties = []
    for i, case in enumerate(cases):
        parties.append(Party(case=case, role="enf_applicant", name=f"申请人{i}"))
        parties.append(Party(case=case, role="judgment_debtor", kind="natural", name=f"被执行人{i}",
                             id_type="居民身份证", id_number=resident_id(i)))
    Party.objects.bulk_create(parties, batch_size=4000)
    return [c.pk for c in cases]


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.linkage_bench")
    ap.add_argument("--debtors", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=RESULTS_DIR)
    args = ap.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    if connection.vendor != "postgresql":
        raise SystemExit("the linkage bench needs PostgreSQL (scripts/with-services.sh sets XIEZHI_DATABASE_URL)")
    call_command("migrate", interactive=False, verbosity=0)
    from xiezhi.enforcement import linkage
    from xiezhi.enforcement.linkage_adapters import BODIES
    from xiezhi.enforcement.models_linkage import Asset, LinkageAnswer, LinkageCursor, LinkageOrder

    settings.CELERY_TASK_ALWAYS_EAGER = False
    linkage.run_after_commit = lambda *a, **k: None  # the phases below are the worker's, timed one by one
    LinkageCursor.objects.all().delete()  # a new simulator: its answers are numbered from the start
    print(f"creating {args.debtors:,} enforcement cases …", flush=True)
    t0 = time.perf_counter()
    case_ids = make_cases(args.debtors)
    setup_s = time.perf_counter() - t0
    proc, url = start_simulator()
    settings.LINKAGE_URL = url
    phases = {}
    try:
        t_all = time.perf_counter()
        t = time.perf_counter()
        batch = linkage.start_search(None, case_ids, reason="bench")
        phases["start_search"] = time.perf_counter() - t
        orders = batch.orders.count()
        t = time.perf_counter()
        sent = linkage.send_pending(batch.pk)
        phases["send_pending"] = time.perf_counter() - t
        t = time.perf_counter()
        rounds = 0
        open_ = LinkageOrder.objects.filter(batch=batch).exclude(status__in=["answered", "failed"])
        while open_.exists() and rounds < 60:
            rounds += 1
            linkage.run_poll()
            if rounds % 4 == 0:  # the follow-up deadline has passed: lost orders are sent again
                open_.filter(status__in=["sent", "partial"]).update(due_at=timezone.now() - timedelta(minutes=1))
        for _ in range(3):  # late duplicates
            linkage.run_poll()
        phases["run_poll"] = time.perf_counter() - t
        wall = time.perf_counter() - t_all
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        released = set()
        for body in BODIES:
            got = json.loads(urllib.request.urlopen(f"{url}/bodies/{body}/answers?since=0&limit=100000000").read())
            released |= {(body, a["answer_id"]) for a in got["answers"]}
        recorded = set(LinkageAnswer.objects.values_list("body", "answer_id"))
        statuses = dict(LinkageOrder.objects.filter(batch=batch).values_list("status").annotate(
            n=django.db.models.Count("id")))
        resent = LinkageOrder.objects.filter(batch=batch, attempts__gt=1).count()
        assets = Asset.objects.filter(case_id__in=case_ids).count()
        distinct_assets = Asset.objects.filter(case_id__in=case_ids).values("case_id", "body", "identifier") \
            .distinct().count()
    finally:
        proc.terminate()
        proc.wait(10)
    ok = recorded == released and assets == distinct_assets and statuses.get("answered") == orders
    md = [f"# Network search and control (网络查控) batch — {date.today():%Y-%m-%d}, {args.debtors:,} debtors", "",
          f"{args.debtors:,} enforcement cases, one debtor each, searched at {len(BODIES)} simulated bodies "
          f"(simulator in a subprocess: answers late ≤ 2 polls, 20 % partial, 10 % duplicated, 2 % lost). "
          f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"PostgreSQL {connection.pg_version // 10000}. Case setup (not timed): {setup_s:.1f} s.", "",
          "| phase | seconds |", "|---|---|"]
    md += [f"| {k} | {v:.1f} |" for k, v in phases.items()]
    md += ["", f"Wall time {wall:.1f} s for {orders:,} orders: **{orders / wall:,.0f} orders/s**; "
               f"peak memory (maxrss of this process) **{maxrss_mb:.0f} MB**; poll rounds {rounds}; "
               f"sent in the first pass {sent:,}, re-sent after a timeout {resent:,}.", "",
           f"Answers released by the simulator {len(released):,}, recorded {len(recorded):,}; assets {assets:,} "
           f"(distinct {distinct_assets:,}); order states {statuses}. Every answer once, every asset once: "
           f"**{'yes' if ok else 'NO'}**."]
    text = "\n".join(md) + "\n"
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"linkage-{date.today():%Y-%m-%d}-{args.debtors}"
    (args.out / f"{stem}.md").write_text(text, encoding="utf-8")
    (args.out / f"{stem}.json").write_text(json.dumps({
        "debtors": args.debtors, "orders": orders, "phases_s": phases, "wall_s": wall, "orders_per_s": orders / wall,
        "maxrss_mb": maxrss_mb, "rounds": rounds, "resent": resent, "answers_released": len(released),
        "answers_recorded": len(recorded), "assets": assets, "distinct_assets": distinct_assets,
        "statuses": statuses, "exactly_once": ok}, ensure_ascii=False, indent=1), encoding="utf-8")
    if not ok:
        raise SystemExit("answers or assets lost or counted twice")


if __name__ == "__main__":
    main()
