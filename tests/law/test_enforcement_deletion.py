"""Deleting dishonest-debtor entries: three working days after the event or the end of the term
(失信规定 第十条第一款、第二款), the term's last day (第二条第一款; 民法典 第二百零二条), early deletion of a
fixed-term entry (第二条第二款) and the six-month bar after a deletion at the applicant's request
(第十条第四款)."""
from datetime import date

import pytest

from xiezhi.law import enforcement as law
from xiezhi.law.periods import StaticCalendar

# 2025: 国庆节、中秋节 10-01..10-08 rest, 09-28 (Sun) and 10-11 (Sat) make-up working days
CAL = StaticCalendar(holidays=[date(2025, 10, d) for d in range(1, 9)],
                     workdays=[date(2025, 9, 28), date(2025, 10, 11)])


@pytest.mark.parametrize("event_on, due, why", [
    (date(2025, 6, 2), date(2025, 6, 5), "第十条第一款：周一出现，事由当日不计入，周四为第三个工作日"),
    (date(2025, 6, 5), date(2025, 6, 10), "第十条第一款：周四出现，跳过周末"),
    (date(2025, 6, 7), date(2025, 6, 11), "第十条第一款：周六出现，周一起算"),
    (date(2025, 9, 29), date(2025, 10, 10), "第十条第一款：国庆假期不计入"),
    (date(2025, 9, 26), date(2025, 9, 30), "第十条第一款：调休上班日（9 月 28 日，周日）计入"),
    (date(2025, 10, 9), date(2025, 10, 13), "第十条第一款：调休上班日（10 月 11 日，周六）计入"),
])
def test_deletion_due_is_the_third_working_day_after_the_event(event_on, due, why):
    assert law.deletion_due(event_on, CAL) == due, why


def test_deletion_due_refuses_what_is_not_a_date():
    with pytest.raises(law.EnforcementError, match="日期"):
        law.deletion_due("2025-06-02", CAL)


class _AllRest:
    def is_rest_day(self, d):
        return True


def test_a_calendar_with_no_working_day_is_reported_not_looped():
    with pytest.raises(law.EnforcementError, match="工作日历"):
        law.deletion_due(date(2025, 1, 1), _AllRest())


@pytest.mark.parametrize("decided_on, years, end, why", [
    (date(2025, 3, 10), 2, date(2027, 3, 10), "第二条第一款：二年，对应日"),
    (date(2025, 3, 10), 5, date(2030, 3, 10), "第二条第一款：延长三年，共五年"),
    (date(2024, 2, 29), 2, date(2026, 2, 28), "民法典 第二百零二条：没有对应日的为月末日"),
])
def test_the_term_ends_on_the_corresponding_day(decided_on, years, end, why):
    assert law.dishonest_term_end(decided_on, years) == end, why


@pytest.mark.parametrize("years", [0, 1, 6, True, "2", None])
def test_a_term_outside_two_to_five_years_is_refused(years):
    with pytest.raises(law.EnforcementError, match="第二条第一款"):
        law.dishonest_term_end(date(2025, 3, 10), years)


@pytest.mark.parametrize("deleted_on, until", [
    (date(2025, 3, 10), date(2025, 9, 10)),
    (date(2025, 8, 31), date(2026, 2, 28)),
])
def test_the_six_month_bar_after_a_deletion_at_the_applicants_request(deleted_on, until):
    # 失信规定 第十条第四款
    assert law.reapplication_barred_until(deleted_on) == until


@pytest.mark.parametrize("term, event, ok, why", [
    ("until_deleted", 1, True, "第十条第一款第一项：已履行"),
    ("until_deleted", 3, True, "第十条第一款第三项：申请执行人书面申请"),
    ("until_deleted", 7, True, "第十条第一款第七项：终结执行"),
    ("until_deleted", law.EARLY_DELETION, False, "第二条第二款只用于有纳入期限的"),
    ("fixed", 1, False, "第十条第二款：有纳入期限的，不适用前款"),
    ("fixed", law.EARLY_DELETION, True, "第二条第二款：积极履行或主动纠正，提前删除"),
    ("until_deleted", 0, False, "没有第零项"),
    ("until_deleted", 9, False, "没有第九项"),
    ("until_deleted", True, False, "不是编号"),
])
def test_which_deletion_event_applies_to_which_entry(term, event, ok, why):
    assert (law.deletion_problem(term, event) is None) == ok, why


def test_each_deletion_event_names_its_article():
    assert law.deletion_basis(4).startswith("失信规定 第十条第一款第四项（终结本次执行程序后")
    assert law.deletion_basis(law.EARLY_DELETION).startswith("失信规定 第二条第二款")
    assert len(law.DELETION_EVENTS) == 7
