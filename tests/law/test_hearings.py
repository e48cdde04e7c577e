"""Hearing rules (延长审限规定 第三条、第五条; 民事诉讼法 第一百三十七条)."""
from datetime import date, datetime

import pytest

from xiezhi.law.hearings import (
    add_months,
    check_postponement,
    closed_hearing_problem,
    overlaps,
    session_gap_ok,
)


@pytest.mark.parametrize("procedure, used, allowed", [
    # 延长审限规定 第五条: ordinary procedure at most two postponements
    ("civil_ordinary", 0, True), ("civil_ordinary", 1, True), ("civil_ordinary", 2, False),
    # summary and small-claims procedure: at most one
    ("civil_summary", 0, True), ("civil_summary", 1, False),
    ("civil_small_claims", 0, True), ("civil_small_claims", 1, False),
    # procedures outside the rule are not limited by it
    ("criminal_public", 5, True),
])
def test_postponement_limits(procedure, used, allowed):
    assert check_postponement(procedure, used).allowed is allowed


@pytest.mark.parametrize("prev, nxt, ok", [
    # 延长审限规定 第三条、第五条: sessions at most one month apart
    (date(2026, 3, 10), date(2026, 4, 10), True),
    (date(2026, 3, 10), date(2026, 4, 11), False),
    (date(2026, 1, 31), date(2026, 2, 28), True),   # month end clamps
    (date(2026, 1, 31), date(2026, 3, 1), False),
    (date(2026, 12, 15), date(2027, 1, 15), True),
])
def test_session_gap(prev, nxt, ok):
    assert session_gap_ok(prev, nxt) is ok


def test_add_months_clamps_to_month_end():
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


@pytest.mark.parametrize("a, b, clash", [
    ((9, 11), (10, 12), True), ((9, 10), (10, 11), False), ((9, 12), (10, 11), True), ((11, 12), (9, 10), False),
])
def test_overlaps_half_open(a, b, clash):
    d = lambda h: datetime(2026, 5, 6, h)
    assert overlaps(d(a[0]), d(a[1]), d(b[0]), d(b[1])) is clash


@pytest.mark.parametrize("public, reason, applied, problem", [
    (True, "", False, ""),
    # CPL 第一百三十七条 第一款: state secrets and privacy are heard in private without application
    (False, "privacy", False, ""), (False, "state_secret", False, ""), (False, "minor", False, ""),
    # 第二款: divorce and trade secrets only on a party's application
    (False, "divorce", False, "needs_application"), (False, "divorce", True, ""),
    (False, "trade_secret", False, "needs_application"),
    (False, "", False, "no_reason"), (False, "because", True, "no_reason"),
])
def test_closed_hearing_needs_a_lawful_reason(public, reason, applied, problem):
    assert closed_hearing_problem(public, reason, applied) == problem


# ---- issue 9 §1.7 -----------------------------------------------------------------

from xiezhi.law.hearings import summons_late  # noqa: E402


@pytest.mark.parametrize("limit_code, used, allowed", [
    ("civil_ordinary", 1, True),   # 普通程序（含普通程序独任审理，审限代码同为 civil_ordinary）
    ("civil_ordinary", 2, False),
    ("civil_summary", 0, True),
    ("civil_summary", 1, False),
    ("civil_small_claims", 1, False),
])
def test_postponement_cap_by_time_limit_kind_art_3(limit_code, used, allowed):
    """延长审限规定 第三条：普通程序延期开庭不超过两次，简易程序、小额诉讼不超过一次。"""
    check = check_postponement(limit_code, used)
    assert check.allowed is allowed
    assert check.basis == "延长审限规定 第三条"


@pytest.mark.parametrize("exception, ok", [("", False), ("force_majeure", True), ("parties_consent", True)])
def test_session_gap_exceptions_art_5(exception, ok):
    """延长审限规定 第五条：两次开庭间隔不得超过一个月，但因不可抗力或当事人同意的除外。"""
    assert session_gap_ok(date(2025, 3, 1), date(2025, 4, 15), exception=exception) is ok


@pytest.mark.parametrize("notified, hearing, code, late", [
    (date(2025, 3, 1), date(2025, 3, 4), "civil_ordinary", False),
    (date(2025, 3, 1), date(2025, 3, 3), "civil_ordinary", True),
    (date(2025, 3, 1), date(2025, 3, 1), "civil_ordinary", True),
    (date(2025, 3, 1), date(2025, 3, 2), "civil_summary", False),  # 简便方式传唤
])
def test_summons_three_days_art_139(notified, hearing, code, late):
    """民事诉讼法 第一百三十九条、民诉解释 第二百二十七条：开庭三日前传唤；简易程序可以简便方式
    随时传唤（民诉解释 第二百六十一条）。"""
    assert summons_late(notified, hearing, code) is late
