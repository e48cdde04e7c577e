"""结案日期（民诉解释 第二百四十三条；审限规定 第十条）。"""
from datetime import date

import pytest

from xiezhi.law.closing import ClosingDateError, MediationService, closing_date


@pytest.mark.parametrize("method", ["judgment", "ruling", "dismissal", "withdrawal"])
def test_judgment_or_ruling_closes_on_pronouncement(method):
    """民诉解释 第二百四十三条、审限规定 第十条：判决书宣判、裁定书宣告之日为结案时间。"""
    on, basis = closing_date(method, pronounced_on=date(2025, 6, 3))
    assert on == date(2025, 6, 3)
    assert "第十条" in basis


def test_no_pronouncement_no_closing_date():
    with pytest.raises(ClosingDateError, match="宣判"):
        closing_date("judgment")


@pytest.mark.parametrize("services, expected", [
    # 直接送达：最后一名当事人签收之日
    ([MediationService("direct", served_on=date(2025, 6, 3)), MediationService("direct", served_on=date(2025, 6, 5))],
     date(2025, 6, 5)),
    # 邮寄送达以交邮日期为准，不看回执日期
    ([MediationService("direct", served_on=date(2025, 6, 3)),
      MediationService("postal", served_on=date(2025, 6, 12), posted_on=date(2025, 6, 4))], date(2025, 6, 4)),
    # 留置送达以留置之日为准
    ([MediationService("left", served_on=date(2025, 6, 6)), MediationService("direct", served_on=date(2025, 6, 3))],
     date(2025, 6, 6)),
    # 公告送达以公告刊登之日为准，不是视为送达之日
    ([MediationService("public_notice", served_on=date(2025, 7, 10), published_on=date(2025, 6, 10)),
      MediationService("direct", served_on=date(2025, 6, 3))], date(2025, 6, 10)),
])
def test_mediation_closes_when_the_last_party_is_served(services, expected):
    """审限规定 第十条：调解书送达最后一名当事人的日期为结案时间；邮寄以交邮日期、公告以刊登之日为准。"""
    assert closing_date("mediation", mediation_services=services, parties=2)[0] == expected


def test_mediation_not_served_on_every_party():
    with pytest.raises(ClosingDateError, match="全部当事人"):
        closing_date("mediation", mediation_services=[MediationService("direct", served_on=date(2025, 6, 3))],
                     parties=2)


def test_other_methods_need_a_date():
    with pytest.raises(ClosingDateError):
        closing_date("transfer")
