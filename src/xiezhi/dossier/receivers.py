"""How papers reach the e-file without the other apps knowing it: paper_added, registration
(the filing's uploads) and closing (freeze and archive)."""
import logging

from django.conf import settings
from django.db import transaction

from . import services
from .models import Dossier

log = logging.getLogger(__name__)


def on_paper_added(sender, case, file, title, kind, source, created_by=None, **kwargs):
    """File a paper another app produced. Refused (ValidationError, in Chinese) once archived."""
    if hasattr(file, "open"):
        with file.open("rb") as fh:
            data = fh.read()
    else:
        data = file.read()
    return services.file_paper(case, data=data, name=getattr(file, "name", "") or "", title=title, kind=kind,
                               source=source, created_by=created_by)


def _safely(fn, *args):
    """Filing must never break registration or closing: a failure is logged, the backfill
    command (dossier_backfill) or the clerk can redo it."""
    try:
        with transaction.atomic():
            return fn(*args)
    except Exception:
        log.exception("dossier: %s failed", fn.__name__)


def on_filing_event(sender, instance, created, **kwargs):
    if created and instance.code == "registered" and instance.filing.case_id:
        _safely(services.file_registration_uploads, instance.filing.case, instance.actor)


def on_case_event(sender, instance, created, **kwargs):
    """registered → file the filing's uploads; closed → archive only if DOSSIER_ARCHIVE_ON_CLOSE
    (off by default: 送达回证 of the judgment come back after 结案, so the clerk archives once the
    file is complete, with services.archive_case / the 归档 button on the case page)."""
    if not created or kwargs.get("raw"):
        return
    if instance.code == "registered":
        from django.apps import apps

        if apps.get_model("filing", "FilingApplication").objects.filter(case_id=instance.case_id).exists():
            _safely(services.file_registration_uploads, instance.case, instance.actor)
    elif instance.code == "closed" and settings.DOSSIER_ARCHIVE_ON_CLOSE:
        if Dossier.objects.filter(case_id=instance.case_id, archived_at__isnull=True).exists():
            _safely(services.archive_case, None, instance.case)
