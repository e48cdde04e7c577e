"""审理期限、延长、扣除（领域文档 §3.1、§3.2）。"""

from datetime import date, timedelta

import pytest

from xiezhi.law.periods import ChineseCalendarPackage
from xiezhi.law.timelimits import (
    DEDUCTION_KINDS,
    TRIAL_LIMITS,
    ExtensionNotAllowed,
    Interval,
    Span,
    TimeLimitError,
    check_extensions,
    compute_time_limit,
    deadline_state,
    extension_request_deadlines,
    max_extension_allowed,
)

CAL = ChineseCalendarPackage()

PROCEDURES = (
    "civil_ordinary",
    "civil_summary",
    "civil_small_claims",
    "civil_second_judgment",
    "civil_second_ruling",
    "civil_special",
    "civil_payment_order",  # 民事诉讼法 第二百二十七条
    "civil_public_summons",  # 民事诉讼法 第二百三十条
    "admin_first",
    "admin_simplified",
    "admin_second",
    "criminal_first",
    "criminal_summary",
    "criminal_summary_long",
    "criminal_fast",
    "criminal_fast_long",
    "criminal_second",
    "enforcement",
    "enforcement_non_litigation",
)


def test_all_procedure_codes_present():
    assert set(TRIAL_LIMITS) == set(PROCEDURES)
    for rule in TRIAL_LIMITS.values():
        assert rule.basis and rule.label
        assert rule.category in ("civil", "administrative", "criminal", "enforcement")


@pytest.mark.parametrize(
    "procedure, filed, end",
    [
        ("civil_ordinary", date(2025, 1, 10), date(2025, 7, 10)),  # 民事诉讼法 第一百五十二条 6 个月
        ("civil_ordinary", date(2025, 8, 31), date(2026, 2, 28)),  # 对应日不存在 → 月末（民法典 第二百零二条）
        ("civil_summary", date(2025, 1, 31), date(2025, 4, 30)),  # 第一百六十四条 3 个月
        ("civil_small_claims", date(2025, 3, 3), date(2025, 5, 3)),  # 第一百六十八条 2 个月
        ("civil_second_judgment", date(2025, 3, 3), date(2025, 6, 3)),  # 第一百八十三条第一款 3 个月
        ("civil_second_ruling", date(2025, 3, 3), date(2025, 4, 2)),  # 第一百八十三条第二款 30 日
        ("civil_special", date(2025, 3, 3), date(2025, 4, 2)),  # 第一百八十七条 30 日
        ("admin_first", date(2025, 3, 3), date(2025, 9, 3)),  # 行政诉讼法 第八十一条 6 个月
        ("admin_simplified", date(2025, 3, 3), date(2025, 4, 17)),  # 行政诉讼法 第八十三条 45 日
        ("admin_second", date(2025, 3, 3), date(2025, 6, 3)),  # 行政诉讼法 第八十八条 3 个月
        ("criminal_first", date(2025, 3, 3), date(2025, 5, 3)),  # 刑事诉讼法 第二百零八条 2 个月
        ("criminal_summary", date(2025, 3, 3), date(2025, 3, 23)),  # 第二百二十条 20 日
        ("criminal_summary_long", date(2025, 3, 3), date(2025, 4, 18)),  # 一个半月 = 1 个月 + 15 日
        ("criminal_fast", date(2025, 3, 3), date(2025, 3, 13)),  # 第二百二十五条 10 日
        ("criminal_fast_long", date(2025, 3, 3), date(2025, 3, 18)),  # 15 日
        ("criminal_second", date(2025, 3, 3), date(2025, 5, 3)),  # 第二百四十三条 2 个月
        ("enforcement", date(2025, 3, 3), date(2025, 9, 3)),  # 审限规定 第五条 6 个月
        ("enforcement_non_litigation", date(2025, 3, 3), date(2025, 6, 3)),  # 3 个月
    ],
)
def test_base_limits(procedure, filed, end):
    """各程序法定审限；立案当日不计入（民诉解释 第二百四十三条、审限规定 第八条）。"""
    st = compute_time_limit(procedure, filed, today=filed)
    assert st.limit_end == end
    assert st.nominal_end == end
    assert st.days_total_limit == (end - filed).days
    assert st.days_used == 0
    assert not st.overdue


