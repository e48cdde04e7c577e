"""Thin views of the trial app: the case-page panel, the POST actions behind it, and the
approvals page of division heads and presidents."""
from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry, record
from xiezhi.cases.models import Case, CaseStatus, Party
from xiezhi.cases.selectors import can_manage_case, visible_cases
from xiezhi.courts import refcache
from xiezhi.law.smallclaims import EXCLUSIONS
from xiezhi.web.access import staff_required

from . import selectors, services
from .models import Assignment, ExtensionRequest, TransferPackage
from xiezhi.law.panels import composition_for

ALL_CASE_STAFF = ("filing_judge", "judge", "assistant", "clerk", "division_head", "president", "trial_management")


def case_panel(request, case: Case):
    user = request.user
    if not getattr(user, "is_court_staff", False):
        return None
    manage = lambda *roles: can_manage_case(user, case, *roles)
    comp = composition_for(case.procedure.limit_code, case.court.level) if case.procedure else None
    routing = getattr(case, "routing", None) if hasattr(case, "routing") else None
    from xiezhi.accounts.models import User

    closing = getattr(case, "closing", None) if hasattr(case, "closing") else None
    open_case = case.status not in (CaseStatus.CLOSED, CaseStatus.ARCHIVED)
    can_assign = open_case and manage("filing_judge", "division_head", "president")
    # only what this user can act on or what exists is read: the case page stays fast
    judges = [u for u in User.objects.filter(kind="staff", is_active=True, court_id=case.court_id)
              .select_related("division").order_by("pk") if u.has_role("judge")] if can_assign else []
    closed = closing is not None
    can_convert = bool(open_case and case.procedure and case.procedure.limit_code in ("civil_summary", "civil_small_claims")
                       and manage("judge", "division_head", "president"))
    return {
        "template": "trial/_case_panel.html",
        "routing": routing,
        "exclusions": sorted(EXCLUSIONS.items()),
        "can_route": open_case and case.status == CaseStatus.REGISTERED and not case.judge_id
        and case.procedure and case.procedure.case_kind == "civil" and manage(*services.ROUTING_ROLES),
        "civil_procedures": [(c, refcache.procedure(c)) for c in ("civil_small_claims", "civil_summary", "civil_ordinary")],
        "can_convert": can_convert,
        "conversion": _conversion_preview(case, "civil_ordinary") if can_convert else None,
        "can_assign": can_assign,
        "judges": judges,
        "assignments": list(case.assignments.select_related("judge", "approved_by", "requested_by")[:5]),
        "composition": comp,
        "members": selectors.active_panel(case),
        "can_panel": open_case and case.judge_id and manage("judge", "division_head", "president"),
        "extensions": list(case.extension_requests.select_related("requested_by", "decided_by")[:5]),
        "can_request_extension": open_case and case.judge_id == user.pk and manage("judge"),
        "can_suspend": open_case and manage("judge", "division_head", "president"),
        "closing": closing,
        "closing_methods": [(k, v[0]) for k, v in services.CLOSING_METHODS.items()],
        "closing_problems": services.closing_problems(case, "judgment") if open_case and manage("judge") else [],
        "can_close": open_case and manage("judge"),
        "windows": list(case.appeal_windows.select_related("party").order_by("party_id")) if closed else [],
        "effective_on": selectors.effective_on(case) if closed else None,
        "appeals": list(case.appeals.select_related("party")) if closed else [],
        "transfer": TransferPackage.objects.filter(case=case).select_related("to_court").first() if closed else None,
        "parties": [p for p in case.parties.all() if p.is_party] if closed else [],
        "can_appeal": closing is not None and manage("judge", "clerk", "filing_judge"),
    }


def _conversion_preview(case: Case, target: str):
    """What the limit becomes if the case is converted today: the judge sees it before ruling.
    Civil: still counted from the filing date (民诉解释 第二百五十八条第三款)."""
    from xiezhi.cases.services import time_limit_inputs
    from xiezhi.law.timelimits import TimeLimitError, compute_time_limit

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


def _case(request, pk) -> Case:
    case = visible_cases(request.user).filter(pk=pk).select_related("court", "procedure", "case_type").first()
    if case is None:
        raise Http404
    return case


def _date(value: str, default: date | None = None) -> date:
    try:
        return date.fromisoformat(value) if value else (default or timezone.localdate())
    except ValueError:
        raise ValidationError(_("日期格式不正确。"))


def _run(request, case: Case, fn, ok: str):
    try:
        fn()
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        record(request, AuditEntry.Action.CHANGE, case=case)
        messages.success(request, ok)
    return redirect("web:case_detail", case.pk)


