"""The periods and conditions the notices state (xiezhi.law.notices).

民诉解释 (2022) 第九十九条第二款 (普通程序举证期限不得少于十五日; 二审新证据不得少于十日), 第二百六十六条 (简易程序
不得超过十五日), 第二百七十五条第一款 (小额诉讼一般不超过七日); 民事诉讼法 (2023) 第一百二十八条 (答辩十五日),
第一百三十一条 (合议庭组成人员三日内告知), 第一百三十九条 (开庭三日前通知), 第一百六十五条 (小额诉讼一审终审);
诉讼费用交纳办法 第二十二条 (次日起七日内预交)."""
from datetime import date

import pytest

from xiezhi.law.notices import (
    DEFENCE_DAYS,
    FEE_PAYMENT_DAYS,
    NoticeError,
    days_cn,
    evidence_period,
    panel_notice_refusal,
    procedure_kind,
    small_claims_notice_refusal,
    summons_in_time,
)

JI = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"


@pytest.mark.parametrize("procedure, days, text, basis", [
    ("ordinary", None, "十五日", JI + "第九十九条"),          # 不得少于十五日
    ("ordinary", 30, "三十日", JI + "第九十九条"),
    ("summary", None, "十五日", JI + "第二百六十六条"),        # 不得超过十五日
    ("summary", 10, "十日", JI + "第二百六十六条"),
    ("small_claims", None, "七日", JI + "第二百七十五条"),     # 一般不超过七日 (2015 numbering: 第二百七十七条)
    ("small_claims", 5, "五日", JI + "第二百七十五条"),
    ("second", None, "十日", JI + "第九十九条"),              # 二审新证据不得少于十日
])
def test_evidence_period_by_procedure(procedure, days, text, basis):
    period = evidence_period(procedure, days)
    assert period.text == text
    assert period.basis == basis


@pytest.mark.parametrize("procedure, days, message", [
    ("ordinary", 14, "不得少于十五日"),       # 民诉解释 第九十九条
    ("summary", 16, "不得超过十五日"),        # 第二百六十六条
    ("small_claims", 8, "一般不超过七日"),    # 第二百七十五条
    ("small_claims", 15, "一般不超过七日"),   # the fixed 十五日 of the old template broke this
    ("second", 9, "不得少于十日"),
    ("ordinary", 0, "至少为一日"),
    ("appeal", None, "未知的审理程序"),
])
def test_evidence_period_outside_the_rule_is_refused(procedure, days, message):
    with pytest.raises(NoticeError, match=message):
        evidence_period(procedure, days)


@pytest.mark.parametrize("limit_code, kind", [
    ("civil_ordinary", "ordinary"), ("civil_summary", "summary"), ("civil_small_claims", "small_claims"),
    ("civil_second_judgment", "second"), ("civil_second_ruling", "second"), ("", "ordinary"),
])
def test_procedure_kind(limit_code, kind):
    assert procedure_kind(limit_code) == kind


def test_statutory_days():
    assert DEFENCE_DAYS == 15      # 民事诉讼法 第一百二十八条第一款
    assert FEE_PAYMENT_DAYS == 7   # 诉讼费用交纳办法 第二十二条第一款


@pytest.mark.parametrize("roles, refused", [
    (["presiding", "judge", "assessor"], ""),
    (["presiding", "assessor", "assessor"], ""),
    (["presiding", "judge", "judge", "assessor", "assessor"], ""),
    (["sole"], "独任审理"),                                    # 民事诉讼法 第四十条第二款: no 合议庭
    ([], "尚未组成合议庭"),
    (["presiding", "judge"], "三人以上单数"),                   # 民事诉讼法 第四十条第一款
    (["judge", "judge", "assessor"], "三人以上单数"),           # no 审判长
])
def test_panel_notice_only_for_a_collegial_panel(roles, refused):
    result = panel_notice_refusal(roles)
    assert (refused in result) if refused else result == ""


@pytest.mark.parametrize("limit_code, allowed", [
    ("civil_small_claims", True), ("civil_summary", False), ("civil_ordinary", False), ("", False),
])
def test_small_claims_notice_only_in_small_claims(limit_code, allowed):
    # 民事诉讼法 第一百六十五条; 民诉解释 第二百七十四条
    assert (small_claims_notice_refusal(limit_code) == "") is allowed


@pytest.mark.parametrize("served, hearing, ok", [
    (date(2026, 12, 2), date(2026, 12, 5), True),    # three days before
    (date(2026, 12, 2), date(2026, 12, 4), False),   # demo case 37 of the review: two days
    (date(2026, 12, 2), date(2026, 12, 28), True),
])
def test_summons_three_days_before_the_hearing(served, hearing, ok):
    assert summons_in_time(served, hearing) is ok     # 民事诉讼法 第一百三十九条


@pytest.mark.parametrize("n, text", [
    (1, "一日"), (5, "五日"), (7, "七日"), (10, "十日"), (15, "十五日"), (20, "二十日"), (30, "三十日"),
    (45, "四十五日"), (100, "一百日"), (105, "一百零五日"), (110, "一百一十日"), (115, "一百一十五日"),
    (120, "一百二十日"), (365, "三百六十五日"),
])
def test_days_in_chinese(n, text):
    assert days_cn(n) == text
