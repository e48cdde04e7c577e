"""冻结、查封、扣押期限（xiezhi.law.enforcement_control）：查封扣押冻结规定 第二十七条、民诉解释 第四百八十五条——
银行存款一年，动产二年，不动产和其他财产权三年。"""
from datetime import date

import pytest

from xiezhi.law import enforcement_control as law

D = date.fromisoformat


@pytest.mark.parametrize("kind, starts, ends", [
    # 第二十七条：冻结银行存款不得超过一年
    (law.BANK_ACCOUNT, "2026-03-10", "2027-03-09"),
    # 支付机构账户中的资金与存款同为一年
    (law.PAYMENT_ACCOUNT, "2026-03-10", "2027-03-09"),
    # 查封、扣押动产（车辆）不得超过二年
    (law.VEHICLE, "2026-03-10", "2028-03-09"),
    # 查封不动产不得超过三年
    (law.REAL_ESTATE, "2026-03-10", "2029-03-09"),
    # 冻结其他财产权（证券、股权）不得超过三年
    (law.SECURITIES, "2026-03-10", "2029-03-09"),
    (law.EQUITY, "2026-01-01", "2028-12-31"),
    # 2月29日开始的冻结：次年没有2月29日，期满日为2月28日
    (law.BANK_ACCOUNT, "2028-02-29", "2029-02-28"),
])
def test_freeze_period_art_27(kind, starts, ends):
    assert law.freeze_ends_on(kind, D(starts)) == D(ends)


def test_renewal_reminder_before_the_end():
    assert law.renewal_due(D("2027-03-09")) == D("2027-02-07")


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        law.freeze_ends_on("boat", D("2026-01-01"))
