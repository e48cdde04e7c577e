"""期间计算（民事诉讼法 第八十五条；民法典 第二百零一条至第二百零三条）。

节假日用 chinese_calendar 包的真实安排：
2025 年国庆、中秋 10-01 至 10-08 放假，09-28（周日）、10-11（周六）调休上班；
2026 年春节 02-15 至 02-23 放假，02-14（周六）、02-28（周六）调休上班。
"""

from datetime import date

import pytest

from xiezhi.law.periods import (
    CalendarNotAvailable,
    ChineseCalendarPackage,
    PeriodError,
    StaticCalendar,
    WorkCalendar,
    add_months,
    next_working_day,
    period_end,
    period_end_detail,
)

CAL = ChineseCalendarPackage()


@pytest.mark.parametrize(
    "d, rest",
    [
        (date(2025, 10, 1), True),  # 国庆节
        (date(2025, 10, 8), True),  # 国庆假期最后一天（周三）
        (date(2025, 10, 9), False),  # 节后第一个工作日
        (date(2025, 9, 28), False),  # 周日调休上班
        (date(2025, 10, 11), False),  # 周六调休上班
        (date(2025, 10, 12), True),  # 普通周日
        (date(2025, 10, 10), False),  # 普通周五
        (date(2026, 2, 14), False),  # 周六调休上班（春节前）
        (date(2026, 2, 15), True),  # 春节假期第一天
        (date(2026, 2, 23), True),  # 春节假期最后一天（周一）
        (date(2026, 2, 24), False),
        (date(2026, 2, 28), False),  # 周六调休上班（春节后）
        (date(2025, 1, 26), False),  # 2025 年春节前周日调休上班
        (date(2025, 1, 28), True),  # 2025 年除夕放假
    ],
)
def test_chinese_calendar_rest_days(d, rest):
    """法定休假日 = 公休日 + 法定节假日，调休上班日除外（民事诉讼法 第八十五条第三款）。"""
    assert CAL.is_rest_day(d) is rest


def test_calendar_protocol():
    assert isinstance(CAL, WorkCalendar)
    assert isinstance(StaticCalendar(), WorkCalendar)


@pytest.mark.parametrize("d", [date(2027, 1, 4), date(2003, 6, 2), date(1999, 1, 1)])
def test_calendar_not_available(d):
    """包未覆盖的年份抛出 CalendarNotAvailable，而不是静默按周末判断。"""
    with pytest.raises(CalendarNotAvailable) as exc:
        CAL.is_rest_day(d)
    assert exc.value.year == d.year
    assert "节假日数据" in str(exc.value)


@pytest.mark.parametrize(
    "start, days, end",
    [
        # 判决 09-23 送达，15 日上诉期（民事诉讼法 第一百七十一条）：名义最后一日 10-08 为国庆假期，
        # 顺延至 10-09（民事诉讼法 第八十五条第三款）
        (date(2025, 9, 23), 15, date(2025, 10, 9)),
        # 名义最后一日为 10-01，假期连休至 10-08，顺延至 10-09
        (date(2025, 9, 26), 5, date(2025, 10, 9)),
        # 名义最后一日 09-28 为周日但调休上班，不顺延
        (date(2025, 9, 18), 10, date(2025, 9, 28)),
        # 名义最后一日 10-11 为周六但调休上班，不顺延
        (date(2025, 10, 1), 10, date(2025, 10, 11)),
        # 名义最后一日 10-12 为普通周日，顺延至周一 10-13
        (date(2025, 10, 2), 10, date(2025, 10, 13)),
        # 开始的日不计入（第八十五条第二款）：10-09 起 1 日 → 10-10
        (date(2025, 10, 9), 1, date(2025, 10, 10)),
        # 起算日本身是休假日不影响起算
        (date(2025, 10, 3), 7, date(2025, 10, 10)),
        # 2026 年春节：名义最后一日 02-15 → 顺延至 02-24
        (date(2026, 2, 5), 10, date(2026, 2, 24)),
        # 名义最后一日 02-14（周六调休上班）→ 不顺延
        (date(2026, 2, 4), 10, date(2026, 2, 14)),
        # 名义最后一日 02-28（周六调休上班）→ 不顺延
        (date(2026, 2, 18), 10, date(2026, 2, 28)),
        # 30 日公告期（民事诉讼法 第九十五条）：2026-01-04（周日调休上班）
        (date(2025, 12, 5), 30, date(2026, 1, 4)),
        # 名义最后一日 2026-01-01 元旦，连休至 01-03，顺延至 01-04（调休上班的周日）
        (date(2025, 12, 2), 30, date(2026, 1, 4)),
    ],
)
def test_period_end_days_over_real_holidays(start, days, end):
    """民事诉讼法 第八十五条第二款、第三款；民法典 第二百零三条。"""
    assert period_end(start, days=days, calendar=CAL) == end


