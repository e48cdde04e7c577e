"""国家司法救助：救助对象、救助金额上限、审批与通知期限、一案一救、案件类型代字。

依据：

- 《最高人民法院关于加强和规范人民法院国家司法救助工作的意见》（法发〔2016〕16号，司救意见）第一条、第二条
  （一次性救助；同一案件同一申请人只救助一次；由办理案件的法院负责）、第三条（救助对象，八项）、
  救助金额以办理案件的人民法院所在省、自治区、直辖市上一年度职工月平均工资为基准，一般不超过三十六个月的工资
  总额；损失特别重大、生活特别困难的可以适当突破，但不得超过人民法院依法应当判决的赔偿数额。
- 中央政法委等《关于建立完善国家司法救助制度的意见（试行）》（2015）：收到申请后十个工作日内作出是否救助的审批
  意见；救助金到位后两个工作日内通知申请人领取（领域文档 §7.5 ☑）。
- 案号规定：司法救助案件类型代字 司救刑、司救民、司救行、司救赔、司救执、司救访、司救他（领域文档 §1.3）。

领域文档 §7.5 把第三条第一项至第四项标为 ☑，第五项至第八项标为 ⚠：本模块把每项的核对情况放在
:data:`CATEGORIES` 里，哪些项开放由调用方（法院配置）用 ``enabled`` 决定。月平均工资的口径和数额各省不同，
由调用方按省份配置后传入。工作日由调用方的工作日历决定（见 :mod:`xiezhi.law.periods`）。
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .periods import PeriodError, WorkCalendar, working_days_after

__all__ = [
    "APPROVAL_WORKING_DAYS",
    "AidCap",
    "AssistanceError",
    "CASE_TYPE_CODES",
    "CATEGORIES",
    "DEFAULT_CAP_MONTHS",
    "NOTICE_WORKING_DAYS",
    "aid_cap",
    "amount_problem",
    "approval_due",
    "case_type_code",
    "category_basis",
    "category_problem",
    "notice_due",
    "repeat_problem",
    "wage_base",
]

_OPINION = "司救意见"

#: 第三条的救助对象：编号 → (内容, 核对情况 "☑"/"⚠")。⚠ 项由法院配置是否开放
CATEGORIES: dict[int, tuple[str, str]] = {
    1: ("刑事案件被害人受到犯罪侵害致重伤或者严重残疾，因加害人死亡或者没有赔偿能力，无法经过诉讼获得赔偿，"
        "陷入生活困难", "☑"),
    2: ("刑事案件被害人受到犯罪侵害危及生命，急需救治，无力承担医疗救治费用", "☑"),
    3: ("刑事案件被害人受到犯罪侵害死亡，依靠其收入为主要生活来源的近亲属无法经过诉讼获得赔偿，陷入生活困难", "☑"),
    4: ("刑事案件被害人受到犯罪侵害致使财产遭受重大损失，无法经过诉讼获得赔偿，陷入生活困难", "☑"),
    5: ("举报人、证人、鉴定人因举报、作证、鉴定受到打击报复，致使人身受到伤害或者财产受到重大损失，"
        "无法经过诉讼获得赔偿，陷入生活困难", "⚠"),
    6: ("追索赡养费、扶养费、抚育费等，因被执行人没有履行能力，申请执行人陷入生活困难", "⚠"),
    7: ("因道路交通事故等民事侵权行为造成人身伤害，无法经过诉讼获得赔偿，陷入生活困难", "⚠"),
    8: ("人民法院根据实际情况，认为需要救助的其他人员", "⚠"),
}
_NUMERAL = "一二三四五六七八"

#: 救助金额上限的月数（一般不超过三十六个月的月平均工资）；⚠ 地方可另定，做成参数
DEFAULT_CAP_MONTHS = 36
#: 审批期限（工作日）与救助金到位后通知申请人的期限（工作日）
APPROVAL_WORKING_DAYS = 10
NOTICE_WORKING_DAYS = 2

#: 来源案件 → 司法救助案件类型代字（案号规定；领域文档 §1.3）
CASE_TYPE_CODES: dict[str, str] = {
    "criminal": "司救刑",
    "civil": "司救民",
    "administrative": "司救行",
    "compensation": "司救赔",
    "enforcement": "司救执",
    "petition": "司救访",
    "other": "司救他",
}


class AssistanceError(ValueError):
    """国家司法救助规则的输入错误（中文消息）。"""


def _category_basis(n: int) -> str:
    return f"{_OPINION} 第三条第（{_NUMERAL[n - 1]}）项（{CATEGORIES[n][0]}）"


def category_problem(category: int, *, enabled: Iterable[int] | None = None) -> str | None:
    """该救助对象类别能否受理；能返回 None，不能返回中文理由。

    ``enabled`` 为法院配置开放的类别（None 表示第三条八项全部开放）。第五项至第八项在领域文档中标 ⚠，法院可以不开放。
    """
    if isinstance(category, bool) or category not in CATEGORIES:
        return f"救助对象应为{_OPINION}第三条第（一）项至第（八）项之一"
    allowed = set(CATEGORIES) if enabled is None else set(enabled)
    if category not in allowed:
        return f"本院未开放{_OPINION}第三条第（{_NUMERAL[category - 1]}）项的救助（{CATEGORIES[category][0]}）"
    return None


def category_basis(category: int) -> str:
    """救助对象类别的依据条文（用于审批表与决定书）。"""
    if isinstance(category, bool) or category not in CATEGORIES:
        raise AssistanceError(f"救助对象应为{_OPINION}第三条第（一）项至第（八）项之一")
    return _category_basis(category)


def _money(value, what: str) -> Decimal:
    if isinstance(value, float) or isinstance(value, bool):
        raise AssistanceError(f"{what}请用字符串或 Decimal 表示，不要用浮点数")
    try:
        d = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise AssistanceError(f"{what}不是有效的金额：{value!r}") from None
    if not d.is_finite() or d < 0:
        raise AssistanceError(f"{what}应为非负金额，收到：{value!r}")
    return d


def wage_base(wages: Mapping[tuple[str, int], object], province: str, applied_on: date) -> Decimal:
    """救助金额的基准：办理案件的法院所在省上一年度职工月平均工资（司救意见）。

    ``wages`` 由法院按省份、年度配置：``{("110000", 2024): "11297.00"}``。口径（如“全口径城镇单位就业人员月平均
    工资”）各省不同，领域文档 §7.5 要求可配置。

    :raises AssistanceError: 未配置该省上一年度的月平均工资。
    """
    if not isinstance(applied_on, date):
        raise AssistanceError("申请日期应为日期")
    year = applied_on.year - 1
    if (province, year) not in wages:
        raise AssistanceError(f"尚未配置 {province} {year} 年度职工月平均工资，无法计算救助金额上限")
    return _money(wages[(province, year)], "月平均工资")


@dataclass(frozen=True)
class AidCap:
    """``normal_cap``：一般上限（月平均工资 × 月数）；``absolute_cap``：应当判决的赔偿数额（突破一般上限时也不得超过；
    未知为 None）。"""

    monthly_wage: Decimal
    months: int
    normal_cap: Decimal
    absolute_cap: Decimal | None
    basis: tuple[str, ...]


def aid_cap(monthly_wage, *, months: int = DEFAULT_CAP_MONTHS, compensation=None) -> AidCap:
    """救助金额上限：上一年度职工月平均工资 × ``months``（一般三十六个月，司救意见）；``compensation`` 为人民法院依法
    判决（或者应当判决）的赔偿数额，是突破一般上限时的最高额。

    :raises AssistanceError: 金额或月数不合理。
    """
    wage = _money(monthly_wage, "月平均工资")
    if wage == 0:
        raise AssistanceError("月平均工资应大于零")
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 120:
        raise AssistanceError(f"救助金额上限的月数应为 1–120 的整数，收到：{months!r}")
    absolute = None if compensation is None else _money(compensation, "应当判决的赔偿数额")
    basis = [f"{_OPINION}（以上一年度职工月平均工资为基准，一般不超过{months}个月的工资总额）"]
    if absolute is not None:
        basis.append(f"{_OPINION}（突破一般上限的，不得超过人民法院依法应当判决的赔偿数额）")
    cap = (wage * months).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return AidCap(monthly_wage=wage, months=months, normal_cap=cap, absolute_cap=absolute, basis=tuple(basis))


def amount_problem(amount, cap: AidCap, *, exceptional: bool = False) -> str | None:
    """拟救助金额是否超出上限；未超出返回 None，超出返回中文理由。

    - 超过一般上限的，只有损失特别重大、生活特别困难（``exceptional=True``）才可以，且须知道应当判决的赔偿数额；
    - 任何情况下不得超过应当判决的赔偿数额（司救意见）。
    """
    value = _money(amount, "救助金额")
    if value == 0:
        return "救助金额应大于零"
    if cap.absolute_cap is not None and value > cap.absolute_cap:
        return f"救助金额 {value} 元超过人民法院依法应当判决的赔偿数额 {cap.absolute_cap} 元（{_OPINION}）"
    if value > cap.normal_cap:
        if not exceptional:
            return (f"救助金额 {value} 元超过一般上限 {cap.normal_cap} 元（{cap.months} 个月的月平均工资，{_OPINION}）；"
                    "损失特别重大、生活特别困难的，请说明理由后突破")
        if cap.absolute_cap is None:
            return "突破一般上限的，须先填写人民法院依法应当判决的赔偿数额（不得超过该数额）"
    return None


def _working_days_after(start: date, n: int, calendar: WorkCalendar, what: str) -> date:
    if not isinstance(start, date):
        raise AssistanceError(f"{what}应为日期")
    try:
        return working_days_after(start, n, calendar)
    except PeriodError as exc:
        raise AssistanceError(str(exc)) from None


def approval_due(applied_on: date, calendar: WorkCalendar) -> date:
    """作出是否救助的审批意见的最后一日：收到申请后第十个工作日（《关于建立完善国家司法救助制度的意见（试行）》）。"""
    return _working_days_after(applied_on, APPROVAL_WORKING_DAYS, calendar, "收到救助申请的日期")


def notice_due(funds_arrived_on: date, calendar: WorkCalendar) -> date:
    """通知申请人领取救助金的最后一日：救助金到位后第二个工作日（《关于建立完善国家司法救助制度的意见（试行）》）。"""
    return _working_days_after(funds_arrived_on, NOTICE_WORKING_DAYS, calendar, "救助金到位的日期")


def repeat_problem(applicant, case, prior_aids: Iterable[tuple[object, object]]) -> str | None:
    """同一申请人在同一案件中是否已获救助；``prior_aids`` 为已决定救助的 (申请人, 案件) 对。

    依据：司救意见 第一条、第二条（一次性救助；对同一案件的同一救助申请人只救助一次）。
    """
    if applicant is None or case is None:
        raise AssistanceError("请指明救助申请人和所涉案件")
    if (applicant, case) in set(prior_aids):
        return f"同一案件的同一申请人只救助一次（{_OPINION} 第一条、第二条），该申请人已在本案获得救助"
    return None


def case_type_code(source: str) -> str:
    """司法救助案件的类型代字，按救助所涉的原案件类别（案号规定；领域文档 §1.3）。"""
    if source not in CASE_TYPE_CODES:
        raise AssistanceError(f"不认识的原案件类别：{source!r}（应为刑事、民事、行政、国家赔偿、执行、涉诉信访或其他）")
    return CASE_TYPE_CODES[source]
