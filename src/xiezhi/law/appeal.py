"""上诉期限与裁判生效日期。

依据：

- 民事诉讼法（2023 年修正）第一百七十一条：不服判决的，在判决书送达之日起十五日内上诉；
  不服裁定的，在裁定书送达之日起十日内上诉。
- 民事诉讼法 第二百八十六条：在中华人民共和国领域内没有住所的当事人，不服判决、裁定的，
  有权在判决书、裁定书送达之日起三十日内上诉。
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

from .periods import WorkCalendar, period_end

__all__ = ["APPEAL_RULES", "AppealError", "AppealRule", "appeal_rule", "appeal_window_end", "effective_date"]


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
    return period_end(served_on, days=rule.days, calendar=calendar)


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
