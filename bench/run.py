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
    ap.add_argument("--filer-mode", choices=["thread", "process", "both"], default="both",
                    help="filers as threads of this process (the specified metric; the GIL serialises their "
                         "Python work), as forked processes (like gunicorn workers), or both (default)")
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
    from django.db.models import Count
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


def _registration_setup(rng: random.Random) -> dict:
    """Court, clerks, cause and procedure for the registration runs; one registration
    alone with its queries counted (which also warms the code paths up)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from xiezhi.courts.models import Cause, Procedure
    from xiezhi.filing import services as fs

    User = get_user_model()
    clerks = list(User.objects.filter(username__startswith="bench_", kind="staff", roles__contains=["filing_judge"])
                  .select_related("court").order_by("pk"))
    if not clerks:
        raise RuntimeError("no bench filing clerks in the database")
    court = next((c.court for c in clerks if c.court.case_code == "豫0222"), clerks[0].court)
    procedure = Procedure.objects.filter(limit_code="civil_summary", active=True).order_by("id").first()
    today = timezone.localdate()
    version = fs.cause_version_for(today) if hasattr(fs, "cause_version_for") else "2025"
    cause = Cause.objects.filter(kind="civil", version=version, name="民间借贷纠纷").order_by("-level", "id").first()
    ctx = {"court_id": court.pk, "court_code": court.case_code, "court": f"{court.name} ({court.case_code})",
           "clerk_ids": [c.pk for c in clerks if c.court_id == court.pk], "year": today.year,
           "procedure": procedure.code, "cause_id": cause.pk if cause else None,
           "region6": "41" + court.case_code[1:5]}
    clerk = clerks[[c.pk for c in clerks].index(ctx["clerk_ids"][0])]
    with CaptureQueriesContext(connection) as cq:
        t0 = time.perf_counter()
        filing = fs.counter_filing(clerk, court, complaint(rng, ctx["cause_id"], ctx["region6"]))
        case = fs.register(clerk, filing, procedure_code=procedure.code)
        ms = (time.perf_counter() - t0) * 1000
    ctx["single"] = {"ms": round(ms, 1), "queries": len(cq.captured_queries), "number": case.number}
    return ctx


def _counter(ctx: dict) -> int:
    from bench.generate import TYPE_CODE
    from xiezhi.cases.models import NumberCounter

    row = NumberCounter.objects.filter(court_code=ctx["court_code"], year=ctx["year"], special_code="",
                                       type_code=TYPE_CODE).first()
    return row.last_serial if row else 0


def _filer_loop(ctx: dict, i: int, n: int, seed: float, barrier) -> tuple[list, list]:
    """One filer: n × (counter_filing, register). Runs in a thread or a child process; the
    connection it opens is its own and is closed at the end."""
    from django.contrib.auth import get_user_model
    from django.db import connections

    from xiezhi.courts.models import Court
    from xiezhi.filing import services as fs

    done, errors = [], []
    try:
        try:
            me = get_user_model().objects.get(pk=ctx["clerk_ids"][i % len(ctx["clerk_ids"])])
            court = Court.objects.get(pk=ctx["court_id"])
            wrng = random.Random(seed)
            datas = [complaint(wrng, ctx["cause_id"], ctx["region6"]) for _ in range(n)]
        except Exception as exc:
            errors.append(f"setup: {exc!r}")
            datas = []
        barrier.wait()
        for data in datas:
            t0 = time.perf_counter()
            try:
                f = fs.counter_filing(me, court, data)
                c = fs.register(me, f, procedure_code=ctx["procedure"])
                done.append((c.serial, c.number, (time.perf_counter() - t0) * 1000))
            except Exception as exc:
                errors.append(f"{exc.__class__.__name__}: {exc}")
    finally:
        connections.close_all()
    return done, errors


def _run_threads(ctx: dict, filers: int, per: list[int], rng: random.Random):
    barrier = threading.Barrier(filers + 1)
    lock = threading.Lock()
    done, errors = [], []

    def worker(i, n, seed):
        d, e = _filer_loop(ctx, i, n, seed, barrier)
        with lock:
            done.extend(d)
            errors.extend(e)

    threads = [threading.Thread(target=worker, args=(i, n, rng.random()), name=f"filer-{i}")
               for i, n in enumerate(per)]
    for t in threads:
        t.start()
    barrier.wait()
    t0, c0 = time.perf_counter(), time.process_time()
    for t in threads:
        t.join()
    return done, errors, time.perf_counter() - t0, time.process_time() - c0


def _child(ctx, i, n, seed, barrier, out):
    done, errors = _filer_loop(ctx, i, n, seed, barrier)
    out.put((done, errors))


def _run_processes(ctx: dict, filers: int, per: list[int], rng: random.Random):
    import multiprocessing as mp

    from django.db import connections

    connections.close_all()  # a forked child must not share the parent's socket
    mpc = mp.get_context("fork")
    barrier = mpc.Barrier(filers + 1)
    out = mpc.Queue()
    procs = [mpc.Process(target=_child, args=(ctx, i, n, rng.random(), barrier, out), name=f"filer-{i}")
             for i, n in enumerate(per)]
    for p in procs:
        p.start()
    barrier.wait()
    t0 = time.perf_counter()
    done, errors = [], []
    import queue

    for _ in procs:
        try:
            d, e = out.get(timeout=900)
        except queue.Empty:
            errors.append("a filer process gave no result within 15 minutes")
            break
        done.extend(d)
        errors.extend(e)
    elapsed = time.perf_counter() - t0
    for p in procs:
        p.join()
    return done, errors, elapsed, None


def measure_registrations(filers: int, total: int, rng: random.Random, modes: list[str]) -> dict:
    """Registrations per second by `filers` concurrent filers for one court, year and type;
    then the serials handed out must be exactly before+1 … before+n."""
    from bench.generate import TYPE_CODE
    from xiezhi.cases.models import Case

    try:
        from xiezhi.filing import services as fs  # noqa: F401
    except Exception as exc:  # a module the filing services import is not written yet
        return {"error": f"xiezhi.filing.services cannot be imported: {exc.__class__.__name__}: {exc}"}
    try:
        ctx = _registration_setup(rng)
    except Exception as exc:
        return {"error": f"a single registration failed: {exc.__class__.__name__}: {exc}",
                "traceback": traceback.format_exc(limit=6)}
    out = {"court": ctx["court"], "year": ctx["year"], "procedure": ctx["procedure"], "single": ctx["single"],
           "runs": {}}
    per = [total // filers + (1 if i < total % filers else 0) for i in range(filers)]
    for mode in modes:
        before = _counter(ctx)
        runner = _run_threads if mode == "thread" else _run_processes
        done, errors, elapsed, cpu = runner(ctx, filers, per, rng)
        after = _counter(ctx)
        serials = sorted(s for s, _, _ in done)
        expected = list(range(before + 1, before + len(done) + 1))
        db_serials = sorted(Case.objects.filter(court_id=ctx["court_id"], year=ctx["year"],
                                                case_type__type_code=TYPE_CODE, serial__gt=before)
                            .values_list("serial", flat=True))
        numbers = [n for _, n, _ in done]
        lat = [ms for _, _, ms in done]
        top = max(serials) if serials else before
        run = {
            "mode": mode, "filers": filers, "requested": total, "registered": len(done), "errors": len(errors),
            "error_samples": errors[:5], "seconds": round(elapsed, 2),
            "per_second": round(len(done) / elapsed, 1) if elapsed else None,
            "latency_p50_ms": round(percentile(lat, 50), 1) if lat else None,
            "latency_p95_ms": round(percentile(lat, 95), 1) if lat else None,
            "serials": [serials[0], serials[-1]] if serials else [], "counter_before": before,
            "counter_after": after, "duplicates": len(serials) - len(set(serials)),
            "gaps": len(set(range(before + 1, top + 1)) - set(serials)),
            "serials_consecutive": (serials == expected and db_serials == expected and after == before + len(done)
                                    and len(set(numbers)) == len(numbers)),
        }
        if cpu is not None:
            run["python_cpu_cores"] = round(cpu / elapsed, 2) if elapsed else None
        out["runs"][mode] = run
        log(f"  {mode} filers: {json.dumps(run, ensure_ascii=False)}")
    return out


# ---------------------------------------------------------------------------------------
# dataset facts
# ---------------------------------------------------------------------------------------

def dataset_facts() -> dict:
    from django.db import connection
    from django.db.models import Count

    from xiezhi.cases.models import Case, CaseEvent, Party

    facts = {"cases": Case.objects.count(), "parties": Party.objects.count(), "events": CaseEvent.objects.count()}
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
    modes = report["args"]["filer_modes"]
    for mode in modes:
        label = (f"Registrations/s, {report['args']['filers']} filer "
                 f"{'threads in one process' if mode == 'thread' else 'processes'}")
        target = f"≥ {REGISTRATION_TARGET:.0f}/s"
        if r is None:
            rows.append([label, "—", "—", "—", target, "not run"])
            continue
        if "error" in r:
            rows.append([label, "—", "—", "—", target, f"not measured: {r['error']}"])
            continue
        m = r["runs"][mode]
        verdict = "pass" if (m["per_second"] or 0) >= REGISTRATION_TARGET and m["serials_consecutive"] else "fail"
        serial_note = ("serials distinct and consecutive" if m["serials_consecutive"]
                       else f"serials NOT consecutive: {m['duplicates']} duplicates, {m['gaps']} gaps")
        rows.append([f"{label} ({m['registered']} registered, {m['errors']} errors)",
                     _fmt_ms(m["latency_p50_ms"]) + " per registration", _fmt_ms(m["latency_p95_ms"]),
                     f"{r['single']['queries']} per registration", target,
                     f"{verdict}: {m['per_second']}/s; {serial_note}"])
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
                  f"in {gen['seconds']} s: building rows and COPY (overlapped) {gen['load_seconds']} s at "
                  f"{gen['rows_per_second']:,} rows/s, rebuilding indexes {gen['index_seconds']} s, counters and "
                  f"VACUUM (ANALYZE) {gen['finalize_seconds']} s; filed {gen['filed_between'][0]} … "
                  f"{gen['filed_between'][1]}"]
    for n in report.get("notes", []):
        lines.append(f"- note: {n}")
    r = report.get("registrations") or {}
    if r and "error" not in r:
        lines += ["", "## Registrations", "",
                  f"- court {r['court']}, year {r['year']}, procedure {r['procedure']}; one registration alone: "
                  f"{r['single']['ms']} ms, {r['single']['queries']} queries"]
        for mode, m in r["runs"].items():
            cpu = f"; the Python process used {m['python_cpu_cores']} cores" if m.get("python_cpu_cores") else ""
            lines.append(f"- {'threads' if mode == 'thread' else 'processes'}: {m['registered']} of {m['requested']} registered in {m['seconds']} s by "
                         f"{m['filers']} filers = {m['per_second']}/s; serials {m['serials']}, counter "
                         f"{m['counter_before']} → {m['counter_after']}, duplicates {m['duplicates']}, gaps "
                         f"{m['gaps']}{cpu}")
            if m.get("error_samples"):
                lines.append(f"  - errors: {m['error_samples']}")
    lines += ["", "## Machine", "", f"- load average (1/5/15 min) before the measurements: {report.get('load_before')}, "
              f"after: {report.get('load_after')} (other work on the machine slows every figure)"]
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
    report["args"]["filer_modes"] = ["thread", "process"] if args.filer_mode == "both" else [args.filer_mode]
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
    report["load_before"] = [round(x, 2) for x in os.getloadavg()]
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
            report["registrations"] = measure_registrations(args.filers, args.registrations, rng,
                                                            report["args"]["filer_modes"])
        except Exception as exc:
            report["registrations"] = {"error": f"{exc.__class__.__name__}: {exc}",
                                       "traceback": traceback.format_exc(limit=8)}
        if "error" in report["registrations"]:
            log(f"  registrations: {report['registrations']['error']}")

    report["load_after"] = [round(x, 2) for x in os.getloadavg()]
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
