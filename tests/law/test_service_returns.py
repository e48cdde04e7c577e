"""邮件退回视为送达（法院专递规定 第十一条）；向境外邮寄满三个月视为送达（民事诉讼法 第二百八十三条
第一款第（八）项）；公告送达依第八十五条第三款顺延。"""
from datetime import date

import pytest

from xiezhi.law.periods import ChineseCalendarPackage, StaticCalendar
from xiezhi.law.service import ServiceError, postal_abroad_served_on, returned_post_served_on

CAL = ChineseCalendarPackage()


@pytest.mark.parametrize("reason, confirmed, expected", [
    ("wrong_address", True, date(2025, 6, 10)),     # 确认的地址不准确：退回之日视为送达
    ("refused", True, date(2025, 6, 10)),           # 拒绝签收
    ("moved_unreported", True, date(2025, 6, 10)),  # 地址变更未告知
    ("wrong_address", False, None),                 # 地址未经受送达人确认：不视为送达
    ("other", True, None),                          # 其他原因：另行送达
])
def test_returned_post_court_express_rules_article_11(reason, confirmed, expected):
    """法院专递规定 第十一条：因受送达人确认的地址不准确或拒收而退回的，退回之日视为送达之日。"""
    r = returned_post_served_on(date(2025, 6, 10), reason, address_confirmed=confirmed)
    assert r.on == expected
    assert "第十一条" in r.basis


def test_returned_post_needs_a_reason():
    with pytest.raises(ServiceError):
        returned_post_served_on(date(2025, 6, 10), "lost")


@pytest.mark.parametrize("posted, expected", [
    (date(2025, 1, 10), date(2025, 4, 10)),   # 满三个月的对应日（周四）
    (date(2025, 6, 30), date(2025, 9, 30)),
    (date(2025, 7, 1), date(2025, 10, 9)),    # 对应日 10-01 在国庆假期内，顺延（第八十五条第三款）
    (date(2024, 11, 30), date(2025, 2, 28)),  # 没有对应日的取月末（民法典 第二百零二条）
])
def test_postal_service_abroad_three_months_cpl_283_1_8(posted, expected):
    """民事诉讼法 第二百八十三条第一款第（八）项：自邮寄之日起满三个月，送达回证没有退回的，期间届满之日视为送达。"""
    assert postal_abroad_served_on(posted, calendar=CAL).end == expected


def test_postal_abroad_without_calendar_is_provisional():
    assert postal_abroad_served_on(date(2025, 1, 10)).provisional is True
    assert postal_abroad_served_on(date(2025, 1, 10), calendar=StaticCalendar()).provisional is False