def test_limit_rule_months_days_properties():
    assert TRIAL_LIMITS["civil_ordinary"].months == 6
    assert TRIAL_LIMITS["civil_special"].days == 30


def test_counting_and_overdue():
    """民诉解释 第二百四十三条：自立案之日起至宣判、调解书送达之日止。"""
    st = compute_time_limit("civil_ordinary", date(2025, 1, 10), today=date(2025, 3, 1))
    assert st.days_used == 50
    assert st.days_left == (date(2025, 7, 10) - date(2025, 3, 1)).days
    assert st.days_total_limit == 181
    # 届满当日不算超期，次日超期
    assert not compute_time_limit("civil_ordinary", date(2025, 1, 10), today=date(2025, 7, 10)).overdue
    late = compute_time_limit("civil_ordinary", date(2025, 1, 10), today=date(2025, 7, 11))
    assert late.overdue and late.days_left == -1


def test_closed_on_is_reference():
    st = compute_time_limit(
        "civil_summary", date(2025, 1, 10), closed_on=date(2025, 4, 15), today=date(2025, 12, 31)
    )
    assert st.closed and st.overdue and st.reference_date == date(2025, 4, 15)
    ok = compute_time_limit("civil_summary", date(2025, 1, 10), closed_on=date(2025, 4, 10), today=date(2025, 12, 31))
    assert not ok.overdue
    assert deadline_state(ok, 30) == "ok"  # 已按期结案
    with pytest.raises(TimeLimitError):
        compute_time_limit("civil_summary", date(2025, 1, 10), closed_on=date(2025, 1, 9))


@pytest.mark.parametrize(
    "procedure, extensions, end",
    [
        # 普通程序：院长批准延长 6 个月（民事诉讼法 第一百五十二条）
        ("civil_ordinary", [{"months": 6}], date(2026, 1, 10)),
        # 再报上级法院批准延长 3 个月（审限规定 第二条 ⚠）
        ("civil_ordinary", [{"months": 6}, {"months": 3}], date(2026, 4, 10)),
        # 二元组形式
        ("civil_ordinary", [("months", 6)], date(2026, 1, 10)),
        # 简易程序延长 1 个月，累计 4 个月（民诉解释 第二百五十八条）
        ("civil_summary", [Span(months=1)], date(2025, 5, 10)),
        # 特别程序延长 30 日
        ("civil_special", [{"days": 30}], date(2025, 3, 11)),
    ],
)
def test_extensions(procedure, extensions, end):
    """已批准的延长计入届满日；月份合并后按对应日计算。"""
    st = compute_time_limit(procedure, date(2025, 1, 10), extensions=extensions, today=date(2025, 1, 10))
    assert st.limit_end == end


def test_extension_months_are_summed_before_applying():
    """1 月 31 日立案：3 个月 + 1 个月 = 4 个月 → 5 月 31 日（不是 4-30 再加 1 个月得 5-30）。"""
    st = compute_time_limit("civil_summary", date(2025, 1, 31), extensions=[{"months": 1}], today=date(2025, 2, 1))
    assert st.limit_end == date(2025, 5, 31)


def test_deductions_merge_overlaps():
    """审限规定 第九条；民诉解释 第二百四十三条：扣除期间不计入，重叠部分只扣一次。"""
    ds = [
        Interval(date(2025, 3, 1), date(2025, 3, 31), "appraisal"),  # 30 日
        Interval(date(2025, 3, 20), date(2025, 4, 5), "jurisdiction_objection"),  # 与上一区间重叠
        Interval(date(2025, 5, 1), date(2025, 5, 31), "public_notice"),  # 30 日公告期
    ]
    st = compute_time_limit("civil_ordinary", date(2025, 1, 10), deductions=ds, today=date(2025, 6, 10))
    assert st.deducted_days == 35 + 30
    assert st.limit_end == date(2025, 7, 10) + timedelta(days=65) == date(2025, 9, 13)
    assert st.days_used == (date(2025, 6, 10) - date(2025, 1, 10)).days - 65
    assert "审限扣除" in st.basis


