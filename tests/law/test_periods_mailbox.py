"""期满前交邮不算过期（民事诉讼法 第八十五条第四款）；耽误期限的顺延申请（第八十六条）；
以小时计算的期间（第八十五条第一款、第二款；保全 48 小时：第一百零三条、第一百零四条）。"""
from datetime import date, datetime, timezone

import pytest

from xiezhi.law.periods import (
    ChineseCalendarPackage,
    PeriodError,
    hours_period_end,
    in_time,
    late_application_deadline,
)


@pytest.mark.parametrize("lodged, posted, end, expected", [
    (date(2025, 10, 9), None, date(2025, 10, 9), True),                    # 届满当日收到
    (date(2025, 10, 10), None, date(2025, 10, 9), False),                  # 次日收到，非邮寄：逾期
    (date(2025, 10, 13), date(2025, 10, 9), date(2025, 10, 9), True),      # 第八十五条第四款：届满日交邮
    (date(2025, 10, 13), date(2025, 10, 10), date(2025, 10, 9), False),    # 届满后交邮：逾期
    (date(2025, 10, 1), None, None, True),                                 # 期间尚未起算
])
def test_mailbox_rule_article_85_paragraph_4(lodged, posted, end, expected):
    """民事诉讼法 第八十五条第四款：诉讼文书在期满前交邮的，不算过期。"""
    assert in_time(lodged, posted, end) is expected


def test_posting_after_receipt_is_refused():
    with pytest.raises(PeriodError, match="交邮日期"):
        in_time(date(2025, 10, 1), date(2025, 10, 2), date(2025, 10, 9))


@pytest.mark.parametrize("obstacle_ended, end", [
    (date(2025, 3, 3), date(2025, 3, 13)),    # 十日，开始的日不计入
    (date(2025, 9, 28), date(2025, 10, 9)),   # 名义 10-08 在国庆假期内，顺延（第八十五条第三款）
])
def test_late_application_within_ten_days_article_86(obstacle_ended, end):
    """民事诉讼法 第八十六条：障碍消除后的十日内可以申请顺延期限。"""
    r = late_application_deadline(obstacle_ended, calendar=ChineseCalendarPackage())
    assert r.end == end
    assert "第八十六条" in r.basis


@pytest.mark.parametrize("start, hours, end", [
    # 16:20 受理，开始的时不计入，从 17:00 起算 48 小时
    (datetime(2025, 3, 7, 16, 20), 48, datetime(2025, 3, 9, 17, 0)),
    # 整点受理：该小时同样不计入
    (datetime(2025, 3, 7, 16, 0), 48, datetime(2025, 3, 9, 17, 0)),
    # 跨国庆假期也不顺延（按小时计算的期间没有“最后一日”）
    (datetime(2025, 9, 30, 9, 5), 48, datetime(2025, 10, 2, 10, 0)),
    (datetime(2025, 3, 7, 23, 30, tzinfo=timezone.utc), 24, datetime(2025, 3, 9, 0, 0, tzinfo=timezone.utc)),
])
def test_preservation_ruling_within_48_hours_articles_103_104(start, hours, end):
    """民事诉讼法 第一百零三条第三款、第一百零四条第一款：紧急情况下 48 小时内作出保全裁定；
    第八十五条第二款：期间开始的时不计算在期间内。"""
    assert hours_period_end(start, hours) == end


@pytest.mark.parametrize("start, hours", [(date(2025, 3, 7), 48), (datetime(2025, 3, 7), 0),
                                          (datetime(2025, 3, 7), "48"), (datetime(9999, 12, 31, 12), 48)])
def test_hours_bad_input(start, hours):
    with pytest.raises(PeriodError):
        hours_period_end(start, hours)
