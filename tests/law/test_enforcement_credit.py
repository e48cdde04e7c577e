"""law.enforcement_credit: the measures of 限制消费规定 第三条, the 15-day review of a correction
request (失信规定 第十二条), and the masked ID numbers of 执行信息公开 (as the national platform shows them)."""
from datetime import date

import pytest

from xiezhi.law import enforcement_credit as law


@pytest.mark.parametrize("number, natural, shown, why", [
    ("410102198503071234", True, "4101021985****1234", "18-digit resident ID: birth month and day hidden"),
    ("41010219850307123x", True, "4101021985****123X", "check letter X upper-cased"),
    ("410102850307123", True, "41010285****123", "15-digit resident ID: birth month and day hidden"),
    ("E12345678", True, "E1*****78", "a passport: first and last two only"),
    ("91410100MA3X5X5X5X", False, "91410100MA3X5X5X5X", "an organisation's credit code is public (失信规定 第六条)"),
    ("", True, "", "no number, nothing shown"),
])
def test_masking_as_the_national_platform(number, natural, shown, why):
    assert law.mask_id_number(number, natural) == shown, why


def test_a_masked_resident_id_never_shows_the_full_birth_date():
    shown = law.mask_id_number("410102198503071234", True)
    assert "19850307" not in shown and "0307" not in shown


@pytest.mark.parametrize("filed, due", [
    (date(2026, 3, 2), date(2026, 3, 17)),  # 失信规定 第十二条: 15 days, the day received not counted
    (date(2026, 2, 20), date(2026, 3, 7)),
    (date(2026, 12, 20), date(2027, 1, 4)),
])
def test_correction_is_reviewed_within_fifteen_days(filed, due):
    assert law.correction_due(filed) == due


@pytest.mark.parametrize("given, out", [
    (None, list(range(1, 10))), ([], list(range(1, 10))), (["3", 1, 3], [1, 3]), ([9], [9]),
])
def test_measures_of_article_3(given, out):
    assert law.clean_measures(given) == out


@pytest.mark.parametrize("bad", [[0], [10], ["x"], [None]])
def test_a_measure_outside_article_3_is_refused(bad):
    with pytest.raises(law.CreditError, match="第三条"):
        law.clean_measures(bad)
