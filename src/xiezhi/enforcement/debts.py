"""个人债务集中清理 (issue 11 item 11): every enforcement case against one natural person across all the
courts of the platform, found by ID number, and a consolidated plan (`DebtPlan`) sharing the money
available among the plan's cases pro rata (law.enforcement_ending.plan_shares, 民诉解释 第五百零八条).

Enforcement staff of any court may view a debtor (each view is audited by the caller); only the plan's
court writes, and a plan holds only its own court's cases, because the ledger of a case is kept by the
court that enforces it (一案一账). Executing a plan is a write a clerk may repeat: the plan row is
locked and executed once, and every receipt and payout carries a key derived from the plan and the
case, so even a retried half-done execution records each movement once."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event
from xiezhi.law import enforcement_credit as credit_law
from xiezhi.law import enforcement_ending as law

from . import closing, services
from .models_closing import DebtPlan, DebtPlanItem

VIEW_ROLES = ("enforcement", "division_head", "president")
IMPLEMENTATION_KINDS = ("执", "执恢", "执保")


def may_view(user) -> bool:
    """Enforcement staff of any court on the platform (the clean-up looks across courts)."""
    if not getattr(user, "is_authenticated", False) or not user.has_role(*VIEW_ROLES):
        return False
    if user.has_role("enforcement", "president"):
        return True
    return getattr(getattr(user, "division", None), "kind", "") == "enforcement"


def normalise(id_number: str) -> str:
    return credit_law.normalise_id(id_number or "")


@dataclass
class DebtorCase:
    case: Case
    debtor: Party
    applied: Decimal | None
    paid: Decimal
    outstanding: Decimal | None
    closing: str
    own_court: bool


def debtor_cases(user, id_number: str) -> list[DebtorCase]:
    """Every enforcement implementation case (执 / 执恢 / 执保) against the natural person with this ID
    number, in every court, newest first, with the amounts applied, paid and outstanding."""
    idn = normalise(id_number)
    if not idn:
        return []
    parties = (Party.objects.filter(role="judgment_debtor", kind="natural", id_number__iexact=idn,
                                    case__case_type__type_code__in=IMPLEMENTATION_KINDS)
               .select_related("case", "case__court", "case__case_type").order_by("-case__filed_on", "-case_id"))
    out, seen = [], set()
    for p in parties[:500]:
        if p.case_id in seen:
            continue
        seen.add(p.case_id)
        c = p.case
        ec = getattr(c, "enforcement_closing", None)
        out.append(DebtorCase(c, p, closing.claim_amount(c), closing.paid_to_applicants(c), closing.outstanding(c),
                              ec.get_method_display() if ec else "", c.court_id == user.court_id))
    return out


def frequent_debtors(user, limit: int = 20) -> list[dict]:
    """The natural persons with the most open enforcement cases in the user's court: where a
    clean-up is most likely to help. [{"name", "id_number", "n"}]."""
    from django.db.models import Count

    rows = (Party.objects.filter(role="judgment_debtor", kind="natural", case__court_id=user.court_id,
                                 case__case_type__type_code__in=IMPLEMENTATION_KINDS, case__closed_on__isnull=True)
            .exclude(id_number="").values("id_number").annotate(n=Count("case", distinct=True))
            .order_by("-n", "id_number")[:limit])
    names = dict(Party.objects.filter(role="judgment_debtor", id_number__in=[r["id_number"] for r in rows])
                 .values_list("id_number", "name"))
    return [{"name": names.get(r["id_number"], ""), "id_number": r["id_number"], "n": r["n"]} for r in rows]


def _creditor(case: Case) -> Party:
    creditor = case.parties.filter(role="enf_applicant").order_by("pk").first()
    if creditor is None:
        raise ValidationError(_("执行案件 %(n)s 没有申请执行人。") % {"n": case.number})
    return creditor


def _amount(value, label: str, allow_zero=False) -> Decimal:
    if isinstance(value, Decimal):
        amount = value
    else:
        try:
            amount = Decimal(str(value or "").replace(",", "").strip())
        except ArithmeticError:
            raise ValidationError(_("%(label)s须为数字（单位：元）。") % {"label": label})
    if not amount.is_finite() or amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError(_("%(label)s须大于零。") % {"label": label})
    if amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1e14"):
        raise ValidationError(_("%(label)s最多精确到分（两位小数）。") % {"label": label})
    return amount


@transaction.atomic
def create_plan(actor, id_number: str, case_ids, available, settlements: dict | None = None,
                note: str = "") -> DebtPlan:
    """A consolidated plan of the actor's court: the chosen open cases of the debtor, the money
    available, optional settlement amounts per case ({case_id: amount}), the pro-rata shares."""
    if not may_view(actor):
        raise PermissionDenied(_("只有执行人员可以制定个人债务清理方案。"))
    available = _amount(available, _("可供分配金额"))
    rows = {r.case.pk: r for r in debtor_cases(actor, id_number)}
    chosen = [int(c) for c in (case_ids or []) if str(c).isdigit()]
    if not chosen:
        raise ValidationError(_("请选择纳入清理方案的案件。"))
    claims, picked = [], []
    for cid in chosen:
        r = rows.get(cid)
        if r is None:
            raise ValidationError(_("所选案件不是该被执行人的执行案件。"))
        if not r.own_court or not can_manage_case(actor, r.case, *VIEW_ROLES):
            raise PermissionDenied(_("清理方案只能包含本院的执行案件：%(n)s 由%(court)s执行。") % {
                "n": r.case.number, "court": r.case.court.name})
        if r.closing or r.case.status in ("closed", "archived"):
            raise ValidationError(_("执行案件 %(n)s 已结案。") % {"n": r.case.number})
        if not r.outstanding:
            raise ValidationError(_("执行案件 %(n)s 没有未履行金额。") % {"n": r.case.number})
        settle = (settlements or {}).get(cid) or (settlements or {}).get(str(cid))
        settle = _amount(settle, _("和解金额"), allow_zero=True) if settle not in (None, "") else None
        if settle is not None and settle > r.outstanding:
            raise ValidationError(_("执行案件 %(n)s 的和解金额超过未履行金额。") % {"n": r.case.number})
        claims.append(law.PlanClaim(cid, r.outstanding, settle))
        picked.append((r, settle))
    shares = law.plan_shares(available, claims)
    first = picked[0][0].debtor
    plan = DebtPlan.objects.create(court_id=actor.court_id, id_number=normalise(id_number), debtor_name=first.name,
                                   available=available, note=(note or "").strip()[:500], created_by=actor,
                                   created_at=timezone.now())
    DebtPlanItem.objects.bulk_create([
        DebtPlanItem(plan=plan, case=r.case, creditor=_creditor(r.case), outstanding=r.outstanding,
                     settlement=settle, share=shares[r.case.pk]) for r, settle in picked])
    return plan


@transaction.atomic
def execute_plan(actor, plan) -> DebtPlan:
    """Pay the plan out: per case, the share is received from the debtor and paid out to the
    applicant through the ledger (services.receive / pay_out) under keys of the plan. Executing an
    executed plan (a double click) returns it unchanged."""
    plan = DebtPlan.objects.select_for_update().filter(pk=getattr(plan, "pk", plan)).first()
    if plan is None:
        raise ValidationError(_("找不到该清理方案。"))
    if plan.court_id != getattr(actor, "court_id", None) or not may_view(actor):
        raise PermissionDenied(_("只有制定方案的法院可以执行清理方案。"))
    if plan.status == DebtPlan.Status.EXECUTED:
        return plan
    now = timezone.now()
    for item in plan.items.select_related("case", "creditor").order_by("case_id"):
        if item.share <= 0:
            continue
        services.receive(actor, item.case, item.share, plan.debtor_name, key=f"debtplan-{plan.pk}-in",
                         note=_("个人债务集中清理方案 #%(p)s") % {"p": plan.pk})
        services.pay_out(actor, item.case, item.creditor, item.share, key=f"debtplan-{plan.pk}-out",
                         note=_("个人债务集中清理方案 #%(p)s") % {"p": plan.pk})
        append_event(item.case, "debt_plan_executed", actor, {"plan": plan.pk, "amount": str(item.share)}, at=now,
                     refresh=False)
        item.paid = True
        item.save(update_fields=["paid"])
    plan.status, plan.executed_at, plan.executed_by = DebtPlan.Status.EXECUTED, now, actor
    plan.save(update_fields=["status", "executed_at", "executed_by"])
    return plan


def plans_for(id_number: str):
    return (DebtPlan.objects.filter(id_number=normalise(id_number)).select_related("court", "created_by")
            .prefetch_related("items__case"))
