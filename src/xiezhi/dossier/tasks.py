"""Background work of the e-file: per-page OCR, text extraction, renders and thumbnails.

Every task is idempotent: a page that is done is skipped, so retries and duplicate deliveries
are harmless. The upload request only queues `process_entry` (dossier.services.enqueue)."""
from __future__ import annotations

import io
import logging
import shutil
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path

from celery import shared_task
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from xiezhi.celery import run_after_commit
from xiezhi.storage import save_once

from . import ocr
from .models import Entry, Page
from .text import tokenize

log = logging.getLogger(__name__)
VIEW_WIDTH = 1000  # px of the reader's page image
THUMB = 160
MIN_TEXT_LAYER = 10  # characters: fewer means a scan, so OCR


PROCESS_PAGE_TASK = "xiezhi.dossier.tasks.process_page"
PENDING_GRACE = timedelta(minutes=10)  # a page pending longer than this was never processed


@shared_task(name="xiezhi.dossier.tasks.process_entry")
def process_entry(entry_id: int) -> int:
    """Fan an entry out into one task per page not yet done (on the workers; without one, the pages
    are done one after the other here)."""
    ids = list(Page.objects.filter(entry_id=entry_id, done=False).values_list("pk", flat=True))
    for pk in ids:
        run_after_commit(PROCESS_PAGE_TASK, pk)
    if not ids:
        _finish(entry_id)
    return len(ids)


@shared_task(name="xiezhi.dossier.tasks.process_page", autoretry_for=(OSError,), max_retries=2, default_retry_delay=10)
def process_page(page_id: int) -> bool:
    page = Page.objects.select_related("entry").filter(pk=page_id).first()
    if page is None or page.done:
        return False
    entry = page.entry
    tmp = Path(tempfile.mkdtemp(prefix="xiezhi-ocr-"))
    try:
        src = tmp / ("src.pdf" if entry.content_type == "application/pdf" else "src.img")
        with entry.file.open("rb") as fh, open(src, "wb") as out:
            shutil.copyfileobj(fh, out)
        text, how, error = "", "", ""
        try:
            if entry.content_type == "application/pdf":
                text = _pdf_text(src, page.number)
                if len(text.strip()) >= MIN_TEXT_LAYER:
                    how = "pdf-text"
                else:
                    scan = ocr.rasterise(src, page.number, tmp / "scan", dpi=300)
                    eng = ocr.engine()
                    text, how = eng.recognise(str(scan)), f"ocr:{eng.name}"
                view = ocr.rasterise(src, page.number, tmp / "view", scale_to=VIEW_WIDTH).read_bytes()
                thumb = ocr.rasterise(src, page.number, tmp / "thumb", scale_to=THUMB).read_bytes()
            else:
                _within_pixel_limit(src)  # before OCR and resizing decode it
                eng = ocr.engine()
                text, how = eng.recognise(str(src)), f"ocr:{eng.name}"
                view, thumb = _resized(src, VIEW_WIDTH), _resized(src, THUMB)
        except (subprocess.SubprocessError, ValueError) as exc:
            log.warning("page %s of entry %s failed: %s", page.number, entry.pk, exc)
            error = str(exc)[:300]
            view = thumb = b""
        base = f"dossier/renders/{entry.sha256[:2]}/{entry.sha256}/p{page.number:04d}"
        image = save_once(default_storage, f"{base}.png", view) if view else ""
        small = save_once(default_storage, f"{base}-t.png", thumb) if thumb else ""
        with transaction.atomic():
            locked = Page.objects.select_for_update().get(pk=page.pk)
            if locked.done:  # a duplicate delivery finished first
                return False
            locked.text, locked.tokens, locked.text_source = text, tokenize(text), how
            locked.image, locked.thumb, locked.error = image, small, error
            locked.done, locked.processed_at = True, timezone.now()
            locked.save()
        _finish(entry.pk)
        return True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _finish(entry_id: int) -> None:
    left = Page.objects.filter(entry_id=entry_id, done=False).exists()
    if not left:
        failed = Page.objects.filter(entry_id=entry_id).exclude(error="").exists()
        Entry.objects.filter(pk=entry_id, ocr_state=Entry.OcrState.PENDING).update(
            ocr_state=Entry.OcrState.FAILED if failed else Entry.OcrState.DONE)


def _pdf_text(path: Path, number: int) -> str:
    from pypdf import PdfReader

    try:
        return PdfReader(str(path)).pages[number - 1].extract_text() or ""
    except Exception:
        return ""


def _within_pixel_limit(path: Path) -> None:
    """ValueError (the page records it) for an image over the upload pixel limit, read from its
    header: the worker never decodes one (a 32 KB PNG of 12000 × 12000 took 753 MB here, security
    review F24), whatever let it into the e-file."""
    from xiezhi.site.uploads import MAX_IMAGE_PIXELS, image_pixels

    pixels = image_pixels(path.read_bytes())
    if pixels is not None and pixels > MAX_IMAGE_PIXELS:
        raise ValueError(f"image of {pixels} pixels is over the limit of {MAX_IMAGE_PIXELS}")


def _resized(path: Path, width: int) -> bytes:
    from PIL import Image

    _within_pixel_limit(path)
    with Image.open(path) as im:
        im = im.convert("RGB")
        if im.width > width:
            im = im.resize((width, max(1, im.height * width // im.width)))
        buf = io.BytesIO()
        im.save(buf, "PNG")
        return buf.getvalue()


@shared_task(name="xiezhi.dossier.tasks.process_pending")
def process_pending(limit: int = 500) -> int:
    """Scheduled (dossier_backfill's job): queue again the pages still pending some minutes after
    their entry was filed, because the broker was down at the upload or a worker died. A page queued
    twice is harmless (process_page re-checks `done` under the row lock)."""
    cutoff = timezone.now() - PENDING_GRACE
    ids = list(Page.objects.filter(done=False, entry__created_at__lt=cutoff).order_by("id")
               .values_list("pk", flat=True)[:limit])
    for pk in ids:
        run_after_commit(PROCESS_PAGE_TASK, pk)
    return len(ids)


def run_pending(limit: int | None = None) -> int:
    """Process pending pages in this process (the embedded demo, or a backfill)."""
    n = 0
    for pk in Page.objects.filter(done=False).order_by("id").values_list("pk", flat=True)[:limit]:
        n += bool(process_page(pk))
    return n
