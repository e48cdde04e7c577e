"""执行的法律规则：申请执行期间、失信被执行人名单的期限、网络司法拍卖的价格与期间。

依据：

- 民事诉讼法（2023 年修正）第二百五十条：申请执行的期间为二年。前款规定的期间，从法律文书规定履行期间的
  最后一日起计算；法律文书规定分期履行的，从最后一期履行期限届满之日起计算；法律文书未规定履行期间的，
  从法律文书生效之日起计算。期间的计算适用第八十五条（开始的日不计入；最后一日为法定休假日的顺延）。
  申请执行时效的中止、中断（执行程序解释 第十九条至第二十一条；民诉解释 第四百六十六条）记在执行案件上，
  不在本函数内计算。
- 失信规定（法释〔2017〕7号）第一条：被执行人未履行生效法律文书确定的义务，并具有六种情形之一的，纳入失信
  被执行人名单；第二条：具有第二项至第六项情形的，纳入期限为二年；以暴力、威胁方法妨碍、抗拒执行情节严重或
  具有多项失信行为的，可以延长一至三年；第三条：提供了充分有效担保、已被采取查封等措施的财产足以清偿等情形，
  不得依据第一条第一项纳入；第四条：被执行人为未成年人的，不得纳入。第一项情形没有固定期限，至删除事由出现
  （第十条第一款）。
- 网拍规定 第十条：起拍价不得低于评估价或者市场价的百分之七十；第十二条：拍卖公告期，动产拍卖前十五日，
  不动产或者其他财产权拍卖前三十日；第十七条：保证金数额为起拍价的百分之五至百分之二十；第二十六条：流拍的，
  应当在三十日内在同一网络司法拍卖平台再次拍卖，公告期动产七日、不动产或者其他财产权十五日，再次拍卖的起拍价
  降价幅度不得超过前次起拍价的百分之二十；再次拍卖流拍的，可以依法在同一网络司法拍卖平台变卖。

本模块是纯 Python：工作日历由调用方传入（见 :mod:`xiezhi.law.periods`）。
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation

from .periods import PeriodError, WorkCalendar, add_months, period_end_detail, working_days_after

__all__ = [
    "APPLICATION_YEARS",
    "ASSETS",
    "AUCTION_ROUNDS",
    "CIRCUMSTANCES",
    "AuctionPlan",
    "DishonestTerm",
    "EnforcementError",
    "EnforcementWindow",
    "DELETION_EVENTS",
    "DELETION_WORKING_DAYS",
    "EARLY_DELETION",
    "REAPPLICATION_BAR_MONTHS",
    "deletion_basis",
    "deletion_due",
    "deletion_problem",
    "dishonest_term_end",
    "reapplication_barred_until",
    "MAX_AUCTION_AMOUNT",
    "MAX_INSTALLMENTS",
    "auction_plan",
    "dishonest_term",
    "enforcement_application_window",
]


class EnforcementError(ValueError):
    """执行规则的输入错误（中文消息）。"""


# ---- 申请执行期间（民事诉讼法 第二百五十条） ---------------------------------------------------------

#: 申请执行的期间（年），民事诉讼法 第二百五十条第一款
APPLICATION_YEARS = 2
#: 分期履行最多期数（超出按输入错误处理）
MAX_INSTALLMENTS = 360


@dataclass(frozen=True)
class EnforcementWindow:
    start: date  # 起算日（当日不计入）
    window_end: date  # 申请执行期间届满日（已按法定休假日顺延）
    nominal_end: date
    provisional: bool  # 届满日所在年份的放假通知尚未录入，按法定节日暂定
    basis: tuple[str, ...]


def enforcement_application_window(
    effective_on: date,
    *,
    due_on: date | None = None,
    installments: Iterable[date] | None = None,
    calendar: WorkCalendar,
) -> EnforcementWindow:
    """申请执行期间的届满日（民事诉讼法 第二百五十条、第八十五条）。

    - 给出 ``due_on``（法律文书规定的履行期间的最后一日）：从该日起计算；
    - 给出 ``installments``（分期履行的各期履行期限）：从最后一期履行期限届满之日起计算；
    - 都未给出（法律文书未规定履行期间）：从法律文书生效之日起计算。

    二年期间按民法典 第二百零二条取到期月的对应日，最后一日为法定休假日的顺延（第八十五条第三款）。

    :raises EnforcementError: 日期不合理（履行期限早于生效日期、同时给出履行期间和分期等）。
    """
    if not isinstance(effective_on, date):
        raise EnforcementError("生效日期应为日期")
    if due_on is not None and installments is not None:
        raise EnforcementError("履行期间的最后一日与分期履行的各期期限只能填写一项")
    basis = ["民事诉讼法 第二百五十条第一款（申请执行的期间为二年）"]
    if installments is not None:
        days = sorted(set(installments))
        if not days:
            raise EnforcementError("分期履行的，请至少填写一期履行期限")
        if len(days) > MAX_INSTALLMENTS:
            raise EnforcementError(f"分期履行最多填写 {MAX_INSTALLMENTS} 期")
        if any(not isinstance(d, date) for d in days):
            raise EnforcementError("各期履行期限应为日期")
        if days[0] < effective_on:
            raise EnforcementError("分期履行的履行期限不能早于法律文书生效日期")
        start = days[-1]
        basis.append("民事诉讼法 第二百五十条第二款（分期履行的，从最后一期履行期限届满之日起计算）")
    elif due_on is not None:
        if not isinstance(due_on, date):
            raise EnforcementError("履行期间的最后一日应为日期")
        if due_on < effective_on:
            raise EnforcementError("履行期间的最后一日不能早于法律文书生效日期")
        start = due_on
        basis.append("民事诉讼法 第二百五十条第二款（从法律文书规定履行期间的最后一日起计算）")
    else:
        start = effective_on
        basis.append("民事诉讼法 第二百五十条第二款（法律文书未规定履行期间的，从生效之日起计算）")
    try:
        result = period_end_detail(start, years=APPLICATION_YEARS, calendar=calendar)
    except PeriodError as exc:
        raise EnforcementError(str(exc)) from None
    basis.append(result.basis)
    return EnforcementWindow(start=start, window_end=result.end, nominal_end=result.nominal_end,
                             provisional=result.provisional, basis=tuple(basis))


# ---- 失信被执行人名单（失信规定 第一条至第四条） ---------------------------------------------------

#: 失信规定 第一条的六种情形
CIRCUMSTANCES = {
    1: "有履行能力而拒不履行生效法律文书确定义务",
    2: "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
    3: "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
    4: "违反财产报告制度",
    5: "违反限制消费令",
    6: "无正当理由拒不履行执行和解协议",
}
_ITEM = "（一）（二）（三）（四）（五）（六）"

#: 第二项至第六项情形的纳入期限（年），可以延长的年数（失信规定 第二条第一款）
FIXED_TERM_YEARS = 2
EXTENSION_YEARS = (1, 3)


def _item(n: int) -> str:
    return "第一条第" + _ITEM[(n - 1) * 3:(n - 1) * 3 + 3] + "项"


@dataclass(frozen=True)
class DishonestTerm:
    listable: bool
    term: str | None  # "until_deleted" | "fixed" | None（不得纳入）
    years_min: int | None
    years_max: int | None
    basis: tuple[str, ...]


def dishonest_term(
    circumstances: Iterable[int],
    *,
    aggravating: bool = False,
    minor: bool = False,
    performed_or_secured: bool = False,
) -> DishonestTerm:
    """能否纳入失信被执行人名单及纳入期限（失信规定 第一条至第四条）。

    - 未成年人一律不得纳入（第四条），先于其他一切情形；
    - 已履行，或提供了充分有效担保、被查封的财产足以清偿的，不得纳入（第一条：以未履行为前提；第三条）；
    - 只有第一项情形（有履行能力而拒不履行）：没有固定期限，至第十条第一款的删除事由出现后三个工作日内删除；
    - 具有第二项至第六项情形之一：期限二年（第二条第一款）；以暴力、威胁方法妨碍、抗拒执行情节严重
      （``aggravating``）或具有多项失信行为（两项以上情形）的，人民法院**可以**延长一至三年，所以为 2–5 年；
      同时具有第一项情形的，期限届满后仍拒不履行的可以重新纳入（第十条第三款）。

    :raises EnforcementError: 情形编号不在 1–6 之内。
    """
    items = set()
    for c in circumstances:
        if isinstance(c, bool) or not isinstance(c, int) or not 1 <= c <= 6:
            raise EnforcementError("失信情形应为 1 至 6 的编号（失信规定 第一条第一项至第六项）")
        items.add(c)
    if minor:
        return DishonestTerm(False, None, None, None, ("失信规定 第四条（被执行人为未成年人的，不得纳入失信被执行人名单）",))
    if performed_or_secured:
        return DishonestTerm(False, None, None, None, (
            "失信规定 第一条（以被执行人未履行生效法律文书确定的义务为前提）",
            "失信规定 第三条（提供了充分有效担保，或已被采取查封、扣押、冻结等措施的财产足以清偿的，不得纳入）",
        ))
    if not items:
        return DishonestTerm(False, None, None, None, ("失信规定 第一条（不具有第一项至第六项任何情形的，不得纳入）",))
    basis = [f"失信规定 {_item(n)}（{CIRCUMSTANCES[n]}）" for n in sorted(items)]
    if items == {1}:
        basis.append("失信规定 第二条（第一项情形不设纳入期限）")
        basis.append("失信规定 第十条第一款（删除事由出现后三个工作日内删除失信信息）")
        return DishonestTerm(True, "until_deleted", None, None, tuple(basis))
    several = len(items) > 1
    if aggravating or several:
        why = "；".join(w for w, on in (("以暴力、威胁方法妨碍、抗拒执行情节严重", aggravating),
                                        ("具有多项失信行为", several)) if on)
        basis.append(f"失信规定 第二条第一款（纳入期限二年；{why}，可以延长一至三年）")
        years_max = FIXED_TERM_YEARS + EXTENSION_YEARS[1]
    else:
        basis.append("失信规定 第二条第一款（第二项至第六项情形，纳入期限为二年）")
        years_max = FIXED_TERM_YEARS
    if 1 in items:
        basis.append("失信规定 第十条第三款（期限届满删除后仍有失信行为的，可以重新纳入）")
    basis.append("失信规定 第十条第二款（纳入期限届满后三个工作日内删除失信信息）")
    return DishonestTerm(True, "fixed", FIXED_TERM_YEARS, years_max, tuple(basis))


# ---- 网络司法拍卖（网拍规定 第十条、第十二条、第十七条、第二十六条） ---------------------------------

#: 财产类别 → 中文名称
ASSETS = {"movable": "动产", "real_estate": "不动产", "property_right": "其他财产权"}
#: 拍卖轮次：第一次拍卖、再次拍卖（流拍后）、变卖（再次拍卖流拍后）
AUCTION_ROUNDS = (1, 2, "sale")
#: 金额上限（超出按输入错误处理）
MAX_AUCTION_AMOUNT = Decimal("1000000000000")

OPENING_MIN_SHARE = Decimal("0.70")  # 第十条
MAX_CUT_SHARE = Decimal("0.20")  # 第二十六条
DEPOSIT_SHARES = (Decimal("0.05"), Decimal("0.20"))  # 第十七条
NOTICE_DAYS = {1: {"movable": 15, "real_estate": 30, "property_right": 30},  # 第十二条
               2: {"movable": 7, "real_estate": 15, "property_right": 15}}  # 第二十六条
REAUCTION_WITHIN_DAYS = 30  # 第二十六条
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class AuctionPlan:
    opening_price_min: Decimal | None
    deposit_min: Decimal | None
    deposit_max: Decimal | None
    notice_days: int | None
    must_be_held_by: date | None
    notice_by: date | None  # 至迟在此日发布拍卖公告，才能在 must_be_held_by 前开拍
    basis: tuple[str, ...]


def to_amount(value, label: str) -> Decimal:
    """金额：正数，最多两位小数，不超过 :data:`MAX_AUCTION_AMOUNT`。"""
    if isinstance(value, bool) or isinstance(value, float):
        raise EnforcementError(f"{label}应为金额数字，例如 1000000.00")
    if isinstance(value, Decimal | int):
        d = Decimal(value)
    elif isinstance(value, str):
        try:
            d = Decimal(value.strip().replace(",", "").replace("，", ""))
        except InvalidOperation:
            raise EnforcementError(f"{label}应为金额数字，例如 1000000.00") from None
    else:
        raise EnforcementError(f"{label}应为金额数字，例如 1000000.00")
    if not d.is_finite():
        raise EnforcementError(f"{label}应为金额数字，例如 1000000.00")
    if d <= 0:
        raise EnforcementError(f"{label}应大于零")
    if d > MAX_AUCTION_AMOUNT:
        raise EnforcementError(f"{label}过大")
    if d != d.quantize(_CENT):
        raise EnforcementError(f"{label}最多保留两位小数（到分）")
    return d.quantize(_CENT)


def _up(d: Decimal) -> Decimal:
    return d.quantize(_CENT, rounding=ROUND_CEILING)


def _down(d: Decimal) -> Decimal:
    return d.quantize(_CENT, rounding=ROUND_FLOOR)


def auction_plan(
    valuation,
    asset: str,
    auction_round: int | str,
    *,
    previous_opening_price=None,
    failed_on: date | None = None,
) -> AuctionPlan:
    """一次网络司法拍卖的价格与期间下限（网拍规定 第十条、第十二条、第十七条、第二十六条）。

    - 第一次拍卖：起拍价不低于评估价（或市场价）的 70%（第十条），公告期动产 15 日、不动产和其他财产权
      30 日（第十二条）；
    - 再次拍卖（``auction_round=2``）：须给出前次起拍价与流拍日期；起拍价不低于前次起拍价的 80%（降价不超过 20%），
      公告期 7 日 / 15 日，流拍之日起三十日内拍卖（第二十六条；流拍之日不计入，民事诉讼法 第八十五条第二款）；
      前次起拍价本身须不低于评估价的 70%（第十条）；
    - 变卖（``auction_round="sale"``）：再次拍卖流拍后可以在同一平台变卖（第二十六条）；网拍规定对变卖价格、保证金和
      公告期没有规定，这些项为 None。

    保证金为起拍价（按最低起拍价计算）的 5%–20%（第十七条）；金额向上取整到分（下限）、向下取整到分（上限）。

    :raises EnforcementError: 输入不完整或不合理。
    """
    value = to_amount(valuation, "评估价")
    if asset not in ASSETS:
        raise EnforcementError("财产类别应为动产、不动产或其他财产权")
    if isinstance(auction_round, bool) or auction_round not in AUCTION_ROUNDS:
        raise EnforcementError("拍卖轮次应为第一次拍卖、再次拍卖或变卖")
    if failed_on is not None and not isinstance(failed_on, date):
        raise EnforcementError("流拍日期应为日期")
    if auction_round == "sale":
        if previous_opening_price is not None:
            to_amount(previous_opening_price, "前次起拍价")
        return AuctionPlan(None, None, None, None, None, None, (
            "网拍规定 第二十六条（再次拍卖流拍的，可以依法在同一网络司法拍卖平台变卖）",
            "网拍规定对变卖的价格、保证金和公告期未作规定",
        ))
    if auction_round == 1:
        if previous_opening_price is not None or failed_on is not None:
            raise EnforcementError("第一次拍卖没有前次起拍价和流拍日期，请不要填写")
        opening = _up(value * OPENING_MIN_SHARE)
        basis = ["网拍规定 第十条（起拍价不得低于评估价或者市场价的百分之七十）",
                 "网拍规定 第十二条（拍卖公告期：动产十五日，不动产、其他财产权三十日）"]
        notice, held_by, notice_by = NOTICE_DAYS[1][asset], None, None
    else:
        if previous_opening_price is None:
            raise EnforcementError("再次拍卖须填写前次拍卖的起拍价")
        if failed_on is None:
            raise EnforcementError("再次拍卖须填写前次拍卖的流拍日期")
        previous = to_amount(previous_opening_price, "前次起拍价")
        if previous < _up(value * OPENING_MIN_SHARE):
            raise EnforcementError("前次（第一次）起拍价低于评估价的百分之七十，不符合网拍规定第十条")
        opening = _up(previous * (1 - MAX_CUT_SHARE))
        notice = NOTICE_DAYS[2][asset]
        held_by = failed_on + timedelta(days=REAUCTION_WITHIN_DAYS)
        notice_by = held_by - timedelta(days=notice)
        basis = ["网拍规定 第二十六条（再次拍卖的起拍价降价幅度不得超过前次起拍价的百分之二十）",
                 "网拍规定 第二十六条（流拍的，应当在三十日内在同一网络司法拍卖平台再次拍卖；"
                 "公告期动产七日，不动产、其他财产权十五日）",
                 "民事诉讼法 第八十五条第二款（流拍之日不计算在期间内）"]
    basis.append("网拍规定 第十七条（保证金数额为起拍价的百分之五至百分之二十；按最低起拍价计算）")
    return AuctionPlan(opening_price_min=opening, deposit_min=_up(opening * DEPOSIT_SHARES[0]),
                       deposit_max=_down(opening * DEPOSIT_SHARES[1]), notice_days=notice,
                       must_be_held_by=held_by, notice_by=notice_by, basis=tuple(basis))


# ---- 失信信息的删除（失信规定 第二条第二款、第十条） ---------------------------------------------------

#: 失信规定 第十条第一款的七项删除事由
DELETION_EVENTS = {
    1: "被执行人已履行生效法律文书确定的义务或人民法院已执行完毕",
    2: "当事人达成执行和解协议且已履行完毕",
    3: "申请执行人书面申请删除失信信息，人民法院审查同意",
    4: "终结本次执行程序后，通过网络执行查控系统查询被执行人财产两次以上，未发现有可供执行财产，"
       "且申请执行人或者其他人未提供有效财产线索",
    5: "因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行",
    6: "人民法院依法裁定不予执行",
    7: "人民法院依法裁定终结执行",
}
#: 有纳入期限的，被执行人积极履行或者主动纠正失信行为的，人民法院可以决定提前删除（失信规定 第二条第二款）
EARLY_DELETION = 8
#: 删除事由出现（或纳入期限届满）后删除的期限：三个工作日（失信规定 第十条第一款、第二款）
DELETION_WORKING_DAYS = 3
#: 依第十条第一款第三项删除后，申请执行人不得再次申请纳入的期间（月），失信规定 第十条第四款
REAPPLICATION_BAR_MONTHS = 6
_NUMERAL = "一二三四五六七"


def deletion_due(event_on: date, calendar: WorkCalendar) -> date:
    """删除失信信息的最后一日：删除事由出现（或纳入期限届满）之日后的第三个工作日。

    依据：失信规定 第十条第一款（删除事由出现的，人民法院应当在三个工作日内删除失信信息）、第二款（纳入期限
    届满后三个工作日内删除）；民事诉讼法 第八十五条第二款（事由出现之日不计入）。休息日与调休上班日由
    ``calendar`` 决定。

    :raises EnforcementError: 日期不合理或工作日历数据异常。
    """
    if not isinstance(event_on, date):
        raise EnforcementError("删除事由出现的日期应为日期")
    try:
        return working_days_after(event_on, DELETION_WORKING_DAYS, calendar)
    except PeriodError as exc:
        raise EnforcementError(str(exc)) from None


def dishonest_term_end(decided_on: date, years: int) -> date:
    """有纳入期限的失信信息的期限最后一日：自纳入决定作出之日起 ``years`` 年的对应日。

    依据：失信规定 第二条第一款（纳入期限二年，可以延长一至三年）；民法典 第二百零一条、第二百零二条
    （开始的当日不计入，到期年、月的对应日为最后一日，没有对应日的为月末日）。

    :raises EnforcementError: 年数不是 1–5 的整数。
    """
    if not isinstance(decided_on, date):
        raise EnforcementError("纳入决定日期应为日期")
    if isinstance(years, bool) or not isinstance(years, int) or not FIXED_TERM_YEARS <= years <= FIXED_TERM_YEARS + EXTENSION_YEARS[1]:
        raise EnforcementError("纳入期限应为二至五年（失信规定 第二条第一款）")
    try:
        return add_months(decided_on, 12 * years)
    except PeriodError as exc:
        raise EnforcementError(str(exc)) from None


def reapplication_barred_until(deleted_on: date) -> date:
    """依第十条第一款第三项（申请执行人书面申请）删除后，申请执行人不得再次申请纳入的最后一日。

    依据：失信规定 第十条第四款（删除失信信息后六个月内，申请执行人申请将该被执行人纳入失信被执行人名单的，
    人民法院不予支持）；民法典 第二百零二条（对应日）。
    """
    if not isinstance(deleted_on, date):
        raise EnforcementError("删除日期应为日期")
    return add_months(deleted_on, REAPPLICATION_BAR_MONTHS)


def deletion_basis(event: int) -> str:
    """删除事由的依据条文（用于流程节点与决定书）。"""
    if event == EARLY_DELETION:
        return "失信规定 第二条第二款（积极履行或者主动纠正失信行为的，可以决定提前删除）"
    return f"失信规定 第十条第一款第{_NUMERAL[event - 1]}项（{DELETION_EVENTS[event]}）"


def deletion_problem(term: str, event) -> str | None:
    """该删除事由能否用于该条失信信息；能用返回 None，不能用返回中文理由。

    - 没有纳入期限的（第一条第一项）：第十条第一款的七项删除事由（编号 1–7）；
    - 有纳入期限的：不适用第十条第一款（第十条第二款），期限届满后删除；期限内只能因积极履行或主动纠正失信
      行为提前删除（第二条第二款，编号 :data:`EARLY_DELETION`）。
    """
    if isinstance(event, bool) or not isinstance(event, int) or not (1 <= event <= 7 or event == EARLY_DELETION):
        return "删除事由应为失信规定第十条第一款第一项至第七项，或第二条第二款的提前删除"
    if term == "until_deleted":
        if event == EARLY_DELETION:
            return "没有纳入期限的失信信息，应依失信规定第十条第一款的删除事由删除，不适用第二条第二款的提前删除"
        return None
    if term == "fixed":
        if event != EARLY_DELETION:
            return ("有纳入期限的失信信息不适用失信规定第十条第一款，期限届满后三个工作日内删除（第十条第二款）；"
                    "被执行人积极履行或主动纠正失信行为的，可以依第二条第二款决定提前删除")
        return None
    return "失信信息的纳入期限类型不明"
