"""The pages of 执行立案 and 分段集约: where the 执行局 lands, the head's counts, opening a case from
a platform case number and from an outside basis (a late application comes back asking for the
reason), and a refused stage move that changes nothing."""
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.enforcement import intake
from xiezhi.enforcement.models import EnforcementFile, EnforcementTeam

from .test_intake import judged  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def client(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def opened(staff, judged):  # noqa: F811
    today = timezone.localdate()
    return intake.open_from_case(staff["lian"], judged, [judged.a.pk], [judged.b.pk], "150000", today,
                                 effective_on=today - timedelta(days=10))


@pytest.fixture
def teams(court, staff):
    return {s: EnforcementTeam.objects.create(court=court, name=n, stage=s, leader=staff["enforcer"])
            for n, s in (("立案组", "filing"), ("查控组", "search"), ("处置组", "disposal"), ("结案组", "closing"))}


def test_the_head_and_the_officer_land_on_their_pages(staff):
    from tests.conftest import DEMO_PASSWORD

    for user, page in ((staff["head"], "enforcement:board"), (staff["enforcer"], "enforcement:mine"),
                       (staff["judge"], "cases:workbench")):
        r = Client().post(reverse("accounts:staff_login"), {"username": user.username, "password": DEMO_PASSWORD})
        assert r["Location"] == reverse(page), user
        assert client(user).get("/")["Location"] == reverse(page)
    assert client(staff["head"]).get(reverse("cases:workbench")).status_code == 200


def test_the_head_page_shows_counts_and_moves_a_case(staff, opened, teams):
    c = client(staff["head"])
    r = c.get(reverse("enforcement:board"))
    assert r.status_code == 200
    html = r.content.decode()
    assert opened.number in html and 'data-stage="filing">1<' in html
    r = c.post(reverse("enforcement:move", args=[opened.pk]), {"stage": "search", "team": teams["search"].pk})
    assert r.status_code == 302
    assert EnforcementFile.objects.get(case=opened).stage == "search"
    r = client(staff["enforcer"]).get(reverse("enforcement:mine"))
    assert r.status_code == 200 and opened.number in r.content.decode()


def test_a_refused_stage_move_changes_nothing(staff, opened, teams, make_staff):
    civil_head = make_staff(["division_head"], "civil")
    before = row_counts()
    r = client(civil_head).post(reverse("enforcement:move", args=[opened.pk]),
                                {"stage": "search", "team": teams["search"].pk})
    assert r.status_code in (403, 404)
    r = client(staff["head"]).post(reverse("enforcement:move", args=[opened.pk]), {"stage": "closing", "team": "x"})
    assert r.status_code == 400
    r = client(staff["head"]).post(reverse("enforcement:move", args=[opened.pk]),
                                   {"stage": "disposal", "team": teams["disposal"].pk})
    assert r.status_code == 302
    assert_nothing_changed(before, "a refused stage move")
    assert EnforcementFile.objects.get(case=opened).stage == "filing"


def test_other_divisions_do_not_open_the_pages(staff, make_staff):
    civil_head = make_staff(["division_head"], "civil")
    for user in (civil_head, staff["judge"]):
        for name in ("enforcement:board", "enforcement:mine", "enforcement:new"):
            assert client(user).get(reverse(name)).status_code == 403, (user, name)


def test_open_from_a_platform_case_number(staff, judged):  # noqa: F811
    c = client(staff["lian"])
    r = c.get(reverse("enforcement:new"), {"mode": "platform", "source": judged.number})
    assert r.status_code == 200 and "原告甲" in r.content.decode()
    data = {"mode": "platform", "source": judged.number, "applicants": [judged.a.pk], "debtors": [judged.b.pk],
            "amount": "5000", "effective_on": (timezone.localdate() - timedelta(days=3)).isoformat(), "key": "v-1"}
    r = c.post(reverse("enforcement:new"), data)
    assert r.status_code == 302, r.content.decode()[:2000]
    f = EnforcementFile.objects.get(key="v-1")
    assert r["Location"] == reverse("cases:detail", args=[f.case_id])
    assert c.post(reverse("enforcement:new"), data).status_code == 302 and EnforcementFile.objects.count() == 1


def test_a_late_outside_application_asks_for_the_reason(staff):
    c = client(staff["enforcer"])
    old = (timezone.localdate() - timedelta(days=1000)).isoformat()
    data = {"mode": "outside", "basis_kind": "notarial", "document_no": "（2023）汴证字第7号", "issuing_body": "开封市公证处",
            "applicant_name": "甲", "applicant_kind": "natural", "debtor_name": "乙", "debtor_kind": "legal",
            "effective_on": old, "amount": "20000", "key": "v-2"}
    r = c.post(reverse("enforcement:new"), data)
    assert r.status_code == 200
    html = r.content.decode()
    assert "已超过申请执行期间" in html and 'name="late_reason"' in html and not EnforcementFile.objects.exists()
    r = c.post(reverse("enforcement:new"), {**data, "late_reason": "期间内曾向公证处申请执行证书，期间中断"})
    assert r.status_code == 302
    assert EnforcementFile.objects.get(key="v-2").late


def test_bad_input_is_never_a_500(staff, judged):  # noqa: F811
    c = client(staff["lian"])
    for data in ({"mode": "platform", "source": "不存在"}, {"mode": "platform", "source": judged.number,
                                                          "applicants": ["abc"]},
                 {"mode": "outside", "effective_on": "2026-13-01"}, {"mode": "outside"}):
        assert c.post(reverse("enforcement:new"), data).status_code in (200, 400), data