def test_open_deduction_counts_up_to_today():
    """未结束的扣除（如鉴定尚未完成）计算到今天。"""
    ds = [Interval(date(2025, 3, 1), None, "appraisal")]
    st = compute_time_limit("civil_summary", date(2025, 1, 10), deductions=ds, today=date(2025, 3, 11))
    assert st.deducted_days == 10
    assert st.limit_end == date(2025, 4, 20)
    assert st.days_used == (date(2025, 3, 1) - date(2025, 1, 10)).days


def test_deduction_before_filing_is_clipped():
    ds = [Interval(date(2025, 1, 1), date(2025, 1, 20), "settlement")]
    st = compute_time_limit("civil_summary", date(2025, 1, 10), deductions=ds, today=date(2025, 2, 1))
    assert st.deducted_days == 10


def test_deduction_after_today_counted_for_end_but_not_used_days():
    ds = [Interval(date(2025, 2, 1), date(2025, 3, 3), "public_notice")]  # 30 日公告期，尚未届满
    st = compute_time_limit("civil_summary", date(2025, 1, 10), deductions=ds, today=date(2025, 2, 11))
    assert st.deducted_days == 30
    assert st.days_used == (date(2025, 2, 1) - date(2025, 1, 10)).days


@pytest.mark.parametrize("kind", sorted(DEDUCTION_KINDS))
def test_interval_basis_filled(kind):
    iv = Interval(date(2025, 1, 1), date(2025, 1, 2), kind)
    assert iv.basis == DEDUCTION_KINDS[kind][1]
    assert iv.label == DEDUCTION_KINDS[kind][0]


@pytest.mark.parametrize(
    "args",
    [
        (date(2025, 1, 2), date(2025, 1, 1), "appraisal"),  # 结束早于开始
        (date(2025, 1, 1), None, "holiday"),  # 不认识的类型
    ],
)
def test_interval_validation(args):
    with pytest.raises(TimeLimitError):
        Interval(*args)


def test_civil_summary_to_ordinary_counts_from_filing():
    """民诉解释 第二百五十八条第三款：转普通程序的，审限自立案之日计算。"""
    st = compute_time_limit(
        "civil_summary", date(2025, 1, 10), converted=[(date(2025, 3, 1), "civil_ordinary")], today=date(2025, 3, 2)
    )
    assert st.procedure == "civil_ordinary"
    assert st.start == date(2025, 1, 10)
    assert st.limit_end == date(2025, 7, 10)
    assert "第二百五十八条" in st.basis


def test_small_claims_to_summary_to_ordinary():
    """小额诉讼 → 简易程序其他规定 → 普通程序，仍自立案之日计算（民诉解释 第二百八十一条、第二百五十八条）。"""
    st = compute_time_limit(
        "civil_small_claims",
        date(2025, 1, 10),
        converted=[(date(2025, 4, 1), "civil_ordinary"), (date(2025, 2, 1), "civil_summary")],
        today=date(2025, 4, 2),
    )
    assert st.procedure == "civil_ordinary" and st.limit_end == date(2025, 7, 10)


def test_criminal_summary_to_ordinary_counts_from_conversion():
    """刑诉解释 第三百六十八条：转为普通程序的，审限自决定之日起计算。"""
    st = compute_time_limit(
        "criminal_summary", date(2025, 3, 1), converted=[(date(2025, 3, 15), "criminal_first")], today=date(2025, 3, 16)
    )
    assert st.start == date(2025, 3, 15)
    assert st.limit_end == date(2025, 5, 15)
    assert "第三百六十八条" in st.basis


def test_criminal_fast_to_summary_counts_from_conversion():
    """刑诉解释 第三百七十六条。"""
    st = compute_time_limit(
        "criminal_fast", date(2025, 3, 1), converted=[(date(2025, 3, 5), "criminal_summary")], today=date(2025, 3, 6)
    )
    assert st.limit_end == date(2025, 3, 25)


def test_criminal_restart_after_supplementary_investigation():
    """刑事诉讼法 第二百零八条第三款：补充侦查完毕移送后重新计算审限。"""
    st = compute_time_limit("criminal_first", date(2025, 3, 1), restarted_on=date(2025, 5, 1), today=date(2025, 5, 2))
    assert st.limit_end == date(2025, 7, 1)
    with pytest.raises(TimeLimitError):
        compute_time_limit("civil_ordinary", date(2025, 3, 1), restarted_on=date(2025, 5, 1))


