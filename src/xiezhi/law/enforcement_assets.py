"""财产调查 (the debtor's asset report and the applicant's asset clues).

《最高人民法院关于民事执行中财产调查若干问题的规定》（法释〔2017〕8号，2020年修正，"财产调查规定"）:
- 第二条: 申请执行人提供的财产线索，人民法院应当在七日内调查核实；情况紧急的，应当在三日内调查核实.
- 第三条: 报告财产令 (金钱债权执行中与执行通知同时发出); 第四条: 令载明报告期限、范围、期间、补充报告.
- 第五条: the five categories to report; 第六条: changes from one year before the day the debtor received the
  执行通知 up to the report; 第八条: after reporting, a change is reported within ten days of it.
- 第九条: 拒绝报告、虚假报告或者无正当理由逾期报告 — 罚款、拘留 (民事诉讼法 第一百一十四条、第一百一十八条).
Days are calendar days (日): the rule counts from the event, not working days. Pure functions, no Django."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

CLUE_BASIS = "财产调查规定 第二条"
REPORT_BASIS = "财产调查规定 第三条至第六条"
SUPPLEMENT_BASIS = "财产调查规定 第八条"
SANCTION_BASIS = "财产调查规定 第九条；民事诉讼法 第一百一十四条、第一百一十八条"

CLUE_DAYS = 7
URGENT_CLUE_DAYS = 3
DEFAULT_REPORT_DAYS = 5  # the form's default (报告财产令样式: 五日); the officer may set another period
MAX_REPORT_DAYS = 30
LOOKBACK_YEARS = 1
SUPPLEMENT_DAYS = 10

#: 第五条 (一)–(五)
CATEGORIES = {
    "money": "收入、银行存款、现金、理财产品、有价证券",
    "real_estate": "土地使用权、房屋等不动产",
    "movables": "交通运输工具、机器设备、产品、原材料等动产",
    "rights": "债权、股权、投资权益、基金份额、信托受益权、知识产权等财产性权利",
    "other": "其他应当报告的财产",
}

#: 民事诉讼法 第一百一十八条: 对个人的罚款金额为人民币十万元以下；对单位为五万元以上一百万元以下；拘留十五日以下
FINE_MAX_PERSON = Decimal("100000")
FINE_MIN_ORG = Decimal("50000")
FINE_MAX_ORG = Decimal("1000000")
DETENTION_MAX_DAYS = 15


@dataclass(frozen=True)
class ClueDeadline:
    due_on: date
    days: int
    basis: str


def clue_due_on(submitted_on: date, urgent: bool = False) -> ClueDeadline:
    """第二条: checked within seven days of the clue, three when urgent."""
    days = URGENT_CLUE_DAYS if urgent else CLUE_DAYS
    return ClueDeadline(submitted_on + timedelta(days=days), days, CLUE_BASIS)


def _year_before(d: date) -> date:
    try:
        return d.replace(year=d.year - LOOKBACK_YEARS)
    except ValueError:  # 29 February: the year before has none
        return d.replace(year=d.year - LOOKBACK_YEARS, day=28)


@dataclass(frozen=True)
class ReportPeriod:
    notice_on: date  # the day the debtor received the 执行通知 (and with it the 报告财产令, 第三条)
    due_on: date  # 第四条第（一）项: the period to report
    changes_from: date  # 第六条: changes since one year before the notice
    basis: str


def report_period(notice_on: date, report_days: int = DEFAULT_REPORT_DAYS) -> ReportPeriod:
    if not 1 <= int(report_days) <= MAX_REPORT_DAYS:
        raise ValueError("report_days")
    return ReportPeriod(notice_on, notice_on + timedelta(days=int(report_days)), _year_before(notice_on),
                        REPORT_BASIS)


def supplement_due_on(changed_on: date) -> date:
    """第八条: a change after the report is reported within ten days of the change."""
    return changed_on + timedelta(days=SUPPLEMENT_DAYS)


def is_late(due_on: date, received_on: date) -> bool:
    """A report received after the last day of its period is late (第九条 无正当理由逾期报告 is then
    for the officer to judge: a reason given is recorded with the mark)."""
    return received_on > due_on


def sanction_problem(kind: str, *, organisation: bool, amount: Decimal | None = None,
                     days: int | None = None) -> str:
    """'' when the sanction is within 民事诉讼法 第一百一十八条, else why not (in Chinese)."""
    if kind == "fine":
        if amount is None or amount <= 0:
            return "请填写罚款金额。"
        if organisation and not FINE_MIN_ORG <= amount <= FINE_MAX_ORG:
            return "对单位的罚款金额为五万元以上一百万元以下（民事诉讼法第一百一十八条）。"
        if not organisation and amount > FINE_MAX_PERSON:
            return "对个人的罚款金额为十万元以下（民事诉讼法第一百一十八条）。"
        return ""
    if kind == "detention":
        if days is None or not 1 <= days <= DETENTION_MAX_DAYS:
            return "拘留期限为十五日以下（民事诉讼法第一百一十八条）。"
        return ""
    return "未知的处罚种类。"
