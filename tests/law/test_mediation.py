"""Invited mediation (特邀调解): the periods of 特邀调解规定 第二十七条 (委派 30 日; 委托 普通程序 15 日 / 简易程序 7 日;
extension by both parties' consent; the extension of 委托调解 not counted in the trial limit; counted from the
mediator's signed acceptance), online mediation from acceptance on the platform (在线调解规则 第二十四条), the grounds
to end a mediation (第二十六条) and the roles a mediator may not take later (第十六条)."""
from datetime import date

import pytest

from xiezhi.law import mediation as law
from xiezhi.law.periods import StaticCalendar
from xiezhi.law.timelimits import compute_time_limit

# 2025: 国庆节、中秋节 10-01..10-08 rest, 09-28 (Sun) and 10-11 (Sat) make-up working days
CAL = StaticCalendar(holidays=[date(2025, 10, d) for d in range(1, 9)],
                     workdays=[date(2025, 9, 28), date(2025, 10, 11)])


@pytest.mark.parametrize("kind, procedure, accepted_on, extensions, end, why", [
    ("delegated", None, date(2025, 6, 2), (), date(2025, 7, 2), "第二十七条第一款：委派调解三十日，接收日不计入"),
    ("entrusted", "ordinary", date(2025, 6, 2), (), date(2025, 6, 17), "第二十七条第二款：委托调解普通程序十五日"),
    ("entrusted", "summary", date(2025, 6, 2), (), date(2025, 6, 9), "第二十七条第二款：委托调解简易程序七日"),
    ("entrusted", "summary", date(2025, 6, 7), (), date(2025, 6, 16), "民事诉讼法 第八十五条第三款：最后一日周六顺延"),
    ("entrusted", "summary", date(2025, 9, 24), (), date(2025, 10, 9), "民事诉讼法 第八十五条第三款：国庆假期顺延"),
    ("entrusted", "ordinary", date(2025, 6, 2), (10,), date(2025, 6, 27), "第二十七条第二款：双方同意延长十日"),
    ("delegated", None, date(2025, 6, 2), (15, 15), date(2025, 8, 1), "第二十七条第一款：两次同意延长共三十日"),
])
def test_the_period_ends_on(kind, procedure, accepted_on, extensions, end, why):
    period = law.mediation_period(kind, accepted_on, procedure=procedure, extensions=extensions, calendar=CAL)
    assert period.end == end, why
    assert period.extension_days == sum(extensions)
    assert any("第二十七条" in b for b in period.basis)


def test_the_base_end_and_the_extension_span_are_reported():
    p = law.mediation_period("entrusted", date(2025, 9, 24), procedure="summary", extensions=[5], calendar=CAL)
    assert p.base_end == date(2025, 10, 9)  # 名义最后一日 10-01 顺延
    assert (p.extension_start, p.extension_end) == (date(2025, 10, 1), date(2025, 10, 6))
    assert p.end == date(2025, 10, 9)  # 10-06 仍在假期内，顺延
    assert any("不计入审理期限" in b for b in p.basis)


def test_online_mediation_cites_the_online_rules():
    p = law.mediation_period("delegated", date(2025, 6, 2), online=True, calendar=CAL)
    assert p.online and any("在线调解规则 第二十四条" in b for b in p.basis)
    assert p.end == date(2025, 7, 2)


@pytest.mark.parametrize("on, expired", [
    (date(2025, 6, 17), False),  # 届满日当天仍在期限内
    (date(2025, 6, 18), True),
    (date(2025, 6, 2), False),
])
def test_expired_the_day_after_the_end(on, expired):
    p = law.mediation_period("entrusted", date(2025, 6, 2), procedure="ordinary", calendar=CAL)
    assert law.expired(p, on) is expired, "特邀调解规定 第二十七条"


