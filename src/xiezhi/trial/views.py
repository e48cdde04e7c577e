"""Thin views of the trial app: the POST actions behind the case-page panel (panels.py), and
the approvals page of division heads and presidents."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.accounts.models import User
from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import staff_required
from xiezhi.site.http import errors_of, parse_date, parse_id, parse_ids, run_action

from . import selectors, services
from .models import Assignment, ExtensionRequest


def _date(value: str):
    return parse_date(value, default=timezone.localdate())


def _run(request, case: Case, fn, ok: str):
    """A trial action on the case page: on success audited as a change; back to the case page."""
    return run_action(request, fn, ok, reverse("cases:detail", args=[case.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


def _user(pk: int):
    return get_object_or_404(User, pk=pk, kind="staff")


@require_POST
@staff_required(*services.ROUTING_ROLES)
def route(request, pk):
    case, p = case_for_request(request, pk), request.POST
    if p.get("action") == "decide":
        return _run(request, case, lambda: services.decide_procedure(request.user, case, p.get("procedure", ""),
                                                                     p.get("reason", "")), _("已确定审理程序。"))
    return _run(request, case, lambda: services.propose_procedure(
        request.user, case, exclusions=p.getlist("exclusions"), money_payment=p.get("non_money") != "1",
        parties_agree_small_claims=p.get("agree") == "1"), _("已生成繁简分流建议。"))


@require_POST
@staff_required("judge", "division_head", "president")
def convert(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return _run(request, case, lambda: services.convert(request.user, case, p.get("procedure", ""), p.get("reason", "")),
                _("已转换审理程序。"))


@require_POST
@staff_required("filing_judge", "division_head", "president")
def assign(request, pk):
    case, p = case_for_request(request, pk), request.POST
    if p.get("action") == "manual":
        judge = _user(parse_id(p.get("judge"), _("承办法官"), required=True))
        return _run(request, case, lambda: services.request_manual(request.user, case, judge, p.get("reason", "")),
                    _("指定分案申请已提交庭长审批。"))
    return _run(request, case, lambda: services.assign_random(request.user, case), _("已随机分案。"))


@require_POST
@staff_required("judge", "division_head", "president")
def panel(request, pk):
    case, p = case_for_request(request, pk), request.POST
    judges = [_user(j) for j in parse_ids(p.getlist("judges"), _("合议庭成员"))]
    presiding_id = parse_id(p.get("presiding"), _("审判长"))
    presiding = _user(presiding_id) if presiding_id else None

    def go():
        try:
            n = int(p.get("assessors") or 0)
        except ValueError:
            raise ValidationError(_("人民陪审员人数不正确。"))
        services.form_panel(request.user, case, presiding=presiding, judges=judges, assessors=n,
                            single_reason=p.get("single_reason", ""), art42_grounds=p.getlist("art42"))
    return _run(request, case, go, _("已确定审判组织。"))


@require_POST
@staff_required("judge")
def extension(request, pk):
    case, p = case_for_request(request, pk), request.POST

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
    case, p = case_for_request(request, pk), request.POST
    if p.get("action") == "resume":
        return _run(request, case, lambda: services.resume(request.user, case, _date(p.get("date")), p.get("reason", "")),
                    _("已恢复审理。"))
    return _run(request, case, lambda: services.suspend(request.user, case, _date(p.get("date")), p.get("reason", "")),
                _("已中止审理。"))


@require_POST
@staff_required("judge")
def close(request, pk):
    case, p = case_for_request(request, pk), request.POST
    # no date: the date the law fixes (pronouncement, last service of the mediation document), never today
    return _run(request, case, lambda: services.close(request.user, case, p.get("method", ""), parse_date(p.get("date"))),
                _("已结案。"))


@require_POST
@staff_required("judge", "clerk")
def pronounce(request, pk):
    """宣判 (民诉解释 第二百四十三条; 审限规定 第十条): a node on the timeline; closing defaults to it."""
    case, p = case_for_request(request, pk), request.POST
    return _run(request, case, lambda: services.pronounce(request.user, case, p.get("document_kind", ""),
                                                          _date(p.get("date")), in_court=bool(p.get("in_court"))),
                _("已记录宣判。"))


@require_POST
@staff_required("judge", "clerk", "filing_judge", "division_head", "president")
def late_application(request, pk):
    """申请顺延期限 (民事诉讼法 第八十六条): record an application, or decide one."""
    case, p = case_for_request(request, pk), request.POST
    if p.get("application"):
        from .models import LateApplication

        app = get_object_or_404(LateApplication, pk=p.get("application") if str(p.get("application")).isdigit() else 0,
                                case=case)
        grant = p.get("decision") == "grant"
        return _run(request, case, lambda: services.decide_late_application(
            request.user, app, grant, p.get("note", ""), parse_date(p.get("new_end"))), _("已作出决定。"))
    party = get_object_or_404(Party, pk=p.get("party") if str(p.get("party", "")).isdigit() else 0, case=case)
    return _run(request, case, lambda: services.record_late_application(
        request.user, case, party, period=p.get("period", ""), reason=p.get("reason", ""),
        obstacle_ended_on=parse_date(p.get("obstacle_ended_on")) or _missing(_("请填写障碍消除日期。")),
        applied_on=_date(p.get("applied_on"))), _("已登记顺延期限申请。"))


def _missing(message: str):
    raise ValidationError(message)


@require_POST
@staff_required("judge", "clerk", "filing_judge")
def appeal(request, pk):
    case, p = case_for_request(request, pk), request.POST
    party = get_object_or_404(Party, pk=parse_id(p.get("party"), _("上诉人")) or 0, case=case)
    # 民事诉讼法 第八十五条第四款: an appeal that came by post is in time when posted before the window ended
    return _run(request, case, lambda: services.record_appeal(request.user, case, party, _date(p.get("date")),
                                                              posted_on=parse_date(p.get("posted_on"))),
                _("已登记上诉并生成移送清单。"))


@staff_required("division_head", "president")
def approvals(request):
    if request.method == "POST":
        p = request.POST
        approve = p.get("decision") == "approve"
        pk = parse_id(p.get("id"), _("待审批事项"), required=True)
        try:
            if p.get("kind") == "assignment":
                a = get_object_or_404(selectors.pending_assignments(request.user), pk=pk)
                services.decide_manual(request.user, a, approve, p.get("note", ""))
            else:
                r = get_object_or_404(selectors.pending_extensions(request.user), pk=pk)
                services.decide_extension(request.user, r, approve, p.get("note", ""), p.get("ref", ""))
        except ValidationError as exc:
            for m in errors_of(exc):
                messages.error(request, m)
        else:
            messages.success(request, _("已处理。"))
        return redirect("trial:approvals")
    return render(request, "trial/approvals.html", {
        "assignments": selectors.pending_assignments(request.user),
        "extensions": selectors.pending_extensions(request.user),
        "assignment_model": Assignment, "extension_model": ExtensionRequest,
    })
