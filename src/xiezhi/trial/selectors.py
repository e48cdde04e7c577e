"""Reads of the trial app, filtered by what the user may see."""
from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from xiezhi.cases.models import Case
from xiezhi.law.appeal import effective_date

from .models import Appeal, AppealWindow, Assignment, ExtensionRequest, PanelMember


def active_panel(case: Case) -> list[PanelMember]:
    return list(PanelMember.objects.filter(case=case, active=True).select_related("user", "assessor").order_by("pk"))


def effective_on(case: Case) -> date | None:
    """生效日 (民事诉讼法 第一百五十八条、第一百六十五条) from the parties' appeal windows."""
    closing = getattr(case, "closing", None) if hasattr(case, "closing") else None
    if closing is None or not closing.document_kind:
        return None
    windows = list(AppealWindow.objects.filter(case=case, document_kind=closing.document_kind))
    parties = [p for p in case.parties.all() if p.is_party and p.left_case_at is None]
    by_party = {w.party_id: w for w in windows}
    small = bool(case.procedure and case.procedure.limit_code == "civil_small_claims")
    served_all = all(p.pk in by_party for p in parties)
    if small:
        return effective_date([], small_claims=True, served_dates=[w.served_on for w in windows]) if served_all else None
    ends = [by_party[p.pk].ends_on if p.pk in by_party else None for p in parties]
    return effective_date(ends, appealed=Appeal.objects.filter(case=case).exists())


def pending_assignments(user) -> QuerySet[Assignment]:
    if not user.has_role("division_head") or user.division_id is None:
        return Assignment.objects.none()
    return (Assignment.objects.filter(status=Assignment.Status.PENDING, case__court_id=user.court_id,
                                      judge__division_id=user.division_id)
            .select_related("case", "judge", "requested_by"))


def pending_extensions(user) -> QuerySet[ExtensionRequest]:
    if not user.has_role("president"):
        return ExtensionRequest.objects.none()
    return (ExtensionRequest.objects.filter(status=ExtensionRequest.Status.PENDING, case__court_id=user.court_id)
            .select_related("case", "requested_by"))
