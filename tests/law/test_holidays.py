"""法定节日在任何年份都是休假日（民事诉讼法 第八十五条第三款；《全国年节及纪念日放假办法》第二条），
放假通知未录入的年份算出的期间标记为暂定。"""
from datetime import date, timedelta

import chinese_calendar
import pytest

from xiezhi.law.holidays import festival_dates, statutory_holidays
from xiezhi.law.periods import (
    CalendarNotAvailable,
    ChineseCalendarPackage,
    StaticCalendar,
    StatutoryCalendar,
    period_end_detail,
)


@pytest.mark.parametrize("year", range(2008, 2027))
def test_every_statutory_holiday_of_the_table_is_a_holiday_in_the_published_notice(year):
    """内置表推算的节日（放假办法 第二条）与国务院办公厅每年公布的放假安排一致（chinese_calendar 包，
    2008–2026 年）：推算的每一天在当年的通知里都放假。"""
    for d in statutory_holidays(year):
        assert chinese_calendar.is_holiday(d), (year, d)


@pytest.mark.parametrize("year, spring, duanwu, midautumn", [
    (2024, date(2024, 2, 10), date(2024, 6, 10), date(2024, 9, 17)),
    (2025, date(2025, 1, 29), date(2025, 5, 31), date(2025, 10, 6)),
    (2026, date(2026, 2, 17), date(2026, 6, 19), date(2026, 9, 25)),
    (2027, date(2027, 2, 6), date(2027, 6, 9), date(2027, 9, 15)),
    (2028, date(2028, 1, 26), date(2028, 5, 28), date(2028, 10, 3)),
])
def test_lunar_festivals(year, spring, duanwu, midautumn):
    """春节（正月初一）、端午（五月初五）、中秋（八月十五）的公历日期。"""
    f = festival_dates(year)
    assert (f["spring"], f["duanwu"], f["midautumn"]) == (spring, duanwu, midautumn)


@pytest.mark.parametrize("d, holiday", [
    (date(2027, 1, 1), True),    # 元旦
    (date(2027, 2, 5), True),    # 除夕（2025 年起放假，国务院令第 795 号）
    (date(2027, 2, 8), True),    # 正月初三
    (date(2027, 2, 9), False),   # 正月初四：调休才放，通知未出前不算
    (date(2027, 4, 5), True),    # 清明
    (date(2027, 5, 1), True),    # 劳动节
    (date(2027, 5, 2), True),    # 劳动节第二天（2025 年起）
    (date(2027, 6, 9), True),    # 端午
    (date(2027, 9, 15), True),   # 中秋
    (date(2027, 10, 1), True), (date(2027, 10, 3), True),  # 国庆
    (date(2027, 10, 4), False),
    (date(2024, 5, 2), False),   # 2024 年劳动节只有 1 日（国务院令第 644 号）
    (date(2024, 2, 9), False),   # 2024 年除夕不是法定节日（644 号：初一至初三）
    (date(2013, 2, 9), True),    # 2013 年除夕是法定节日（513 号：除夕、初一、初二）
])
def test_statutory_holidays_by_the_rules_in_force(d, holiday):
    """《全国年节及纪念日放假办法》第二条（2008、2014、2025 年施行的三个版本）。"""
    assert (d in statutory_holidays(d.year)) is holiday


@pytest.mark.parametrize("start, days, end, why", [
    # 2027-09-16 起 15 日：名义 10-01 国庆，10-02/03 国庆，届满 10-04（周一）
    (date(2027, 9, 16), 15, date(2027, 10, 4), "国庆节 10 月 1 日至 3 日"),
    # 2026-12-17 起 15 日：名义 2027-01-01 元旦（周五），01-02/03 周末，届满 01-04
    (date(2026, 12, 17), 15, date(2027, 1, 4), "元旦"),
    # 2027-01-26 起 10 日：名义 02-05 除夕，02-06 至 02-08 初一至初三（02-06/07 为周末），届满 02-09
    (date(2027, 1, 26), 10, date(2027, 2, 9), "春节"),
    # 2027-05-25 起 15 日：名义 06-09 端午（周三），届满 06-10
    (date(2027, 5, 25), 15, date(2027, 6, 10), "端午节"),
    # 2027-08-31 起 15 日：名义 09-15 中秋（周三），届满 09-16
    (date(2027, 8, 31), 15, date(2027, 9, 16), "中秋节"),
    # 2027-03-21 起 15 日：名义 04-05 清明（周一），届满 04-06
    (date(2027, 3, 21), 15, date(2027, 4, 6), "清明节"),
    # 2027-04-16 起 15 日：名义 05-01 劳动节（周六），05-02 劳动节（周日），届满 05-03
    (date(2027, 4, 16), 15, date(2027, 5, 3), "劳动节"),
])
def test_period_never_ends_on_a_statutory_holiday_before_the_notice(start, days, end, why):
    """民事诉讼法 第八十五条第三款：2027 年的放假通知尚未录入（chinese_calendar 1.11 只到 2026 年），
    期间仍不在法定节日届满，结果标记为暂定。"""
    cal = StatutoryCalendar(base=ChineseCalendarPackage(), covers=ChineseCalendarPackage().covers)
    r = period_end_detail(start, days=days, calendar=cal)
    assert r.end == end, why
    assert r.provisional is True
    assert "暂定" in r.basis


def test_loaded_year_is_not_provisional():
    """已录入通知的年份以通知为准（含调休），不是暂定：2025-09-23 起 15 日届满 2025-10-09。"""
    pkg = ChineseCalendarPackage()
    r = period_end_detail(date(2025, 9, 23), days=15, calendar=StatutoryCalendar(base=pkg, covers=pkg.covers))
    assert (r.end, r.provisional) == (date(2025, 10, 9), False)


def test_a_period_crossing_into_an_unloaded_year_only_when_it_looks_at_that_year():
    """只有判断届满日时看过的日子属于未录入年份，结果才是暂定。"""
    cal = StatutoryCalendar(base=StaticCalendar(years={2026}), covers=lambda y: y == 2026)
    assert period_end_detail(date(2026, 12, 1), days=10, calendar=cal).provisional is False
    assert period_end_detail(date(2026, 12, 20), days=15, calendar=cal).provisional is True


def test_years_outside_the_table_are_not_guessed():
    with pytest.raises(CalendarNotAvailable):
        StatutoryCalendar().is_rest_day(date(2100, 1, 4))
    assert date(2099, 10, 1) in statutory_holidays(2099)
    assert date(2099, 10, 1) - timedelta(days=1) not in statutory_holidays(2099)
