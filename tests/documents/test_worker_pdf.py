"""In production the PDF of a generated document is made by a Celery worker over Redis, so the
clerk's request returns as soon as the .docx is filled: the draft is listed at once as "PDF 生成中",
a real worker runs LibreOffice, and the PDF (with its hash) then enters the e-file."""
import os
import shutil
import time

import pytest
from django.db import connection

from tests.helpers import celery_worker

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_pdf_is_made_by_a_redis_backed_worker(case_setup, settings):
    redis_url = os.environ.get("XIEZHI_REDIS_URL")
    if not redis_url or connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL and Redis that `make test` starts")
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("needs LibreOffice (make system-deps)")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = redis_url
    from xiezhi.documents import services
    from xiezhi.documents.models import GeneratedDocument
    from xiezhi.dossier.models import Entry

    case, judge = case_setup["case"], case_setup["judge"]
    started = time.monotonic()
    doc = services.generate(judge, case, "acceptance_notice")
    returned_after = time.monotonic() - started
    doc.refresh_from_db()
    assert doc.pdf_pending and doc.docx  # the request did not wait for LibreOffice
    with celery_worker(media_root=settings.MEDIA_ROOT) as worker:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            doc = GeneratedDocument.objects.get(pk=doc.pk)
            if not doc.pdf_pending:
                break
            time.sleep(0.5)
    out = worker["log"]
    assert "Traceback" not in out, out
    assert doc.pdf and not doc.pdf_error, out
    with doc.pdf.open("rb") as f:
        data = f.read()
    assert data.startswith(b"%PDF-") and services.sha256(data) == doc.pdf_sha256
    # the worker told the e-file: the draft PDF is catalogued
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not Entry.objects.filter(
            source=f"documents.GeneratedDocument:{doc.pk}").exists():
        time.sleep(0.5)
    assert Entry.objects.filter(source=f"documents.GeneratedDocument:{doc.pk}").exists()
    print(f"generate() returned after {returned_after:.2f} s")
