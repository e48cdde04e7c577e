"""Production runs the deadline job on a Celery worker over Redis: start a real worker and
let it mark a case and notify the judge."""
import os
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.db import connection

from tests.helpers import assert_worker_ran_cleanly

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_deadline_job_runs_on_a_redis_backed_worker(court, make_staff):
    redis_url = os.environ.get("XIEZHI_REDIS_URL")
    if not redis_url or connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL and Redis that `make test` starts")
    from django.utils import timezone

    from xiezhi.cases.models import Notification
    from xiezhi.cases.services import import_case
    from xiezhi.cases.tasks import mark_deadlines_task
    from xiezhi.courts.models import CaseType, Procedure
    from xiezhi.law.periods import add_months

    judge = make_staff(["judge"])
    proc = Procedure.objects.filter(limit_code="civil_ordinary").first()
    filed = add_months(timezone.localdate(), -6) - timedelta(days=3)  # 3 days past the limit
    case = import_case(court=court, case_type=CaseType.objects.filter(type_code="民初").first(), year=filed.year,
                       serial=8801, filed_on=filed, procedure=proc, judge=judge,
                       events=[("procedure_set", timezone.now(), judge, {"procedure": proc.name,
                                                                          "limit_code": "civil_ordinary"})])
    db = connection.settings_dict
    env = dict(os.environ, XIEZHI_REDIS_URL=redis_url, XIEZHI_DATABASE_URL=(
        f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"))
    from xiezhi.celery import app

    # tasks other tests left on the shared broker (another xdist worker's PDFs) are not this test's
    app.control.purge()
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "xiezhi", "worker", "--pool=solo",
                               "--concurrency=1", "--loglevel=WARNING", "-Q", "celery"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        mark_deadlines_task.apply_async()  # through the broker, not in this process
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not Notification.objects.filter(user=judge, case=case).exists():
            time.sleep(0.5)
        case.refresh_from_db()
        assert case.deadline_state == "overdue"
        assert Notification.objects.filter(user=judge, case=case, text__contains="已超过审限").count() == 1
    finally:
        worker.terminate()
        out = worker.communicate(timeout=20)[0].decode(errors="replace")
    assert_worker_ran_cleanly(out, "mark_deadlines")
