"""State judicial assistance (国家司法救助): the categories of 司救意见 第三条 (items 1–4 ☑, 5–8 ⚠ configurable), the cap
of 36 months of the province's previous-year monthly average wage and never above the compensation ordered, approval
within 10 working days and notice within 2 working days of the funds (2015 central opinion), one aid per applicant per
case (第一条、第二条), and the 司救 case-type codes (案号规定)."""
from datetime import date
from decimal import Decimal

import pytest

from xiezhi.law import assistance as law
from xiezhi.law.periods import StaticCalendar

# 2025: 国庆节、中秋节 10-01..10-08 rest, 09-28 (Sun) and 10-11 (Sat) make-up working days
CAL = StaticCalendar(holidays=[date(2025, 10, d) for d in range(1, 9)],
                     workdays=[date(2025, 9, 28), date(2025, 10, 11)])


@pytest.mark.parametrize("category, enabled, ok, why", [
    (1, None, True, "第三条第（一）项"),
    (4, None, True, "第三条第（四）项"),
    (8, None, True, "第三条第（八）项：默认八项全部开放"),
    (6, {1, 2, 3, 4}, False, "第三条第（六）项 ⚠：本院未开放"),
    (6, {1, 2, 3, 4, 6}, True, "第三条第（六）项：本院配置开放"),
    (9, None, False, "第三条只有八项"),
    (True, None, False, "布尔值不是类别"),
])
def test_eligible_categories(category, enabled, ok, why):
    assert (law.category_problem(category, enabled=enabled) is None) is ok, why


def test_the_table_marks_items_five_to_eight_as_unverified():
    assert {n for n, (_, mark) in law.CATEGORIES.items() if mark == "⚠"} == {5, 6, 7, 8}
    assert law.category_basis(3).startswith("司救意见 第三条第（三）项")
    with pytest.raises(law.AssistanceError, match="第三条"):
        law.category_basis(0)


WAGES = {("110000", 2024): "11297.00", ("130000", 2024): Decimal("7500")}


@pytest.mark.parametrize("province, applied_on, wage", [
    ("110000", date(2025, 3, 1), Decimal("11297.00")),  # 上一年度
    ("130000", date(2025, 12, 31), Decimal("7500")),
])
def test_the_wage_base_is_the_provinces_previous_year(province, applied_on, wage):
    assert law.wage_base(WAGES, province, applied_on) == wage, "司救意见：所在省上一年度职工月平均工资"


@pytest.mark.parametrize("province, applied_on", [("110000", date(2026, 1, 5)), ("440000", date(2025, 3, 1))])
def test_a_missing_wage_base_is_refused(province, applied_on):
    with pytest.raises(law.AssistanceError, match="尚未配置"):
        law.wage_base(WAGES, province, applied_on)


@pytest.mark.parametrize("wage, months, compensation, amount, exceptional, ok, why", [
    ("7500", 36, None, "270000", False, True, "司救意见：36 个月 = 270000 元，等于上限"),
    ("7500", 36, None, "270000.01", False, False, "司救意见：超过一般上限"),
    ("7500", 24, None, "180001", False, False, "上限月数可配置：24 个月"),
    ("7500", 36, "400000", "350000", True, True, "特别困难可以突破，未超过应当判决的赔偿数额"),
    ("7500", 36, "300000", "350000", True, False, "不得超过应当判决的赔偿数额"),
    ("7500", 36, "200000", "250000", False, False, "低于一般上限也不得超过赔偿数额"),
    ("7500", 36, None, "350000", True, False, "突破须先知道赔偿数额"),
    ("7500", 36, None, "0", False, False, "救助金额应大于零"),
])
def test_the_amount_cap(wage, months, compensation, amount, exceptional, ok, why):
    cap = law.aid_cap(wage, months=months, compensation=compensation)
    assert cap.normal_cap == Decimal(wage) * months
    assert (law.amount_problem(amount, cap, exceptional=exceptional) is None) is ok, why


@pytest.mark.parametrize("kwargs, message", [
    ({"monthly_wage": 7500.0}, "浮点数"),
    ({"monthly_wage": "abc"}, "有效的金额"),
    ({"monthly_wage": "-1"}, "非负"),
    ({"monthly_wage": "0"}, "大于零"),
    ({"monthly_wage": "7500", "months": 0}, "月数"),
    ({"monthly_wage": "7500", "months": True}, "月数"),
    ({"monthly_wage": "7500", "compensation": "x"}, "赔偿数额"),
])
def test_bad_cap_input_is_refused_in_chinese(kwargs, message):
    with pytest.raises(law.AssistanceError, match=message):
        law.aid_cap(**kwargs)


@pytest.mark.parametrize("applied_on, due, why", [
    (date(2025, 6, 2), date(2025, 6, 16), "十个工作日：周一收到，两周后的周一"),
    (date(2025, 9, 26), date(2025, 10, 16), "国庆假期不计入，调休上班日 09-28、10-11 计入（第 1、6 个工作日）"),
])
def test_approval_within_ten_working_days(applied_on, due, why):
    assert law.approval_due(applied_on, CAL) == due, why


@pytest.mark.parametrize("arrived_on, due, why", [
    (date(2025, 6, 5), date(2025, 6, 9), "两个工作日：周四到位，周五、周一"),
    (date(2025, 9, 29), date(2025, 10, 9), "国庆假期不计入"),
    (date(2025, 10, 9), date(2025, 10, 11), "调休上班日（10-11，周六）计入"),
])
def test_notice_within_two_working_days_of_the_funds(arrived_on, due, why):
    assert law.notice_due(arrived_on, CAL) == due, why


class _AllRest:
    def is_rest_day(self, d):
        return True


def test_working_day_counting_refuses_bad_input():
    with pytest.raises(law.AssistanceError, match="日期"):
        law.approval_due("2025-06-02", CAL)
    with pytest.raises(law.AssistanceError, match="工作日历"):
        law.notice_due(date(2025, 6, 2), _AllRest())


@pytest.mark.parametrize("applicant, case, prior, ok", [
    ("p1", "c1", [], True),
    ("p1", "c1", [("p1", "c2"), ("p2", "c1")], True),
    ("p1", "c1", [("p1", "c1")], False),
])
def test_one_aid_per_applicant_per_case(applicant, case, prior, ok):
    problem = law.repeat_problem(applicant, case, prior)
    assert (problem is None) is ok, "司救意见 第一条、第二条"
    if not ok:
        assert "只救助一次" in problem


def test_repeat_check_needs_applicant_and_case():
    with pytest.raises(law.AssistanceError, match="申请人"):
        law.repeat_problem(None, "c1", [])


@pytest.mark.parametrize("source, code", [
    ("civil", "司救民"), ("criminal", "司救刑"), ("enforcement", "司救执"), ("petition", "司救访"),
    ("administrative", "司救行"), ("compensation", "司救赔"), ("other", "司救他"),
])
def test_case_type_codes(source, code):
    assert law.case_type_code(source) == code, "案号规定：司法救助案件类型代字"


def test_an_unknown_source_is_refused():
    with pytest.raises(law.AssistanceError, match="原案件类别"):
        law.case_type_code("labour")
