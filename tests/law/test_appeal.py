"""上诉期与生效日（民事诉讼法 第一百七十一条、第二百八十六条、第一百六十五条、第一百五十八条、
第八十五条；行政诉讼法 第八十五条；刑事诉讼法 第二百三十条）。

节假日用 chinese_calendar 包的真实安排：2025 年国庆、中秋 10-01 至 10-08 放假。
"""
from datetime import date

import pytest

from xiezhi.law.appeal import (
    AppealError,
    appeal_rule,
    appeal_window_end,
    effective_date,
)
from xiezhi.law.periods import ChineseCalendarPackage

CAL = ChineseCalendarPackage()


@pytest.mark.parametrize("category, kind, abroad, days, article", [
    ("civil", "judgment", False, 15, "第一百七十一条"),        # 民诉法 171 ①
    ("civil", "ruling", False, 10, "第一百七十一条"),          # 民诉法 171 ②
    ("civil", "judgment", True, 30, "第二百八十六条"),         # 民诉法 286 境内无住所
    ("civil", "ruling", True, 30, "第二百八十六条"),
    ("administrative", "judgment", False, 15, "行政诉讼法 第八十五条"),
    ("administrative", "ruling", False, 10, "行政诉讼法 第八十五条"),
    ("criminal", "judgment", False, 10, "刑事诉讼法 第二百三十条"),
    ("criminal", "ruling", False, 5, "刑事诉讼法 第二百三十条"),
    ("criminal", "judgment", True, 10, "刑事诉讼法 第二百三十条"),  # 刑事不适用 286
])
def test_appeal_periods(category, kind, abroad, days, article):
    rule = appeal_rule(category, kind, abroad=abroad)
    assert rule.days == days
    assert article in rule.basis


def test_small_claims_cannot_be_appealed():  # 民诉法 165 一审终审
    assert appeal_rule("civil", "judgment", small_claims=True).days is None
    assert appeal_window_end(date(2025, 9, 1), "civil", "judgment", calendar=CAL, small_claims=True) is None
    with pytest.raises(AppealError):
        appeal_rule("criminal", "judgment", small_claims=True)


@pytest.mark.parametrize("served, category, kind, abroad, end", [
    # 民诉法 85 ②：送达当日不计入；9-10 + 15 = 9-25（周四）
    (date(2025, 9, 10), "civil", "judgment", False, date(2025, 9, 25)),
    # 9-23 + 15 = 10-08 国庆假期，顺延至 10-09（民诉法 85 ③）
    (date(2025, 9, 23), "civil", "judgment", False, date(2025, 10, 9)),
    # 裁定 10 日：9-10 + 10 = 9-20（周六）→ 9-22（周一）
    (date(2025, 9, 10), "civil", "ruling", False, date(2025, 9, 22)),
    # 境内无住所 30 日：9-10 + 30 = 10-10（周五）
    (date(2025, 9, 10), "civil", "judgment", True, date(2025, 10, 10)),
    # 刑事判决 10 日，从接到判决书的第二日起算：9-10 收到 → 9-20（周六）→ 9-22
    (date(2025, 9, 10), "criminal", "judgment", False, date(2025, 9, 22)),
    # 刑事裁定 5 日：9-15 收到 → 9-20（周六）→ 9-22
    (date(2025, 9, 15), "criminal", "ruling", False, date(2025, 9, 22)),
    # 行诉法 85：判决 15 日
    (date(2025, 9, 10), "administrative", "judgment", False, date(2025, 9, 25)),
])
def test_window_end_from_the_party_service_date(served, category, kind, abroad, end):
    assert appeal_window_end(served, category, kind, abroad=abroad, calendar=CAL) == end


def test_unknown_kind_is_refused():
    with pytest.raises(AppealError):
        appeal_rule("civil", "mediation")


@pytest.mark.parametrize("ends, appealed, small, served, expected", [
    # 民诉法 158：各方上诉期届满无人上诉，最后一个届满日的次日生效
    ([date(2025, 9, 25), date(2025, 10, 9)], False, False, [], date(2025, 10, 10)),
    # 一方尚未送达：不能确定生效日
    ([date(2025, 9, 25), None], False, False, [], None),
    # 有人上诉：一审裁判不生效
    ([date(2025, 9, 25)], True, False, [], None),
    # 小额诉讼（民诉法 165）：最后一方送达即生效
    ([], False, True, [date(2025, 9, 1), date(2025, 9, 3)], date(2025, 9, 3)),
    ([], False, True, [], None),
])
def test_effective_date(ends, appealed, small, served, expected):
    assert effective_date(ends, appealed=appealed, small_claims=small, served_dates=served) == expected
