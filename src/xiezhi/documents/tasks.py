"""Background work of the documents app. Idempotent: running a task twice changes nothing more."""
from celery import shared_task

from . import services


@shared_task(name="xiezhi.documents.tasks.make_pdf", autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def make_pdf_task(document_id: int):
    doc = services.make_pdf(document_id)
    return "ok" if doc.pdf else (doc.pdf_error or "pending")


@shared_task(name="xiezhi.documents.tasks.make_missing_pdfs")
def make_missing_pdfs():
    return services.make_missing_pdfs()
