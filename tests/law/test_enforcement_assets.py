"""财产调查（xiezhi.law.enforcement_assets）：财产调查规定 第二条（线索七日内核实，紧急的三日内）、第三条至第六条
（报告财产令的报告期限、收到执行通知之日前一年起的财产变动）、第八条（报告后十日内补充报告）、第九条与民事诉讼法
第一百一十八条（罚款、拘留的幅度）。"""
from datetime import date
from decimal import Decimal

import pytest

from xiezhi.law import enforcement_assets as law

D = date.fromisoformat


@pytest.mark.parametrize("submitted, urgent, due, days", [
    # 第二条：人民法院应当在七日内调查核实
    ("2026-03-02", False, "2026-03-09", 7),
    # 第二条：情况紧急的，应当在三日内调查核实
    ("2026-03-02", True, "2026-03-05", 3),
    # 日历日，跨月
    ("2026-01-29", False, "2026-02-05", 7),
    ("2026-02-27", True, "2026-03-02", 3),
])
def test_clue_due_art_2(submitted, urgent, due, days):
    got = law.clue_due_on(D(submitted), urgent)
    assert (got.due_on, got.days) == (D(due), days)
    assert got.basis == "财产调查规定 第二条"


@pytest.mark.parametrize("notice, days, due, changes_from", [
    # 第三条、第四条：报告财产令载明报告期限（样式默认五日）；第六条：收到执行通知之日前一年
    ("2026-03-10", 5, "2026-03-15", "2025-03-10"),
    ("2026-03-10", 10, "2026-03-20", "2025-03-10"),
    # 前一年没有2月29日
    ("2028-02-29", 5, "2028-03-05", "2027-02-28"),
])
def test_report_period_arts_3_to_6(notice, days, due, changes_from):
    p = law.report_period(D(notice), days)
    assert (p.due_on, p.changes_from) == (D(due), D(changes_from))


@pytest.mark.parametrize("days", [0, 31])
def test_report_period_bounds(days):
    with pytest.raises(ValueError):
        law.report_period(D("2026-03-10"), days)


def test_supplement_within_ten_days_art_8():
    assert law.supplement_due_on(D("2026-04-25")) == D("2026-05-05")


@pytest.mark.parametrize("due, received, late", [
    ("2026-03-15", "2026-03-15", False),  # the last day is still in time
    ("2026-03-15", "2026-03-16", True),
])
def test_late_report_art_9(due, received, late):
    assert law.is_late(D(due), D(received)) is late


@pytest.mark.parametrize("kind, org, amount, days, ok", [
    # 民事诉讼法 第一百一十八条：对个人的罚款十万元以下
    ("fine", False, Decimal("100000"), None, True),
    ("fine", False, Decimal("100000.01"), None, False),
    # 对单位五万元以上一百万元以下
    ("fine", True, Decimal("50000"), None, True),
    ("fine", True, Decimal("49999"), None, False),
    ("fine", True, Decimal("1000001"), None, False),
    # 拘留十五日以下
    ("detention", False, None, 15, True),
    ("detention", False, None, 16, False),
    ("detention", False, None, 0, False),
    ("other", False, None, None, False),
])
def test_sanction_bounds_art_118(kind, org, amount, days, ok):
    assert (law.sanction_problem(kind, organisation=org, amount=amount, days=days) == "") is ok
