"""上诉期看住所，不看国籍（民事诉讼法 第一百七十一条、第二百八十六条；民诉解释 第五百三十六条；
港澳台：民诉解释 第五百四十九条，法院设置）；期满前交邮（第八十五条第四款）；小额诉讼不得上诉（第一百六十五条）。"""
from datetime import date

import pytest

from xiezhi.law.appeal import AppealError, appeal_period, no_domicile_in_prc
from xiezhi.law.periods import ChineseCalendarPackage, StatutoryCalendar

CAL = ChineseCalendarPackage()

# (文书, 住所, 国籍, 港澳台参照涉外, 上诉期天数, 届满日, 依据里应有的条文)
CASES = [
    # 民诉法 171：境内有住所的中国公民 15 / 10 日；2025-09-23 送达，名义 10-08 在国庆假期内，顺延至 10-09
    ("judgment", "mainland", "中国", True, 15, date(2025, 10, 9), "第一百七十一条"),
    ("ruling", "mainland", "中国", True, 10, date(2025, 10, 9), "第一百七十一条"),
    # 民诉解释 536：在境内有住所的外国人仍是 15 / 10 日
    ("judgment", "mainland", "美国", True, 15, date(2025, 10, 9), "第五百三十六条"),
    ("ruling", "mainland", "日本", True, 10, date(2025, 10, 9), "第五百三十六条"),
    # 民诉法 286：在境内没有住所的中国公民 30 日（2025-09-23 + 30 = 10-23）
    ("judgment", "abroad", "中国", True, 30, date(2025, 10, 23), "第二百八十六条"),
    ("ruling", "abroad", "", True, 30, date(2025, 10, 23), "第二百八十六条"),
    # 民诉解释 549：港澳台当事人参照涉外，法院设置为参照时 30 日，不参照时 15 / 10 日
    ("judgment", "hk_macao_taiwan", "中国", True, 30, date(2025, 10, 23), "第五百四十九条"),
    ("judgment", "hk_macao_taiwan", "中国", False, 15, date(2025, 10, 9), "第五百四十九条"),
]


@pytest.mark.parametrize("kind, domicile, nationality, hmt, days, end, article", CASES)
def test_appeal_period_by_domicile_cpl_286_interpretation_536(kind, domicile, nationality, hmt, days, end, article):
    p = appeal_period(kind, date(2025, 9, 23), calendar=CAL, domicile=domicile, nationality=nationality,
                      hmt_as_foreign=hmt)
    assert (p.appealable, p.days, p.window_end, p.provisional) == (True, days, end, False)
    assert any(article in b for b in p.basis)


def test_small_claims_judgment_is_not_appealable_cpl_165():
    p = appeal_period("judgment", date(2025, 9, 23), calendar=CAL, small_claims=True,
                      lodged_on=date(2025, 9, 30))
    assert (p.appealable, p.days, p.window_end, p.in_time) == (False, None, None, False)
    assert any("第一百六十五条" in b for b in p.basis)


@pytest.mark.parametrize("lodged, posted, expected", [
    (date(2025, 10, 9), None, True),
    (date(2025, 10, 10), None, False),
    (date(2025, 10, 14), date(2025, 10, 9), True),   # 第八十五条第四款：届满日交邮
    (date(2025, 10, 14), date(2025, 10, 10), False),
])
def test_appeal_in_time_with_mailbox_rule_cpl_85_4(lodged, posted, expected):
    p = appeal_period("judgment", date(2025, 9, 23), calendar=CAL, lodged_on=lodged, posted_on=posted)
    assert p.in_time is expected


def test_provisional_when_the_year_is_not_loaded():
    """民事诉讼法 第八十五条第三款：2027 年通知未录入，2027-09-16 送达判决，名义 10-01 国庆，暂定 10-04。"""
    cal = StatutoryCalendar(base=CAL, covers=CAL.covers)
    p = appeal_period("judgment", date(2027, 9, 16), calendar=cal)
    assert (p.window_end, p.provisional) == (date(2027, 10, 4), True)


def test_criminal_appeal_ignores_domicile():
    """刑事诉讼法 第二百三十条：刑事案件不适用民事诉讼法第二百八十六条。"""
    p = appeal_period("judgment", date(2025, 3, 3), calendar=CAL, domicile="abroad", category="criminal")
    assert p.days == 10


@pytest.mark.parametrize("kwargs", [{"domicile": "mars"}, {"lodged_on": date(2025, 10, 1), "posted_on": date(2025, 10, 2)}])
def test_bad_input_is_a_chinese_error(kwargs):
    with pytest.raises(AppealError):
        appeal_period("judgment", date(2025, 9, 23), calendar=CAL, **kwargs)


def test_no_domicile_in_prc():
    assert no_domicile_in_prc("abroad") is True
    assert no_domicile_in_prc("mainland") is False
    assert no_domicile_in_prc("hk_macao_taiwan", hmt_as_foreign=True) is True
    assert no_domicile_in_prc("hk_macao_taiwan", hmt_as_foreign=False) is False
