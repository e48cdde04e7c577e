"""A scanned multi-page PDF becomes searchable text in the case, without blocking the upload."""
import os
import shutil
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from tests.dossier.scan import scanned_pdf
from tests.helpers import celery_worker
from xiezhi.dossier import selectors
from xiezhi.dossier.models import Entry, Page

needs_tesseract = pytest.mark.skipif(not (shutil.which("tesseract") and shutil.which("pdftoppm")),
                                     reason="needs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils "
                                            "(scripts/deps/dossier.txt)")


@needs_tesseract
@pytest.mark.django_db
def test_a_scan_is_ocrd_per_page_with_renders_and_the_task_is_idempotent(registered):
    from xiezhi.dossier import services, tasks

    case, judge = registered["case"], registered["judge"]
    entry = services.upload(judge, case, SimpleUploadedFile("scan.pdf", scanned_pdf(), "application/pdf"),
                            title="扫描件", kind="evidence")
    assert entry.pages == 3 and entry.ocr_state == "pending"
    page2 = Page.objects.get(entry=entry, number=2)
    assert tasks.process_page(page2.pk) is True
    assert tasks.process_page(page2.pk) is False  # a second delivery does nothing
    page2.refresh_from_db()
    assert page2.text_source == "ocr:tesseract" and "被告" in page2.text
    assert page2.image and page2.thumb
    hits = selectors.search_dossier(judge, case, "经营困难")
    assert [(h["entry"].pk, h["page"].number) for h in hits] == [(entry.pk, 2)]
    c = Client()
    c.force_login(judge)
    assert c.get(f"/staff/dossier/pages/{page2.pk}/thumb.png").status_code == 200
    tasks.run_pending()
    entry.refresh_from_db()
    assert entry.ocr_state == "done"


@needs_tesseract
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_scanned_pdf_uploaded_through_the_reader_becomes_searchable_on_a_redis_worker(registered, settings):
    redis_url = os.environ.get("XIEZHI_REDIS_URL")
    if not redis_url or connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL and Redis that `make test` starts")
    case, judge = registered["case"], registered["judge"]
    c = Client()
    c.force_login(judge)
    started = time.monotonic()
    resp = c.post(f"/staff/dossier/cases/{case.pk}/upload/",
                  {"file": SimpleUploadedFile("saomiao.pdf", scanned_pdf(), "application/pdf"),
                   "title": "原告证据扫描件", "kind": "evidence"})
    took = time.monotonic() - started
    assert resp.status_code == 302
    entry = Entry.objects.get(dossier__case=case, title="原告证据扫描件")
    # the request returned with the OCR only queued: no page has text yet
    assert entry.ocr_state == "pending" and not Page.objects.filter(entry=entry, done=True).exists()
    assert took < 5, took
    with celery_worker(processes=2, media_root=settings.MEDIA_ROOT) as worker:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            entry.refresh_from_db()
            if entry.ocr_state != "pending":
                break
            time.sleep(0.5)
    out = worker["log"]
    assert entry.ocr_state == "done", out
    hits = selectors.search_dossier(judge, case, "经营困难")
    assert [(h["entry"].pk, h["page"].number) for h in hits] == [(entry.pk, 2)]
    resp = c.get(f"/staff/dossier/cases/{case.pk}/", {"q": "经营困难"})
    assert "<mark>经营困难</mark>" in resp.content.decode()
    assert "Traceback" not in out, out
