"""The 执行立案 section of an enforcement case page: the basis and the period are shown; an objection
(执异) is registered for a judge — once, however often the form is sent —; a break of the application
period is recorded; a closed case is resumed as 执恢 on the same basis; refused POSTs change nothing."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.cases.models import Case
from xiezhi.enforcement import closing, intake

from .test_intake import judged  # noqa: F401  (fixture)
from .test_intake_views import client

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened(staff, judged):  # noqa: F811
    today = timezone.localdate()
    return intake.open_from_case(staff["enforcer"], judged, [judged.a.pk], [judged.b.pk], "150000", today,
                                 effective_on=today - timedelta(days=10))


def _panel(c, case):
    r = c.get(reverse("cases:panel", args=[case.pk, "enforcement_intake"]))
    assert r.status_code == 200
    return r.content.decode()


def test_the_case_page_shows_the_basis_and_the_period(staff, opened):
    html = _panel(client(staff["enforcer"]), opened)
    assert 'id="enforcement-intake"' in html
    assert opened.enforcement.window_end.isoformat() in html and opened.enforcement.basis_number in html


def test_an_objection_is_registered_once_for_a_judge_apart_from_the_teams(staff, opened):
    c = client(staff["enforcer"])
    party = opened.parties.get(role="judgment_debtor")
    form = {"kind": "执异", "party": party.pk, "judge": staff["judge"].pk, "grounds": "查封的房屋系案外人所有"}
    for _ in range(2):  # a double click
        assert c.post(reverse("enforcement:review", args=[opened.pk]), form).status_code == 302
    reviews = Case.objects.filter(case_type__type_code="执异")
    assert reviews.count() == 1
    review = reviews.get()
    assert review.judge == staff["judge"] and not hasattr(review, "enforcement")  # not an implementation case
    html = _panel(c, opened)
    assert review.number in html


def test_a_period_break_is_recorded_and_a_bad_one_changes_nothing(staff, opened):
    c = client(staff["enforcer"])
    url = reverse("enforcement:period_break", args=[opened.pk])
    before = row_counts()
    c.post(url, {"kind": "suspension", "started_on": "", "reason": "不可抗力"})
    assert_nothing_changed(before, "a break without its start date")
    assert "请填写开始日期" in c.get(reverse("cases:detail", args=[opened.pk])).content.decode()
    today = timezone.localdate()
    c.post(url, {"kind": "interruption", "started_on": today.isoformat(), "reason": "被执行人同意履行"})
    assert opened.enforcement.period_breaks.get().kind == "interruption"


def test_a_closed_case_is_resumed_as_zhi_hui_and_an_open_one_is_not(staff, opened, make_staff):
    c = client(staff["enforcer"])
    url = reverse("enforcement:resume", args=[opened.pk])
    assert 'id="resume-form"' not in _panel(c, opened)  # an open case is not resumed
    for stage in ("search", "disposal", "closing"):
        intake.move_to_stage(staff["head"], opened, stage, _team(opened, stage))
    closing.terminate(staff["enforcer"], opened, "1", "申请执行人撤销申请")  # closed by a closing, not a stage move
    html = _panel(c, opened)
    assert 'id="resume-form"' in html
    for _ in range(2):
        r = c.post(url, {"reason": "申请执行人发现被执行人新的房产", "key": "k2"})
    new = Case.objects.get(case_type__type_code="执恢")
    assert r["Location"] == reverse("cases:detail", args=[new.pk])
    assert new.enforcement.basis_number == opened.enforcement.basis_number
    stranger = make_staff(["judge"], "civil")
    before = row_counts()
    assert client(stranger).post(url, {"reason": "x", "key": "k3"}).status_code in (302, 403, 404)
    assert_nothing_changed(before, "a resumption by a trial judge")


def _team(case, stage):
    from xiezhi.enforcement.models import EnforcementTeam

    return EnforcementTeam.objects.get_or_create(court=case.court, name=f"{stage}组", stage=stage)[0]
