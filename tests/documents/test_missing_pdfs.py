"""A draft whose PDF was never made (the broker was down when it was saved, or the worker died) gets
its PDF from the scheduled make_missing_pdfs, once."""
from datetime import timedelta

import pytest
from django.utils import timezone

from xiezhi.documents import services
from xiezhi.documents.models import GeneratedDocument

pytestmark = pytest.mark.django_db


def test_a_missing_pdf_is_made_by_the_scheduled_job(case_setup, fake_pdf, monkeypatch,
                                                    django_capture_on_commit_callbacks):
    with monkeypatch.context() as m:
        m.setattr(services, "run_after_commit", lambda *a, **k: None)  # the queue lost the task
        doc = services.generate(case_setup["judge"], case_setup["case"], "acceptance_notice")
    assert doc.pdf_pending
    assert services.make_missing_pdfs() == 0  # too young: it may still be in the queue
    later = timezone.now() + services.PDF_GRACE + timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.make_missing_pdfs(later) == 1
    doc.refresh_from_db()
    assert doc.pdf and not doc.pdf_pending and services.sha256(fake_pdf) == doc.pdf_sha256
    with django_capture_on_commit_callbacks(execute=True):
        assert services.make_missing_pdfs(later) == 0
    assert GeneratedDocument.objects.filter(case=case_setup["case"]).count() == 1
