"""The embedded demo runs every periodic job of settings.CELERY_BEAT_SCHEDULE in-process (the table
production's Celery beat reads), each on its schedule, and a failing job does not stop the others."""
import threading
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings

from xiezhi.celery import start_in_process_beat, task_function

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_job_of_the_beat_table_runs_in_process(court, monkeypatch, caplog):
    table = django_settings.CELERY_BEAT_SCHEDULE
    expected = {"xiezhi.cases.tasks.mark_deadlines", "xiezhi.delivery.tasks.settle_public_notices",
                "xiezhi.delivery.tasks.poll_sms_reports", "xiezhi.delivery.tasks.sweep_pending_services",
                "xiezhi.delivery.tasks.settle_postal_abroad",
                "xiezhi.dossier.tasks.process_pending", "xiezhi.documents.tasks.make_missing_pdfs",
                "xiezhi.enforcement.tasks.delete_expired_dishonest",
                "xiezhi.enforcement.tasks.poll_linkage",
                "xiezhi.enforcement.tasks.run_due_rescans"}
    assert {e["task"] for e in table.values()} == expected
    runs = {name: [] for name in expected}
    lock = threading.Lock()
    for name in expected:
        task = task_function(name)
        real = task.run

        def spy(*args, _name=name, _real=real, **kwargs):
            with lock:
                runs[_name].append(time.monotonic())
                first = len(runs[_name]) == 1
            if first and _name == "xiezhi.cases.tasks.mark_deadlines":
                raise RuntimeError("the first run fails")  # the scheduler must carry on
            return _real(*args, **kwargs)

        monkeypatch.setattr(task, "run", spy)
    # the same table with short schedules (crontab's smallest step is a minute)
    short = {key: {**entry, "schedule": timedelta(seconds=0.3)} for key, entry in table.items()}
    stop = threading.Event()
    thread = start_in_process_beat(short, tick=0.1, stop=stop)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and min(len(r) for r in runs.values()) < 3:
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive()
    assert {name: len(r) >= 3 for name, r in runs.items()} == {name: True for name in expected}
    assert "the first run fails" in caplog.text
