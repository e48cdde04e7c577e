"""诉访分离：一件来信来访是“诉”（有法定救济途径）还是“访”，以及各救济途径是否仍然开放。

依据：

- 《信访工作条例》（2022）第二十条、第二十八条第二款：请求通过诉讼程序解决的涉诉事项，导入相应的法律程序；
  不按信访处理。
- 民事诉讼法（2023 年修正）第一百七十一条：判决送达之日起十五日内、裁定送达之日起十日内上诉
  （期间由 :func:`xiezhi.law.appeal.appeal_window_end` 计算）。
- 民事诉讼法 第二百一十条：当事人对已经发生法律效力的判决、裁定，认为有错误的，可以向上一级人民法院申请再审；
  当事人一方人数众多或者当事人双方为公民的案件，也可以向原审人民法院申请再审。
- 民事诉讼法 第二百一十六条：当事人申请再审，应当在判决、裁定发生法律效力后六个月内提出（第二百一十一条第一、三、
  十二、十三项情形自知道或者应当知道之日起六个月内）。
- 民事诉讼法 第二百三十六条：当事人、利害关系人认为执行行为违反法律规定的，可以向负责执行的人民法院提出书面异议；
  对裁定不服的，可以自裁定送达之日起十日内向上一级人民法院申请复议。
- 《信访工作条例》第三十二条：信访事项应当自受理之日起六十日内办结；情况复杂的，经批准可以适当延长，延长不超过
  三十日（⚠ 天数由设置 COMPLAINT_PETITION_DAYS 决定）。
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .appeal import appeal_window_end
from .periods import WorkCalendar, add_months, period_end_detail

__all__ = ["REMEDIES", "ComplaintRuleError", "Remedy", "RemedyStatus", "petition_due", "reconsideration_window_end",
           "remedy_status", "retrial_court_choice", "retrial_window_end"]

RETRIAL_MONTHS = 6
RECONSIDERATION_DAYS = 10
PETITION_EXTENSION_MAX_DAYS = 30


@dataclass(frozen=True)
class Remedy:
    """一种法定救济途径：导入的程序、案件类型代字与依据。"""

    code: str
    label: str
    type_code: str
    basis: str


REMEDIES: dict[str, Remedy] = {
    "appeal": Remedy("appeal", "上诉", "民终", "民事诉讼法 第一百七十一条"),
    "retrial": Remedy("retrial", "申请再审", "民申", "民事诉讼法 第二百一十条、第二百一十六条"),
    "enforcement_objection": Remedy("enforcement_objection", "执行异议", "执异", "民事诉讼法 第二百三十六条"),
    "reconsideration": Remedy("reconsideration", "申请复议", "执复", "民事诉讼法 第二百三十六条"),
}


class ComplaintRuleError(ValueError):
    """输入错误（中文消息）。"""


@dataclass(frozen=True)
class RemedyStatus:
    open: bool
    window_end: date | None
    reason: str
    basis: str


def retrial_window_end(effective_on: date, *, knew_on: date | None = None) -> date:
    """申请再审期间的最后一日：裁判生效后六个月；有第二百一十一条第一、三、十二、十三项情形的，自知道或者应当知道之日起
    六个月（``knew_on``）。六个月是不变期间，按民法典 第二百零二条取对应日，不因休假日顺延以外的事由延长。

    依据：民事诉讼法 第二百一十六条；期间计算依第八十五条。
    """
    if not isinstance(effective_on, date):
        raise ComplaintRuleError("裁判生效日期应为日期")
    start = knew_on if isinstance(knew_on, date) and knew_on > effective_on else effective_on
    return add_months(start, RETRIAL_MONTHS)


def reconsideration_window_end(served_on: date, *, calendar: WorkCalendar) -> date:
    """对执行异议裁定申请复议的最后一日：裁定送达之日起十日（民事诉讼法 第二百三十六条；第八十五条顺延）。"""
    if not isinstance(served_on, date):
        raise ComplaintRuleError("裁定送达日期应为日期")
    return period_end_detail(served_on, days=RECONSIDERATION_DAYS, calendar=calendar).end


def retrial_court_choice(*, many_parties: bool, both_citizens: bool) -> tuple[str, ...]:
    """可以受理再审申请的法院：上一级法院；一方人数众多或者双方为公民的，当事人也可以选择原审法院。

    依据：民事诉讼法 第二百一十条。返回 ``("upper",)`` 或 ``("upper", "original")``。
    """
    return ("upper", "original") if (many_parties or both_citizens) else ("upper",)


def remedy_status(remedy: str, on: date, *, calendar: WorkCalendar, served_on: date | None = None,
                  document_kind: str = "judgment", effective_on: date | None = None, knew_on: date | None = None,
                  enforcement_ended: bool = False) -> RemedyStatus:
    """某一救济途径在 ``on`` 这一天是否仍然开放。

    - 上诉：送达后十五日（裁定十日）内（民事诉讼法 第一百七十一条）；
    - 申请再审：生效后六个月内（第二百一十六条）；
    - 执行异议：执行程序终结前（第二百三十六条；执行异议规定 第六条）；
    - 申请复议：异议裁定送达后十日内（第二百三十六条）。
    """
    if remedy not in REMEDIES:
        raise ComplaintRuleError(f"不认识的救济途径：{remedy}")
    r = REMEDIES[remedy]
    if remedy == "appeal":
        if served_on is None:
            return RemedyStatus(False, None, "裁判文书尚未送达，上诉期未起算", r.basis)
        end = appeal_window_end(served_on, "civil", document_kind, calendar=calendar)
        if end is None:
            return RemedyStatus(False, None, "该裁判不得上诉", r.basis)
        return RemedyStatus(on <= end, end, "上诉期内" if on <= end else "上诉期已届满", r.basis)
    if remedy == "retrial":
        if effective_on is None:
            return RemedyStatus(False, None, "裁判尚未发生法律效力，不能申请再审", r.basis)
        end = retrial_window_end(effective_on, knew_on=knew_on)
        ok = effective_on <= on <= end
        return RemedyStatus(ok, end, "申请再审期间内" if ok else "已超过申请再审的六个月期间", r.basis)
    if remedy == "enforcement_objection":
        return RemedyStatus(not enforcement_ended, None,
                            "执行程序已终结" if enforcement_ended else "执行程序终结前可以提出", r.basis)
    if served_on is None:
        return RemedyStatus(False, None, "异议裁定尚未送达", r.basis)
    end = reconsideration_window_end(served_on, calendar=calendar)
    return RemedyStatus(on <= end, end, "复议期内" if on <= end else "复议期已届满", r.basis)


def petition_due(accepted_on: date, *, days: int = 60, extension_days: int = 0) -> date:
    """信访事项的办结期限：自受理之日起 ``days`` 日（默认六十日）；经批准延长的，延长不超过三十日。

    依据：《信访工作条例》第三十二条（⚠ 天数可设置）。按自然日计算，受理当日不计入。
    """
    if not isinstance(accepted_on, date):
        raise ComplaintRuleError("受理日期应为日期")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ComplaintRuleError("办理期限天数应为正整数")
    if isinstance(extension_days, bool) or not isinstance(extension_days, int) or not \
            0 <= extension_days <= PETITION_EXTENSION_MAX_DAYS:
        raise ComplaintRuleError(f"延长期限应为0至{PETITION_EXTENSION_MAX_DAYS}日")
    return accepted_on + timedelta(days=days + extension_days)