@pytest.mark.parametrize(
    "procedure, converted",
    [
        ("civil_summary", [(date(2025, 3, 1), "criminal_first")]),  # 跨类别
        ("civil_summary", [(date(2025, 1, 1), "civil_ordinary")]),  # 早于立案
        ("civil_summary", [(date(2025, 3, 1), "nope")]),
    ],
)
def test_bad_conversions(procedure, converted):
    with pytest.raises(TimeLimitError):
        compute_time_limit(procedure, date(2025, 1, 10), converted=converted)


def test_unknown_procedure():
    with pytest.raises(TimeLimitError, match="不认识的程序"):
        compute_time_limit("civil_fast", date(2025, 1, 10))


def test_rest_day_push_is_optional():
    """⚠ 审限届满日遇休假日是否顺延：calendar=None 不顺延；给出日历则顺延。"""
    plain = compute_time_limit("civil_summary", date(2025, 7, 1), today=date(2025, 7, 2))
    assert plain.limit_end == date(2025, 10, 1)
    pushed = compute_time_limit("civil_summary", date(2025, 7, 1), today=date(2025, 7, 2), calendar=CAL)
    assert pushed.limit_end == date(2025, 10, 9)
    assert pushed.nominal_end == date(2025, 10, 1)
    assert "顺延" in pushed.basis


def test_extension_request_deadlines():
    """延长审限规定 第一条：届满 15 日前申请，院长 5 日前决定。"""
    assert extension_request_deadlines(date(2025, 7, 10)) == (date(2025, 6, 25), date(2025, 7, 5))


@pytest.mark.parametrize(
    "procedure, so_far, amount, approver",
    [
        ("civil_ordinary", [], Span(months=6), "president"),  # 民事诉讼法 第一百五十二条
        ("civil_ordinary", [{"months": 6}], Span(months=3), "higher_court"),  # 审限规定 第二条 ⚠
        ("civil_ordinary", [{"months": 6}, {"months": 3}], None, "higher_court"),
        ("civil_summary", [], Span(months=1), "president"),  # 第一百六十四条
        ("civil_small_claims", [], Span(months=1), "president"),  # 第一百六十八条
        ("civil_second_judgment", [], Span(months=3), "president"),
        ("civil_second_ruling", [], None, "president"),  # 民诉解释 第三百三十九条
        ("civil_special", [], Span(days=30), "president"),
        ("admin_first", [], None, "high_court"),  # 行政诉讼法 第八十一条
        ("admin_second", [], None, "high_court"),
        ("criminal_first", [], Span(months=1), "president"),  # 至迟不超过三个月
        ("criminal_first", [{"months": 1}], Span(months=3), "higher_court"),  # 刑诉解释 第二百一十条
        ("criminal_first", [{"months": 1}, {"months": 3}], None, "spc"),
        ("criminal_second", [], Span(months=2), "high_court"),  # 刑事诉讼法 第二百四十三条
        ("enforcement", [], Span(months=3), "president"),  # 审限规定 第五条
        ("enforcement", [{"months": 3}], None, "high_court_record"),
        ("enforcement_non_litigation", [], Span(months=3), "president"),
    ],
)
def test_max_extension_allowed(procedure, so_far, amount, approver):
    assert max_extension_allowed(procedure, so_far) == (amount, approver)


@pytest.mark.parametrize(
    "procedure, so_far, message",
    [
        ("civil_summary", [{"months": 1}], "四个月|4个月"),  # 民诉解释 第二百五十八条：累计不超过 4 个月
        ("civil_summary", [{"months": 2}], "超过"),  # 一次延长超过 1 个月
        ("civil_small_claims", [{"months": 1}], "不能再延长"),  # 第一百六十八条只可延长一个月
        ("admin_simplified", [], "不能延长"),  # 行政诉讼法 第八十三条
        ("criminal_fast", [], "不能延长"),
        ("criminal_summary", [], "不能延长"),
        ("civil_ordinary", [{"months": 7}], "超过"),  # 院长只能批准 6 个月
    ],
)
def test_extension_not_allowed(procedure, so_far, message):
    with pytest.raises(ExtensionNotAllowed, match=message):
        max_extension_allowed(procedure, so_far)


