"""财产处置的法律规则（xiezhi.law.enforcement_disposal）：参考价（参考价规定 第二条、第四条、第十三条、第十四条、
第二十二条），网络司法拍卖方案的审查（网拍规定 第十条、第十二条、第十七条、第二十条、第二十六条），分配方案
（民诉解释 第五百零八条、第五百零九条）。"""
from datetime import date, datetime, timedelta
from decimal import Decimal as D

import pytest

from xiezhi.law.enforcement import EnforcementError
from xiezhi.law.enforcement_disposal import (
    Claim,
    auction_problems,
    distribute,
    network_inquiry_price,
    plan_objection_until,
    report_objection_until,
    valuation_problem,
)


# ---- 参考价规定 ------------------------------------------------------------------------------------

@pytest.mark.parametrize("results, price", [
    (["1000000", "1100000", "1200000"], D("1100000.00")),   # 第十三条：各平台结果的平均值
    (["100.00", "100.01", "100.01"], D("100.00")),            # 平均 100.0066…，向下取到分
    (["88.88"], D("88.88")),
])
def test_network_inquiry_takes_the_average_of_the_platforms(results, price):
    assert network_inquiry_price(results) == price


def test_network_inquiry_without_results_is_refused_naming_article_13():
    with pytest.raises(EnforcementError, match="第十三条"):
        network_inquiry_price([])


@pytest.mark.parametrize("method, kw, article", [
    ("bargain", {"parties_agreed": False}, "第四条"),
    ("network", {"parties_agreed": False, "results": []}, "第十三条"),
    ("appraisal", {"parties_agreed": False, "appraiser": " "}, "第十四条"),
    ("guess", {"parties_agreed": True}, "第二条"),
])
def test_a_method_without_what_it_needs_is_refused_naming_the_article(method, kw, article):
    assert article in valuation_problem(method, **kw)


@pytest.mark.parametrize("method, kw", [
    ("bargain", {"parties_agreed": True}),
    ("directed", {"parties_agreed": False}),
    ("network", {"parties_agreed": False, "results": ["1"]}),
    ("appraisal", {"parties_agreed": False, "appraiser": "某评估公司"}),
])
def test_a_complete_method_passes(method, kw):
    assert valuation_problem(method, **kw) is None


def test_objection_to_the_report_within_five_days_article_22():
    assert report_objection_until(date(2026, 3, 1)) == date(2026, 3, 6)


# ---- 网拍规定 --------------------------------------------------------------------------------------

START = datetime(2026, 4, 1, 10, 0)


def _plan(**kw):
    base = dict(valuation="1000000", asset="real_estate", auction_round=1, opening_price="700000",
                deposit="70000", notice_on=date(2026, 3, 2), starts_at=START, ends_at=START + timedelta(hours=24))
    base.update(kw)
    return auction_problems(**base)


def test_a_lawful_first_round_has_no_problem():
    assert _plan() == []


@pytest.mark.parametrize("kw, article", [
    ({"opening_price": "699999.99"}, "第十条"),                               # 起拍价 ≥ 评估价 70%
    ({"deposit": "34999.99"}, "第十七条"),                                     # 保证金 ≥ 5%
    ({"deposit": "140000.01"}, "第十七条"),                                    # 保证金 ≤ 20%
    ({"notice_on": date(2026, 3, 3)}, "第十二条"),                             # 不动产公告 30 日
    ({"asset": "movable", "notice_on": date(2026, 3, 18)}, "第十二条"),       # 动产公告 15 日
    ({"ends_at": START + timedelta(hours=23, minutes=59)}, "第二十条"),        # 竞价至少 24 小时
])
def test_a_first_round_breaking_a_rule_names_its_article(kw, article):
    problems = _plan(**kw)
    assert len(problems) == 1 and article in problems[0], problems


def test_movable_notice_of_fifteen_days_is_enough():
    assert _plan(asset="movable", notice_on=date(2026, 3, 17)) == []


def _round2(**kw):
    base = dict(auction_round=2, previous_opening_price="700000", failed_on=date(2026, 3, 20),
                opening_price="560000", deposit="28000", notice_on=date(2026, 4, 3),
                starts_at=datetime(2026, 4, 18, 10), ends_at=datetime(2026, 4, 19, 10))
    base.update(kw)
    return _plan(**base)


def test_a_lawful_second_round_has_no_problem():
    assert _round2() == []


