"""Production sends service e-mails from a Celery worker on Redis: start a real worker and let
it deliver a document to the local SMTP server."""
import os
import subprocess
import sys
import time

import pytest
from django.db import connection

from tests.helpers import assert_worker_ran_cleanly

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_email_service_runs_on_a_redis_backed_worker(world, smtp_server, settings):
    redis_url = os.environ.get("XIEZHI_REDIS_URL")
    if not redis_url or connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL and Redis that `make test` starts")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from xiezhi.delivery import services as ds
    from xiezhi.delivery.models import ServiceRecord

    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, email="yuangao@example.cn")
    db = connection.settings_dict
    env = dict(os.environ, XIEZHI_REDIS_URL=redis_url, XIEZHI_DATABASE_URL=(
        f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"),
        # the worker is another process: it learns the test's files and mail relay from its environment
        XIEZHI_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        XIEZHI_SMTP_HOST=settings.EMAIL_HOST, XIEZHI_SMTP_PORT=str(settings.EMAIL_PORT))
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "xiezhi", "worker", "--pool=solo",
                               "--concurrency=1", "--loglevel=WARNING", "-Q", "celery"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        [rec] = ds.serve(world["clerk"], world["case"], title="举证通知书", kind="evidence_notice",
                         file_bytes=world["pdf"], filename="n.pdf", parties=[world["plaintiff"]], methods=["email"])
        deadline = time.monotonic() + 60
        # PENDING → SENDING (claimed by the worker) → SERVED: wait until the claim is settled
        while time.monotonic() < deadline and ServiceRecord.objects.get(pk=rec.pk).status in ("pending", "sending"):
            time.sleep(0.5)
        rec.refresh_from_db()
        assert rec.status == "served", rec.failure
        assert len(smtp_server.messages) == 1 and smtp_server.messages[0]["to"] == ["yuangao@example.cn"]
    finally:
        worker.terminate()
        out = worker.communicate(timeout=20)[0].decode(errors="replace")
    assert_worker_ran_cleanly(out, "xiezhi.delivery.tasks")
