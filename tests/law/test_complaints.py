"""诉访分离的救济期间（民事诉讼法 第一百七十一条、第二百一十条、第二百一十六条、第二百三十六条；
《信访工作条例》第三十二条）。"""
from datetime import date

import pytest

from xiezhi.law.complaints import (
    REMEDIES,
    ComplaintRuleError,
    petition_due,
    reconsideration_window_end,
    remedy_status,
    retrial_court_choice,
    retrial_window_end,
)
from xiezhi.law.periods import ChineseCalendarPackage

CAL = ChineseCalendarPackage()


@pytest.mark.parametrize("remedy, type_code, article", [
    ("appeal", "民终", "第一百七十一条"),
    ("retrial", "民申", "第二百一十六条"),
    ("enforcement_objection", "执异", "第二百三十六条"),
    ("reconsideration", "执复", "第二百三十六条"),
])
def test_remedy_case_types(remedy, type_code, article):
    assert REMEDIES[remedy].type_code == type_code
    assert article in REMEDIES[remedy].basis


@pytest.mark.parametrize("effective, knew, end", [
    (date(2025, 3, 10), None, date(2025, 9, 10)),      # 第二百一十六条：生效后六个月
    (date(2025, 8, 31), None, date(2026, 2, 28)),      # 民法典 第二百零二条：无对应日取月末
    (date(2025, 3, 10), date(2025, 5, 1), date(2025, 11, 1)),  # 知道新证据之日起六个月
    (date(2025, 3, 10), date(2025, 1, 1), date(2025, 9, 10)),  # 早于生效日的“知道”不前移
])
def test_retrial_window(effective, knew, end):
    assert retrial_window_end(effective, knew_on=knew) == end


@pytest.mark.parametrize("remedy, kwargs, on, is_open", [
    # 第一百七十一条：判决 2025-09-23 送达，十五日届满 10-08 为国庆假期，顺延至 10-09
    ("appeal", {"served_on": date(2025, 9, 23)}, date(2025, 10, 9), True),
    ("appeal", {"served_on": date(2025, 9, 23)}, date(2025, 10, 10), False),
    ("appeal", {"served_on": None}, date(2025, 10, 1), False),
    ("appeal", {"served_on": date(2025, 6, 3), "document_kind": "ruling"}, date(2025, 6, 13), True),
    ("appeal", {"served_on": date(2025, 6, 3), "document_kind": "ruling"}, date(2025, 6, 14), False),
    # 第二百一十六条
    ("retrial", {"effective_on": date(2025, 3, 10)}, date(2025, 9, 10), True),
    ("retrial", {"effective_on": date(2025, 3, 10)}, date(2025, 9, 11), False),
    ("retrial", {"effective_on": None}, date(2025, 9, 1), False),
    # 第二百三十六条
    ("enforcement_objection", {}, date(2025, 9, 1), True),
    ("enforcement_objection", {"enforcement_ended": True}, date(2025, 9, 1), False),
    ("reconsideration", {"served_on": date(2025, 6, 3)}, date(2025, 6, 13), True),
    ("reconsideration", {"served_on": date(2025, 6, 3)}, date(2025, 6, 14), False),
])
def test_remedy_status(remedy, kwargs, on, is_open):
    st = remedy_status(remedy, on, calendar=CAL, **kwargs)
    assert st.open is is_open
    assert st.basis == REMEDIES[remedy].basis


def test_reconsideration_holiday_extension():
    # 第八十五条第三款：2025-09-28 送达，十日届满 10-08 在国庆假期内，顺延至 10-09
    assert reconsideration_window_end(date(2025, 9, 28), calendar=CAL) == date(2025, 10, 9)


@pytest.mark.parametrize("many, citizens, courts", [
    (False, False, ("upper",)),            # 第二百一十条：上一级法院
    (True, False, ("upper", "original")),  # 一方人数众多
    (False, True, ("upper", "original")),  # 双方为公民
])
def test_retrial_court_choice(many, citizens, courts):
    assert retrial_court_choice(many_parties=many, both_citizens=citizens) == courts


@pytest.mark.parametrize("accepted, days, ext, due", [
    (date(2025, 1, 2), 60, 0, date(2025, 3, 3)),    # 信访工作条例 第三十二条：六十日
    (date(2025, 1, 2), 60, 30, date(2025, 4, 2)),   # 延长不超过三十日
    (date(2025, 1, 2), 45, 0, date(2025, 2, 16)),   # ⚠ 设置可改
])
def test_petition_due(accepted, days, ext, due):
    assert petition_due(accepted, days=days, extension_days=ext) == due


@pytest.mark.parametrize("kwargs", [{"days": 0}, {"extension_days": 31}, {"days": True}])
def test_petition_due_refuses_bad_input(kwargs):
    with pytest.raises(ComplaintRuleError):
        petition_due(date(2025, 1, 2), **kwargs)


def test_unknown_remedy():
    with pytest.raises(ComplaintRuleError):
        remedy_status("nope", date(2025, 1, 1), calendar=CAL)
