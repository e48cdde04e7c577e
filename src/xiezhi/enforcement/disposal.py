"""财产处置 services: the reference price (参考价规定), online auction rounds (网拍规定) and the distribution of the
money on the books among the creditors (民诉解释 第五百零六条至第五百一十条).

House pattern (services.py): lock the case row, check who acts, check the rule (a pure function in
law.enforcement_disposal, whose sentence names the article), write, append one timeline node, all in one
transaction. Each creating service takes an idempotency key unique per case: a form sent twice records once."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import PARTY_ROLES, Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, lock_case
from xiezhi.law import enforcement_disposal as law
from xiezhi.law.enforcement import EnforcementError, to_amount

from . import selectors, services
from .models_disposal import Auction, DistributionLine, DistributionPlan, Valuation

ROLES = ("enforcement", "division_head", "president")
DISPOSAL_BASIS = "参考价规定；网拍规定；民诉解释 第五百零六条至第五百一十条"


def may_dispose(user, case: Case) -> bool:
    return can_manage_case(user, case, *ROLES)


def _check(actor, case: Case) -> None:
    if not may_dispose(actor, case):
        raise PermissionDenied(_("只有本案执行人员可以办理财产处置。"))
    if not selectors.is_enforcement_case(case):
        raise ValidationError(_("只有执行案件可以办理财产处置。"))
    if case.status == "archived":
        raise ValidationError(_("案件已归档，不能再办理财产处置。"))


def _key(key) -> str:
    key = (key or "").strip()
    if not key:
        raise ValidationError(_("缺少操作编号，请刷新页面后重新办理。"))
    if len(key) > services.KEY_MAX:
        raise ValidationError(_("操作编号过长。"))
    return key


def _amount(value, label: str, *, required: bool = True) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(_("请填写%(label)s。") % {"label": label})
        return None
    try:
        return to_amount(value, label)
    except EnforcementError as exc:
        raise ValidationError(str(exc)) from None


def _date(value, label: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat((value or "").strip())
    except (TypeError, ValueError):
        raise ValidationError(_("%(label)s应为日期，例如 2026-03-01。") % {"label": label}) from None


def _datetime(value, label: str) -> datetime:
    if isinstance(value, datetime):
        dt = value
    else:
        try:
            dt = datetime.fromisoformat((value or "").strip())
        except (TypeError, ValueError):
            raise ValidationError(_("%(label)s应为日期时间，例如 2026-03-01 10:00。") % {"label": label}) from None
    if timezone.is_naive(dt):
        dt = timezone.make_aware(dt)
    return dt


def _choice(value, choices, label: str) -> str:
    if value not in dict(choices):
        raise ValidationError(_("请选择%(label)s。") % {"label": label})
    return value


# ---- 参考价 ----------------------------------------------------------------------------------------

@transaction.atomic
def record_valuation(actor, case: Case, *, description: str, asset_kind: str, method: str, decided_on,
                     key: str, value=None, results=None, appraiser: str = "", parties_agreed: bool = False,
                     identifier: str = "") -> Valuation:
    """确定财产处置参考价. 网络询价: `results` are the platforms' prices and the value is their average; the
    others take `value`. For a report (网络询价, 委托评估) the parties may object within five days."""
    case = lock_case(case)
    _check(actor, case)
    key = _key(key)
    earlier = Valuation.objects.filter(case=case, key=key).first()
    if earlier is not None:
        return earlier
    description = (description or "").strip()[:300]
    if not description:
        raise ValidationError(_("请填写财产的名称和位置。"))
    asset_kind = _choice(asset_kind, Valuation._meta.get_field("asset_kind").choices, _("财产类别"))
    results = [r for r in (results or []) if str(r).strip()]
    problem = law.valuation_problem(method, parties_agreed=parties_agreed, appraiser=appraiser, results=results)
    if problem:
        raise ValidationError(problem)
    decided_on = _date(decided_on, _("确定日期"))
    if method == Valuation.Method.NETWORK:
        try:
            value = law.network_inquiry_price(results)
        except EnforcementError as exc:
            raise ValidationError(str(exc)) from None
        results = [str(to_amount(r, "询价结果")) for r in results]
    else:
        value = _amount(value, _("参考价"))
        results = []
    objection_until = law.report_objection_until(decided_on) if method in ("network", "appraisal") else None
    v = Valuation.objects.create(case=case, description=description, asset_kind=asset_kind,
                                 identifier=(identifier or "").strip()[:120], method=method, inquiry_results=results,
                                 appraiser=(appraiser or "").strip()[:200], value=value, decided_on=decided_on,
                                 objection_until=objection_until, created_by=actor, key=key)
    append_event(case, "valuation_decided", actor, {"valuation": v.pk, "asset": description,
                                                     "method": v.get_method_display(), "value": str(value)})
    return v


# ---- 网络司法拍卖 ------------------------------------------------------------------------------------

ROUND_ORDER = {"1": None, "2": "1", "sale": "2"}
#: the moves an auction can make; sold / failed / withdrawn end it
MOVES = {"planned": ("announced", "withdrawn"), "announced": ("running", "withdrawn"),
         "running": ("sold", "failed", "withdrawn")}


def limits(valuation: Valuation, auction_round: str, previous: Auction | None = None):
    """The computed limits of a round (law.enforcement.auction_plan), shown before saving; None if not computable."""
    from xiezhi.law.enforcement import auction_plan

    try:
        return auction_plan(valuation.value, valuation.asset_kind, 1 if auction_round == "1" else
                            (2 if auction_round == "2" else "sale"),
                            previous_opening_price=previous.opening_price if previous else None,
                            failed_on=previous.ended_on if previous else None)
    except EnforcementError:
        return None


@transaction.atomic
def plan_auction(actor, valuation: Valuation, *, auction_round: str, platform: str, starts_at, ends_at, key: str,
                 opening_price=None, deposit=None, increment=None, notice_on=None) -> Auction:
    """Plan one round. Round 2 follows the failed round 1 of the same asset, 变卖 the failed round 2; the plan is
    checked against every rule of 网拍规定 and refused naming the article it breaks."""
    case = lock_case(valuation.case_id)
    _check(actor, case)
    key = _key(key)
    earlier = Auction.objects.filter(case=case, key=key).first()
    if earlier is not None:
        return earlier
    valuation = Valuation.objects.get(pk=valuation.pk)
    auction_round = _choice(auction_round, Auction.Round.choices, _("拍卖轮次"))
    platform = (platform or "").strip()[:100]
    if not platform:
        raise ValidationError(_("请填写网络司法拍卖平台（网拍规定 第四条）。"))
    rounds = Auction.objects.filter(valuation=valuation).exclude(status="withdrawn")
    if rounds.filter(status__in=("planned", "announced", "running", "sold")).exists():
        raise ValidationError(_("该财产已有未结束或已成交的拍卖，不能再安排拍卖。"))
    previous = None
    needed = ROUND_ORDER[auction_round]
    if needed is not None:
        previous = rounds.filter(round=needed, status="failed").order_by("-id").first()
        if previous is None:
            raise ValidationError(_("再次拍卖须在第一次拍卖流拍后安排，变卖须在再次拍卖流拍后安排（网拍规定 第二十六条）。"))
    elif rounds.exists():
        raise ValidationError(_("该财产已经拍卖过，流拍后应安排再次拍卖（网拍规定 第二十六条）。"))
    starts, ends = _datetime(starts_at, _("开始时间")), _datetime(ends_at, _("结束时间"))
    notice = _date(notice_on, _("公告日期")) if (notice_on or auction_round != "sale") else None
    opening = _amount(opening_price, _("起拍价") if auction_round != "sale" else _("变卖价"),
                      required=auction_round != "sale")
    dep = _amount(deposit, _("保证金"), required=auction_round != "sale")
    inc = _amount(increment, _("加价幅度"), required=False)
    problems = law.auction_problems(
        valuation=valuation.value, asset=valuation.asset_kind,
        auction_round=1 if auction_round == "1" else (2 if auction_round == "2" else "sale"),
        opening_price=opening, deposit=dep, notice_on=notice, starts_at=timezone.localtime(starts).replace(tzinfo=None),
        ends_at=timezone.localtime(ends).replace(tzinfo=None),
        previous_opening_price=previous.opening_price if previous and auction_round == "2" else None,
        failed_on=previous.ended_on if previous and auction_round == "2" else None)
    if problems:
        raise ValidationError(problems)
    a = Auction.objects.create(case=case, valuation=valuation, round=auction_round, previous=previous,
                               platform=platform, opening_price=opening, deposit=dep, increment=inc, notice_on=notice,
                               starts_at=starts, ends_at=ends, created_by=actor, key=key)
    append_event(case, "auction_planned", actor, {"auction": a.pk, "round": a.get_round_display(),
                                                   "asset": valuation.description,
                                                   "opening_price": str(opening or ""), "platform": platform})
    return a


@transaction.atomic
def move_auction(actor, auction: Auction, status: str, *, ended_on=None, winning_bid=None, bidder_name: str = "",
                 reason: str = "") -> Auction:
    """planned → announced → running → sold / failed; withdrawn from any open state. A repeated click that asks
    for the state the auction already has changes nothing."""
    case = lock_case(auction.case_id)
    _check(actor, case)
    auction = Auction.objects.select_for_update().get(pk=auction.pk)
    if auction.status == status:
        return auction
    if status not in MOVES.get(auction.status, ()):
        raise ValidationError(_("拍卖当前状态为%(now)s，不能改为该状态。") % {"now": auction.get_status_display()})
    payload = {"auction": auction.pk, "round": auction.get_round_display(), "asset": auction.valuation.description}
    if status in ("sold", "failed"):
        auction.ended_on = _date(ended_on, _("结束日期")) if ended_on else timezone.localdate()
    if status == "sold":
        auction.winning_bid = _amount(winning_bid, _("成交价"))
        if auction.opening_price and auction.winning_bid < auction.opening_price:
            raise ValidationError(_("成交价不得低于起拍价（网拍规定 第十一条）。"))
        auction.bidder_name = (bidder_name or "").strip()[:200]
        if not auction.bidder_name:
            raise ValidationError(_("请填写买受人。"))
        payload.update(price=str(auction.winning_bid), buyer=auction.bidder_name)
    if status == "withdrawn":
        reason = (reason or "").strip()[:300]
        if not reason:
            raise ValidationError(_("请填写撤回拍卖的理由。"))
        payload["reason"] = reason
    auction.status = status
    auction.save()
    payload["status"] = auction.get_status_display()
    append_event(case, "auction_moved", actor, payload)
    return auction


@transaction.atomic
def record_auction_payment(actor, auction: Auction, key: str):
    """The buyer paid the price: a receipt in the 执行款 ledger (services.receive), once per auction."""
    case = lock_case(auction.case_id)
    _check(actor, case)
    auction = Auction.objects.select_for_update().get(pk=auction.pk)
    if auction.status != "sold":
        raise ValidationError(_("只有已成交的拍卖才能登记成交价款到账。"))
    if auction.payment_id:
        return auction.payment
    movement = services.receive(actor, case, auction.winning_bid, auction.bidder_name, key,
                                note=_("拍卖成交价款（%(round)s）") % {"round": auction.get_round_display()})
    auction.payment = movement
    auction.save(update_fields=["payment"])
    return movement


# ---- 分配方案 ----------------------------------------------------------------------------------------

@transaction.atomic
def make_distribution(actor, case: Case, *, claims: list[dict], served_on, key: str, money=None) -> DistributionPlan:
    """A distribution plan of `money` (default: all the money on hand) among `claims`, each a dict with kind
    (cost / priority / ordinary), claim, and for a creditor its `party` (a party of the case: the applicant or a
    joined creditor) — a costs line names nobody; a priority claim may give `secured` and `rank`. Served on
    `served_on`; objections within fifteen days (民诉解释 第五百零九条)."""
    case = lock_case(case)
    _check(actor, case)
    key = _key(key)
    earlier = DistributionPlan.objects.filter(case=case, key=key).first()
    if earlier is not None:
        return earlier
    on_hand = selectors.case_balance(case).on_hand
    money = on_hand if money in (None, "") else _amount(money, _("可分配金额"))
    if money <= 0:
        raise ValidationError(_("本案没有可分配的执行款。"))
    if money > on_hand:
        raise ValidationError(_("可分配金额 %(money)s 元超过本案执行款结存 %(on_hand)s 元。") % {
            "money": money, "on_hand": on_hand})
    if DistributionPlan.objects.filter(case=case, status="served").exists():
        raise ValidationError(_("本案已有尚未执行的分配方案。"))
    served_on = _date(served_on, _("送达日期"))
    rows, law_claims = [], []
    for n, c in enumerate(claims or []):
        kind = _choice(c.get("kind"), DistributionLine.Kind.choices, _("债权类别"))
        party = None
        if kind == "cost":
            name = (c.get("name") or "").strip()[:200] or _("执行费用")
        else:
            pk = getattr(c.get("party"), "pk", c.get("party"))
            party = Party.objects.filter(pk=pk, case=case, role__in=PARTY_ROLES).first() if pk else None
            if party is None:
                raise ValidationError(_("债权人须为本案当事人（参与分配的债权人应先列为本案当事人）。"))
            name = party.name
        amount = _amount(c.get("claim"), _("债权金额"))
        secured = _amount(c.get("secured"), _("担保财产价值"), required=False) if kind == "priority" else None
        rows.append((n, kind, party, name, amount, secured))
        law_claims.append(law.Claim(n, kind, amount, secured=secured, rank=int(c.get("rank") or 0)))
    try:
        result = law.distribute(money, law_claims)
    except EnforcementError as exc:
        raise ValidationError(str(exc)) from None
    plan = DistributionPlan.objects.create(case=case, money=money, surplus=result.surplus, served_on=served_on,
                                           objection_until=law.plan_objection_until(served_on), created_by=actor,
                                           key=key)
    DistributionLine.objects.bulk_create([
        DistributionLine(plan=plan, party=party, creditor_name=name, kind=kind, claim=amount, secured=secured,
                         share=result.paid_to(n)) for n, kind, party, name, amount, secured in rows])
    append_event(case, "distribution_made", actor, {"plan": plan.pk, "money": str(money),
                                                     "objection_until": plan.objection_until.isoformat()})
    return plan


@transaction.atomic
def record_objection(actor, plan: DistributionPlan, text: str) -> DistributionPlan:
    """A creditor or the debtor objected in writing within the period (民诉解释 第五百零九条第二款)."""
    case = lock_case(plan.case_id)
    _check(actor, case)
    plan = DistributionPlan.objects.select_for_update().get(pk=plan.pk)
    text = (text or "").strip()[:1000]
    if not text:
        raise ValidationError(_("请填写异议内容。"))
    if plan.status != "served":
        raise ValidationError(_("分配方案已执行，不能再登记异议。"))
    if timezone.localdate() > plan.objection_until:
        raise ValidationError(_("异议期限已于 %(d)s 届满（民诉解释 第五百零九条第二款）。") % {"d": plan.objection_until})
    plan.objections = (plan.objections + "\n" + text).strip()
    plan.save(update_fields=["objections"])
    append_event(case, "distribution_objection", actor, {"plan": plan.pk, "text": text})
    return plan


@transaction.atomic
def execute_distribution(actor, plan: DistributionPlan, today: date | None = None) -> DistributionPlan:
    """Pay each creditor's share out of the ledger (services.pay_out, key per line: a retry pays once). Only after
    the fifteen days have passed without objection (民诉解释 第五百零九条、第五百一十条); the costs line stays with
    the court. An executed plan is returned as it is."""
    case = lock_case(plan.case_id)
    _check(actor, case)
    plan = DistributionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status == "executed":
        return plan
    today = today or timezone.localdate()
    if today <= plan.objection_until:
        raise ValidationError(_("异议期限 %(d)s 届满前不能按分配方案发放（民诉解释 第五百零九条第二款）。") % {
            "d": plan.objection_until})
    if plan.objections:
        raise ValidationError(_("分配方案有异议，应通知未提出异议的债权人、被执行人，按民诉解释 第五百一十条处理后再发放。"))
    for line in plan.lines.select_related("party").order_by("id"):
        if line.party_id is None or line.share <= 0 or line.payment_id:
            continue
        line.payment = services.pay_out(actor, case, line.party, line.share, f"dist-{plan.pk}-{line.pk}",
                                        note=_("按分配方案发放"))
        line.save(update_fields=["payment"])
    plan.status, plan.executed_at = "executed", timezone.now()
    plan.save(update_fields=["status", "executed_at"])
    append_event(case, "distribution_executed", actor, {"plan": plan.pk, "money": str(plan.money)})
    return plan


# ---- timeline --------------------------------------------------------------------------------------

def _fields(p):
    return {k: p.get(k, "") for k in ("asset", "method", "value", "round", "opening_price", "platform", "status",
                                      "money", "objection_until", "text", "kind", "assignee", "title")}


def _s(p, which):
    from django.utils.translation import gettext

    texts = {
        "valuation_decided": lambda: gettext("%(asset)s：%(method)s，参考价 %(value)s 元"),
        "auction_planned": lambda: gettext("%(asset)s：%(round)s，起拍价 %(opening_price)s 元，平台 %(platform)s"),
        "auction_moved": lambda: gettext("%(asset)s：%(round)s %(status)s"),
        "distribution_made": lambda: gettext("分配方案：可分配 %(money)s 元，异议期限至 %(objection_until)s"),
        "distribution_objection": lambda: gettext("异议：%(text)s"),
        "distribution_executed": lambda: gettext("按分配方案发放 %(money)s 元"),
        "professional_assigned": lambda: gettext("委托%(assignee)s：%(kind)s"),
        "professional_reported": lambda: gettext("%(assignee)s提交报告：%(title)s"),
        "professional_accepted": lambda: gettext("验收%(assignee)s的%(kind)s"),
    }
    return texts[which]() % _fields(p)


def register_events() -> None:
    from django.utils.translation import gettext_lazy

    from xiezhi.cases.events import EventType, register_event_types

    register_event_types({
        "valuation_decided": EventType(gettext_lazy("确定财产处置参考价"), basis="参考价规定 第二条"),
        "auction_planned": EventType(gettext_lazy("安排网络司法拍卖"), basis="网拍规定 第十条、第十二条、第二十六条"),
        "auction_moved": EventType(gettext_lazy("网络司法拍卖状态变更"), basis="网拍规定"),
        "distribution_made": EventType(gettext_lazy("制作分配方案"), basis="民诉解释 第五百零九条"),
        "distribution_objection": EventType(gettext_lazy("对分配方案提出异议"), basis="民诉解释 第五百零九条"),
        "distribution_executed": EventType(gettext_lazy("按分配方案发放"), basis="民诉解释 第五百一十条"),
        "professional_assigned": EventType(gettext_lazy("委托社会力量"), public=False),
        "professional_reported": EventType(gettext_lazy("受托人提交报告"), public=False),
        "professional_accepted": EventType(gettext_lazy("验收受托事项"), public=False),
    }, summaries={code: (lambda p, c=code: _s(p, c)) for code in (
        "valuation_decided", "auction_planned", "auction_moved", "distribution_made", "distribution_objection",
        "distribution_executed", "professional_assigned", "professional_reported", "professional_accepted")})