@pytest.mark.parametrize("kind, procedure, extensions, deducted, why", [
    ("entrusted", "ordinary", (10,), 10, "第二十七条第二款：延长的十日不计入审理期限"),
    ("entrusted", "summary", (3, 4), 7, "第二十七条第二款：两次延长共七日不计入"),
    ("entrusted", "ordinary", (), 0, "法定十五日计入审限，没有延长就没有扣除"),
    ("delegated", None, (10,), 0, "委派调解在立案前，没有审限可扣"),
])
def test_the_extension_of_entrusted_mediation_is_deducted_from_the_trial_limit(kind, procedure, extensions, deducted, why):
    filed = date(2025, 3, 3)
    p = law.mediation_period(kind, date(2025, 3, 10), procedure=procedure, extensions=extensions, calendar=CAL)
    interval = law.trial_limit_deduction(p)
    plain = compute_time_limit("civil_summary", filed, today=date(2025, 4, 30))
    with_it = compute_time_limit("civil_summary", filed, today=date(2025, 4, 30),
                                 deductions=[interval] if interval else [])
    assert with_it.deducted_days == deducted, why
    assert (with_it.limit_end - plain.limit_end).days == deducted, why
    if interval:
        assert interval.kind == "entrusted_mediation" and "第二十七条" in interval.basis


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "entrusted", "procedure": None}, "普通程序"),
    ({"kind": "entrusted", "procedure": "small_claims"}, "简易程序"),
    ({"kind": "invited"}, "调解类型"),
    ({"kind": "delegated", "accepted_on": "2025-06-02"}, "日期"),
    ({"kind": "delegated", "extensions": (0,)}, "正整数"),
    ({"kind": "delegated", "extensions": (True,)}, "正整数"),
    ({"kind": "delegated", "extensions": 10}, "分别列出"),
    ({"kind": "delegated", "extensions": (400,)}, "核对"),
])
def test_bad_input_is_refused_in_chinese(kwargs, message):
    args = {"accepted_on": date(2025, 6, 2), "calendar": CAL, **kwargs}
    kind, accepted_on = args.pop("kind"), args.pop("accepted_on")
    with pytest.raises(law.MediationError, match=message):
        law.mediation_period(kind, accepted_on, **args)


def test_expired_refuses_what_is_not_a_period_or_a_date():
    p = law.mediation_period("delegated", date(2025, 6, 2), calendar=CAL)
    with pytest.raises(law.MediationError, match="日期"):
        law.expired(p, "2025-07-03")
    with pytest.raises(law.MediationError, match="mediation_period"):
        law.expired(None, date(2025, 7, 3))
    with pytest.raises(law.MediationError, match="mediation_period"):
        law.trial_limit_deduction(None)


@pytest.mark.parametrize("ground, text", [
    (1, "第（一）项（当事人达成调解协议）"),
    (2, "第（二）项（一方当事人撤回调解请求或者明确表示不接受调解）"),
    (3, "第（三）项（特邀调解员认为双方分歧较大且难以达成调解协议）"),
    (4, "第（四）项（其他导致调解难以进行的情形）"),
])
def test_the_grounds_to_end_a_mediation(ground, text):
    assert law.end_ground_basis(ground) == "特邀调解规定 第二十六条" + text


@pytest.mark.parametrize("ground", [0, 5, True, "1", None])
def test_an_unlisted_ground_is_refused(ground):
    with pytest.raises(law.MediationError, match="第二十六条"):
        law.end_ground_basis(ground)


@pytest.mark.parametrize("role, mediated, barred", [
    ("juror", True, True), ("agent", True, True), ("witness", True, True), ("expert", True, True),
    ("interpreter", True, True), ("party", True, False), ("juror", False, False),
])
def test_a_mediator_may_not_later_act_in_the_case(role, mediated, barred):
    problem = law.mediator_bar_problem(role, mediated_this_case=mediated)
    assert (problem is not None) is barred, "特邀调解规定 第十六条"
    if barred:
        assert "第十六条" in problem


def test_a_missing_role_is_refused():
    with pytest.raises(law.MediationError, match="角色"):
        law.mediator_bar_problem("", mediated_this_case=True)
