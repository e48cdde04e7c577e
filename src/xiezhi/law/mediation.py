"""特邀调解（委派调解、委托调解）的期限、终止事由与特邀调解员的限制。

依据：

- 《最高人民法院关于人民法院特邀调解的规定》（特邀调解规定，2016 年 7 月 1 日施行）
  第二十七条：人民法院委派调解的案件，调解期限为三十日；委托调解的案件，适用普通程序的调解期限为十五日，
  适用简易程序的调解期限为七日。双方当事人同意延长调解期限的，不受此限。延长的调解期限不计入审理期限。
  委派调解和委托调解的期限自特邀调解组织或者特邀调解员签字接收法院移交材料之日起计算。
- 《人民法院在线调解规则》（在线调解规则）第二十四条：在线调解的期限同上，自调解组织或者调解员在人民法院
  调解平台确认接受之日起计算。
- 特邀调解规定 第二十六条：终止调解的四种情形；第十六条：特邀调解员不得在后续诉讼程序中担任该案的人民陪审员、
  诉讼代理人、证人、鉴定人以及翻译人员等。

日数按民事诉讼法 第八十五条计算（接收之日不计入；最后一日为法定休假日的顺延），见 :mod:`xiezhi.law.periods`。
本模块是纯 Python：工作日历由调用方传入。
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .periods import PeriodError, WorkCalendar, period_end_detail
from .timelimits import Interval

__all__ = [
    "BARRED_ROLES",
    "DELEGATED",
    "END_GROUNDS",
    "ENTRUSTED",
    "MediationError",
    "MediationPeriod",
    "PERIOD_DAYS",
    "end_ground_basis",
    "expired",
    "mediation_days",
    "mediation_period",
    "mediator_bar_problem",
    "trial_limit_deduction",
]

#: 委派调解（立案前，诉前调解）
DELEGATED = "delegated"
#: 委托调解（立案后）
ENTRUSTED = "entrusted"

#: (调解类型, 审理程序) → 调解期限（日），特邀调解规定 第二十七条第一款、第二款。委派调解尚未立案，没有程序之分。
PERIOD_DAYS: dict[tuple[str, str | None], int] = {
    (DELEGATED, None): 30,
    (ENTRUSTED, "ordinary"): 15,
    (ENTRUSTED, "summary"): 7,
}
_PROCEDURES = {"ordinary": "普通程序", "summary": "简易程序"}
#: 一次调解累计同意延长的最多天数：规定没有上限；这里只挡住明显的录入错误（如把年份填成天数）
_MAX_EXTENSION_DAYS = 366

_ART27 = "特邀调解规定 第二十七条"
_ONLINE = "在线调解规则 第二十四条（在线调解自调解组织或者调解员在人民法院调解平台确认接受之日起计算）"


class MediationError(ValueError):
    """特邀调解规则的输入错误（中文消息）。"""


def mediation_days(kind: str, procedure: str | None = None) -> int:
    """法定调解期限（日）：委派调解三十日；委托调解普通程序十五日、简易程序七日（特邀调解规定 第二十七条）。

    :raises MediationError: 调解类型或程序不认识；委托调解未说明程序。
    """
    if kind == DELEGATED:
        return PERIOD_DAYS[(DELEGATED, None)]
    if kind == ENTRUSTED:
        if procedure not in _PROCEDURES:
            raise MediationError("委托调解须注明案件适用普通程序（ordinary）还是简易程序（summary）")
        return PERIOD_DAYS[(ENTRUSTED, procedure)]
    raise MediationError(f"不认识的调解类型：{kind!r}（应为委派调解 delegated 或委托调解 entrusted）")


@dataclass(frozen=True)
class MediationPeriod:
    """一次调解的期限。

    - ``base_end``：法定期限（30/15/7 日）的届满日（已按休假日顺延）；
    - ``end``：加上当事人同意延长的天数后的届满日；
    - ``extension_start``/``extension_end``：延长部分的名义区间（``extension_days`` 日），委托调解时即不计入审理期限的区间；
    - ``basis``：依据条文。
    """

    kind: str
    procedure: str | None
    accepted_on: date
    base_days: int
    extension_days: int
    base_end: date
    end: date
    extension_start: date
    extension_end: date
    online: bool
    provisional: bool
    basis: tuple[str, ...]

    @property
    def extended(self) -> bool:
        return self.extension_days > 0


def _days(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise MediationError(f"{what}应为正整数天数，收到：{value!r}")
    return value


def mediation_period(
    kind: str,
    accepted_on: date,
    *,
    procedure: str | None = None,
    extensions: Iterable[int] = (),
    online: bool = False,
    calendar: WorkCalendar,
) -> MediationPeriod:
    """调解期限的届满日。

    ``accepted_on`` 为特邀调解组织或特邀调解员签字接收法院移交材料之日（特邀调解规定 第二十七条第三款）；在线调解为
    在调解平台确认接受之日（在线调解规则 第二十四条，``online=True``）。``extensions`` 为每次经双方当事人同意延长的
    天数（第二十七条第一款、第二款“双方当事人同意延长调解期限的，不受此限”），延长接在法定期限的名义最后一日之后。

    接收之日不计入，最后一日为法定休假日的顺延（民事诉讼法 第八十五条第二款、第三款）。

    :raises MediationError: 类型、程序、日期或延长天数不合理。
    :raises CalendarNotAvailable: 工作日历没有届满日所在年份的数据。
    """
    base_days = mediation_days(kind, procedure)
    if not isinstance(accepted_on, date):
        raise MediationError("接收调解材料的日期应为日期")
    if isinstance(extensions, (int, str)):
        raise MediationError("延长天数应按每次同意延长分别列出")
    extension_days = sum(_days(e, "延长的调解期限") for e in extensions)
    if extension_days > _MAX_EXTENSION_DAYS:
        raise MediationError(f"同意延长的调解期限合计 {extension_days} 日，超过 {_MAX_EXTENSION_DAYS} 日，请核对")
    try:
        base = period_end_detail(accepted_on, days=base_days, calendar=calendar)
        total = period_end_detail(accepted_on, days=base_days + extension_days, calendar=calendar)
    except PeriodError as exc:
        raise MediationError(str(exc)) from None
    kind_name = "委派调解三十日" if kind == DELEGATED else f"委托调解{_PROCEDURES[procedure]}{base_days}日"
    basis = [f"{_ART27}（{kind_name}，自签字接收移交材料之日起计算）"]
    if online:
        basis.append(_ONLINE)
    if extension_days:
        basis.append(f"{_ART27}（双方当事人同意延长 {extension_days} 日）")
        if kind == ENTRUSTED:
            basis.append(f"{_ART27}第二款（延长的调解期限不计入审理期限）")
    basis.append(total.basis)
    extension_start = base.nominal_end
    return MediationPeriod(
        kind=kind, procedure=procedure if kind == ENTRUSTED else None, accepted_on=accepted_on,
        base_days=base_days, extension_days=extension_days, base_end=base.end, end=total.end,
        extension_start=extension_start, extension_end=extension_start + timedelta(days=extension_days),
        online=bool(online), provisional=base.provisional or total.provisional, basis=tuple(basis),
    )


def expired(period: MediationPeriod, on: date) -> bool:
    """调解期限在 ``on`` 这一天是否已经届满（届满日当天仍在期限内）。依据：特邀调解规定 第二十七条；民事诉讼法
    第八十五条。期限届满未达成协议的，按第二十六条第（四）项或当事人意愿终止调解，材料退回法院。"""
    if not isinstance(period, MediationPeriod):
        raise MediationError("请先用 mediation_period 计算调解期限")
    if not isinstance(on, date):
        raise MediationError("判断日期应为日期")
    return on > period.end


def trial_limit_deduction(period: MediationPeriod) -> Interval | None:
    """委托调解中经当事人同意延长的调解期限，作为审限扣除区间（类型 ``entrusted_mediation``）。

    依据：特邀调解规定 第二十七条第二款（延长的调解期限不计入审理期限）；在线调解规则 第二十四条。法定的十五日、
    七日本身计入审限，所以只扣除延长部分。委派调解在立案之前，没有审限可扣，返回 None；未延长的也返回 None。
    """
    if not isinstance(period, MediationPeriod):
        raise MediationError("请先用 mediation_period 计算调解期限")
    if period.kind != ENTRUSTED or not period.extension_days:
        return None
    return Interval(start=period.extension_start, end=period.extension_end, kind="entrusted_mediation")


# ---- 终止调解（特邀调解规定 第二十六条） -------------------------------------------------------------

#: 第二十六条第一款的终止情形；特邀调解员终止调解的，应当向委派、委托的人民法院书面报告，并移送相关材料（第二款）
END_GROUNDS: dict[int, str] = {
    1: "当事人达成调解协议",
    2: "一方当事人撤回调解请求或者明确表示不接受调解",
    3: "特邀调解员认为双方分歧较大且难以达成调解协议",
    4: "其他导致调解难以进行的情形",
}
_NUMERAL = "一二三四"


def end_ground_basis(ground: int) -> str:
    """终止调解事由的依据条文（用于调解记录和退回法院的书面报告）。

    :raises MediationError: 不是第二十六条列举的情形。
    """
    if isinstance(ground, bool) or ground not in END_GROUNDS:
        raise MediationError("终止调解的事由应为特邀调解规定第二十六条第（一）项至第（四）项之一")
    return f"特邀调解规定 第二十六条第（{_NUMERAL[ground - 1]}）项（{END_GROUNDS[ground]}）"


# ---- 特邀调解员在后续诉讼中的限制（特邀调解规定 第十六条） --------------------------------------------

#: 特邀调解员不得在后续的诉讼程序中担任该案的这些角色（第十六条；“等”字表明不是穷尽列举）
BARRED_ROLES: dict[str, str] = {
    "juror": "人民陪审员",
    "agent": "诉讼代理人",
    "witness": "证人",
    "expert": "鉴定人",
    "interpreter": "翻译人员",
}


def mediator_bar_problem(role: str, *, mediated_this_case: bool) -> str | None:
    """曾调解本案的特邀调解员能否在后续诉讼中担任 ``role``；能返回 None，不能返回中文理由。

    依据：特邀调解规定 第十六条。没有调解过本案的，不受此限。
    """
    if not isinstance(role, str) or not role:
        raise MediationError("请说明在诉讼中担任的角色")
    if mediated_this_case and role in BARRED_ROLES:
        return (f"特邀调解员不得在后续的诉讼程序中担任该案的{BARRED_ROLES[role]}"
                "（特邀调解规定 第十六条）")
    return None
