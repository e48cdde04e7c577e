"""Views of 财产处置: the disposal section of the staff case page (registered in apps.py after the money panel), the
POST actions behind its forms, and the public auction notices (/enforcement/auctions/, open to anyone: only what a
notice shows — the asset, prices, dates, the court and case number; never the debtor's or the buyer's details)."""
from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.cases.models import Case
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import anyone, staff_required
from xiezhi.site.http import parse_id, run_action

from . import disposal, professionals, selectors
from .models_disposal import Auction, DistributionLine, DistributionPlan, ProfessionalTask, Valuation

PUBLIC_STATUSES = ("announced", "running", "sold", "failed")
CLAIM_ROWS = 4  # claim lines on the distribution form; a plan with more creditors is entered in two parts ⚠


# ---- the case-page section ---------------------------------------------------------------------------

def _next_round(valuation: Valuation, rounds: list[Auction]):
    """The round the asset can have next and its computed limits (law.enforcement.auction_plan), or None."""
    live = [a for a in rounds if a.status != "withdrawn"]
    if any(a.status in ("planned", "announced", "running", "sold") for a in live):
        return None
    failed = [a for a in live if a.status == "failed"]
    if not failed:
        return {"round": "1", "label": Auction.Round.FIRST.label, "plan": disposal.limits(valuation, "1")}
    last = failed[-1]
    if last.round == "1":
        return {"round": "2", "label": Auction.Round.SECOND.label, "plan": disposal.limits(valuation, "2", last)}
    if last.round == "2":
        return {"round": "sale", "label": Auction.Round.SALE.label, "plan": None}
    return None


def case_panel(request, case: Case):
    if not selectors.is_enforcement_case(case) or not disposal.may_dispose(request.user, case):
        return None
    valuations = list(Valuation.objects.filter(case=case).order_by("id"))
    auctions = list(Auction.objects.filter(case=case).order_by("id"))
    for v in valuations:
        v.rounds = [a for a in auctions if a.valuation_id == v.pk]
        v.next_round = _next_round(v, v.rounds)
        for a in v.rounds:
            a.moves = disposal.MOVES.get(a.status, ())
    plans = list(DistributionPlan.objects.filter(case=case).prefetch_related("lines").order_by("id"))
    return {
        "template": "enforcement/disposal/_panel.html",
        "valuations": valuations,
        "methods": Valuation.Method.choices,
        "asset_kinds": Valuation._meta.get_field("asset_kind").choices,
        "on_hand": selectors.case_balance(case).on_hand,
        "plans": plans,
        "claim_kinds": DistributionLine.Kind.choices,
        "claim_rows": range(CLAIM_ROWS),
        "parties": [p for p in case.parties.all() if p.is_party],
        "tasks": list(ProfessionalTask.objects.filter(case=case).order_by("id")),
        "task_kinds": ProfessionalTask.Kind.choices,
        "assignee_kinds": ProfessionalTask.AssigneeKind.choices,
        "statuses": dict(Auction.Status.choices),
        "key": uuid.uuid4().hex,  # one per rendered page: the same form sent twice records once
    }


# ---- POST actions --------------------------------------------------------------------------------------