@pytest.mark.parametrize(
    "start, months, end",
    [
        # 民法典 第二百零二条：到期月对应日；没有对应日的取月末日
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # 闰年
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 8, 31), 1, date(2025, 9, 30)),
        (date(2025, 3, 15), 1, date(2025, 4, 15)),
        (date(2025, 1, 10), 6, date(2025, 7, 10)),
        # 对应日 10-01 为国庆假期 → 顺延至 10-09
        (date(2025, 9, 1), 1, date(2025, 10, 9)),
        # 对应日 2025-11-30 为周日 → 顺延至 12-01
        (date(2025, 8, 30), 3, date(2025, 12, 1)),
        # 对应日 2026-03-01 为周日 → 03-02
        (date(2025, 12, 1), 3, date(2026, 3, 2)),
    ],
)
def test_period_end_months(start, months, end):
    """民法典 第二百零一条、第二百零二条；民事诉讼法 第八十五条第三款。"""
    assert period_end(start, months=months, calendar=CAL) == end


@pytest.mark.parametrize(
    "start, years, end",
    [
        (date(2024, 2, 29), 1, date(2025, 2, 28)),  # 没有对应日 → 月末日（民法典 第二百零二条）
        (date(2024, 10, 1), 1, date(2025, 10, 9)),  # 对应日为国庆假期 → 顺延
        (date(2023, 6, 16), 2, date(2025, 6, 16)),  # 申请执行期间 2 年（民事诉讼法 第二百五十条）
    ],
)
def test_period_end_years(start, years, end):
    assert period_end(start, years=years, calendar=CAL) == end


def test_period_end_detail_reports_extension():
    r = period_end_detail(date(2025, 9, 23), days=15, calendar=CAL)
    assert r.nominal_end == date(2025, 10, 8)
    assert r.end == date(2025, 10, 9)
    assert r.extended
    assert "第八十五条第三款" in r.basis
    r2 = period_end_detail(date(2025, 10, 9), days=1, calendar=CAL)
    assert not r2.extended and "第三款" not in r2.basis


@pytest.mark.parametrize(
    "d, n, expected",
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 31), 2, date(2025, 3, 31)),  # 整体加 2 个月，不是两次各加 1 个月
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 5, 31), 0, date(2025, 5, 31)),
        (date(2025, 11, 30), 14, date(2027, 1, 30)),
    ],
)
def test_add_months(d, n, expected):
    """民法典 第二百零二条：对应日规则。"""
    assert add_months(d, n) == expected


def test_add_months_overflow():
    with pytest.raises(PeriodError):
        add_months(date(9999, 12, 1), 1)


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"days": 1, "months": 1},
        {"days": 1, "years": 1},
        {"days": 0},
        {"days": -5},
        {"days": True},
        {"days": 1.5},
        {"months": "3"},
        {"days": 10**9},
        {"months": 10**7},
        {"years": 20000},
    ],
)
def test_period_errors(kwargs):
    """天数、月数、年数须且只能给出一项，且为正整数；超出日期范围报错。"""
    with pytest.raises(PeriodError):
        period_end(date(2025, 1, 1), calendar=CAL, **kwargs)


def test_period_end_beyond_calendar_year_raises():
    """届满日所在年份没有节假日数据时不能判断是否顺延。"""
    with pytest.raises(CalendarNotAvailable):
        period_end(date(2026, 12, 20), days=30, calendar=CAL)


def test_static_calendar_and_next_working_day():
    cal = StaticCalendar(holidays={date(2030, 1, 1)}, workdays={date(2030, 1, 5)}, years={2030})
    assert cal.is_rest_day(date(2030, 1, 1))
    assert not cal.is_rest_day(date(2030, 1, 5))  # 周六调休上班
    assert cal.is_rest_day(date(2030, 1, 6))  # 周日
    assert next_working_day(date(2030, 1, 1), cal) == date(2030, 1, 2)
    with pytest.raises(CalendarNotAvailable):
        cal.is_rest_day(date(2031, 1, 1))


def test_broken_calendar_does_not_loop_forever():
    class Always:
        def is_rest_day(self, d):
            return True

    with pytest.raises(PeriodError):
        next_working_day(date(2025, 1, 1), Always())


@pytest.mark.parametrize(
    "args, kwargs, year, text",
    [
        ((2027,), {}, 2027, "2027"),
        ((2027, "自定义"), {}, 2027, "自定义"),
        (("自定义",), {"year": 2028}, 2028, "自定义"),
        (("只有消息",), {}, None, "只有消息"),
    ],
)
def test_calendar_not_available_signatures(args, kwargs, year, text):
    exc = CalendarNotAvailable(*args, **kwargs)
    assert exc.year == year and text in str(exc)
    assert isinstance(exc, LookupError)



@pytest.mark.parametrize("start, n, expected", [
    # 民事诉讼法 第八十五条第二款: the day of the event is not counted; rest days are skipped, 调休 working days count
    (date(2025, 10, 10), 1, date(2025, 10, 11)),   # Fri → the Saturday worked after National Day
    (date(2025, 9, 30), 3, date(2025, 10, 11)),    # over the holiday 10-1 … 10-8: 10-9, 10-10, 10-11
    (date(2025, 10, 12), 1, date(2025, 10, 13)),   # an ordinary Sunday → Monday
])
def test_working_days_after_skips_rest_days(start, n, expected):
    from xiezhi.law.periods import working_days_after

    assert working_days_after(start, n, CAL) == expected
