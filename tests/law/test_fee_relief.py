"""诉讼费用的司法救助（《诉讼费用交纳办法》第四十四条至第四十七条）：免交只适用于自然人（第四十四条），
减交比例不得低于 30%（第四十六条第二款 ⚠ 可配置），缓交延后交费期限（第四十七条）。"""
from datetime import date
from decimal import Decimal

import pytest

from xiezhi.law import fee_relief as law


@pytest.mark.parametrize("form, kind, ok, why", [
    ("exempt", "natural", True, "第四十四条：自然人可以免交"),
    ("exempt", "legal", False, "第四十四条：免交只适用于自然人"),
    ("reduce", "legal", True, "第四十六条：社会福利机构等可以减交"),
    ("defer", "legal", True, "第四十七条：缓交不限于自然人"),
    ("waive", "natural", False, "只有缓交、减交、免交三种"),
])
def test_who_may_ask(form, kind, ok, why):
    assert (law.form_problem(form, kind) is None) is ok, why


@pytest.mark.parametrize("amount, percent, min_percent, expected, why", [
    ("1000", 30, 30, "700.00", "第四十六条第二款：减交 30% 是下限"),
    ("1050", 50, 30, "525.00", "减交一半"),
    ("1000", 29, 30, None, "低于 30% 不可"),
    ("1000", 100, 30, None, "全部不交是免交，不是减交"),
    ("1000", 20, 20, "800.00", "⚠ 下限可配置"),
])
def test_reduction(amount, percent, min_percent, expected, why):
    if expected is None:
        with pytest.raises(law.FeeReliefError):
            law.reduced_amount(amount, percent, min_percent=min_percent)
    else:
        assert law.reduced_amount(amount, percent, min_percent=min_percent) == Decimal(expected), why


@pytest.mark.parametrize("due, new, ok", [
    (date(2026, 3, 1), date(2026, 6, 1), True),
    (date(2026, 3, 1), date(2026, 3, 1), False),
])
def test_deferral_moves_the_due_date_later(due, new, ok):
    assert (law.deferral_problem(due, new) is None) is ok
