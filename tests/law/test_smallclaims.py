"""小额诉讼与简易程序适用建议（民事诉讼法 第一百六十五条、第一百六十六条；民诉解释 第二百五十七条、
第二百七十二条；延长审限规定 第四条；领域文档 §3.4）。

工资数用领域文档 §3.4 的虚构数 90,000 元：小额诉讼强制上限 45,000 元，约定上限 180,000 元。
"""

from datetime import date
from decimal import Decimal

import pytest

from xiezhi.law.smallclaims import (
    EXCLUSIONS,
    SMALL_CLAIMS_EXCLUSIONS,
    SUMMARY_EXCLUSIONS,
    SmallClaimsError,
    latest_published_wage,
    procedure_suggestion,
)

D = Decimal
WAGE = D(90000)


@pytest.mark.parametrize(
    "filed_on, expected",
    [
        (date(2025, 6, 1), (2024, D(100000))),  # 上一年度已公布（民诉解释 第二百七十二条）
        (date(2026, 1, 5), (2025, D(104000))),
        (date(2024, 3, 1), (2023, D(95000))),
    ],
)
def test_latest_published_wage(filed_on, expected):
    wages = {2022: D(90000), 2023: D(95000), 2024: D(100000), 2025: D(104000)}
    assert latest_published_wage(wages, filed_on) == expected


def test_previous_year_not_yet_published_uses_latest():
    """上一年度数据公布前，以已经公布的最近年度数据为准（民诉解释 第二百七十二条）。"""
    wages = {2022: D(90000), 2023: D(95000)}
    assert latest_published_wage(wages, date(2025, 3, 1)) == (2023, D(95000))


def test_publication_dates_respected():
    wages = {2023: D(95000), 2024: D(100000)}
    published = {2023: date(2024, 5, 20), 2024: date(2025, 5, 20)}
    assert latest_published_wage(wages, date(2025, 3, 1), published) == (2023, D(95000))
    assert latest_published_wage(wages, date(2025, 5, 20), published) == (2024, D(100000))


@pytest.mark.parametrize("wages", [{}, {2025: D(1)}, {2030: D(1)}])
def test_no_published_wage(wages):
    with pytest.raises(SmallClaimsError):
        latest_published_wage(wages, date(2025, 3, 1))


@pytest.mark.parametrize(
    "amount, agree, procedure, mandatory, basis",
    [
        (8000, False, "small_claims", True, "第一百六十五条第一款"),
        (45000, False, "small_claims", True, "第一百六十五条第一款"),  # 恰为 50%：“以下”含本数
        ("45000.01", False, "summary", True, "延长审限规定 第四条"),
        ("45000.01", True, "small_claims", False, "第一百六十五条第二款"),  # 双方约定
        (180000, True, "small_claims", False, "第一百六十五条第二款"),  # 恰为 2 倍
        (180000, False, "summary", True, "延长审限规定 第四条"),
        ("180000.01", True, "ordinary", False, "第一百六十条"),  # 超过 2 倍不能约定小额诉讼
        (500000, False, "ordinary", False, "第一百六十条"),
    ],
)
def test_thresholds(amount, agree, procedure, mandatory, basis):
    """民事诉讼法 第一百六十五条：50% 以下应当适用；50%–2 倍可约定；延长审限规定 第四条：2 倍以下应当适用简易程序。"""
    s = procedure_suggestion(amount, WAGE, parties_agree_small_claims=agree)
    assert s.procedure == procedure
    assert s.mandatory is mandatory
    assert basis in s.basis
    assert s.thresholds["small_claims_mandatory_max"] == D("45000.00")
    assert s.thresholds["small_claims_agreed_max"] == D("180000.00")
    assert s.reason


def test_summary_reason_mentions_agreement_option():
    s = procedure_suggestion(100000, WAGE)
    assert "约定" in s.reason


@pytest.mark.parametrize("code", sorted(SMALL_CLAIMS_EXCLUSIONS))
def test_small_claims_exclusions_fall_back_to_summary(code):
    """民事诉讼法 第一百六十六条：排除小额诉讼，但仍可适用简易程序。"""
    s = procedure_suggestion(8000, WAGE, exclusions={code})
    assert s.procedure == "summary"
    assert SMALL_CLAIMS_EXCLUSIONS[code] in s.excluded_by
    assert "不适用小额诉讼" in s.reason


@pytest.mark.parametrize("code", sorted(SUMMARY_EXCLUSIONS))
def test_summary_exclusions_force_ordinary(code):
    """民诉解释 第二百五十七条、第一百四十条：不适用简易程序（因而也不适用小额诉讼）。"""
    s = procedure_suggestion(8000, WAGE, exclusions={code}, parties_agree_small_claims=True)
    assert s.procedure == "ordinary"
    assert s.mandatory
    assert SUMMARY_EXCLUSIONS[code] in s.excluded_by


def test_non_money_case_not_small_claims():
    """小额诉讼限于金钱给付案件（民事诉讼法 第一百六十五条）。"""
    s = procedure_suggestion(8000, WAGE, money_payment=False)
    assert s.procedure == "summary"
    assert "金钱给付" in s.reason


def test_no_amount():
    s = procedure_suggestion(None, WAGE, money_payment=False)
    assert s.procedure == "summary" and not s.mandatory
    assert "第一百六十条" in s.basis


@pytest.mark.parametrize(
    "amount, wage, kwargs",
    [
        (-1, WAGE, {}),
        ("abc", WAGE, {}),
        (100, 0, {}),
        (100, -5, {}),
        (100, None, {}),
        (100, WAGE, {"exclusions": {"alien_abduction"}}),
    ],
)
def test_errors(amount, wage, kwargs):
    with pytest.raises(SmallClaimsError):
        procedure_suggestion(amount, wage, **kwargs)


def test_exclusion_dicts_are_documented():
    assert set(EXCLUSIONS) == set(SMALL_CLAIMS_EXCLUSIONS) | set(SUMMARY_EXCLUSIONS)
    for label in EXCLUSIONS.values():
        assert "第" in label and "条" in label
