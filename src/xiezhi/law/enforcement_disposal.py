"""财产处置: the reference price (参考价), the check of an online auction plan against 网拍规定, and the
distribution of enforcement money among creditors (分配方案). Pure functions; the services in
xiezhi.enforcement.disposal call them and turn their problems into Chinese ValidationErrors.

Sources (domain §6.5):
- 《最高人民法院关于人民法院确定财产处置参考价若干问题的规定》(参考价规定, 法释〔2018〕15号);
- 《最高人民法院关于人民法院网络司法拍卖若干问题的规定》(网拍规定, 法释〔2016〕18号), whose figures live in
  law.enforcement.auction_plan (called here, not copied);
- 《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》(民诉解释) 第五百零六条至第五百一十条 (参与分配).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from .enforcement import EnforcementError, auction_plan, to_amount

__all__ = [
    "METHODS", "OBJECTION_DAYS_REPORT", "OBJECTION_DAYS_PLAN", "MIN_BIDDING_HOURS",
    "network_inquiry_price", "valuation_problem", "report_objection_until", "auction_problems",
    "Claim", "Share", "Distribution", "distribute", "plan_objection_until",
]

_CENT = Decimal("0.01")

#: 参考价规定 第二条: four methods, in the order the court tries them (议价 first, 第四条)
METHODS = ("bargain", "directed", "network", "appraisal")
#: 参考价规定 第二十二条: a party may object to the 网络询价报告 / 评估报告 within five days of receiving it
OBJECTION_DAYS_REPORT = 5
#: 民诉解释 第五百零九条第二款: objections to a distribution plan within fifteen days of receiving it
OBJECTION_DAYS_PLAN = 15
#: 网拍规定 第二十条: bidding lasts at least twenty-four hours
MIN_BIDDING_HOURS = 24


def network_inquiry_price(results) -> Decimal:
    """网络询价: the reference price is the average of the platforms' results (参考价规定 第十三条), rounded
    down to the fen so the price never exceeds what the platforms said."""
    values = [to_amount(r, "询价结果") for r in (results or [])]
    if not values:
        raise EnforcementError("网络询价须至少填写一个司法网络询价平台的询价结果（参考价规定 第十三条）")
    return (sum(values) / len(values)).quantize(_CENT, rounding=ROUND_FLOOR)


def valuation_problem(method: str, *, parties_agreed: bool, appraiser: str = "", results=None) -> str | None:
    """What is wrong with choosing `method`, naming the article, or None.

    - 当事人议价 (第四条) needs the parties' agreement; the court asks for it first;
    - 网络询价 (第十三条) needs the platforms' results; 委托评估 (第十四条 onwards) needs the appraiser chosen
      (by the parties, or by lot from the roster).
    """
    if method not in METHODS:
        return "确定参考价的方式应为当事人议价、定向询价、网络询价或委托评估（参考价规定 第二条）"
    if method == "bargain" and not parties_agreed:
        return "当事人议价须双方当事人协商一致（参考价规定 第四条）"
    if method == "network" and not results:
        return "网络询价须填写各司法网络询价平台的询价结果（参考价规定 第十三条）"
    if method == "appraisal" and not (appraiser or "").strip():
        return "委托评估须写明受托的评估机构（参考价规定 第十四条）"
    return None


def report_objection_until(received_on: date) -> date:
    """Last day a party may object to the inquiry or appraisal report (参考价规定 第二十二条; the day of
    receipt is not counted, 民事诉讼法 第八十五条第二款)."""
    return received_on + timedelta(days=OBJECTION_DAYS_REPORT)


def _as_date(x) -> date:
    return x.date() if isinstance(x, datetime) else x


def auction_problems(*, valuation, asset: str, auction_round, opening_price, deposit, notice_on: date,
                     starts_at: datetime, ends_at: datetime, previous_opening_price=None,
                     failed_on: date | None = None) -> list[str]:
    """Every rule of 网拍规定 the plan breaks, each sentence naming its article; [] when the plan is lawful.
    The limits come from law.enforcement.auction_plan; EnforcementError (bad input) is returned as a problem."""
    try:
        plan = auction_plan(valuation, asset, auction_round, previous_opening_price=previous_opening_price,
                            failed_on=failed_on)
    except EnforcementError as exc:
        return [str(exc)]
    problems = []
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        problems.append("拍卖结束时间应晚于开始时间")
    elif ends_at - starts_at < timedelta(hours=MIN_BIDDING_HOURS):
        problems.append("竞价时间不得少于二十四小时（网拍规定 第二十条）")
    if auction_round == "sale":
        if opening_price is not None:
            try:
                to_amount(opening_price, "变卖价")
            except EnforcementError as exc:
                problems.append(str(exc))
        return problems
    try:
        opening = to_amount(opening_price, "起拍价")
    except EnforcementError as exc:
        return problems + [str(exc)]
    if opening < plan.opening_price_min:
        if auction_round == 1:
            problems.append(f"起拍价不得低于评估价的百分之七十，即不低于 {plan.opening_price_min} 元（网拍规定 第十条）")
        else:
            problems.append(f"再次拍卖起拍价降价幅度不得超过前次起拍价的百分之二十，即不低于 {plan.opening_price_min} 元"
                            "（网拍规定 第二十六条）")
    try:
        dep = to_amount(deposit, "保证金")
    except EnforcementError as exc:
        problems.append(str(exc))
    else:
        low = (opening * Decimal("0.05")).quantize(_CENT, rounding=ROUND_CEILING)
        high = (opening * Decimal("0.20")).quantize(_CENT, rounding=ROUND_FLOOR)
        if dep < low or dep > high:
            problems.append(f"保证金应为起拍价的百分之五至百分之二十，即 {low} 至 {high} 元"
                            "（网拍规定 第十七条）")
    if notice_on is None:
        problems.append("请填写拍卖公告日期")
    elif starts_at is not None:
        # the notice is published at least N days before the auction: the day of notice not counted
        if (_as_date(starts_at) - notice_on).days < plan.notice_days:
            art = "第十二条" if auction_round == 1 else "第二十六条"
            problems.append(f"拍卖公告应当在拍卖{plan.notice_days}日前发布（网拍规定 {art}）")
    if plan.must_be_held_by is not None and starts_at is not None and _as_date(starts_at) > plan.must_be_held_by:
        problems.append(f"流拍后应当在三十日内再次拍卖，即不晚于 {plan.must_be_held_by}（网拍规定 第二十六条）")
    return problems


# ---- 分配方案（民诉解释 第五百零六条至第五百一十条） ----------------------------------------------------

#: the ranks a claim can have, paid in this order (民诉解释 第五百零八条)
KINDS = ("cost", "priority", "ordinary")


@dataclass(frozen=True)
class Claim:
    """One creditor's claim. kind "cost" = 执行费用 (and other costs of the proceeding), "priority" = a claim
    with a right to be paid first (担保物权 etc.) up to `secured` (the value of its security; None = the whole
    claim), in `rank` order among priority claims; "ordinary" = 普通债权."""
    ref: object
    kind: str
    amount: Decimal
    secured: Decimal | None = None
    rank: int = 0


@dataclass(frozen=True)
class Share:
    ref: object
    kind: str  # the rank it was paid at: cost / priority / ordinary
    amount: Decimal


@dataclass(frozen=True)
class Distribution:
    shares: tuple[Share, ...]
    surplus: Decimal  # left after every claim is paid in full: returned to the debtor (民诉解释 第五百一十条 ⚠ practice)
    basis: tuple[str, ...]

    def paid_to(self, ref) -> Decimal:
        return sum((s.amount for s in self.shares if s.ref == ref), Decimal("0"))


def _pro_rata(money: Decimal, claims: list[tuple[object, Decimal]]) -> dict:
    """Divide `money` (≤ the sum of the claims) in proportion to the claims, each share rounded down to the fen;
    the fen left over go one at a time to the largest claim (the first of equal ones), then the next largest,
    never beyond a claim. Sums to `money` exactly."""
    total = sum(c for _, c in claims)
    if money >= total:
        return {ref: c for ref, c in claims}
    shares = {ref: (money * c / total).quantize(_CENT, rounding=ROUND_FLOOR) for ref, c in claims}
    left = money - sum(shares.values())
    order = sorted(range(len(claims)), key=lambda i: (-claims[i][1], i))
    while left > 0:
        for i in order:
            ref, c = claims[i]
            room = c - shares[ref]
            if room > 0 and left > 0:
                add = min(room, left)
                shares[ref] += add
                left -= add
    return shares


def distribute(money, claims: list[Claim]) -> Distribution:
    """Divide the enforcement money `money` among `claims` (民诉解释 第五百零八条):

    1. costs of enforcement (执行费用) first, pro rata among them if the money is short;
    2. then claims with a priority right, by rank, each up to its security (the value of the security);
       the part of a secured claim beyond its security joins the ordinary claims;
    3. then the ordinary claims in proportion to their amounts (原则上按照其占全部申请参与分配债权数额的比例受偿),
       each share rounded down to the fen and the fen left over given to the largest claim;
    4. what is left when everyone is paid in full is the surplus (returned to the debtor).

    The shares and the surplus always sum to `money`; no claim is paid more than its amount."""
    money = Decimal("0") if money in (0, "0", Decimal("0")) else to_amount(money, "可分配金额")
    if not claims:
        raise EnforcementError("分配方案须至少有一项债权")
    refs = set()
    for c in claims:
        if c.kind not in KINDS:
            raise EnforcementError("债权类别应为执行费用、优先受偿债权或普通债权")
        to_amount(c.amount, "债权金额")
        if c.secured is not None and c.kind == "priority":
            to_amount(c.secured, "担保财产价值")
        if c.ref in refs:
            raise EnforcementError("同一债权人的债权只能列一项")
        refs.add(c.ref)
    left = money
    shares: list[Share] = []
    costs = [(c.ref, Decimal(c.amount)) for c in claims if c.kind == "cost"]
    if costs:
        got = _pro_rata(left, costs)
        shares += [Share(ref, "cost", a) for ref, a in got.items() if a > 0]
        left -= sum(got.values())
    ordinary = [(c.ref, Decimal(c.amount)) for c in claims if c.kind == "ordinary"]
    for c in sorted((c for c in claims if c.kind == "priority"), key=lambda c: c.rank):
        first = Decimal(c.amount) if c.secured is None else min(Decimal(c.amount), Decimal(c.secured))
        paid = min(first, left)
        if paid > 0:
            shares.append(Share(c.ref, "priority", paid))
        left -= paid
        if Decimal(c.amount) > first:
            ordinary.append((c.ref, Decimal(c.amount) - first))
    if ordinary and left > 0:
        got = _pro_rata(left, ordinary)
        shares += [Share(ref, "ordinary", a) for ref, a in got.items() if a > 0]
        left -= sum(got.values())
    return Distribution(tuple(shares), left, (
        "民诉解释 第五百零八条（执行所得价款扣除执行费用，并清偿应当优先受偿的债权后，普通债权按比例受偿）",
        "按比例计算到分，舍去的尾数归债权数额最大者（不超过其债权）",
    ))


def plan_objection_until(served_on: date) -> date:
    """Last day to object to a distribution plan: fifteen days after it was received (民诉解释 第五百零九条第二款;
    the day of receipt is not counted)."""
    return served_on + timedelta(days=OBJECTION_DAYS_PLAN)