def test_check_extensions_returns_spans():
    assert check_extensions("civil_ordinary", [{"months": 6, "approver": "院长"}]) == [Span(months=6)]


def test_custom_rules_override():
    """⚠ 幅度可配置：调用方可传入自己的规则表。"""
    from dataclasses import replace

    rules = dict(TRIAL_LIMITS)
    rules["civil_ordinary"] = replace(rules["civil_ordinary"], extensions=rules["civil_ordinary"].extensions[:1])
    assert max_extension_allowed("civil_ordinary", [{"months": 6}], rules=rules) == (None, "higher_court")


@pytest.mark.parametrize(
    "today, warn, state",
    [
        (date(2025, 6, 1), 15, "ok"),
        (date(2025, 6, 25), 15, "near"),
        (date(2025, 7, 10), 15, "near"),
        (date(2025, 7, 11), 15, "overdue"),
        (date(2025, 7, 10), 0, "near"),
        (date(2025, 7, 9), 0, "ok"),
    ],
)
def test_deadline_state(today, warn, state):
    st = compute_time_limit("civil_ordinary", date(2025, 1, 10), today=today)
    assert deadline_state(st, warn) == state


def test_deadline_state_rejects_bad_warn_days():
    st = compute_time_limit("civil_ordinary", date(2025, 1, 10), today=date(2025, 2, 1))
    with pytest.raises(TimeLimitError):
        deadline_state(st, -1)


@pytest.mark.parametrize("bad", [{"months": -1}, ("weeks", 2), "6 months", Span, {"months": 0}, {"months": "x"}, {"days": True}])
def test_bad_extension_values(bad):
    with pytest.raises((TimeLimitError, TypeError)):
        compute_time_limit("civil_ordinary", date(2025, 1, 10), extensions=[bad])


# ---------------------------------------------------------------------------
# issue 9 §1.5：各程序的审限
# ---------------------------------------------------------------------------

from xiezhi.law.timelimits import (  # noqa: E402
    check_public_notice,
    payment_order_objection_end,
)


@pytest.mark.parametrize(
    "public_notice, end",
    [
        (None, date(2025, 4, 2)),  # 立案 3-3 起 30 日
        ((date(2025, 3, 5), date(2025, 6, 5)), date(2025, 7, 5)),  # 宣告失踪公告三个月，期满后 30 日
    ],
)
def test_special_procedure_counts_from_filing_or_notice_end(public_notice, end):
    """民事诉讼法 第一百八十七条：特别程序自立案之日起三十日内或者公告期满后三十日内审结
    （公告见第一百九十二条、第二百零三条）。"""
    st = compute_time_limit("civil_special", date(2025, 3, 3), public_notice=public_notice, today=date(2025, 3, 4))
    assert st.limit_end == end
    assert "第一百八十七条" in st.basis


def test_payment_order_issued_within_15_days_art_227():
    """民事诉讼法 第二百二十七条：受理之日起十五日内发出支付令；债务人收到后十五日内清偿或异议。"""
    st = compute_time_limit("civil_payment_order", date(2025, 3, 3), today=date(2025, 3, 4))
    assert st.limit_end == date(2025, 3, 18)
    assert "第二百二十七条" in st.basis

    class Cal:
        def is_rest_day(self, d):
            return d.weekday() >= 5

    # 收到支付令 2025-03-07（周五），十五日后 3-22 为周六，顺延至 3-24（第八十五条）
    assert payment_order_objection_end(date(2025, 3, 7), Cal()) == date(2025, 3, 24)


def test_public_summons_needs_60_days_and_judges_after_art_230():
    """民事诉讼法 第二百三十条：公示催告期间不得少于六十日；期满后才能判决，法律未规定审限。"""
    with pytest.raises(TimeLimitError, match="六十日"):
        check_public_notice(date(2025, 3, 5), date(2025, 5, 1), "civil_public_summons")
    st = compute_time_limit("civil_public_summons", date(2025, 3, 3),
                            public_notice=(date(2025, 3, 5), date(2025, 5, 4)), today=date(2026, 1, 1))
    assert st.unlimited and st.limit_end is None and not st.overdue
    assert st.earliest_judgment_on == date(2025, 5, 5)
    assert "第二百三十条" in st.basis


