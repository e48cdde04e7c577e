"""Hearing rules: overlaps, postponement limits, the interval between sessions, and when a
hearing may or must be closed to the public. Pure functions, no Django (design.md §2)."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

# 延长审限规定 第三条 (domain §3.1): how many times a hearing may be postponed, by the procedure's
# time-limit kind — xiezhi.courts Procedure.limit_code, so 普通程序独任审理 (civil_ordinary_single,
# limit code civil_ordinary) counts as ordinary. "适用普通程序审理民商事案件，延期开庭审理次数不超过两次；
# 适用简易程序以及小额速裁程序审理民商事案件，延期开庭审理次数不超过一次。"
POSTPONEMENT_LIMITS: dict[str, int] = {
    "civil_ordinary": 2,
    "civil_summary": 1,
    "civil_small_claims": 1,
}
POSTPONEMENT_BASIS = "延长审限规定 第三条"
# 延长审限规定 第五条: two sessions of the same case at most one month apart, "但因不可抗力或当事人
# 同意的除外".
MAX_SESSION_GAP_MONTHS = 1
SESSION_GAP_EXCEPTIONS: dict[str, str] = {
    "force_majeure": "因不可抗力",
    "parties_consent": "当事人同意",
}
# CPL 第一百三十九条; 民诉解释 第二百二十七条: the summons reaches the parties at least three days
# before the hearing (ordinary procedure). Summary and small-claims cases may summon by simple means
# at any time (民事诉讼法 第一百六十二条; 民诉解释 第二百六十一条).
SUMMONS_DAYS = 3
SUMMONS_SIMPLE_MEANS = frozenset({"civil_summary", "civil_small_claims"})


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open intervals [start, end): a hearing ending at 10:00 does not clash with one
    starting at 10:00. (A clash means one person or room would have to be in two places;
    the rule is practical, not statutory.)"""
    return a_start < b_end and b_start < a_end


def postponement_limit(limit_code: str) -> int | None:
    """Maximum number of postponements (延期开庭) for a procedure's time-limit kind: 2 in ordinary
    procedure (including 普通程序独任审理), 1 in summary and small-claims procedure (延长审限规定
    第三条). None when the rule does not cover the procedure (criminal, administrative, special …)."""
    return POSTPONEMENT_LIMITS.get(limit_code)


@dataclass(frozen=True)
class PostponementCheck:
    allowed: bool
    used: int
    limit: int | None
    reason: str = ""
    basis: str = POSTPONEMENT_BASIS


def check_postponement(limit_code: str, used: int) -> PostponementCheck:
    """May the case be postponed once more, given `used` earlier postponements?
    延长审限规定 第三条: 普通程序不超过两次；简易程序及小额诉讼程序不超过一次. `limit_code` is the
    procedure's time-limit kind (Procedure.limit_code), not the procedure's own code."""
    if isinstance(used, bool) or not isinstance(used, int) or used < 0:
        raise ValueError("used must be a non-negative integer")
    limit = postponement_limit(limit_code)
    if limit is None:
        return PostponementCheck(True, used, None)
    if used >= limit:
        return PostponementCheck(False, used, limit, "limit")
    return PostponementCheck(True, used, limit)


def summons_late(notified_on: date, hearing_on: date, limit_code: str = "civil_ordinary") -> bool:
    """Is the summons late? 民事诉讼法 第一百三十九条、民诉解释 第二百二十七条: parties are summoned
    three days before the hearing, so a hearing fewer than 3 days after the summons (or after the
    day it is scheduled) is late. Summary and small-claims procedure may summon by simple means
    (民事诉讼法 第一百六十二条; 民诉解释 第二百六十一条): never late by this rule."""
    if limit_code in SUMMONS_SIMPLE_MEANS:
        return False
    return (hearing_on - notified_on).days < SUMMONS_DAYS


def add_months(d: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day (CPL 第八十五条 counts month
    periods to the corresponding day; a missing day means the month's end)."""
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def session_gap_ok(previous: date, following: date, months: int = MAX_SESSION_GAP_MONTHS,
                   exception: str = "") -> bool:
    """Two hearing sessions of one case at most one month apart (延长审限规定 第五条; domain §3.1):
    the next session must begin on or before the corresponding day of the following month,
    "但因不可抗力或当事人同意的除外" — `exception` is one of SESSION_GAP_EXCEPTIONS."""
    if exception:
        if exception not in SESSION_GAP_EXCEPTIONS:
            raise ValueError(f"unknown exception {exception!r}")
        return True
    return following <= add_months(previous, months)


# CPL 第一百三十七条 (civil): state secrets and personal privacy are heard in private; divorce
# and trade-secret cases are heard in private when a party applies. Minors: 未成年人保护法
# 第一百零九条 / CrPL 第二百八十五条 (private when the accused was a minor at the time).
CLOSED_REASONS: dict[str, tuple[str, bool]] = {
    # code: (label, needs a party's application)
    "state_secret": ("涉及国家秘密", False),
    "privacy": ("涉及个人隐私", False),
    "minor": ("涉及未成年人", False),
    "divorce": ("离婚案件，当事人申请不公开审理", True),
    "trade_secret": ("涉及商业秘密，当事人申请不公开审理", True),
    "other_law": ("法律另有规定", False),
}


def closed_hearing_problem(public: bool, reason_code: str, party_applied: bool) -> str:
    """Return "" when the publicity choice is lawful, else a problem code.
    CPL 第一百三十七条: hearings are public unless a listed ground applies; divorce and trade
    secrets need a party's application. A public hearing carries no reason."""
    if public:
        return ""
    if reason_code not in CLOSED_REASONS:
        return "no_reason"
    if CLOSED_REASONS[reason_code][1] and not party_applied:
        return "needs_application"
    return ""
