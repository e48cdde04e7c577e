"""Celery application and the one way to run work later.

Production runs background work (deadline warnings, service of documents, PDFs, OCR, speech-to-text)
on Redis-backed Celery workers, with Celery beat reading `settings.CELERY_BEAT_SCHEDULE`. The embedded
demo has no worker and no beat: `run_after_commit` then runs the same task functions in this process,
and `start_in_process_beat` runs the same beat table in a thread of the server.

Services never import their tasks module: they name the task (`xiezhi.<app>.tasks.<verb>`) and tasks
import services, not the reverse."""
from __future__ import annotations

import importlib
import logging
import os
import threading
import time
from datetime import datetime, timedelta
from functools import partial

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")

app = Celery("xiezhi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

log = logging.getLogger(__name__)


def no_worker() -> bool:
    """True where no worker reads the queue: the embedded demo (in-memory broker) and eager test
    settings. Callers then do the background step in this process instead of queueing it."""
    from django.conf import settings

    return bool(getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False) or settings.CELERY_BROKER_URL.startswith("memory"))


def task_function(task_name: str):
    """The registered task called `task_name`. Task names are `xiezhi.<app>.tasks.<verb>`, so the
    module to import is the name without its last part (a task is registered when its module is)."""
    if task_name not in app.tasks:
        importlib.import_module(task_name.rsplit(".", 1)[0])
    return app.tasks[task_name]


def run_after_commit(task_name: str, *args, in_thread: bool = False) -> None:
    """Run the task `task_name(*args)` once the current transaction commits (at once when there is
    none; never when it rolls back).

    With a worker, the task is queued by name (`app.send_task`), so the caller does not import the
    task's module. A broker that is down must not turn a committed write into an error page: the
    failure is logged and the record stays as it is, for its app's periodic sweep to pick up
    (delivery: sweep_pending_services; e-file pages: process_pending; PDFs: make_missing_pdfs). A
    transcription left pending that way has no sweep: the clerk asks for it again.

    Without a worker (`no_worker()`: the embedded demo, eager test settings) the task's function runs
    in this process. `in_thread=False` runs it inline, right after the commit, so the page the user
    sees next already has the result (a PDF takes seconds; the browser walks seal the PDF at once).
    `in_thread=True` is for jobs of minutes (OCR of a scan, speech-to-text): a daemon thread runs it
    and the request returns at once; the page shows the job as pending until it is done. A failure
    in either is logged, never raised into the request."""
    from django.db import transaction

    transaction.on_commit(partial(_run_now, task_name, args, in_thread))


def _run_now(task_name: str, args: tuple, in_thread: bool) -> None:
    if no_worker():
        from django.db import connection

        # A thread has its own connection and sees only committed rows; a callback run while a
        # transaction is still open (a test capturing on-commit callbacks) therefore runs inline.
        if in_thread and not connection.in_atomic_block:
            thread = threading.Thread(target=_run_in_thread, args=(task_name, args), daemon=True,
                                      name=f"task-{task_name.rsplit('.', 1)[-1]}")
            _threads.add(thread)
            thread.start()
        else:
            _run_logged(task_name, args)
        return
    try:
        app.send_task(task_name, args=list(args))
    except Exception:  # the broker is down or refuses: the data is committed; a sweep retries
        log.exception("could not queue %s%r; the periodic sweep will pick it up", task_name, args)


def _run_logged(task_name: str, args: tuple) -> None:
    try:
        task_function(task_name)(*args)
    except Exception:  # keep the request (or the scheduler thread) alive; the sweep retries
        log.exception("in-process task %s%r failed", task_name, args)


_threads: set[threading.Thread] = set()  # in-process background jobs still running


def _run_in_thread(task_name: str, args: tuple) -> None:
    from django.db import connection

    try:
        _run_logged(task_name, args)
    finally:
        connection.close()  # the thread's own connection
        _threads.discard(threading.current_thread())


def wait_for_in_process_jobs(timeout: float = 120.0) -> bool:
    """Wait until the background jobs started by run_after_commit(in_thread=True) have finished (tests
    do, before they empty the database under them). True when none is left running."""
    deadline = time.monotonic() + timeout
    for thread in list(_threads):
        thread.join(max(0.0, deadline - time.monotonic()))
    return not any(t.is_alive() for t in _threads)


# ---- the beat table, run in-process by the embedded demo --------------------------------------

def _seconds_until_due(schedule, last_run: datetime) -> float:
    """Seconds until a celery schedule (crontab, timedelta or number) is next due after `last_run`."""
    from celery.schedules import schedule as celery_schedule

    if isinstance(schedule, (int, float)):
        schedule = timedelta(seconds=schedule)
    if isinstance(schedule, timedelta):
        schedule = celery_schedule(run_every=schedule, app=app)
    return max(0.0, schedule.remaining_estimate(last_run).total_seconds())


def start_in_process_beat(schedule: dict | None = None, *, tick: float = 30.0,
                          stop: threading.Event | None = None) -> threading.Thread:
    """Run every job of `settings.CELERY_BEAT_SCHEDULE` (or `schedule`) on its own schedule, in one
    daemon thread of this process: the embedded demo's beat. Each job's task function runs here (no
    broker); a failing job is logged and the thread carries on, so the next run retries. `tick` caps
    the sleep between checks (seconds); setting `stop` ends the thread (tests)."""
    from django.conf import settings

    table = dict(schedule if schedule is not None else getattr(settings, "CELERY_BEAT_SCHEDULE", {}))
    stop = stop or threading.Event()

    def loop():
        from django.db import connection
        from django.utils import timezone

        started = timezone.now()
        last_run = {name: started for name in table}
        while not stop.is_set():
            waits = {}
            for name, entry in table.items():
                wait = _seconds_until_due(entry["schedule"], last_run[name])
                if wait <= 0:
                    last_run[name] = timezone.now()
                    _run_logged(entry["task"], tuple(entry.get("args", ())))
                    wait = _seconds_until_due(entry["schedule"], last_run[name])
                waits[name] = wait
            connection.close()  # do not hold a connection between runs
            stop.wait(max(0.05, min([tick, *waits.values()])))

    thread = threading.Thread(target=loop, daemon=True, name="in-process-beat")
    thread.start()
    return thread
