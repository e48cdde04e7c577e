"""Run the benchmarks: ``python -m bench.run [--cases N] [--reuse] [--samples K]
[--filers F] [--registrations R]`` (``make bench`` starts PostgreSQL and Redis first).

1. migrate, load reference data, generate N cases (bench.generate) unless --reuse finds
   enough already;
2. staff workbench (/staff/) and case page (/staff/cases/<pk>/): p50/p95 server time of K
   in-process requests (django.test.Client, logged in as random judges) and the number of
   SQL queries, which must not depend on how much data a judge or a case has;
3. registrations per second: F threads, each with its own connection, each calling
   filing.services.counter_filing then register for one court, year and type; the serials
   handed out must be distinct and consecutive.

Prints a markdown table and writes it, with a JSON of every figure, to bench/results/.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import threading
import time
import traceback
from datetime import date
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
WORKBENCH_URL = "/staff/"
CASE_URL = "/staff/cases/{pk}/"
PAGE_TARGET_MS = 150.0
REGISTRATION_TARGET = 50.0
OPEN = ("registered", "in_trial", "suspended")


def log(msg: str) -> None:
    print(msg, flush=True)


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=100_000, help="dataset size (default 100000)")
    ap.add_argument("--reuse", action="store_true", help="skip generation if the database already holds ≥ N cases")
    ap.add_argument("--samples", type=int, default=200, help="requests timed per page (default 200)")
    ap.add_argument("--filers", type=int, default=20, help="concurrent filing threads (default 20)")
    ap.add_argument("--registrations", type=int, default=1000, help="registrations in the concurrent run (default 1000)")
    ap.add_argument("--seed", type=int, default=20250101)
    ap.add_argument("--courts", type=int, default=20)
    ap.add_argument("--judges-per-court", type=int, default=50)
    ap.add_argument("--skip-pages", action="store_true")
    ap.add_argument("--skip-registrations", action="store_true")
    ap.add_argument("--out", type=Path, default=RESULTS_DIR, help="where to write the .md and .json")
    return ap.parse_args(argv)


# ---------------------------------------------------------------------------------------
# pages
# ---------------------------------------------------------------------------------------

def _client_host() -> str:
    from django.conf import settings

    for h in settings.ALLOWED_HOSTS:
        if h == "*":
            return "testserver"
        if not h.startswith("."):
            return h
    return "127.0.0.1"


def _bench_judges():
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return User.objects.filter(username__startswith="bench_", kind="staff", roles__contains=["judge"])


class _Page:
    def __init__(self, name: str, url_of):
        self.name = name
        self.url_of = url_of


def _get(client, url):
    t0 = time.perf_counter()
    resp = client.get(url)
    dt = (time.perf_counter() - t0) * 1000
    if hasattr(resp, "streaming_content") and resp.streaming:
        b"".join(resp.streaming_content)
    return resp, dt


def _queries(client, url) -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        resp = client.get(url)
    return len(ctx.captured_queries), resp.status_code


def measure_pages(samples: int, rng: random.Random) -> dict:
    from django.db.models import Count, Q
    from django.test import Client

    from xiezhi.cases.models import Case

    host = _client_host()
    judges = list(_bench_judges().annotate(n=Count("judged_cases")).filter(n__gt=0).order_by("pk"))
    if not judges:
        return {"error": "no bench judges with cases in the database"}
    pool = rng.sample(judges, min(20, len(judges)))
    clients, cases_of = {}, {}
    for j in pool:
        c = Client(HTTP_HOST=host)
        c.force_login(j)
        clients[j.pk] = c
        cases_of[j.pk] = list(Case.objects.filter(judge=j).values_list("pk", flat=True))
    out: dict = {}

    # -- workbench --------------------------------------------------------------------
    probe, _ = _get(clients[pool[0].pk], WORKBENCH_URL)
    wb: dict = {"url": WORKBENCH_URL, "probe_status": probe.status_code}
    if probe.status_code != 200:
        wb["error"] = _status_text(WORKBENCH_URL, probe)
    else:
        for j in pool[:5]:
            _get(clients[j.pk], WORKBENCH_URL)  # warm-up
        times, bad = [], {}
        for _ in range(samples):
            j = rng.choice(pool)
            resp, dt = _get(clients[j.pk], WORKBENCH_URL)
            if resp.status_code != 200:
                bad[resp.status_code] = bad.get(resp.status_code, 0) + 1
            times.append(dt)
        wb.update(_summary(times), non_200=bad)
        # query count at the judges with the fewest and the most open cases
        open_counts = (Case.objects.filter(judge__in=[j.pk for j in judges], status__in=OPEN)
                       .values("judge").annotate(n=Count("id")).order_by("n", "judge"))
        ranked = list(open_counts)
        checks = []
        if ranked:
            by_pk = {j.pk: j for j in judges}
            for row in (ranked[0], ranked[-1]):
                j = by_pk[row["judge"]]
                c = Client(HTTP_HOST=host)
                c.force_login(j)
                _get(c, WORKBENCH_URL)
                n, status = _queries(c, WORKBENCH_URL)
                checks.append({"judge": j.username, "open_cases": row["n"],
                               "all_cases": Case.objects.filter(judge=j).count(), "queries": n, "status": status})
        pool_counts = sorted({_queries(clients[j.pk], WORKBENCH_URL)[0] for j in pool})
        wb["query_checks"] = checks
        wb["queries_seen"] = pool_counts
        wb["queries"] = checks[0]["queries"] if checks else pool_counts[0]
        wb["queries_equal"] = len({c["queries"] for c in checks} | set(pool_counts)) == 1
    out["workbench"] = wb

    # -- case page --------------------------------------------------------------------
    j0 = pool[0]
    probe, _ = _get(clients[j0.pk], CASE_URL.format(pk=cases_of[j0.pk][0]))
    cp: dict = {"url": CASE_URL, "probe_status": probe.status_code}
    if probe.status_code != 200:
        cp["error"] = _status_text(CASE_URL.format(pk=cases_of[j0.pk][0]), probe)
    else:
        for j in pool[:5]:
            _get(clients[j.pk], CASE_URL.format(pk=cases_of[j.pk][0]))
        times, bad = [], {}
        for _ in range(samples):
            j = rng.choice(pool)
            pk = rng.choice(cases_of[j.pk])
            resp, dt = _get(clients[j.pk], CASE_URL.format(pk=pk))
            if resp.status_code != 200:
                bad[resp.status_code] = bad.get(resp.status_code, 0) + 1
            times.append(dt)
        cp.update(_summary(times), non_200=bad)
        # the smallest and the largest case of the busiest judge in the pool
        busiest = max(pool, key=lambda j: len(cases_of[j.pk]))
        shapes = list(Case.objects.filter(judge=busiest)
                      .annotate(np=Count("parties", distinct=True), ne=Count("events", distinct=True))
                      .values("pk", "number", "np", "ne").order_by("np", "ne", "pk"))
        checks = []
        if shapes:
            for row in (shapes[0], shapes[-1]):
                _get(clients[busiest.pk], CASE_URL.format(pk=row["pk"]))
                n, status = _queries(clients[busiest.pk], CASE_URL.format(pk=row["pk"]))
                checks.append({"case": row["number"], "pk": row["pk"], "parties": row["np"], "events": row["ne"],
                               "queries": n, "status": status})
        sample_counts = set()
        for j in pool[:10]:
            sample_counts.add(_queries(clients[j.pk], CASE_URL.format(pk=rng.choice(cases_of[j.pk])))[0])
        cp["query_checks"] = checks
        cp["queries_seen"] = sorted(sample_counts)
        cp["queries"] = checks[0]["queries"] if checks else min(sample_counts)
        cp["queries_equal"] = len({c["queries"] for c in checks} | sample_counts) == 1
    out["case_page"] = cp
    return out


def _status_text(url: str, resp) -> str:
    if resp.status_code == 404:
        return f"{url} returned 404: the staff view is not written yet (or not routed)"
    if resp.status_code in (301, 302):
        return f"{url} redirected ({resp.status_code}) to {resp.get('Location')}: a bench judge cannot open it"
    return f"{url} returned HTTP {resp.status_code}"


def _summary(times: list[float]) -> dict:
    return {"samples": len(times), "p50_ms": round(percentile(times, 50), 1), "p95_ms": round(percentile(times, 95), 1),
            "max_ms": round(max(times), 1), "mean_ms": round(statistics.fmean(times), 1)}


# ---------------------------------------------------------------------------------------
# registrations
# ---------------------------------------------------------------------------------------

def complaint(rng: random.Random, cause_id: int | None, region6: str = "410222") -> dict:
    from bench.generate import Namer, resident_id

    namer = Namer(rng)
    p_name, male = namer.person()
    d_name, _ = namer.person()
    from datetime import timedelta

    birth = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 40))
    seq = rng.randrange(0, 100) * 10 + (rng.choice((1, 3, 5, 7, 9)) if male else rng.choice((0, 2, 4, 6, 8)))
    amount = rng.randrange(5_000, 200_000)
    return {
        "parties": [
            {"role": "plaintiff", "kind": "natural", "name": p_name, "id_number": resident_id(region6, birth, seq),
             "gender": "男" if male else "女", "ethnicity": "汉族", "phone": namer.phone(),
             "address": "河南省开封市通许县城关镇人民路18号"},
            {"role": "defendant", "kind": "natural", "name": d_name, "address": "河南省开封市通许县朱砂镇王庄村12号",
             "phone": namer.phone()},
        ],
        "claims": f"1. 判令被告偿还借款本金{amount:,}元及逾期利息；2. 本案诉讼费用由被告承担。",
        "facts": "被告因资金周转向原告借款，原告通过银行转账交付借款，被告出具借条。借款到期后经多次催要，被告至今未还。",
        "amount": str(amount),
        "cause_id": cause_id,
    }


def measure_registrations(filers: int, total: int, rng: random.Random) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import close_old_connections, connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from bench.generate import LIMIT_MONTHS, TYPE_CODE
    from xiezhi.cases.models import Case, NumberCounter
    from xiezhi.courts.models import Cause, Court, Procedure

    try:
        from xiezhi.filing import services as fs
    except Exception as exc:  # a module the filing services import is not written yet
        return {"error": f"xiezhi.filing.services cannot be imported: {exc.__class__.__name__}: {exc}"}

    User = get_user_model()
    clerks = list(User.objects.filter(username__startswith="bench_", kind="staff", roles__contains=["filing_judge"])
                  .select_related("court").order_by("pk"))
    if not clerks:
        return {"error": "no bench filing clerks in the database"}
    court = next((c.court for c in clerks if c.court.case_code == "豫0222"), clerks[0].court)
    clerk_ids = [c.pk for c in clerks if c.court_id == court.pk]
    procedure = Procedure.objects.filter(limit_code="civil_summary", active=True).order_by("id").first()
    today = timezone.localdate()
    version = fs.cause_version_for(today) if hasattr(fs, "cause_version_for") else "2025"
    cause = Cause.objects.filter(kind="civil", version=version, name="民间借贷纠纷").order_by("-level", "id").first()
    year = today.year
    region6 = "41" + court.case_code[1:5]

    def counter() -> int:
        row = NumberCounter.objects.filter(court_code=court.case_code, year=year, special_code="",
                                           type_code=TYPE_CODE).first()
        return row.last_serial if row else 0

    out: dict = {"court": f"{court.name} ({court.case_code})", "filers": filers, "year": year,
                 "procedure": procedure.code if procedure else None}
    # one registration alone, with its queries counted (also warms the code paths up)
    clerk = User.objects.get(pk=clerk_ids[0])
    try:
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            filing = fs.counter_filing(clerk, court, complaint(rng, cause.pk if cause else None, region6))
            case = fs.register(clerk, filing, procedure_code=procedure.code)
            single_ms = (time.perf_counter() - t0) * 1000
        out["single"] = {"ms": round(single_ms, 1), "queries": len(ctx.captured_queries), "number": case.number}
    except Exception as exc:
        return {**out, "error": f"a single registration failed: {exc.__class__.__name__}: {exc}",
                "traceback": traceback.format_exc(limit=6)}

    before = counter()
    per_thread = [total // filers + (1 if i < total % filers else 0) for i in range(filers)]
    barrier = threading.Barrier(filers + 1)
    lock = threading.Lock()
    done: list[tuple[int, str, float]] = []
    errors: list[str] = []

    def worker(i: int, n: int):
        from django.db import connection as conn

        wrng = random.Random(rng.random() + i)
        try:
            me = User.objects.get(pk=clerk_ids[i % len(clerk_ids)])
            here = Court.objects.get(pk=court.pk)
            datas = [complaint(wrng, cause.pk if cause else None, region6) for _ in range(n)]
        except Exception as exc:
            with lock:
                errors.append(f"setup: {exc!r}")
            barrier.wait()
            conn.close()
            return
        barrier.wait()
        try:
            for data in datas:
                t0 = time.perf_counter()
                try:
                    f = fs.counter_filing(me, here, data)
                    c = fs.register(me, f, procedure_code=procedure.code)
                    with lock:
                        done.append((c.serial, c.number, (time.perf_counter() - t0) * 1000))
                except Exception as exc:
                    with lock:
                        errors.append(f"{exc.__class__.__name__}: {exc}")
        finally:
            conn.close()

    threads = [threading.Thread(target=worker, args=(i, n), name=f"filer-{i}") for i, n in enumerate(per_thread)]
    for t in threads:
        t.start()
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    close_old_connections()

    after = counter()
    serials = sorted(s for s, _, _ in done)
    expected = list(range(before + 1, before + len(done) + 1))
    in_db = Case.objects.filter(court=court, year=year, case_type__type_code=TYPE_CODE, serial__gt=before)
    db_serials = sorted(in_db.values_list("serial", flat=True))
    numbers = [n for _, n, _ in done]
    lat = [ms for _, _, ms in done]
    ok = (serials == expected and db_serials == expected and after == before + len(done)
          and len(set(numbers)) == len(numbers))
    dupes = len(serials) - len(set(serials))
    gaps = len(set(range(before + 1, (max(serials) if serials else before) + 1)) - set(serials))
    out.update({
        "requested": total, "registered": len(done), "errors": len(errors), "error_samples": errors[:5],
        "seconds": round(elapsed, 2), "per_second": round(len(done) / elapsed, 1) if elapsed else None,
        "latency_p50_ms": round(percentile(lat, 50), 1) if lat else None,
        "latency_p95_ms": round(percentile(lat, 95), 1) if lat else None,
        "serials": [serials[0], serials[-1]] if serials else [], "counter_before": before, "counter_after": after,
        "serials_consecutive": ok, "duplicates": dupes, "gaps": gaps,
    })
    return out


# ---------------------------------------------------------------------------------------
# dataset facts
# ---------------------------------------------------------------------------------------

def dataset_facts() -> dict:
    from django.db import connection
    from django.db.models import Count

    from xiezhi.cases.models import Case, CaseEvent, Party

    def est(model) -> int:
        with connection.cursor() as cur:
            cur.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
            r = cur.fetchone()
        return int(r[0]) if r and r[0] and r[0] > 0 else model.objects.count()

    facts = {"cases": Case.objects.count(), "parties": est(Party), "events": est(CaseEvent)}
    facts["status"] = dict(Case.objects.values_list("status").annotate(n=Count("id")).order_by())
    facts["deadline_state"] = dict(Case.objects.values_list("deadline_state").annotate(n=Count("id")).order_by())
    per_judge = sorted(Case.objects.filter(status__in=OPEN, judge__isnull=False).values("judge")
                       .annotate(n=Count("id")).values_list("n", flat=True))
    if per_judge:
        facts["open_cases_per_judge"] = {"min": per_judge[0], "median": statistics.median(per_judge),
                                         "max": per_judge[-1], "judges": len(per_judge)}
    with connection.cursor() as cur:
        cur.execute("SELECT pg_size_pretty(pg_database_size(current_database())), version()")
        size, version = cur.fetchone()
    facts["database_size"] = size
    facts["postgresql"] = version.split(",")[0]
    return facts


# ---------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------

def _fmt_ms(v) -> str:
    return "—" if v is None else f"{v:.1f} ms"


def _fmt_duration(s: float | None) -> str:
    if s is None:
        return "—"
    if s < 120:
        return f"{s:.0f} s"
    return f"{int(s // 60)} min {int(s % 60)} s"


def build_table(report: dict) -> str:
    facts = report["dataset"]
    gen = report.get("generation") or {}
    size = f"{facts['cases']:,} cases · {facts['parties']:,} parties · {facts['events']:,} events"
    gen_s = (f"{_fmt_duration(gen.get('seconds'))} ({gen.get('rows_per_second', 0):,} rows/s)"
             if gen.get("cases") else "reused")
    rows = []
    pages = report.get("pages") or {}
    for key, label in (("workbench", f"Staff workbench `{WORKBENCH_URL}`"),
                       ("case_page", "Case page `/staff/cases/<pk>/`")):
        m = pages.get(key)
        if m is None:
            rows.append([label, "—", "—", "—", f"p95 ≤ {PAGE_TARGET_MS:.0f} ms", "not run"])
            continue
        if "error" in m:
            rows.append([label, "—", "—", "—", f"p95 ≤ {PAGE_TARGET_MS:.0f} ms", f"not measured: {m['error']}"])
            continue
        checks = m.get("query_checks") or []
        if key == "workbench":
            detail = " / ".join(f"{c['queries']} at {c['open_cases']} open" for c in checks)
        else:
            detail = " / ".join(f"{c['queries']} at {c['parties']} parties, {c['events']} events" for c in checks)
        q = f"{m['queries']} ({detail}; seen {m['queries_seen']})"
        verdict = "pass" if m["p95_ms"] <= PAGE_TARGET_MS else "fail"
        if not m["queries_equal"]:
            verdict = "fail (query count varies with data)"
        if m.get("non_200"):
            verdict += f"; non-200 responses {m['non_200']}"
        rows.append([label, _fmt_ms(m["p50_ms"]), _fmt_ms(m["p95_ms"]), q, f"p95 ≤ {PAGE_TARGET_MS:.0f} ms", verdict])
    r = report.get("registrations")
    label = f"Registrations/s, {report['args']['filers']} filers"
    if r is None:
        rows.append([label, "—", "—", "—", f"≥ {REGISTRATION_TARGET:.0f}/s", "not run"])
    elif "error" in r:
        rows.append([label, "—", "—", "—", f"≥ {REGISTRATION_TARGET:.0f}/s", f"not measured: {r['error']}"])
    else:
        verdict = "pass" if (r["per_second"] or 0) >= REGISTRATION_TARGET and r["serials_consecutive"] else "fail"
        serial_note = ("serials distinct and consecutive" if r["serials_consecutive"]
                       else f"serials NOT consecutive: {r['duplicates']} duplicates, {r['gaps']} gaps")
        rows.append([f"{label} ({r['registered']} registered, {r['errors']} errors)",
                     _fmt_ms(r["latency_p50_ms"]) + " per registration", _fmt_ms(r["latency_p95_ms"]),
                     f"{r['single']['queries']} per registration",
                     f"≥ {REGISTRATION_TARGET:.0f}/s", f"{verdict}: {r['per_second']}/s; {serial_note}"])
    head = ["Dataset", "Generation", "Metric", "p50", "p95", "Queries", "Target", "Result"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for i, row in enumerate(rows):
        lines.append("| " + " | ".join([size if i == 0 else "", gen_s if i == 0 else ""] + row) + " |")
    return "\n".join(lines)


def render_markdown(report: dict, table: str) -> str:
    facts = report["dataset"]
    gen = report.get("generation") or {}
    lines = [f"# Benchmark {report['date']} — {report['args']['cases']:,} cases", "",
             f"`python -m bench.run {' '.join(report['argv'])}` on {report['machine']}; {facts.get('postgresql')}; "
             f"database {facts.get('database_size')}.", "", table, ""]
    lines += ["## Dataset", "",
              f"- status: {facts.get('status')}", f"- deadline_state: {facts.get('deadline_state')}",
              f"- open cases per judge: {facts.get('open_cases_per_judge')}"]
    if gen.get("cases"):
        lines += [f"- generated now: {gen['cases']:,} cases, {gen['parties']:,} parties, {gen['events']:,} events "
                  f"in {gen['seconds']} s (COPY {gen['load_seconds']} s at {gen['rows_per_second']:,} rows/s; "
                  f"counters + VACUUM ANALYZE {gen['finalize_seconds']} s), filed {gen['filed_between'][0]} … "
                  f"{gen['filed_between'][1]}"]
    for n in report.get("notes", []):
        lines.append(f"- note: {n}")
    r = report.get("registrations") or {}
    if r and "error" not in r:
        lines += ["", "## Registrations", "",
                  f"- court {r['court']}, year {r['year']}, procedure {r['procedure']}: {r['registered']} of "
                  f"{r['requested']} registered in {r['seconds']} s by {r['filers']} threads = {r['per_second']}/s",
                  f"- serials {r['serials']}, counter {r['counter_before']} → {r['counter_after']}, "
                  f"duplicates {r['duplicates']}, gaps {r['gaps']}",
                  f"- one registration alone: {r['single']['ms']} ms, {r['single']['queries']} queries"]
        if r.get("error_samples"):
            lines.append(f"- errors: {r['error_samples']}")
    lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------

def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import generate as gen
    from xiezhi.cases.models import Case

    if connection.vendor != "postgresql":
        log("bench.run needs PostgreSQL: set XIEZHI_DATABASE_URL (scripts/with-services.sh does).")
        return 2
    report: dict = {"date": date.today().isoformat(), "argv": argv, "args": {k: (str(v) if isinstance(v, Path) else v)
                                                                             for k, v in vars(args).items()},
                    "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}", "notes": []}
    t0 = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrated in {time.perf_counter() - t0:.1f} s")

    cfg = gen.Config(cases=args.cases, courts=args.courts, judges_per_court=args.judges_per_court, seed=args.seed)
    existing = Case.objects.count()
    if args.reuse and existing >= args.cases:
        log(f"--reuse: the database holds {existing:,} cases (≥ {args.cases:,}); not generating")
        refs = gen.ensure_reference_data(cfg, log)
        report["notes"].extend(refs.notes)
        report["generation"] = None
    else:
        if existing:
            log(f"the database already holds {existing:,} cases; adding {args.cases - existing if args.reuse else args.cases:,}")
        cfg.cases = args.cases - existing if args.reuse else args.cases
        result = gen.generate(cfg, log)
        report["generation"] = result.as_dict()
        report["notes"].extend(result.notes)

    report["dataset"] = dataset_facts()
    log(f"dataset: {json.dumps(report['dataset'], ensure_ascii=False)}")
    rng = random.Random(args.seed)
    if not args.skip_pages:
        log(f"measuring pages ({args.samples} samples each)…")
        try:
            report["pages"] = measure_pages(args.samples, rng)
        except Exception as exc:
            report["pages"] = {"workbench": {"error": f"{exc.__class__.__name__}: {exc}"},
                               "case_page": {"error": f"{exc.__class__.__name__}: {exc}"}}
            report["notes"].append("page measurement crashed: " + traceback.format_exc(limit=8))
        for k, v in report["pages"].items():
            log(f"  {k}: {json.dumps(v, ensure_ascii=False)}")
    if not args.skip_registrations:
        log(f"measuring registrations ({args.registrations} by {args.filers} filers)…")
        try:
            report["registrations"] = measure_registrations(args.filers, args.registrations, rng)
        except Exception as exc:
            report["registrations"] = {"error": f"{exc.__class__.__name__}: {exc}",
                                       "traceback": traceback.format_exc(limit=8)}
        log(f"  registrations: {json.dumps(report['registrations'], ensure_ascii=False)}")

    table = build_table(report)
    print()
    print(table)
    print()
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"{report['date']}-{args.cases}"
    stem.with_suffix(".md").write_text(render_markdown(report, table), encoding="utf-8")
    stem.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str),
                                         encoding="utf-8")
    log(f"wrote {stem}.md and {stem}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