@pytest.mark.parametrize("procedure", ["civil_ordinary", "civil_summary", "civil_second_judgment"])
def test_foreign_related_civil_cases_have_no_limit_art_287(procedure):
    """民事诉讼法 第二百八十七条；审限规定 第二条（涉港澳台参照涉外）：不受审限限制，从不超期。"""
    st = compute_time_limit(procedure, date(2020, 1, 1), foreign_related=True, today=date(2025, 1, 1))
    assert st.unlimited and st.limit_end is None and st.overdue is False
    assert deadline_state(st, 15) == "unlimited"
    assert "第二百八十七条" in st.basis


def test_foreign_related_criminal_case_keeps_its_limit():
    """民事诉讼法 第二百八十七条只管民事案件：涉外刑事案件仍按刑事诉讼法 第二百零八条计算。"""
    st = compute_time_limit("criminal_first", date(2025, 1, 1), foreign_related=True, today=date(2025, 6, 1))
    assert not st.unlimited and st.overdue


@pytest.mark.parametrize(
    "category, apply_by, decide_by",
    [
        ("civil", date(2025, 6, 15), date(2025, 6, 25)),  # 延长审限规定 第一条：15 / 5 日
        ("criminal", date(2025, 6, 23), date(2025, 6, 27)),  # 审限规定 第十一条、第十四条：7 / 3 日
        ("criminal_private", date(2025, 6, 20), date(2025, 6, 29)),  # 第十一条：10 日，院长届满前
        ("administrative", date(2025, 6, 20), date(2025, 6, 27)),  # 第十三条、第十四条：10 / 3 日
    ],
)
def test_extension_request_schedule_by_category(category, apply_by, decide_by):
    """审限规定 第十一条、第十三条、第十四条：刑事、行政延长审限的申请与决定时点不同于民事的 15/5 日。"""
    assert extension_request_deadlines(date(2025, 6, 30), category) == (apply_by, decide_by)


def test_extension_granted_before_conversion_is_dropped_by_the_law():
    """民诉解释 第二百五十八条第三款：转为普通程序的，审限自立案之日计算，简易程序的延长不再计入。"""
    filed = date(2025, 1, 10)
    st = compute_time_limit(
        "civil_summary", filed,
        extensions=[{"months": 1, "approved_on": date(2025, 3, 20)}, {"months": 6, "approved_on": date(2025, 8, 1)}],
        converted=[(date(2025, 4, 1), "civil_ordinary")], today=date(2025, 4, 2),
    )
    assert st.dropped_extensions == 1
    assert st.limit_end == date(2026, 1, 10)  # 6 个月 + 院长批准的 6 个月
    assert "第二百五十八条" in st.basis


def test_extension_approver_must_match_the_step():
    """民事诉讼法 第一百五十二条：第一次延长由本院院长批准，再延长报请上级人民法院批准。"""
    with pytest.raises(ExtensionNotAllowed, match="上一级人民法院"):
        check_extensions("civil_ordinary", [{"months": 6, "approver": "president"},
                                            {"months": 3, "approver": "president"}])
    check_extensions("civil_ordinary", [{"months": 6, "approver": "president"},
                                        {"months": 3, "approver": "higher_court"}])


@pytest.mark.parametrize("parties,kind", [
    ([("中国", "mainland"), ("中国", "mainland")], None),
    ([("中国", "mainland"), ("美国", "mainland")], "foreign"),  # 民诉解释 第五百二十条第（一）项
    ([("中国", "mainland"), ("中国", "abroad")], "foreign"),  # 第五百二十条第（二）项
    ([("中国", "mainland"), ("中国", "hk_macao_taiwan")], "hmt"),  # 第五百四十九条
    ([("", "mainland"), ("中华人民共和国", "mainland")], None),
    ([("美国", "mainland"), ("中国", "hk_macao_taiwan")], "foreign"),
])
def test_foreign_related_kind_from_the_parties_art_520_549(parties, kind):
    from xiezhi.law.timelimits import foreign_related_kind

    found = foreign_related_kind(parties)
    assert (found[0] if found else None) == kind
