"""The embedded demo has no Celery worker: an e-file entry still gets its OCR, text and renders,
in a thread of the server, without anyone running dossier_backfill by hand."""
import shutil
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.dossier.scan import scanned_pdf
from xiezhi.dossier import selectors
from xiezhi.dossier.models import Entry, Page

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not (shutil.which("tesseract") and shutil.which("pdftoppm")),
                       reason="needs tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils (scripts/deps/dossier.txt)"),
]


@pytest.fixture
def embedded(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "memory://"  # the demo's broker: nothing ever reads it


def _wait_until_processed(entry, seconds=240):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        entry.refresh_from_db()
        if entry.ocr_state != "pending":
            return
        time.sleep(0.5)


def test_an_upload_is_ocrd_without_a_worker(embedded, registered):
    case, judge = registered["case"], registered["judge"]
    c = Client()
    c.force_login(judge)
    started = time.monotonic()
    resp = c.post(f"/staff/dossier/cases/{case.pk}/upload/",
                  {"file": SimpleUploadedFile("saomiao.pdf", scanned_pdf(), "application/pdf"),
                   "title": "原告证据扫描件", "kind": "evidence"})
    assert resp.status_code == 302
    assert time.monotonic() - started < 10  # the request does not wait for the OCR of three pages
    entry = Entry.objects.get(dossier__case=case, title="原告证据扫描件")
    _wait_until_processed(entry)
    assert entry.ocr_state == "done"
    assert not Page.objects.filter(entry__dossier__case=case, done=False).exists()  # the filing's papers too
    page2 = Page.objects.get(entry=entry, number=2)
    assert page2.text_source == "ocr:tesseract" and page2.image and page2.thumb
    hits = selectors.search_dossier(judge, case, "经营困难")
    assert [(h["entry"].pk, h["page"].number) for h in hits] == [(entry.pk, 2)]