@pytest.mark.parametrize("kw, article", [
    ({"opening_price": "559999.99", "deposit": "28000"}, "第二十六条"),        # 降价不超过 20%
    ({"notice_on": date(2026, 4, 4)}, "第二十六条"),                          # 不动产再次拍卖公告 15 日
    ({"starts_at": datetime(2026, 4, 20, 10), "ends_at": datetime(2026, 4, 21, 10),
      "notice_on": date(2026, 4, 3)}, "第二十六条"),                           # 流拍后 30 日内
])
def test_a_second_round_breaking_a_rule_names_its_article(kw, article):
    problems = _round2(**kw)
    assert len(problems) == 1 and article in problems[0], problems


def test_a_second_round_after_an_unlawful_first_names_article_10():
    problems = _round2(previous_opening_price="600000")
    assert problems and "第十条" in problems[0]


def test_a_sale_after_two_failures_has_no_price_rule_but_24_hours():
    assert _plan(auction_round="sale", opening_price=None, deposit=None, notice_on=None) == []


# ---- 分配方案（民诉解释 第五百零八条） --------------------------------------------------------------

def _sum(d):
    return sum((s.amount for s in d.shares), D("0")) + d.surplus


@pytest.mark.parametrize("money, claims, expected, surplus", [
    # 执行费用先付，担保债权以担保物价值为限优先，余额按比例
    ("100000", [Claim("fee", "cost", D("2000")), Claim("bank", "priority", D("50000"), secured=D("30000")),
                Claim("a", "ordinary", D("60000"))],
     {"fee": D("2000"), "bank": D("30000") + D("17000.00"), "a": D("51000.00")}, D("0")),
    # 按比例：100 元分给 3 个各 100 元的债权，每人 33.33，尾数 0.01 归最大（并列取第一个）
    ("100", [Claim("a", "ordinary", D("100")), Claim("b", "ordinary", D("100")), Claim("c", "ordinary", D("100"))],
     {"a": D("33.34"), "b": D("33.33"), "c": D("33.33")}, D("0")),
    # 钱够全部清偿：余额退还被执行人
    ("1000", [Claim("a", "ordinary", D("300")), Claim("b", "ordinary", D("200"))],
     {"a": D("300"), "b": D("200")}, D("500")),
    # 钱不够执行费用：只付执行费用
    ("50", [Claim("fee", "cost", D("100")), Claim("a", "ordinary", D("100"))], {"fee": D("50"), "a": D("0")}, D("0")),
    # 优先债权按顺位
    ("1000", [Claim("second", "priority", D("800"), rank=2), Claim("first", "priority", D("800"), rank=1)],
     {"first": D("800"), "second": D("200")}, D("0")),
])
def test_distribution_table(money, claims, expected, surplus):
    d = distribute(money, claims)
    for ref, amount in expected.items():
        assert d.paid_to(ref) == amount, (ref, d)
    assert d.surplus == surplus
    assert _sum(d) == D(money)
    assert any("第五百零八条" in b for b in d.basis)


@pytest.mark.parametrize("money", ["0.01", "0.02", "1", "99999.99", "123456.78", "1000000"])
def test_shares_sum_to_the_money_and_never_exceed_a_claim(money):
    claims = [Claim("a", "ordinary", D("33333.33")), Claim("b", "ordinary", D("33333.33")),
              Claim("c", "ordinary", D("0.01")), Claim("d", "priority", D("5000"), secured=D("100"))]
    d = distribute(money, claims)
    assert _sum(d) == D(money)
    owed = {"a": D("33333.33"), "b": D("33333.33"), "c": D("0.01"), "d": D("5000")}
    for ref, cap in owed.items():
        assert d.paid_to(ref) <= cap
    assert all(s.amount == s.amount.quantize(D("0.01")) for s in d.shares)


@pytest.mark.parametrize("claims, message", [
    ([], "至少有一项"),
    ([Claim("a", "other", D("1"))], "债权类别"),
    ([Claim("a", "ordinary", D("1")), Claim("a", "ordinary", D("2"))], "只能列一项"),
    ([Claim("a", "ordinary", D("-1"))], "应大于零"),
])
def test_bad_claims_are_refused(claims, message):
    with pytest.raises(EnforcementError, match=message):
        distribute("100", claims)


def test_objection_to_a_plan_within_fifteen_days_article_509():
    assert plan_objection_until(date(2026, 5, 1)) == date(2026, 5, 16)
