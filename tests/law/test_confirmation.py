"""Judicial confirmation (司法确认): the 30-day joint application (民事诉讼法 第二百零五条), the court to apply to
(第二百零五条第（一）项、第（二）项), the 15 (+10) day target (司法确认规定 第五条) under the 30-day special-procedure
limit (民事诉讼法 第一百八十七条), no fee (交费办法 第八条第（一）项) and the set-aside period, one year (司法确认规定
第十条) or six months (民诉解释 第三百七十二条) as configured."""
from datetime import date

import pytest

from xiezhi.law import confirmation as law
from xiezhi.law.periods import StaticCalendar

CAL = StaticCalendar(holidays=[date(2025, 10, d) for d in range(1, 9)],
                     workdays=[date(2025, 9, 28), date(2025, 10, 11)])


@pytest.mark.parametrize("effective_on, end, why", [
    (date(2025, 6, 2), date(2025, 7, 2), "第二百零五条：生效之日起三十日"),
    (date(2025, 9, 1), date(2025, 10, 9), "第二百零五条；第八十五条第三款：10-01 是国庆假期，顺延"),
    (date(2025, 5, 3), date(2025, 6, 2), "第八十五条第三款：06-02 是周一，不顺延"),
    (date(2025, 5, 9), date(2025, 6, 9), "第八十五条第三款：06-08 是周日，顺延至周一"),
])
def test_the_joint_application_window(effective_on, end, why):
    d = law.application_deadline(effective_on, calendar=CAL)
    assert d.end == end, why
    assert "第二百零五条" in d.basis[0]


@pytest.mark.parametrize("kwargs, courts, level, cite", [
    ({"origin": "court_invited", "inviting_court": "J1101"}, ("J1101",), "inviting", "第（一）项"),
    ({"origin": "self_organised", "party_domicile_courts": ["A", "B"], "object_court": "C", "organisation_court": "A"},
     ("A", "B", "C"), "basic", "第（二）项"),
    ({"origin": "self_organised", "organisation_court": "D"}, ("D",), "basic", "调解组织所在地"),
    ({"origin": "self_organised", "party_domicile_courts": "E", "intermediate": True}, ("E",), "intermediate", "中级人民法院"),
])
def test_which_court_confirms(kwargs, courts, level, cite):
    v = law.confirmation_venue(**kwargs)
    assert (v.courts, v.level) == (courts, level), "民事诉讼法 第二百零五条"
    assert "第二百零五条" in v.basis and cite in v.basis


@pytest.mark.parametrize("kwargs, message", [
    ({"origin": "court_invited"}, "作出邀请"),
    ({"origin": "self_organised"}, "至少填写"),
    ({"origin": "arbitration"}, "调解来源"),
])
def test_a_venue_without_a_court_is_refused(kwargs, message):
    with pytest.raises(law.ConfirmationError, match=message):
        law.confirmation_venue(**kwargs)


@pytest.mark.parametrize("accepted_on, extended, target, legal, why", [
    (date(2025, 6, 2), False, date(2025, 6, 17), date(2025, 7, 2), "司法确认规定 第五条：十五日；第一百八十七条：三十日"),
    (date(2025, 6, 2), True, date(2025, 6, 27), date(2025, 7, 2), "司法确认规定 第五条：院长批准延长十日"),
    (date(2025, 9, 16), False, date(2025, 10, 9), date(2025, 10, 16), "第八十五条第三款：目标日 10-01 顺延"),
])
def test_the_decision_clock(accepted_on, extended, target, legal, why):
    c = law.decision_clock(accepted_on, extended=extended, calendar=CAL)
    assert (c.target_end, c.legal_end) == (target, legal), why
    assert c.target_end <= c.legal_end
    assert any("第五条" in b for b in c.basis) and any("第一百八十七条" in b for b in c.basis)


def test_the_decision_clock_refuses_bad_input():
    with pytest.raises(law.ConfirmationError, match="日期"):
        law.decision_clock("2025-06-02", calendar=CAL)
    with pytest.raises(law.ConfirmationError, match="院长"):
        law.decision_clock(date(2025, 6, 2), extended="yes", calendar=CAL)
    with pytest.raises(law.ConfirmationError, match="日期"):
        law.application_deadline(None, calendar=CAL)


def test_no_fee():
    amount, basis = law.confirmation_fee()
    assert amount == 0
    assert "第八条第（一）项" in basis and "第十一条" in basis


@pytest.mark.parametrize("rule, knew_on, end, cite", [
    ("2011_rules", date(2025, 3, 10), date(2026, 3, 10), "司法确认规定 第十条"),
    ("interpretation", date(2025, 3, 10), date(2025, 9, 10), "民诉解释 第三百七十二条"),
    ("interpretation", date(2025, 3, 31), date(2025, 9, 30), "民法典 第二百零二条：没有对应日的为月末日"),
    ("interpretation", date(2025, 4, 1), date(2025, 10, 9), "第八十五条第三款：10-01 顺延"),
])
def test_the_set_aside_period_is_a_configured_rule(rule, knew_on, end, cite):
    d = law.set_aside_deadline(knew_on, rule=rule, calendar=CAL)
    assert d.end == end, cite
    if "第二百零二条" not in cite and "第八十五条" not in cite:
        assert cite in d.basis[0]


@pytest.mark.parametrize("rule", ["", "one_year", None])
def test_an_unknown_set_aside_rule_is_refused(rule):
    with pytest.raises(law.ConfirmationError, match="第三百七十二条"):
        law.set_aside_deadline(date(2025, 3, 10), rule=rule, calendar=CAL)
