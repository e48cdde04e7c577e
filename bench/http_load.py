"""HTTP load test through the production stack: ``python -m bench.http_load [--cases N] [--reuse]
[--sessions S] [--duration SEC] [--max-requests R] [--url https://…]`` (``make bench`` runs it
at 1,000,000 cases with the throw-away PostgreSQL + Redis of scripts/with-services.sh).

1. migrate and generate N cases with bench.generate (``--reuse``: not if the database already
   holds ≥ N, as bench.run does);
2. start the `make serve` stack (scripts/serve.sh: nginx TLS → gunicorn with the production
   profile, Celery worker and beat) on free loopback ports with XIEZHI_SERVER_TIMING=1, or use
   the running stack at ``--url`` (same database; started with XIEZHI_SERVER_TIMING=1 for the
   SQL figures);
3. S staff sessions log in through the real login form: S judges who have cases (bench users
   have unusable passwords; the bench gives these judges and the 豫0222 filing clerks one
   password, hashed once with the product's PBKDF2 hasher) — no session is forged;
4. S threads, one per judge session, each run a realistic mix over keep-alive TLS connections
   for a bounded time and request count: workbench /staff/, the judge's own case pages
   /staff/cases/<pk>/, their case-page panels /staff/cases/<pk>/panels/<key>/, case search
   /staff/cases/?q=<a party's name>, and one operation in twenty a registration (立案) by a
   filing clerk's session: the counter-filing form POST then the register action POST;
5. report throughput, p50/p95 per page kind and overall (as the client saw it, through TLS and
   nginx, queueing for a gunicorn worker included), errors (every non-expected status or
   failure), and per kind the ratio of the page's time in Django to the time of its raw SQL,
   from the Server-Timing header (xiezhi.site.timing: app and db durations,
   connection.execute_wrapper). Writes bench/results/http-<date>-<cases>.md and .json.

Loopback only; at most --max-requests requests and --duration seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import threading
import time
import traceback
from collections import defaultdict
from datetime import date
from pathlib import Path

from bench.run import OPEN, RESULTS_DIR, complaint, dataset_facts, log, percentile

MIX = (("workbench", 20), ("case", 35), ("panel", 25), ("search", 15), ("register", 5))
KIND_LABEL = {
    "workbench": "Workbench `/staff/`",
    "case": "Case page `/staff/cases/<pk>/`",
    "panel": "Case-page panel `/staff/cases/<pk>/panels/<key>/`",
    "search": "Case search `/staff/cases/?q=<party name>`",
    "filing": "Registration 1/2: counter filing POST `/staff/filings/new/`",
    "register": "Registration 2/2: register action POST `/staff/filings/<pk>/decide/`",
}
PANEL_URL = re.compile(r'data-panel-url="(/staff/cases/\d+/panels/([\w-]+)/)"')
PASSWORD = "Bench-Load-2026!"  # set on the bench judges and clerks only (bench_* users)
TARGET_P95_MS = 1000.0


def mix_weights(spec: str) -> list[tuple[str, float]]:
    weights = dict(MIX)
    for part in filter(None, (p.strip() for p in spec.split(","))):
        k, _, v = part.partition("=")
        if k not in weights:
            raise SystemExit(f"--mix: unknown operation {k!r} (one of {', '.join(weights)})")
        weights[k] = float(v)
    return [(k, w) for k, w in weights.items() if w > 0]


def parse_args(argv=None):
    ap = argparse.ArgumentParser(prog="python -m bench.http_load", description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1_000_000, help="dataset size (default 1000000)")
    ap.add_argument("--reuse", action="store_true", help="do not generate if the database already holds ≥ N cases")
    ap.add_argument("--sessions", type=int, default=50, help="concurrent staff sessions (default 50)")
    ap.add_argument("--duration", type=float, default=120, help="seconds of load (default 120)")
    ap.add_argument("--max-requests", type=int, default=20000, help="stop after this many requests (default 20000)")
    ap.add_argument("--warmup", type=float, default=10, help="seconds of untimed load first (default 10)")
    ap.add_argument("--mix", default="",
                    help="weights per operation, e.g. search=0 to leave the search out "
                         "(default: " + ",".join(f"{k}={w}" for k, w in MIX) + ")")
    ap.add_argument("--think", type=float, default=0.0,
                    help="mean pause (s, exponential) between a session's operations; 0 = closed loop, "
                         "each session sends its next request as soon as the last one answered (default)")
    ap.add_argument("--url", default="", help="a running stack (https://127.0.0.1:8443) instead of starting one")
    ap.add_argument("--gunicorn-workers", type=int, default=0, help="for the stack started here (default 2×cores+1)")
    ap.add_argument("--seed", type=int, default=20250101)
    ap.add_argument("--courts", type=int, default=20)
    ap.add_argument("--judges-per-court", type=int, default=50)
    ap.add_argument("--out", type=Path, default=RESULTS_DIR)
    return ap.parse_args(argv)


# ---------------------------------------------------------------------------------------
# dataset and accounts
# ---------------------------------------------------------------------------------------

def prepare_dataset(args, report) -> None:
    from django.core.management import call_command

    from bench import generate as gen
    from xiezhi.cases.models import Case

    t0 = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrated in {time.perf_counter() - t0:.1f} s")
    cfg = gen.Config(cases=args.cases, courts=args.courts, judges_per_court=args.judges_per_court, seed=args.seed)
    existing = Case.objects.count()
    if args.reuse and existing >= args.cases:
        log(f"--reuse: the database holds {existing:,} cases (≥ {args.cases:,}); not generating")
        report["notes"].extend(gen.ensure_reference_data(cfg, log).notes)
        report["generation"] = None
    else:
        cfg.cases = args.cases - existing if args.reuse else args.cases
        result = gen.generate(cfg, log)
        report["generation"] = result.as_dict()
        report["notes"].extend(result.notes)


def pick_accounts(sessions: int, rng: random.Random) -> dict:
    """S judges that have cases (spread over the courts), their cases, a party name per case for
    the search, the filing clerks of 豫0222 and the cause for registrations; gives them all one
    password (the product's hasher, hashed once)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db.models import Count
    from django.utils import timezone

    from xiezhi.cases.models import Case, Party
    from xiezhi.courts.models import Cause
    from xiezhi.filing import services as fs

    User = get_user_model()
    judges = list(User.objects.filter(username__startswith="bench_", kind="staff", roles__contains=["judge"])
                  .annotate(n=Count("judged_cases")).filter(n__gt=0).order_by("pk").values_list("pk", flat=True))
    if len(judges) < sessions:
        raise RuntimeError(f"only {len(judges)} bench judges have cases; {sessions} sessions wanted")
    chosen = rng.sample(judges, sessions)
    clerks = list(User.objects.filter(username__startswith="bench_", kind="staff", roles__contains=["filing_judge"],
                                      court__case_code="豫0222").order_by("pk"))
    if not clerks:
        raise RuntimeError("no bench filing clerk of 豫0222")
    t0 = time.perf_counter()
    User.objects.filter(pk__in=chosen + [c.pk for c in clerks]).update(password=make_password(PASSWORD))
    log(f"password set on {len(chosen)} judges and {len(clerks)} clerks in {time.perf_counter() - t0:.1f} s")
    users = {u.pk: u for u in User.objects.filter(pk__in=chosen)}
    judges_out = []
    for pk in chosen:
        cases = list(Case.objects.filter(judge_id=pk).values_list("pk", flat=True))
        open_cases = Case.objects.filter(judge_id=pk, status__in=OPEN).count()
        names = list(Party.objects.filter(case_id__in=rng.sample(cases, min(30, len(cases))))
                     .values_list("name", flat=True))
        judges_out.append({"username": users[pk].username, "cases": cases, "open_cases": open_cases, "names": names})
    today = timezone.localdate()
    cause = (Cause.objects.filter(kind="civil", version=fs.cause_version_for(today), name="民间借贷纠纷", level__gte=3)
             .order_by("-level", "id").first())
    court = clerks[0].court
    return {"judges": judges_out, "clerks": [c.username for c in clerks], "cause_id": cause.pk if cause else "",
            "region6": "41" + court.case_code[1:5]}


def filing_form(data: dict, cause_id) -> dict:
    """bench.run's complaint as the counter-filing form posts it (xiezhi.web.forms.parse_filing_form)."""
    form = {"party_count": str(len(data["parties"])), "claims": data["claims"], "facts": data["facts"],
            "amount": data["amount"], "cause_id": str(cause_id or ""), "channel": "counter"}
    for i, p in enumerate(data["parties"]):
        for k, v in p.items():
            form[f"parties-{i}-{k}"] = v
    return form


# ---------------------------------------------------------------------------------------
# load
# ---------------------------------------------------------------------------------------

class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples: dict[str, list[tuple[float, float | None, float | None, int | None]]] = defaultdict(list)
        self.errors: list[str] = []
        self.error_count = 0
        self.requests = 0
        self.registrations: list[float] = []
        self.recording = False

    def add(self, kind, ms, resp, ok: bool, what: str):
        app = resp.server_timing("app") if resp is not None else None
        db = resp.server_timing("db") if resp is not None else None
        queries = None
        if resp is not None:
            m = re.search(r'db;dur=[0-9.]+;desc="(\d+) queries"', resp.headers.get("Server-Timing", ""))
            queries = int(m.group(1)) if m else None
        with self.lock:
            if not self.recording:
                return
            self.requests += 1
            self.samples[kind].append((ms, app, db, queries))
            if not ok:
                self.error_count += 1
                if len(self.errors) < 20:
                    self.errors.append(what)


def run_load(base_url: str, accounts: dict, args, rng: random.Random) -> dict:
    from bench.stack import Client

    rec = Recorder()
    stop = threading.Event()
    ready = threading.Barrier(args.sessions + 1)
    panel_keys: list[str] = []
    clerk_cookies: list[dict] = []
    login_errors: list[str] = []
    budget = {"left": args.max_requests}
    budget_lock = threading.Lock()
    kinds, weights = zip(*mix_weights(args.mix))

    for name in accounts["clerks"]:
        c = Client(base_url)
        resp = c.login(name, PASSWORD)
        if resp.status != 302:
            raise RuntimeError(f"filing clerk {name} could not log in: HTTP {resp.status}")
        clerk_cookies.append(dict(c.cookies))
        c.close()

    def timed(client, kind, method, path, data=None, expect=(200,)):
        t0 = time.perf_counter()
        resp = None
        try:
            resp = client.request(method, path, data)
            ok = resp.status in expect
            what = f"{method} {path}: HTTP {resp.status}"
        except Exception as exc:  # a failed connection is an error like a 500
            ok, what = False, f"{method} {path}: {exc.__class__.__name__}: {exc}"
            client.close()
        rec.add(kind, (time.perf_counter() - t0) * 1000, resp, ok, what)
        return resp if ok else None

    def worker(i: int):
        wrng = random.Random(args.seed * 1000 + i)
        judge = accounts["judges"][i]
        me = Client(base_url)
        clerk = Client(base_url)
        clerk.cookies = dict(clerk_cookies[i % len(clerk_cookies)])
        try:
            resp = me.login(judge["username"], PASSWORD)
            if resp.status != 302:
                login_errors.append(f"{judge['username']}: HTTP {resp.status}")
            elif i == 0:
                page = me.get(f"/staff/cases/{judge['cases'][0]}/")
                panel_keys.extend(k for _, k in PANEL_URL.findall(page.text))
        except Exception as exc:
            login_errors.append(f"{judge['username']}: {exc!r}")
        ready.wait()
        while not stop.is_set():
            with budget_lock:
                if budget["left"] <= 0:
                    stop.set()
                    break
                budget["left"] -= 1 if rec.recording else 0
            if args.think > 0 and stop.wait(wrng.expovariate(1 / args.think)):
                break
            kind = wrng.choices(kinds, weights)[0]
            pk = wrng.choice(judge["cases"])
            if kind == "workbench":
                timed(me, "workbench", "GET", "/staff/")
            elif kind == "case":
                timed(me, "case", "GET", f"/staff/cases/{pk}/")
            elif kind == "panel":
                key = wrng.choice(panel_keys) if panel_keys else "none"
                timed(me, "panel", "GET", f"/staff/cases/{pk}/panels/{key}/", expect=(200, 204))
            elif kind == "search":
                from urllib.parse import quote

                name = wrng.choice(judge["names"]) if judge["names"] else "张"
                timed(me, "search", "GET", f"/staff/cases/?q={quote(name)}")
            else:
                t0 = time.perf_counter()
                token = clerk.cookies.get("csrftoken", "")
                data = filing_form(complaint(wrng, accounts["cause_id"], accounts["region6"]), accounts["cause_id"])
                resp = timed(clerk, "filing", "POST", "/staff/filings/new/", {**data, "csrfmiddlewaretoken": token},
                             expect=(302,))
                if resp is None:
                    continue
                review = resp.headers.get("Location", "")
                resp = timed(clerk, "register", "POST", f"{review.rstrip('/')}/decide/",
                             {"action": "register", "procedure": "civil_summary", "cause_id": accounts["cause_id"],
                              "csrfmiddlewaretoken": token}, expect=(302,))
                # the success messages wait in a cookie for a page the bench does not open: drop them
                clerk.cookies.pop("messages", None)
                if resp is not None and "/staff/cases/" in resp.headers.get("Location", ""):
                    with rec.lock:
                        if rec.recording:
                            rec.registrations.append((time.perf_counter() - t0) * 1000)
                elif resp is not None:
                    rec.add("register", 0, None, False, f"register did not reach a case page: "
                                                         f"{resp.headers.get('Location')}")
        me.close()
        clerk.close()

    threads = [threading.Thread(target=worker, args=(i,), name=f"session-{i}", daemon=True)
               for i in range(args.sessions)]
    t_login = time.perf_counter()
    for t in threads:
        t.start()
    ready.wait()
    log(f"{args.sessions} judge sessions and {len(clerk_cookies)} clerk sessions logged in "
        f"in {time.perf_counter() - t_login:.1f} s; login errors: {len(login_errors)}; panels {panel_keys}")
    time.sleep(args.warmup)  # untimed warm-up: connections, worker caches, PostgreSQL buffers
    with rec.lock:
        rec.recording = True
    t0 = time.perf_counter()
    load_before = [round(x, 2) for x in os.getloadavg()]
    stop.wait(args.duration)
    stop.set()
    elapsed = time.perf_counter() - t0
    with rec.lock:
        rec.recording = False
    for t in threads:
        t.join(120)
    return {"recorder": rec, "seconds": elapsed, "login_errors": login_errors, "panel_keys": panel_keys,
            "clerk_sessions": len(clerk_cookies), "load_during_start": load_before}


def summarise(run: dict) -> dict:
    rec: Recorder = run["recorder"]
    out = {"seconds": round(run["seconds"], 1), "requests": rec.requests,
           "throughput_rps": round(rec.requests / run["seconds"], 1) if run["seconds"] else None,
           "errors": rec.error_count + len(run["login_errors"]), "error_samples": rec.errors + run["login_errors"],
           "kinds": {}}
    every = []
    for kind in ("workbench", "case", "panel", "search", "filing", "register"):
        s = rec.samples.get(kind) or []
        if not s:
            continue
        every.extend(s)
        out["kinds"][kind] = _kind(s)
    out["overall"] = _kind(every) if every else {}
    total_app = sum(s[1] for s in every if s[1] is not None)
    if total_app:  # where the gunicorn workers spent their time
        for kind, s in rec.samples.items():
            if kind in out["kinds"]:
                out["kinds"][kind]["share_of_django_time"] = round(
                    sum(x[1] for x in s if x[1] is not None) / total_app, 3)
    if rec.registrations:
        out["registrations"] = {"count": len(rec.registrations),
                                "p50_ms": round(percentile(rec.registrations, 50), 1),
                                "p95_ms": round(percentile(rec.registrations, 95), 1)}
    return out


def _kind(samples) -> dict:
    ms = [s[0] for s in samples]
    app = [s[1] for s in samples if s[1] is not None]
    db = [s[2] for s in samples if s[2] is not None]
    q = [s[3] for s in samples if s[3] is not None]
    d = {"requests": len(samples), "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
         "max_ms": round(max(ms), 1), "mean_ms": round(statistics.fmean(ms), 1)}
    if app and db:
        d.update({"app_p50_ms": round(percentile(app, 50), 1), "app_p95_ms": round(percentile(app, 95), 1),
                  "db_p50_ms": round(percentile(db, 50), 1), "db_p95_ms": round(percentile(db, 95), 1),
                  "app_mean_ms": round(statistics.fmean(app), 1), "db_mean_ms": round(statistics.fmean(db), 1),
                  "queries_mean": round(statistics.fmean(q), 1) if q else None,
                  # the page's time in Django over the time of its raw SQL (sums, so heavy pages weigh more)
                  "app_to_sql_ratio": round(sum(app) / sum(db), 2) if sum(db) else None,
                  "client_to_sql_ratio": round(sum(ms) / sum(db), 2) if sum(db) else None})
    return d


# ---------------------------------------------------------------------------------------
# report
# ---------------------------------------------------------------------------------------

def render_markdown(report: dict) -> str:
    r = report["result"]
    facts = report["dataset"]
    size = f"{facts['cases']:,} cases · {facts['parties']:,} parties · {facts['events']:,} events"
    lines = [f"# HTTP load {report['date']} — {report['args']['cases']:,} cases, {report['args']['sessions']} sessions",
             "", f"`python -m bench.http_load {' '.join(report['argv'])}` on {report['machine']}; {facts.get('postgresql')}; "
             f"database {facts.get('database_size')}; {size}.", "",
             f"Stack: {report['stack']}.", "",
             f"**{r['requests']:,} requests in {r['seconds']} s = {r['throughput_rps']} requests/s; "
             f"errors: {r['errors']}**; overall p50 {r['overall'].get('p50_ms')} ms, p95 {r['overall'].get('p95_ms')} ms "
             f"(client side, through TLS and nginx, waiting for a free gunicorn worker included).", "",
             "| Page kind | Requests | p50 | p95 | max | Django p50 / p95 | SQL p50 / p95 | Queries (mean) | "
             "Django time ÷ SQL time | Client time ÷ SQL time | Share of Django time |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for kind, m in list(r["kinds"].items()) + [("overall", r["overall"])]:
        label = KIND_LABEL.get(kind, "**All requests**")
        lines.append(f"| {label} | {m['requests']:,} | {m['p50_ms']} ms | {m['p95_ms']} ms | {m['max_ms']} ms | "
                     f"{m.get('app_p50_ms', '—')} / {m.get('app_p95_ms', '—')} ms | "
                     f"{m.get('db_p50_ms', '—')} / {m.get('db_p95_ms', '—')} ms | {m.get('queries_mean', '—')} | "
                     f"{m.get('app_to_sql_ratio', '—')} | {m.get('client_to_sql_ratio', '—')} | "
                     f"{format(m['share_of_django_time'], '.0%') if 'share_of_django_time' in m else '—'} |")
    if r.get("registrations"):
        g = r["registrations"]
        lines += ["", f"Registrations (both POSTs, by the 豫0222 filing clerks' sessions): {g['count']} "
                      f"completed, p50 {g['p50_ms']} ms, p95 {g['p95_ms']} ms."]
    lines += ["", "## How", "",
              f"- {report['args']['sessions']} judge sessions (one thread each, keep-alive TLS) plus "
              f"{r.get('clerk_sessions')} filing-clerk sessions, all logged in through the real `/staff/login/` form "
              "(the bench judges and clerks are given one password, hashed with the product's PBKDF2 hasher).",
              ("- closed loop: each session sends its next request as soon as the last one answered (no "
               "think time), so the figures are those of a saturated server and p50/p95 include the wait for a "
               "free gunicorn worker" if not report['args']['think'] else
               f"- think time: exponential pauses of mean {report['args']['think']} s between a session's operations"),
              f"- mix per operation (weights): {', '.join(f'{k} {w:g}' for k, w in mix_weights(report['args']['mix']))} "
              "(a registration is two POSTs).",
              f"- panels: {', '.join(report['panel_keys']) or '—'}; search: a party name from one of the judge's cases.",
              f"- bounded: {report['args']['duration']} s and at most {report['args']['max_requests']:,} requests after "
              f"{report['args']['warmup']} s of untimed warm-up.",
              "- 'Django' and 'SQL' times come from the `Server-Timing` header (`XIEZHI_SERVER_TIMING=1`, "
              "xiezhi.site.timing: the whole middleware chain, and every query through "
              "`connection.execute_wrapper`). The ratio is Σ Django time ÷ Σ SQL time per kind.",
              f"- judges' cases: open {report['open_cases']}."]
    for n in report.get("notes", []):
        lines.append(f"- note: {n}")
    if r["error_samples"]:
        lines += ["", "## Errors", ""] + [f"- {e}" for e in r["error_samples"]]
    lines += ["", "## Machine", "",
              f"- load average (1/5/15 min) before the load: {report['load_before']}, after: {report['load_after']} "
              "(2 cores shared with other sessions; the load client runs on the same machine)", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")
    import django

    django.setup()
    from django.db import connection, connections

    from bench.stack import Stack, database_url

    if connection.vendor != "postgresql":
        log("bench.http_load needs PostgreSQL: set XIEZHI_DATABASE_URL (scripts/with-services.sh does).")
        return 2
    if not args.url and not os.environ.get("XIEZHI_REDIS_URL"):
        log("bench.http_load needs Redis for the stack: set XIEZHI_REDIS_URL (scripts/with-services.sh does).")
        return 2
    report: dict = {"date": date.today().isoformat(), "argv": argv,
                    "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
                    "machine": f"{os.cpu_count()} cores, Python {platform.python_version()}", "notes": []}
    prepare_dataset(args, report)
    report["dataset"] = dataset_facts()
    log(f"dataset: {json.dumps(report['dataset'], ensure_ascii=False)}")
    rng = random.Random(args.seed)
    accounts = pick_accounts(args.sessions, rng)
    opens = sorted(j["open_cases"] for j in accounts["judges"])
    report["open_cases"] = {"min": opens[0], "median": statistics.median(opens), "max": opens[-1]}
    stack = None
    if args.url:
        base = args.url.rstrip("/")
        report["stack"] = f"running stack at {base}"
    else:
        serve_dir = Path(tempfile.mkdtemp(prefix="xiezhi-http-load-"))
        env = {"XIEZHI_SERVER_TIMING": "1", "XIEZHI_NGINX_ACCESS_LOG": "off", "XIEZHI_CELERY_CONCURRENCY": "1"}
        stack = Stack(serve_dir, database_url(connection.settings_dict), os.environ["XIEZHI_REDIS_URL"], celery=True,
                      gunicorn_workers=args.gunicorn_workers or None, env=env)
        connections.close_all()
        log(f"starting the stack (scripts/serve.sh) in {serve_dir} …")
        stack.start()
        base = stack.base_url
        workers = args.gunicorn_workers or (os.cpu_count() or 1) * 2 + 1
        report["stack"] = (f"scripts/serve.sh — nginx (TLS, self-signed) on {base} → gunicorn {workers} sync workers "
                           f"on 127.0.0.1:{stack.gunicorn_port}, XIEZHI_PROFILE=production, Celery worker "
                           f"(concurrency 1) and beat, PostgreSQL and Redis from the environment")
        log(f"stack ready at {base}")
    try:
        report["load_before"] = [round(x, 2) for x in os.getloadavg()]
        run = run_load(base, accounts, args, rng)
        report["load_after"] = [round(x, 2) for x in os.getloadavg()]
        report["panel_keys"] = run["panel_keys"]
        report["result"] = summarise(run)
        report["result"]["clerk_sessions"] = run["clerk_sessions"]
    except Exception:
        report["notes"].append("the load run crashed: " + traceback.format_exc(limit=8))
        log(report["notes"][-1])
        if stack:
            log(stack.log())
        raise
    finally:
        if stack:
            stack.stop()
    r = report["result"]
    log(json.dumps({k: v for k, v in r.items() if k != "error_samples"}, ensure_ascii=False))
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / (f"http-{report['date']}-{args.cases}" + (f"-think{args.think:g}s" if args.think else "")
                       + (f"-mix-{args.mix.replace('=', '').replace(',', '-')}" if args.mix else ""))
    md = render_markdown(report)
    stem.with_suffix(".md").write_text(md, encoding="utf-8")
    stem.with_suffix(".json").write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str),
                                         encoding="utf-8")
    print(md)
    log(f"wrote {stem}.md and {stem}.json")
    return 0 if r["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
