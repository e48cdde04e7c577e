"""司法确认（调解协议的司法确认）：申请期间、管辖法院、审查期限、费用、案外人申请撤销的期间。

依据：

- 民事诉讼法（2023 年修正）第二百零五条：经依法设立的调解组织调解达成调解协议，申请司法确认的，由双方当事人
  自调解协议生效之日起三十日内，共同向下列人民法院提出：（一）人民法院邀请调解组织开展先行调解的，向作出邀请的
  人民法院提出；（二）调解组织自行开展调解的，向当事人住所地、标的物所在地、调解组织所在地的基层人民法院提出；
  调解协议所涉纠纷应当由中级人民法院管辖的，向相应的中级人民法院提出。
- 民事诉讼法 第一百八十七条：特别程序审理的案件，应当在立案之日起三十日内审结；有特殊情况需要延长的，由本院院长批准。
- 《最高人民法院关于人民调解协议司法确认程序的若干规定》（司法确认规定，2011）第四条（收到申请后三日内决定是否受理）、
  第五条（受理之日起十五日内作出是否确认的决定；特殊情况经院长批准可以延长十日）、第十条（案外人自知道或者应当知道
  权益被侵害之日起一年内申请撤销确认决定）、第十一条（不收取费用）。
- 民诉解释 第三百七十二条：利害关系人对确认调解协议的裁定有异议的，自知道或者应当知道其民事权益受到侵害之日起
  六个月内提出。与司法确认规定 第十条并存，由调用方选择（领域文档 §7.4：做成参数）。
- 《诉讼费用交纳办法》第八条第（一）项：依照民事诉讼法规定的特别程序审理的案件不交纳案件受理费。

较早、位阶较低的 2011 年规定的十五日（+十日）作为内部目标，民事诉讼法的三十日作为法定审限（领域文档 §7.4）。
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .periods import PeriodError, WorkCalendar, period_end_detail

__all__ = [
    "ACCEPTANCE_DAYS",
    "APPLICATION_DAYS",
    "COURT_INVITED",
    "ConfirmationClock",
    "ConfirmationError",
    "ConfirmationVenue",
    "DECISION_DAYS",
    "DECISION_EXTENSION_DAYS",
    "FEE_BASIS",
    "SELF_ORGANISED",
    "SET_ASIDE_RULES",
    "SPECIAL_PROCEDURE_DAYS",
    "Deadline",
    "application_deadline",
    "confirmation_fee",
    "confirmation_venue",
    "decision_clock",
    "set_aside_deadline",
]

#: 共同申请司法确认的期间（日），民事诉讼法 第二百零五条
APPLICATION_DAYS = 30
#: 决定是否受理（日），司法确认规定 第四条
ACCEPTANCE_DAYS = 3
#: 作出是否确认的决定（日），司法确认规定 第五条；经院长批准可以延长十日
DECISION_DAYS = 15
DECISION_EXTENSION_DAYS = 10
#: 特别程序的审限（日），民事诉讼法 第一百八十七条
SPECIAL_PROCEDURE_DAYS = 30
#: 案外人/利害关系人申请撤销（提出异议）的期间：规则 → (月数, 依据)
SET_ASIDE_RULES: dict[str, tuple[int, str]] = {
    "2011_rules": (12, "司法确认规定 第十条（案外人自知道或者应当知道权益被侵害之日起一年内申请撤销确认决定）"),
    "interpretation": (6, "民诉解释 第三百七十二条（利害关系人自知道或者应当知道其民事权益受到侵害之日起六个月内提出异议）"),
}
FEE_BASIS = "《诉讼费用交纳办法》第八条第（一）项（特别程序审理的案件不交纳案件受理费）；司法确认规定 第十一条"

#: 人民法院邀请调解组织开展先行调解（含立案前委派的特邀调解）
COURT_INVITED = "court_invited"
#: 调解组织自行开展调解
SELF_ORGANISED = "self_organised"


class ConfirmationError(ValueError):
    """司法确认规则的输入错误（中文消息）。"""


@dataclass(frozen=True)
class Deadline:
    start: date
    end: date  # 已按法定休假日顺延
    nominal_end: date
    provisional: bool
    basis: tuple[str, ...]


def _end(start, what: str, basis: str, *, calendar: WorkCalendar, days=None, months=None) -> Deadline:
    if not isinstance(start, date):
        raise ConfirmationError(f"{what}应为日期")
    try:
        r = period_end_detail(start, days=days, months=months, calendar=calendar)
    except PeriodError as exc:
        raise ConfirmationError(str(exc)) from None
    return Deadline(start=start, end=r.end, nominal_end=r.nominal_end, provisional=r.provisional, basis=(basis, r.basis))


def application_deadline(agreement_effective_on: date, *, calendar: WorkCalendar) -> Deadline:
    """双方当事人共同申请司法确认的最后一日：调解协议生效之日起三十日（民事诉讼法 第二百零五条；第八十五条计算）。"""
    return _end(agreement_effective_on, "调解协议生效日期",
                "民事诉讼法 第二百零五条（自调解协议生效之日起三十日内共同提出）",
                days=APPLICATION_DAYS, calendar=calendar)


@dataclass(frozen=True)
class ConfirmationVenue:
    """可以受理申请的法院（任选其一）与级别。"""

    courts: tuple[str, ...]
    level: str  # "basic" 基层人民法院 / "intermediate" 中级人民法院 / "inviting" 作出邀请的法院
    basis: str


def confirmation_venue(
    origin: str,
    *,
    inviting_court: str | None = None,
    party_domicile_courts: Iterable[str] = (),
    object_court: str | None = None,
    organisation_court: str | None = None,
    intermediate: bool = False,
) -> ConfirmationVenue:
    """向哪个法院申请司法确认（民事诉讼法 第二百零五条）。

    - ``origin=COURT_INVITED``：向作出邀请的人民法院（``inviting_court``）提出（第一项）；
    - ``origin=SELF_ORGANISED``：向当事人住所地（``party_domicile_courts``，可多个）、标的物所在地（``object_court``）、
      调解组织所在地（``organisation_court``）的基层人民法院提出；纠纷应由中级人民法院管辖的（``intermediate=True``），
      调用方传入的是相应的中级人民法院（第二项）。

    法院以调用方的代码或名称表示，本函数不查法院目录。重复的法院只列一次，顺序保持。

    :raises ConfirmationError: 来源不认识或没有可选的法院。
    """
    if origin == COURT_INVITED:
        if not inviting_court:
            raise ConfirmationError("人民法院邀请调解的，请填写作出邀请的人民法院")
        return ConfirmationVenue(courts=(inviting_court,), level="inviting",
                                 basis="民事诉讼法 第二百零五条第（一）项（向作出邀请的人民法院提出）")
    if origin != SELF_ORGANISED:
        raise ConfirmationError(f"不认识的调解来源：{origin!r}（应为人民法院邀请调解或调解组织自行调解）")
    if isinstance(party_domicile_courts, str):
        party_domicile_courts = (party_domicile_courts,)
    candidates = [*party_domicile_courts, object_court, organisation_court]
    courts = tuple(dict.fromkeys(c for c in candidates if c))
    if not courts:
        raise ConfirmationError("请至少填写当事人住所地、标的物所在地或调解组织所在地的人民法院之一")
    if intermediate:
        return ConfirmationVenue(courts=courts, level="intermediate",
                                 basis="民事诉讼法 第二百零五条第（二）项（纠纷应当由中级人民法院管辖的，向相应的中级人民法院提出）")
    return ConfirmationVenue(courts=courts, level="basic",
                             basis="民事诉讼法 第二百零五条第（二）项（当事人住所地、标的物所在地、调解组织所在地的基层人民法院）")


@dataclass(frozen=True)
class ConfirmationClock:
    """审查期限：``target_end`` 为司法确认规定的内部目标（十五日，批准延长的加十日），``legal_end`` 为特别程序审限
    （三十日，民事诉讼法 第一百八十七条；院长可以批准延长，``legal_end`` 不含这种延长）。"""

    accepted_on: date
    target_end: date
    legal_end: date
    extended: bool
    provisional: bool
    basis: tuple[str, ...]


def decision_clock(accepted_on: date, *, extended: bool = False, calendar: WorkCalendar) -> ConfirmationClock:
    """作出是否确认的决定的期限（司法确认规定 第五条；民事诉讼法 第一百八十七条）。

    受理之日不计入，最后一日为法定休假日的顺延（民事诉讼法 第八十五条）。
    """
    if not isinstance(extended, bool):
        raise ConfirmationError("是否经院长批准延长应为是或否")
    days = DECISION_DAYS + (DECISION_EXTENSION_DAYS if extended else 0)
    rule = "司法确认规定 第五条（受理之日起十五日内作出是否确认的决定"
    rule += "；经院长批准延长十日）" if extended else "）"
    target = _end(accepted_on, "受理日期", rule, days=days, calendar=calendar)
    legal = _end(accepted_on, "受理日期", "民事诉讼法 第一百八十七条（特别程序自立案之日起三十日内审结）",
                 days=SPECIAL_PROCEDURE_DAYS, calendar=calendar)
    return ConfirmationClock(accepted_on=accepted_on, target_end=target.end, legal_end=legal.end, extended=extended,
                             provisional=target.provisional or legal.provisional,
                             basis=(target.basis[0], legal.basis[0], legal.basis[1]))


def confirmation_fee() -> tuple[int, str]:
    """司法确认案件的受理费：零（《诉讼费用交纳办法》第八条第（一）项；司法确认规定 第十一条）。"""
    return 0, FEE_BASIS


def set_aside_deadline(knew_on: date, *, rule: str, calendar: WorkCalendar) -> Deadline:
    """案外人（利害关系人）申请撤销确认决定或对确认裁定提出异议的最后一日。

    ``rule`` 由法院配置：``"2011_rules"`` 一年（司法确认规定 第十条），``"interpretation"`` 六个月（民诉解释
    第三百七十二条）。自知道或者应当知道权益受到侵害之日起算（当日不计入，民法典 第二百零一条、第二百零二条）。
    """
    if rule not in SET_ASIDE_RULES:
        raise ConfirmationError("请选择案外人申请撤销的期间依据：司法确认规定第十条（一年）或民诉解释第三百七十二条（六个月）")
    months, basis = SET_ASIDE_RULES[rule]
    return _end(knew_on, "知道或者应当知道权益受到侵害的日期", basis, months=months, calendar=calendar)