def _user(pk):
    from xiezhi.accounts.models import User

    return get_object_or_404(User, pk=pk, kind="staff")


@require_POST
@staff_required(*services.ROUTING_ROLES)
def route(request, pk):
    case, p = _case(request, pk), request.POST
    if p.get("action") == "decide":
        return _run(request, case, lambda: services.decide_procedure(request.user, case, p.get("procedure", ""),
                                                                     p.get("reason", "")), _("已确定审理程序。"))
    return _run(request, case, lambda: services.propose_procedure(
        request.user, case, exclusions=p.getlist("exclusions"), money_payment=p.get("non_money") != "1",
        parties_agree_small_claims=p.get("agree") == "1"), _("已生成繁简分流建议。"))


@require_POST
@staff_required("judge", "division_head", "president")
def convert(request, pk):
    case, p = _case(request, pk), request.POST
    return _run(request, case, lambda: services.convert(request.user, case, p.get("procedure", ""), p.get("reason", "")),
                _("已转换审理程序。"))


@require_POST
@staff_required("filing_judge", "division_head", "president")
def assign(request, pk):
    case, p = _case(request, pk), request.POST
    if p.get("action") == "manual":
        return _run(request, case, lambda: services.request_manual(request.user, case, _user(p.get("judge")),
                                                                   p.get("reason", "")),
                    _("指定分案申请已提交庭长审批。"))
    return _run(request, case, lambda: services.assign_random(request.user, case), _("已随机分案。"))


@require_POST
@staff_required("judge", "division_head", "president")
def panel(request, pk):
    case, p = _case(request, pk), request.POST
    judges = [_user(j) for j in p.getlist("judges") if j]
    presiding = _user(p["presiding"]) if p.get("presiding") else None

    def go():
        try:
            n = int(p.get("assessors") or 0)
        except ValueError:
            raise ValidationError(_("人民陪审员人数不正确。"))
        services.form_panel(request.user, case, presiding=presiding, judges=judges, assessors=n,
                            single_reason=p.get("single_reason", ""))
    return _run(request, case, go, _("已确定审判组织。"))


@require_POST
@staff_required("judge")
def extension(request, pk):
    case, p = _case(request, pk), request.POST

    def go():
        try:
            months, days = int(p.get("months") or 0), int(p.get("days") or 0)
        except ValueError:
            raise ValidationError(_("延长期限不正确。"))
        services.request_extension(request.user, case, p.get("reason", ""), months=months, days=days)
    return _run(request, case, go, _("延长审限申请已提交。"))


@require_POST
@staff_required("judge", "division_head", "president")
def suspension(request, pk):
    case, p = _case(request, pk), request.POST
    if p.get("action") == "resume":
        return _run(request, case, lambda: services.resume(request.user, case, _date(p.get("date")), p.get("reason", "")),
                    _("已恢复审理。"))
    return _run(request, case, lambda: services.suspend(request.user, case, _date(p.get("date")), p.get("reason", "")),
                _("已中止审理。"))


@require_POST
@staff_required("judge")
def close(request, pk):
    case, p = _case(request, pk), request.POST
    return _run(request, case, lambda: services.close(request.user, case, p.get("method", ""), _date(p.get("date"))),
                _("已结案。"))


@require_POST
@staff_required("judge", "clerk", "filing_judge")
def appeal(request, pk):
    case, p = _case(request, pk), request.POST
    party = get_object_or_404(Party, pk=p.get("party") or 0, case=case)
    return _run(request, case, lambda: services.record_appeal(request.user, case, party, _date(p.get("date"))),
                _("已登记上诉并生成移送清单。"))


@staff_required("division_head", "president")
def approvals(request):
    if request.method == "POST":
        p = request.POST
        approve = p.get("decision") == "approve"
        try:
            if p.get("kind") == "assignment":
                a = get_object_or_404(selectors.pending_assignments(request.user), pk=p.get("id") or 0)
                services.decide_manual(request.user, a, approve, p.get("note", ""))
            else:
                r = get_object_or_404(selectors.pending_extensions(request.user), pk=p.get("id") or 0)
                services.decide_extension(request.user, r, approve, p.get("note", ""), p.get("ref", ""))
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
        else:
            messages.success(request, _("已处理。"))
        return redirect("trial:approvals")
    return render(request, "trial/approvals.html", {
        "assignments": selectors.pending_assignments(request.user),
        "extensions": selectors.pending_extensions(request.user),
        "assignment_model": Assignment, "extension_model": ExtensionRequest,
    })
