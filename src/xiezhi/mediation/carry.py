"""Failure carries everything over (特邀调解规定 第二十一条, 第二十二条): when the clerk registers a filing
whose pre-suit mediation ended without an agreement, the case's timeline says so ("诉前调解 民诉前调号,
调解不成") and the mediation's shared papers become papers of the case's e-file (cases.signals.paper_added)
— except a concession made to reach an agreement, which may not be used as evidence in the trial, and
the mediator's private papers, which were never the parties'.

Hooked on the filing's "registered" event (a FilingEvent row), as the dossier files the filing's own
uploads, so filing does not know this app."""
from __future__ import annotations

import logging

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from xiezhi.cases.events import EventType

from .models import MediationState

log = logging.getLogger(__name__)

EVENT = "pre_suit_mediation_failed"
EVENT_TYPES = {EVENT: EventType(_("诉前调解不成"), basis="特邀调解规定 第二十一条")}
CARRIED_FROM = (MediationState.FAILED, MediationState.WITHDRAWN)


def summary(p: dict) -> str:
    from django.utils.translation import gettext

    if p.get("state") == MediationState.WITHDRAWN:
        return gettext("诉前调解 %(number)s，当事人撤回调解") % {"number": p.get("number", "")}
    return gettext("诉前调解 %(number)s，调解不成") % {"number": p.get("number", "")}


def carry_over(case) -> int:
    """Record the ended mediation on the case and file its papers; returns how many papers. Once per
    case: the timeline event is the mark (registration happens once, a retry returns early)."""
    from xiezhi.cases.services import append_event
    from xiezhi.cases.signals import paper_added

    from .models import MediationDocument, PreSuitMediation

    m = (PreSuitMediation.objects.filter(filing__case=case, state__in=CARRIED_FROM).order_by("-closed_at", "-pk")
         .first())
    if m is None or case.events.filter(code=EVENT).exists():
        return 0
    append_event(case, EVENT, None, {"number": m.number, "mediation": m.pk, "state": m.state,
                                     "reason": m.result_note[:300]})
    n = 0
    for doc in MediationDocument.objects.filter(mediation=m, concession=False, private=False).order_by("pk"):
        paper_added.send(sender=MediationDocument, case=case, file=doc.file, title=doc.title, kind="evidence",
                         source=f"mediation.MediationDocument:{doc.pk}", created_by=doc.uploaded_by)
        n += 1
    return n


def on_filing_event(sender, instance, created, **kwargs):
    if not created or kwargs.get("raw") or instance.code != "registered" or not instance.filing.case_id:
        return
    try:  # mediation must never break registration: a failure is logged
        with transaction.atomic():
            carry_over(instance.filing.case)
    except Exception:
        log.exception("mediation: carrying over to case %s failed", instance.filing.case_id)
