"""Pages of 执行结案: the closing section of the case page (the five 终本 conditions ticked before the
officer asks, the four closing methods, the facts an officer records, the re-searches), the list of
终本 cases with their next re-search (/staff/enforcement/zhongben/), and 个人债务集中清理 (a debtor's
cases across the platform by ID number, the consolidated plans)."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case, case_for_request
from xiezhi.law import enforcement_ending as end_law
from xiezhi.site.access import staff_required
from xiezhi.site.http import run_action

from . import closing, debts
from .models_closing import ClosingFact, DebtPlan, RescanDue


def case_panel(request, case: Case):
    if case.case_type.type_code not in closing.IMPLEMENTATION_KINDS:
        return None
    if not can_manage_case(request.user, case, *closing.ROLES):
        return None
    done = getattr(case, "enforcement_closing", None)
    f = getattr(case, "enforcement", None)
    basis_kind = f.basis_kind if f is not None else ""
    debtors = [p for p in case.parties.filter(role="judgment_debtor") if p.kind == "natural" and p.id_number]
    ctx = {
        "template": "enforcement/closing/_panel.html",
        "done": done, "debtors": debtors,
        "amount": closing.claim_amount(case), "paid": closing.paid_to_applicants(case),
        "outstanding": closing.outstanding(case),
    }
    if done is None and case.status not in ("closed", "archived"):
        ctx.update({
            "conditions": closing.zhongben_conditions(case),
            "facts": ClosingFact.objects.filter(case=case).order_by("id"),
            "fact_kinds": [(k, label) for k, label in ClosingFact.Kind.choices
                           if k not in closing.facts_of(case)],
            "termination_grounds": sorted(end_law.TERMINATION_GROUNDS.items()),
            "not_enforced_grounds": sorted(end_law.NOT_ENFORCED_GROUNDS.get(basis_kind, {}).items()),
        })
    if done is not None and done.method == "zhongben":
        ctx["rescans"] = list(RescanDue.objects.filter(case=case).select_related("resumed_case").order_by("seq"))
        ctx["nothing_twice"] = closing.nothing_found_twice(case)
    return ctx


def _back(case):
    return reverse("cases:detail", args=[case.pk]) + "#enforcement-closing"


@require_POST
@staff_required(*closing.ROLES)
def close(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return run_action(request, lambda: closing.close(request.user, case, p.get("method", ""), p.get("ground", ""),
                                                     p.get("reason", "")),
                      _("已办理执行结案。"), _back(case),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


@require_POST
@staff_required(*closing.ROLES)
def record_fact(request, pk):
    case, p = case_for_request(request, pk), request.POST
    return run_action(request, lambda: closing.record_fact(request.user, case, p.get("kind", ""), p.get("note", "")),
                      _("已记录。"), _back(case),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


@require_GET
@staff_required(*closing.ROLES)
def zhongben_list(request):
    _viewer(request)  # the enforcement division and the president, as the other 执行局 pages
    return render(request, "enforcement/closing/zhongben.html", {"rows": closing.zhongben_cases(request.user)})


def _viewer(request):
    if not debts.may_view(request.user):
        raise PermissionDenied(_("个人债务集中清理仅供执行部门使用。"))


@require_GET
@staff_required(*debts.VIEW_ROLES)
def debtor_search(request):
    _viewer(request)
    q = debts.normalise(request.GET.get("q", ""))[:40]
    if q:
        return redirect("enforcement:debtor", id_number=q)
    return render(request, "enforcement/closing/debtor_search.html", {"debtors": debts.frequent_debtors(request.user)})


@staff_required(*debts.VIEW_ROLES)
def debtor(request, id_number):
    _viewer(request)
    idn = debts.normalise(id_number)[:40]
    if request.method == "POST":
        p = request.POST
        settlements = {k.removeprefix("settle_"): v for k, v in p.items() if k.startswith("settle_") and v.strip()}
        return run_action(request, lambda: debts.create_plan(request.user, idn, p.getlist("cases"),
                                                             p.get("available"), settlements, p.get("note", "")),
                          _("已制定清理方案。"), reverse("enforcement:debtor", args=[idn]),
                          on_success=lambda: record(request, AuditEntry.Action.CHANGE, detail=f"制定个人债务清理方案 {idn[:6]}…{idn[-4:]}"))
    rows = debts.debtor_cases(request.user, idn)
    # looking a person up across every court is audited, as any read of parties' data beyond one's cases
    record(request, AuditEntry.Action.READ, detail=f"查阅被执行人 {idn[:6]}…{idn[-4:]} 的全部执行案件")
    return render(request, "enforcement/closing/debtor.html", {
        "id_number": idn, "rows": rows, "name": rows[0].debtor.name if rows else "",
        "plans": list(debts.plans_for(idn)),
        "total_outstanding": sum((r.outstanding or 0 for r in rows if not r.closing), 0)})


@require_POST
@staff_required(*debts.VIEW_ROLES)
def plan_execute(request, pk):
    _viewer(request)
    plan = get_object_or_404(DebtPlan, pk=pk)
    return run_action(request, lambda: debts.execute_plan(request.user, plan), _("清理方案已执行，款项已按方案发放。"),
                      reverse("enforcement:debtor", args=[plan.id_number]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, detail=f"执行个人债务清理方案 #{plan.pk}"))


def register_events():
    """Called from apps.py: the timeline nodes of 执行结案 and the case-page section (order 17)."""
    from xiezhi.cases.events import register_event_types
    from xiezhi.cases.panels import register_panel

    types, summaries = closing.event_types()
    register_event_types(types, summaries=summaries)
    register_panel("enforcement_closing", 17, case_panel)
