"""Fire the same action from several threads at once (PostgreSQL concurrency tests, *_pg.py).

Each thread gets its own database connection (Django opens one per thread) and waits at a
barrier, so the calls really overlap; the connections are closed when the thread ends. The
tests using this need `django_db(transaction=True)`: the threads must see committed data."""
from __future__ import annotations

import threading

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection, connections


def require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is proven on PostgreSQL (make test / scripts/with-services.sh runs it)")


def at_once(*calls, timeout: float = 60) -> list:
    """Run each zero-argument callable in its own thread, all released together. Returns, in
    call order, each call's result or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    out: list = [None] * len(calls)

    def run(i, fn):
        try:
            barrier.wait(timeout=timeout)
            out[i] = fn()
        except BaseException as exc:  # collected; the test asserts on it
            out[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout + 30)
    return out


def one_done_rest_refused(outcomes, refusal: str = "") -> object:
    """Exactly one call succeeded; every other one is a ValidationError (whose text contains
    `refusal`) — never an IntegrityError, a deadlock or any other error. Returns the success."""
    done = [o for o in outcomes if not isinstance(o, BaseException)]
    refused = [o for o in outcomes if isinstance(o, ValidationError)]
    others = [repr(o) for o in outcomes if isinstance(o, BaseException) and not isinstance(o, ValidationError)]
    assert others == []
    assert len(done) == 1, outcomes
    assert len(refused) == len(outcomes) - 1
    for r in refused:
        assert refusal in "；".join(r.messages), r.messages
    return done[0]


def post_at_once(clients, url: str, data: dict) -> list:
    """The same POST from several logged-in test clients at once (a double click). Returns the
    responses; an exception in a view (a 500) is raised by the test client and returned here."""
    return at_once(*[(lambda c=c: c.post(url, data)) for c in clients])


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def double_click(user, url: str, data: dict, n: int = 2) -> list:
    """`n` clients logged in as `user` POST the same form at once; every answer is a redirect
    (no 500). Returns the responses."""
    from django.test import Client

    clients = []
    for _ in range(n):
        c = Client()
        c.force_login(user)
        clients.append(c)
    responses = post_at_once(clients, url, data)
    assert [r if isinstance(r, BaseException) else r.status_code for r in responses] == [302] * n
    return responses
