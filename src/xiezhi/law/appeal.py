"""上诉期限与裁判生效日期。

依据：

- 民事诉讼法（2023 年修正）第一百七十一条：不服判决的，在判决书送达之日起十五日内上诉；
  不服裁定的，在裁定书送达之日起十日内上诉。
- 民事诉讼法 第二百八十六条：在中华人民共和国领域内没有住所的当事人，不服判决、裁定的，
  有权在判决书、裁定书送达之日起三十日内上诉。
- 民诉解释 第五百三十六条：上诉期对在中华人民共和国领域内有住所的当事人适用第一百七十一条的期限，
  对没有住所的当事人适用第二百八十六条的期限——看住所，不看国籍：在境内有住所的外国人是 15/10 日，
  在境外有住所的中国公民是 30 日。
- 民诉解释 第五百四十九条：审理涉及香港、澳门特别行政区和台湾地区的民事诉讼案件，可以参照适用
  涉外民事诉讼程序的特别规定。住所在港澳台的当事人是否适用 30 日，是法院的设置（``hmt_as_foreign``）。
- 民事诉讼法 第一百六十五条：小额诉讼的程序实行一审终审（送达即发生法律效力，不得上诉）。
- 行政诉讼法 第八十五条：不服判决的，在判决书送达之日起十五日内上诉；不服裁定的，在
  裁定书送达之日起十日内上诉。
- 刑事诉讼法 第二百三十条：不服判决的上诉和抗诉的期限为十日，不服裁定的上诉和抗诉的期限
  为五日，从接到判决书、裁定书的第二日起算。
- 民事诉讼法 第八十五条：期间开始的日不计算在期间内；最后一日为法定休假日的，以休假日后的
  第一日为届满日（见 :func:`xiezhi.law.periods.period_end`）。刑事的“第二日起算”与此效果相同。
- 民事诉讼法 第一百五十八条：最高人民法院的判决、裁定，以及依法不准上诉或者超过上诉期没有
  上诉的判决、裁定，是发生法律效力的判决、裁定。

生效日：各方当事人的上诉期均届满且无人上诉的，自最后一个上诉期届满的次日起生效。
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .periods import PeriodError, WorkCalendar, in_time as _in_time, period_end_detail

__all__ = ["APPEAL_RULES", "DOMICILES", "AppealError", "AppealPeriod", "AppealRule", "appeal_period",
           "appeal_rule", "appeal_window_end", "effective_date", "final_instance_basis", "no_domicile_in_prc"]

#: 当事人住所所在地区 → 中文名称
DOMICILES = {"mainland": "境内（内地）", "hk_macao_taiwan": "港澳台", "abroad": "境外"}
_CHINESE_NATIONALITY = ("", "中国", "中华人民共和国", "CN", "CHN")


def no_domicile_in_prc(domicile: str, *, hmt_as_foreign: bool = True) -> bool:
    """是否按“在中华人民共和国领域内没有住所”的当事人计算上诉期。

    依据：民事诉讼法 第二百八十六条；民诉解释 第五百三十六条（看住所）、第五百四十九条（港澳台参照涉外，
    由 ``hmt_as_foreign`` 决定）。

    :raises AppealError: 住所地区不认识。
    """
    if domicile not in DOMICILES:
        raise AppealError(f"住所地区应为{'、'.join(DOMICILES.values())}之一")
    if domicile == "abroad":
        return True
    return domicile == "hk_macao_taiwan" and hmt_as_foreign


class AppealError(ValueError):
    """上诉期计算的输入错误（中文消息）。"""


@dataclass(frozen=True)
class AppealRule:
    days: int | None  # None: 不得上诉
    basis: str


#: (案件类别, 文书种类, 当事人在境内无住所) → 规则。文书种类：judgment 判决 / ruling 裁定。
APPEAL_RULES: dict[tuple[str, str, bool], AppealRule] = {
    ("civil", "judgment", False): AppealRule(15, "民事诉讼法 第一百七十一条第一款"),
    ("civil", "ruling", False): AppealRule(10, "民事诉讼法 第一百七十一条第二款"),
    ("civil", "judgment", True): AppealRule(30, "民事诉讼法 第二百八十六条"),
    ("civil", "ruling", True): AppealRule(30, "民事诉讼法 第二百八十六条"),
    ("administrative", "judgment", False): AppealRule(15, "行政诉讼法 第八十五条"),
    ("administrative", "ruling", False): AppealRule(10, "行政诉讼法 第八十五条"),
    # ⚠ 涉外行政诉讼：行政诉讼法 第一百零一条准用民事诉讼法，适用第二百八十六条的 30 日
    ("administrative", "judgment", True): AppealRule(30, "行政诉讼法 第一百零一条；民事诉讼法 第二百八十六条（⚠）"),
    ("administrative", "ruling", True): AppealRule(30, "行政诉讼法 第一百零一条；民事诉讼法 第二百八十六条（⚠）"),
    ("criminal", "judgment", False): AppealRule(10, "刑事诉讼法 第二百三十条（从接到判决书的第二日起算）"),
    ("criminal", "ruling", False): AppealRule(5, "刑事诉讼法 第二百三十条（从接到裁定书的第二日起算）"),
    ("criminal", "judgment", True): AppealRule(10, "刑事诉讼法 第二百三十条（刑事案件不适用民事诉讼法第二百八十六条）"),
    ("criminal", "ruling", True): AppealRule(5, "刑事诉讼法 第二百三十条（刑事案件不适用民事诉讼法第二百八十六条）"),
}

SMALL_CLAIMS_RULE = AppealRule(None, "民事诉讼法 第一百六十五条（小额诉讼一审终审）")

#: 审理程序（审限规则代码或程序代码）→ 不得上诉的依据。督促程序、公示催告程序与特别程序共用审限规则代码，
#: 按程序代码区分。
FINAL_INSTANCE: dict[str, str] = {
    "civil_small_claims": "民事诉讼法 第一百六十五条（小额诉讼一审终审）",
    "civil_special": "民事诉讼法 第一百八十五条（依特别程序审理的案件实行一审终审）",
    "civil_judicial_confirmation": "民事诉讼法 第一百八十五条（特别程序一审终审；当事人可依民诉解释 第三百七十二条提出异议）",
    "civil_security_realization": "民事诉讼法 第一百八十五条（特别程序一审终审；当事人可依民诉解释 第三百七十二条提出异议）",
    "civil_payment_order": "民事诉讼法 第二百二十七条（督促程序：债务人可以提出书面异议，不适用上诉）",
    "civil_public_summons": "民事诉讼法 第二百三十条（公示催告程序的除权判决不适用上诉）",
    "civil_second_judgment": "民事诉讼法 第一百八十二条（第二审的判决、裁定是终审的判决、裁定）",
    "civil_second_ruling": "民事诉讼法 第一百八十二条（第二审的判决、裁定是终审的判决、裁定）",
    "criminal_second": "刑事诉讼法 第二百四十四条（第二审的判决、裁定是终审的判决、裁定）",
    "admin_second": "行政诉讼法 第七条（两审终审）",
}


def final_instance_basis(procedure_code: str = "", limit_code: str = "") -> str | None:
    """该程序作出的判决、裁定不得上诉时，返回依据；可以上诉时返回 None。"""
    return FINAL_INSTANCE.get(procedure_code) or FINAL_INSTANCE.get(limit_code)


def appeal_rule(category: str, document_kind: str, *, abroad: bool = False,
                small_claims: bool = False) -> AppealRule:
    """某一当事人对某一文书的上诉期规则。

    依据：民事诉讼法 第一百七十一条、第二百八十六条、第一百六十五条；行政诉讼法 第八十五条；
    刑事诉讼法 第二百三十条。小额诉讼的判决、裁定不得上诉（返回 ``days=None``）。

    :raises AppealError: 类别或文书种类不认识。
    """
    if small_claims:
        if category != "civil":
            raise AppealError("小额诉讼程序只适用于民事案件")
        return SMALL_CLAIMS_RULE
    key = (category, document_kind, bool(abroad))
    if key not in APPEAL_RULES:
        raise AppealError(f"不认识的案件类别或文书种类：{category} / {document_kind}")
    return APPEAL_RULES[key]


@dataclass(frozen=True)
class AppealPeriod:
    """一方当事人对一份文书的上诉期：``days`` 为 None 表示不得上诉。"""

    appealable: bool
    days: int | None
    window_end: date | None
    in_time: bool | None
    provisional: bool
    basis: tuple[str, ...]


def appeal_period(document_kind: str, served_on: date, *, calendar: WorkCalendar, domicile: str = "mainland",
                  category: str = "civil", small_claims: bool = False, hmt_as_foreign: bool = True,
                  nationality: str = "", lodged_on: date | None = None,
                  posted_on: date | None = None, final_basis: str | None = None) -> AppealPeriod:
    """上诉期、届满日，以及（给出上诉状收到日期时）是否在期间内。

    依据：民事诉讼法 第一百七十一条、第二百八十六条、第一百六十五条、第八十五条（第三款顺延，第四款
    期满前交邮不算过期）；民诉解释 第五百三十六条、第五百四十九条；行政诉讼法 第八十五条；
    刑事诉讼法 第二百三十条。``final_basis``（见 :func:`final_instance_basis`）给出时不得上诉。
    """
    if not isinstance(served_on, date):
        raise AppealError("送达日期应为日期")
    if final_basis and not small_claims:
        return AppealPeriod(False, None, None, False if lodged_on is not None else None, False, (final_basis,))
    abroad = no_domicile_in_prc(domicile, hmt_as_foreign=hmt_as_foreign) if category != "criminal" else False
    rule = appeal_rule(category, document_kind, abroad=abroad, small_claims=small_claims)
    basis = [rule.basis]
    if category != "criminal" and not small_claims:
        foreign = (nationality or "").strip() not in _CHINESE_NATIONALITY
        if domicile == "hk_macao_taiwan":
            basis.append("民诉解释 第五百四十九条（涉港澳台案件参照涉外程序："
                         + ("本院适用三十日" if hmt_as_foreign else "本院不适用三十日") + "）")
        if abroad or foreign:
            basis.append("民诉解释 第五百三十六条（上诉期看当事人在中华人民共和国领域内有无住所，不看国籍）")
    if rule.days is None:
        return AppealPeriod(False, None, None, False if lodged_on is not None else None, False, tuple(basis))
    result = period_end_detail(served_on, days=rule.days, calendar=calendar)
    basis.append(result.basis)
    timely = None
    if lodged_on is not None:
        try:
            timely = _in_time(lodged_on, posted_on, result.end)
        except PeriodError as exc:
            raise AppealError(str(exc)) from None
        if posted_on is not None:
            basis.append("民事诉讼法 第八十五条第四款（期满前交邮的，不算过期）")
    return AppealPeriod(True, rule.days, result.end, timely, result.provisional, tuple(basis))


def appeal_window_end(served_on: date, category: str, document_kind: str, *, calendar: WorkCalendar,
                      abroad: bool = False, small_claims: bool = False) -> date | None:
    """该当事人上诉期的届满日（最后一日，遇法定休假日顺延）；不得上诉的返回 None。

    依据：上述各条；期间计算依民事诉讼法 第八十五条（送达当日不计入，届满日遇休假日顺延），
    刑事依刑事诉讼法 第二百三十条、第一百零五条（从接到文书的第二日起算，效果相同）。
    """
    if not isinstance(served_on, date):
        raise AppealError("送达日期应为日期")
    rule = appeal_rule(category, document_kind, abroad=abroad, small_claims=small_claims)
    if rule.days is None:
        return None
    return period_end_detail(served_on, days=rule.days, calendar=calendar).end


def effective_date(window_ends: Iterable[date | None], *, appealed: bool = False,
                   small_claims: bool = False, served_dates: Iterable[date] = ()) -> date | None:
    """判决、裁定的生效日期。

    依据：民事诉讼法 第一百五十八条（超过上诉期没有上诉的判决、裁定发生法律效力）；
    第一百六十五条（小额诉讼一审终审，送达即生效——以最后一方当事人的送达日为准）。

    - 有人上诉的：一审裁判不生效，返回 None；
    - 小额诉讼：最后一方送达之日；尚无送达的返回 None；
    - 其他：最后一个上诉期届满日的次日；任何一方尚未送达（届满日为 None）的返回 None。
    """
    if appealed:
        return None
    if small_claims:
        served = list(served_dates)
        return max(served) if served else None
    ends = list(window_ends)
    if not ends or any(e is None for e in ends):
        return None
    return max(ends) + timedelta(days=1)
