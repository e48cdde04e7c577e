"""执行的法律规则（xiezhi.law.enforcement）：申请执行期间（民事诉讼法 第二百五十条、第八十五条）、
失信被执行人名单（失信规定 第一条至第四条、第十条）、网络司法拍卖（网拍规定 第十条、第十二条、第十七条、第二十六条）。

节假日用 chinese_calendar 包的真实安排（2025 年国庆、中秋 10-01 至 10-08 放假；2026-02-28 周六调休上班），
之后的年份按法定节日暂定。
"""
from datetime import date, timedelta
from decimal import Decimal

import pytest

from xiezhi.law.enforcement import (
    EnforcementError,
    auction_plan,
    dishonest_term,
    enforcement_application_window,
)
from xiezhi.law.periods import ChineseCalendarPackage, StatutoryCalendar

_PKG = ChineseCalendarPackage()
CAL = StatutoryCalendar(base=_PKG, covers=_PKG.covers)
D = date.fromisoformat


# ---- 民事诉讼法 第二百五十条：申请执行的期间为二年 ---------------------------------------------------

@pytest.mark.parametrize("effective, due, installments, end, article", [
    # 未规定履行期间：从生效之日起计算；2025-05-10 是周六，顺延至周一（第八十五条第三款）
    ("2023-05-10", None, None, "2025-05-12", "法律文书未规定履行期间的，从生效之日起计算"),
    # 规定履行期间：从最后一日起计算；2025-10-01 国庆，顺延至 10-09
    ("2023-09-20", "2023-10-01", None, "2025-10-09", "从法律文书规定履行期间的最后一日起计算"),
    # 最后一日是工作日，不顺延
    ("2023-09-01", "2023-09-30", None, "2025-09-30", "从法律文书规定履行期间的最后一日起计算"),
    # 分期履行：从最后一期届满之日起计算；2024-02-29 加二年没有对应日，取月末日 2026-02-28（民法典 第二百零二条），
    # 当日周六调休上班，不顺延
    ("2023-05-10", None, ["2023-06-30", "2024-02-29", "2023-12-31"], "2026-02-28",
     "分期履行的，从最后一期履行期限届满之日起计算"),
    # 生效当日即为履行期限最后一日
    ("2024-03-15", "2024-03-15", None, "2026-03-16", "从法律文书规定履行期间的最后一日起计算"),  # 2026-03-15 周日
])
def test_application_window_cpl_250(effective, due, installments, end, article):
    w = enforcement_application_window(D(effective), due_on=D(due) if due else None,
                                       installments=[D(i) for i in installments] if installments else None,
                                       calendar=CAL)
    assert w.window_end == D(end)
    assert w.basis[0].startswith("民事诉讼法 第二百五十条第一款")
    assert any(article in b for b in w.basis)
    assert any("第八十五条" in b for b in w.basis)
    assert w.provisional is False


def test_application_window_in_an_unpublished_year_is_provisional():
    """民事诉讼法 第八十五条第三款：2029 年放假通知未录入，国庆节仍顺延，结果标明暂定。"""
    w = enforcement_application_window(D("2027-09-01"), due_on=D("2027-10-01"), calendar=CAL)
    assert w.nominal_end == D("2029-10-01") and w.window_end > w.nominal_end and w.provisional


@pytest.mark.parametrize("kwargs, message", [
    ({"due_on": D("2023-01-01")}, "不能早于法律文书生效日期"),
    ({"installments": [D("2023-01-01"), D("2024-01-01")]}, "不能早于法律文书生效日期"),
    ({"installments": []}, "至少填写一期"),
    ({"due_on": D("2024-01-01"), "installments": [D("2024-01-01")]}, "只能填写一项"),
    ({"installments": [date(2023, 7, 1) + timedelta(days=i) for i in range(400)]}, "最多"),
])
def test_application_window_bad_input(kwargs, message):
    with pytest.raises(EnforcementError, match=message):
        enforcement_application_window(D("2023-05-10"), calendar=CAL, **kwargs)


# ---- 失信规定 第一条至第四条 ------------------------------------------------------------------------

@pytest.mark.parametrize("circumstances, aggravating, term, years, article", [
    ([1], False, "until_deleted", (None, None), "第一条第（一）项"),   # 第一项：无固定期限，至删除事由出现
    ([1], True, "until_deleted", (None, None), "第十条第一款"),
    ([2], False, "fixed", (2, 2), "第二条第一款"),                    # 第二项至第六项：二年
    ([3], False, "fixed", (2, 2), "第一条第（三）项"),
    ([4], False, "fixed", (2, 2), "第一条第（四）项"),
    ([5], False, "fixed", (2, 2), "第一条第（五）项"),
    ([6], False, "fixed", (2, 2), "第一条第（六）项"),
    ([2], True, "fixed", (2, 5), "可以延长一至三年"),                 # 暴力、威胁情节严重：可以延长一至三年
    ([4, 5], False, "fixed", (2, 5), "具有多项失信行为"),              # 多项失信行为
    ([1, 4], False, "fixed", (2, 5), "第十条第三款"),                 # 含第一项：期满后仍失信的可以重新纳入
    ([5, 5], False, "fixed", (2, 2), "第一条第（五）项"),             # 重复的编号只算一项
])
def test_dishonest_term_arts_1_2(circumstances, aggravating, term, years, article):
    r = dishonest_term(circumstances, aggravating=aggravating)
    assert r.listable is True
    assert (r.term, r.years_min, r.years_max) == (term, *years)
    assert any(article in b for b in r.basis)


