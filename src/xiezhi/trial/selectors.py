"""Reads of the trial app, filtered by what the user may see."""
from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from xiezhi.accounts.selectors import staff_with_role
from xiezhi.cases.models import Case, CaseStatus
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import time_limit_inputs
from xiezhi.courts import refcache
from xiezhi.law.appeal import effective_date, final_instance_basis
from xiezhi.law.timelimits import TimeLimitError, compute_time_limit

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
    # 一审终审 (small claims, special procedure) and second instance: effective on service
    small = bool(case.procedure and final_instance_basis(case.procedure.code, case.procedure.limit_code))
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


# ---- the case-page panel: what this user may do on this case --------------------------------

def panel_permissions(user, case: Case, *, routing_roles: tuple[str, ...]) -> dict:
    """Which actions of the trial panel `user` may take on `case`, and the judges to choose
    from when they may assign. Only what the user can act on is read: the case page stays fast."""
    manage = lambda *roles: can_manage_case(user, case, *roles)  # noqa: E731
    open_case = case.status not in (CaseStatus.CLOSED, CaseStatus.ARCHIVED)
    closed = getattr(case, "closing", None) is not None if hasattr(case, "closing") else False
    can_assign = open_case and manage("filing_judge", "division_head", "president")
    can_convert = bool(open_case and case.procedure
                       and case.procedure.limit_code in ("civil_summary", "civil_small_claims")
                       and manage("judge", "division_head", "president"))
    return {
        "open_case": open_case,
        "closed": closed,
        "can_route": bool(open_case and case.status == CaseStatus.REGISTERED and not case.judge_id
                          and case.procedure and case.procedure.case_kind == "civil" and manage(*routing_roles)),
        "can_convert": can_convert,
        "can_assign": can_assign,
        "judges": staff_with_role(case.court_id, "judge") if can_assign else [],
        "can_panel": bool(open_case and case.judge_id and manage("judge", "division_head", "president")),
        "can_request_extension": bool(open_case and case.judge_id == user.pk and manage("judge")),
        "can_suspend": open_case and manage("judge", "division_head", "president"),
        "can_close": open_case and manage("judge"),
        "can_appeal": closed and manage("judge", "clerk", "filing_judge"),
        "can_pronounce": open_case and manage("judge", "clerk"),
        "can_record_late": manage("judge", "clerk", "filing_judge"),
        "can_decide_late": manage("judge", "division_head", "president"),
    }


def conversion_preview(case: Case, target: str):
    """What the limit becomes if the case is converted today: the judge sees it before ruling.
    Civil: still counted from the filing date (民诉解释 第二百五十八条第三款)."""
    inputs = time_limit_inputs(list(case.events.all()))
    if not inputs["limit_code"]:
        return None
    today = timezone.localdate()
    try:
        after = compute_time_limit(inputs["limit_code"], case.filed_on, deductions=inputs["deductions"],
                                   extensions=inputs["extensions"], converted=inputs["converted"] + [(today, target)],
                                   today=today)
    except TimeLimitError:
        return None
    return {"procedure": refcache.procedure(target), "limit": after, "on": today}
