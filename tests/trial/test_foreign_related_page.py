"""Marking a case foreign-related or Hong Kong/Macao/Taiwan-related from the case page
(民事诉讼法 第二百八十七条; 审限规定 第二条): the case then has no time limit and is never overdue;
a party domiciled abroad or in Hong Kong, Macao or Taiwan marks it at registration
(民诉解释 第五百二十条、第五百四十九条)."""
from django.test import Client

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.cases.models import DeadlineState
from xiezhi.trial import services as ts


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def test_the_judge_marks_a_case_hmt_related_on_its_page_and_it_has_no_limit(new_case, staff):
    case = new_case()
    ts.assign_random(staff["lian"], case, seed="1")
    case.refresh_from_db()
    judge = case.judge
    page = _client(judge).get(f"/staff/cases/{case.pk}/").content.decode()
    assert f"/staff/cases/{case.pk}/foreign-related/" in page
    r = _client(judge).post(f"/staff/cases/{case.pk}/foreign-related/", {"kind": "hmt", "reason": "被告住所在香港"})
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.limit_end is None and case.deadline_state == DeadlineState.UNLIMITED
    assert case.events.filter(code="foreign_related_set", payload__kind="hmt").exists()
    assert "不受审限限制" in _client(judge).get(f"/staff/cases/{case.pk}/").content.decode()


def test_a_finding_without_a_reason_changes_nothing(new_case, staff):
    case = new_case()
    before = row_counts()
    r = _client(staff["lian"]).post(f"/staff/cases/{case.pk}/foreign-related/", {"kind": "foreign", "reason": ""})
    assert r.status_code == 302
    assert_nothing_changed(before, "foreign-related without a reason")


def test_a_defendant_domiciled_in_hong_kong_makes_the_case_hmt_related_at_registration(court, staff):
    from tests.helpers import complaint
    from xiezhi.filing import services as fs

    data = complaint()
    data["parties"][1]["domicile"] = "hk_macao_taiwan"
    case = fs.register(staff["lian"], fs.counter_filing(staff["lian"], court, data), procedure_code="civil_ordinary")
    assert case.events.filter(code="foreign_related_set", payload__kind="hmt").exists()
    case.refresh_from_db()
    assert case.deadline_state == DeadlineState.UNLIMITED
