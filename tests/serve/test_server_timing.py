"""The bench-only Server-Timing header (XIEZHI_SERVER_TIMING=1): time in Django and in SQL."""
import re

from django.test import Client


def test_server_timing_reports_the_sql_of_the_request(make_staff, settings):
    settings.MIDDLEWARE = ["xiezhi.site.timing.ServerTimingMiddleware", *settings.MIDDLEWARE]
    judge = make_staff(["judge"])
    c = Client()
    c.force_login(judge)
    resp = c.get("/staff/")
    assert resp.status_code == 200
    m = re.fullmatch(r'app;dur=([0-9.]+), db;dur=([0-9.]+);desc="(\d+) queries"', resp["Server-Timing"])
    assert m, resp["Server-Timing"]
    app_ms, db_ms, queries = float(m.group(1)), float(m.group(2)), int(m.group(3))
    assert queries >= 3 and 0 < db_ms <= app_ms


def test_no_server_timing_unless_the_bench_asks_for_it(make_staff):
    judge = make_staff(["judge"])
    c = Client()
    c.force_login(judge)
    assert "Server-Timing" not in c.get("/staff/")
