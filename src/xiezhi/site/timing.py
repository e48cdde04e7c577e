"""Server-Timing for the HTTP load bench (bench.http_load): how long the request took inside
Django and how much of it was SQL. Enabled only by XIEZHI_SERVER_TIMING=1 (the bench sets it on
the stack it starts): the header tells any client how long the server's queries took.

    Server-Timing: app;dur=41.7, db;dur=12.3;desc="14 queries"
"""
from time import perf_counter

from django.db import connection


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sql = {"seconds": 0.0, "queries": 0}

        def timed(execute, statement, params, many, context):
            t0 = perf_counter()
            try:
                return execute(statement, params, many, context)
            finally:
                sql["seconds"] += perf_counter() - t0
                sql["queries"] += 1

        t0 = perf_counter()
        # outermost middleware: the session save and the auth lookups are counted too
        with connection.execute_wrapper(timed):
            response = self.get_response(request)
        app_ms = (perf_counter() - t0) * 1000
        response["Server-Timing"] = (f"app;dur={app_ms:.1f}, "
                                     f"db;dur={sql['seconds'] * 1000:.1f};desc=\"{sql['queries']} queries\"")
        return response