@pytest.mark.parametrize("kwargs, article", [
    ({"minor": True}, "第四条"),                                   # 未成年人不得纳入
    ({"minor": True, "aggravating": True}, "第四条"),
    ({"performed_or_secured": True}, "第三条"),                     # 已履行或有充分担保
    ({"minor": True, "performed_or_secured": True}, "第四条"),
])
def test_dishonest_not_listable_arts_3_4(kwargs, article):
    r = dishonest_term([1, 2, 3], **kwargs)
    assert (r.listable, r.term, r.years_min, r.years_max) == (False, None, None, None)
    assert any(article in b for b in r.basis)


def test_no_circumstance_is_not_listable():
    r = dishonest_term([])
    assert r.listable is False and "第一条" in r.basis[0]


@pytest.mark.parametrize("bad", [[0], [7], [True], ["1"], [1.0]])
def test_dishonest_bad_circumstance(bad):
    with pytest.raises(EnforcementError, match="1 至 6"):
        dishonest_term(bad)


# ---- 网拍规定 第十条、第十二条、第十七条、第二十六条 ------------------------------------------------

@pytest.mark.parametrize("valuation, asset, opening, dep_min, dep_max, notice", [
    ("1000000", "real_estate", "700000.00", "35000.00", "140000.00", 30),   # 第十条 70%；第十二条 30 日
    ("1000000", "property_right", "700000.00", "35000.00", "140000.00", 30),
    ("50000", "movable", "35000.00", "1750.00", "7000.00", 15),            # 动产 15 日
    ("333.33", "movable", "233.34", "11.67", "46.66", 15),                 # 下限向上取整到分，上限向下取整
])
def test_first_auction_arts_10_12_17(valuation, asset, opening, dep_min, dep_max, notice):
    p = auction_plan(valuation, asset, 1)
    assert (p.opening_price_min, p.deposit_min, p.deposit_max) == (Decimal(opening), Decimal(dep_min), Decimal(dep_max))
    assert p.notice_days == notice and p.must_be_held_by is None
    assert any("第十条" in b for b in p.basis) and any("第十二条" in b for b in p.basis)
    assert any("第十七条" in b for b in p.basis)


@pytest.mark.parametrize("asset, notice, notice_by", [("movable", 7, "2025-03-26"), ("real_estate", 15, "2025-03-18")])
def test_reauction_art_26(asset, notice, notice_by):
    p = auction_plan("1000000", asset, 2, previous_opening_price="700000", failed_on=D("2025-03-03"))
    assert p.opening_price_min == Decimal("560000.00")          # 降价不超过前次起拍价的 20%
    assert (p.deposit_min, p.deposit_max) == (Decimal("28000.00"), Decimal("112000.00"))
    assert p.notice_days == notice                               # 再次拍卖公告期 7 日 / 15 日
    assert p.must_be_held_by == D("2025-04-02")                  # 流拍后三十日内
    assert p.notice_by == D(notice_by)
    assert sum("第二十六条" in b for b in p.basis) == 2


def test_sale_after_second_failure_art_26():
    p = auction_plan("1000000", "real_estate", "sale", previous_opening_price="560000", failed_on=D("2025-05-01"))
    assert (p.opening_price_min, p.deposit_min, p.notice_days, p.must_be_held_by) == (None, None, None, None)
    assert "变卖" in p.basis[0] and "第二十六条" in p.basis[0]


@pytest.mark.parametrize("args, kwargs, message", [
    (("0", "movable", 1), {}, "应大于零"),
    (("-5", "movable", 1), {}, "应大于零"),
    (("abc", "movable", 1), {}, "金额数字"),
    (("NaN", "movable", 1), {}, "金额数字"),
    ((1000.5, "movable", 1), {}, "金额数字"),          # 金额不用浮点数
    (("10.001", "movable", 1), {}, "两位小数"),
    (("1" * 20, "movable", 1), {}, "过大"),
    (("1000", "ship", 1), {}, "财产类别"),
    (("1000", "movable", 3), {}, "拍卖轮次"),
    (("1000", "movable", True), {}, "拍卖轮次"),
    (("1000", "movable", 1), {"failed_on": D("2025-01-01")}, "第一次拍卖"),
    (("1000", "movable", 2), {"failed_on": D("2025-01-01")}, "前次拍卖的起拍价"),
    (("1000", "movable", 2), {"previous_opening_price": "700"}, "流拍日期"),
    (("1000", "movable", 2), {"previous_opening_price": "600", "failed_on": D("2025-01-01")}, "第十条"),
])
def test_auction_bad_input(args, kwargs, message):
    with pytest.raises(EnforcementError, match=message):
        auction_plan(*args, **kwargs)
