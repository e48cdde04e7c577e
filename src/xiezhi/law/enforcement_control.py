"""查封、扣押、冻结的期限 (网络查控: the freezes a court orders through the linkage bodies).

《最高人民法院关于人民法院民事执行中查封、扣押、冻结财产的规定》（2020年修正）第二十七条 and
民诉解释 第四百八十五条: 冻结银行存款的期限不得超过一年，查封、扣押动产的期限不得超过二年，
查封不动产、冻结其他财产权的期限不得超过三年. Continuing (续行) is applied for before the period
ends; each continuation is again at most the same period. Pure functions, no Django."""
from __future__ import annotations

from datetime import date, timedelta

BASIS = "查封扣押冻结规定 第二十七条；民诉解释 第四百八十五条"

#: asset kinds of the linkage bodies
BANK_ACCOUNT = "bank_account"
PAYMENT_ACCOUNT = "payment_account"
REAL_ESTATE = "real_estate"
VEHICLE = "vehicle"
SECURITIES = "securities"
EQUITY = "equity"

DEPOSITS, MOVABLES, OTHER_RIGHTS = "deposits", "movables", "other_rights"

#: money held by a bank or a payment institution is a deposit (一年); a vehicle is a movable (二年);
#: real estate, securities and equity are real estate or "其他财产权" (三年)
CATEGORY = {
    BANK_ACCOUNT: DEPOSITS,
    PAYMENT_ACCOUNT: DEPOSITS,
    VEHICLE: MOVABLES,
    REAL_ESTATE: OTHER_RIGHTS,
    SECURITIES: OTHER_RIGHTS,
    EQUITY: OTHER_RIGHTS,
}
YEARS = {DEPOSITS: 1, MOVABLES: 2, OTHER_RIGHTS: 3}

#: how long before the end the officer is told to continue the freeze: a court practice, not an
#: article — continuation must reach the body before the period ends, and a bank needs working days
RENEWAL_NOTICE_DAYS = 30


def freeze_years(kind: str) -> int:
    if kind not in CATEGORY:
        raise ValueError(f"unknown asset kind {kind}")
    return YEARS[CATEGORY[kind]]


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February in a year without one
        return d.replace(year=d.year + years, month=3, day=1)


def freeze_ends_on(kind: str, starts_on: date) -> date:
    """The last day of a freeze (or continuation) that starts on `starts_on`: the period counts the
    first day, so a one-year bank freeze from 2026-03-10 ends on 2027-03-09."""
    return _add_years(starts_on, freeze_years(kind)) - timedelta(days=1)


def renewal_due(ends_on: date) -> date:
    """The day from which the officer is reminded to continue the freeze (续行)."""
    return ends_on - timedelta(days=RENEWAL_NOTICE_DAYS)