def _run(request, case: Case, fn, ok: str):
    return run_action(request, fn, ok, reverse("cases:detail", args=[case.pk]) + "#panel-disposal",
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


def _of_case(model, case, value, label):
    obj = model.objects.filter(pk=parse_id(value, label, required=True), case=case).first()
    if obj is None:
        raise ValidationError(_("%(label)s不属于本案。") % {"label": label})
    return obj


@require_POST
@staff_required(*disposal.ROLES)
def valuation_add(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return _run(request, case, lambda: disposal.record_valuation(
        request.user, case, description=p.get("description", ""), asset_kind=p.get("asset_kind"),
        identifier=p.get("identifier", ""), method=p.get("method"), value=p.get("value"),
        results=p.getlist("results"), appraiser=p.get("appraiser", ""), parties_agreed=p.get("parties_agreed") == "1",
        decided_on=p.get("decided_on"), key=p.get("key")), _("已登记处置参考价。"))


@require_POST
@staff_required(*disposal.ROLES)
def auction_add(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        v = _of_case(Valuation, case, p.get("valuation"), _("处置参考价"))
        return disposal.plan_auction(request.user, v, auction_round=p.get("round"), platform=p.get("platform", ""),
                                     opening_price=p.get("opening_price"), deposit=p.get("deposit"),
                                     increment=p.get("increment"), notice_on=p.get("notice_on"),
                                     starts_at=p.get("starts_at"), ends_at=p.get("ends_at"), key=p.get("key"))

    return _run(request, case, act, _("已安排拍卖。"))


@require_POST
@staff_required(*disposal.ROLES)
def auction_move(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        a = _of_case(Auction, case, p.get("auction"), _("拍卖"))
        return disposal.move_auction(request.user, a, p.get("status", ""), ended_on=p.get("ended_on") or None,
                                     winning_bid=p.get("winning_bid"), bidder_name=p.get("bidder_name", ""),
                                     reason=p.get("reason", ""))

    return _run(request, case, act, _("已更新拍卖状态。"))


@require_POST
@staff_required(*disposal.ROLES)
def auction_paid(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return _run(request, case, lambda: disposal.record_auction_payment(
        request.user, _of_case(Auction, case, p.get("auction"), _("拍卖")), p.get("key")), _("已登记成交价款到账。"))


@require_POST
@staff_required(*disposal.ROLES)
def distribution_add(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        claims = []
        for n in range(CLAIM_ROWS):
            kind, claim = p.get(f"kind_{n}", ""), p.get(f"claim_{n}", "").strip()
            if not kind and not claim:
                continue
            claims.append({"kind": kind, "claim": claim, "party": parse_id(p.get(f"party_{n}"), _("债权人")),
                           "secured": p.get(f"secured_{n}"), "rank": n, "name": p.get(f"name_{n}", "")})
        return disposal.make_distribution(request.user, case, claims=claims, served_on=p.get("served_on"),
                                          money=p.get("money") or None, key=p.get("key"))

    return _run(request, case, act, _("已制作分配方案。"))


@require_POST
@staff_required(*disposal.ROLES)
def distribution_objection(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return _run(request, case, lambda: disposal.record_objection(
        request.user, _of_case(DistributionPlan, case, p.get("plan"), _("分配方案")), p.get("text", "")),
        _("已登记异议。"))


@require_POST
@staff_required(*disposal.ROLES)
def distribution_execute(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return _run(request, case, lambda: disposal.execute_distribution(
        request.user, _of_case(DistributionPlan, case, p.get("plan"), _("分配方案"))), _("已按分配方案发放。"))


@require_POST
@staff_required(*disposal.ROLES)
def task_add(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return _run(request, case, lambda: professionals.assign(
        request.user, case, kind=p.get("kind"), assignee_kind=p.get("assignee_kind"),
        assignee_name=p.get("assignee_name", ""), organisation=p.get("organisation", ""), due_on=p.get("due_on"),
        key=p.get("key")), _("已委托。"))


@require_POST
@staff_required(*disposal.ROLES)
def task_report(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        t = _of_case(ProfessionalTask, case, p.get("task"), _("委托事项"))
        f = request.FILES.get("file")
        if f is None:
            raise ValidationError(_("请选择报告文件。"))
        if f.size > professionals.MAX_REPORT_BYTES:
            raise ValidationError(_("报告文件过大。"))
        return professionals.report(request.user, t, title=p.get("title", ""), data=f.read(), name=f.name or "")

    return _run(request, case, act, _("已提交报告并归入电子卷宗。"))


@require_POST
@staff_required(*disposal.ROLES)
def task_accept(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return _run(request, case, lambda: professionals.accept(
        request.user, _of_case(ProfessionalTask, case, p.get("task"), _("委托事项"))), _("已验收。"))


# ---- public notices ------------------------------------------------------------------------------------

def _public():
    return Auction.objects.filter(status__in=PUBLIC_STATUSES).select_related("valuation", "case", "case__court")


@anyone
def auction_list(request):
    auctions = _public().order_by("-starts_at", "-id")[:200]
    return render(request, "enforcement/disposal/public_list.html", {"auctions": auctions})


@anyone
def auction_detail(request, pk):
    a = _public().filter(pk=pk).first()
    if a is None:
        raise Http404
    return render(request, "enforcement/disposal/public_detail.html", {"a": a})
