"""送达日期与电子送达规则（民事诉讼法 第八十七条至第九十五条、第二百八十三条；民诉解释 第一百三十三条、
第一百三十五条、第一百三十八条、第一百四十条；在线诉讼规则 第三十一条；流程公开规定 第十四条）。"""
from datetime import date, datetime

import pytest

from xiezhi.law.periods import ChineseCalendarPackage, StaticCalendar
from xiezhi.law.service import (
    ServiceError,
    check_method_allowed,
    earliest_service,
    electronic_allowed,
    public_notice_detail,
    public_notice_served_on,
    service_date,
)


@pytest.mark.parametrize("method, kwargs, expected", [
    # 民事诉讼法 第八十七条第二款、第八十八条第二款：送达回证上的签收日期
    ("direct", {"signed_on": date(2025, 5, 6)}, date(2025, 5, 6)),
    # 民事诉讼法 第八十九条；审限规定 第十条：留置之日
    ("left", {"left_on": date(2025, 5, 7)}, date(2025, 5, 7)),
    # 民事诉讼法 第九十一条：回执上注明的收件日期（不是交邮日期）
    ("postal", {"receipt_on": date(2025, 5, 9)}, date(2025, 5, 9)),
    # 民事诉讼法 第九十条第二款；在线诉讼规则 第三十一条第一款：到达已确认的电子地址即送达，
    # 受送达人何时阅读不影响送达日期
    ("email", {"arrived_at": datetime(2025, 5, 8, 23, 59), "read_at": datetime(2025, 5, 12, 9)}, date(2025, 5, 8)),
    ("sms", {"arrived_at": date(2025, 5, 8)}, date(2025, 5, 8)),
    ("portal", {"arrived_at": date(2025, 5, 8), "address_confirmed": True}, date(2025, 5, 8)),
    # 在线诉讼规则 第三十一条第二款：未确认的地址，阅知之日推定送达；未阅知则尚未送达
    ("portal", {"arrived_at": date(2025, 5, 8), "address_confirmed": False, "read_at": date(2025, 5, 11)},
     date(2025, 5, 11)),
    ("portal", {"arrived_at": date(2025, 5, 8), "address_confirmed": False}, None),
    # 电子信息尚未到达
    ("email", {}, None),
    # 民事诉讼法 第九十五条：自发出公告之日起经过三十日（开始之日不计入：3-3 → 4-2）
    ("public_notice", {"published_on": date(2025, 3, 3)}, date(2025, 4, 2)),
    # 民事诉讼法 第二百八十三条第二款：境外当事人六十日（3-3 → 5-2，劳动节 5-1、5-2 放假，
    # 顺延至周一 5-5；第八十五条第三款，未给日历时按放假办法暂定）
    ("public_notice", {"published_on": date(2025, 3, 3), "abroad": True}, date(2025, 5, 5)),
])
def test_service_date_by_method(method, kwargs, expected):
    result = service_date(method, **kwargs)
    assert result.on == expected
    assert "第" in result.basis


@pytest.mark.parametrize("published, abroad, expected", [
    (date(2025, 1, 1), False, date(2025, 1, 31)),  # 第九十五条：三十日
    (date(2025, 1, 31), False, date(2025, 3, 2)),  # 跨二月按日计算
    (date(2024, 1, 31), False, date(2024, 3, 1)),  # 闰年
    (date(2025, 1, 1), True, date(2025, 3, 2)),  # 第二百八十三条：六十日
])
def test_public_notice_deemed_service(published, abroad, expected):
    """公告期间的天数计算（第九十五条、第二百八十三条）；此处用没有休假日的日历只看天数。"""
    assert public_notice_served_on(published, abroad=abroad, calendar=StaticCalendar(weekends=False)) == expected


def test_public_notice_follows_article_85_rollover_like_every_other_period():
    """民事诉讼法 第八十五条第三款适用于公告期间：2025-09-01 公告，名义届满日 10-01 为国庆节，
    依已公布的放假安排顺延至 10-09；未录入放假通知时，按放假办法暂定（国庆 10-01 至 10-03、
    周末 10-04/05、2025 年中秋 10-06）顺延至 10-07，并标记为暂定。"""
    assert public_notice_served_on(date(2025, 9, 1), calendar=ChineseCalendarPackage()) == date(2025, 10, 9)
    assert public_notice_served_on(date(2025, 9, 1)) == date(2025, 10, 7)
    assert public_notice_detail(date(2025, 9, 1)).provisional is True
    assert public_notice_detail(date(2025, 9, 1), calendar=ChineseCalendarPackage()).provisional is False


@pytest.mark.parametrize("method, kwargs", [
    ("direct", {}), ("left", {}), ("postal", {}), ("public_notice", {}), ("fax", {}),
])
def test_missing_facts_are_refused(method, kwargs):
    with pytest.raises(ServiceError):
        service_date(method, **kwargs)


def test_earliest_of_several_services_counts():
    """在线诉讼规则 第三十一条第四款：多种方式送达同一内容，以最先完成的有效送达为准。"""
    assert earliest_service([None, date(2025, 5, 9), date(2025, 5, 8)]) == date(2025, 5, 8)
    assert earliest_service([None]) is None


@pytest.mark.parametrize("kind, kwargs, ok", [
    # 民事诉讼法 第九十条第一款：须经同意
    ("notice", {"consent": True}, True),
    ("notice", {"consent": False}, False),
    # 判决书、裁定书、调解书须另行明示同意（第九十条第一款；流程公开规定 第十四条）
    ("judgment", {"consent": True}, False),
    ("ruling", {"consent": True}, False),
    ("mediation", {"consent": True}, False),
    ("judgment", {"consent": True, "judgment_consent": True}, True),
    # 在线诉讼规则 第三十一条第一款：地址未确认的短信、邮件不送
    ("notice", {"consent": True, "address_confirmed": False, "method": "sms"}, False),
    ("notice", {"consent": True, "address_confirmed": False, "method": "email"}, False),
    # 第三十一条第二款：经实名认证的平台账户可送达（阅知后推定送达），但不送裁判文书
    ("notice", {"consent": False, "address_confirmed": False, "portal_identified": True}, True),
    ("judgment", {"consent": False, "address_confirmed": False, "portal_identified": True}, False),
    ("notice", {"consent": False, "address_confirmed": False, "portal_identified": False}, False),
    # 邮寄不是电子方式
    ("notice", {"consent": True, "method": "postal"}, False),
])
def test_electronic_allowed(kind, kwargs, ok):
    if ok:
        electronic_allowed(kind, **kwargs)
    else:
        with pytest.raises(ServiceError) as exc:
            electronic_allowed(kind, **kwargs)
        assert "（" in str(exc.value)  # every refusal names its article


def test_method_restrictions():
    check_method_allowed("left", "judgment")
    with pytest.raises(ServiceError, match="第一百三十三条"):  # 调解书不适用留置送达
        check_method_allowed("left", "mediation")
    with pytest.raises(ServiceError, match="第一百四十条"):  # 简易程序不适用公告送达
        check_method_allowed("public_notice", "summons", summary_procedure=True)
    check_method_allowed("public_notice", "summons", summary_procedure=False)
