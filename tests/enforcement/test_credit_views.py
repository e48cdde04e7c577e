"""The credit panel and its POST actions: enforcement staff of the case act; others are refused
and nothing changes; bad input is a Chinese message, never a 500; the correction queue."""
import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.enforcement import credit, dishonest
from xiezhi.enforcement.models import ConsumptionRestriction, DishonestEntry

pytestmark = pytest.mark.django_db


def client(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def _url(case, name):
    return reverse(f"enforcement:{name}", args=[case.pk])


def _panel(c, case):
    r = c.get(reverse("cases:panel", args=[case.pk, "enforcement_credit"]))
    assert r.status_code in (200, 204)
    return r.content.decode()


def test_the_officer_lists_restricts_files_and_decides(case, staff):
    c = client(staff["enforcer"])
    assert 'id="enforcement-credit"' in _panel(c, case)
    c.post(_url(case, "dishonest_list"), {"party": case.debtor.pk, "circumstances": ["2"], "years": "3",
                                          "aggravating": "1"})
    entry = DishonestEntry.objects.get(case=case)
    assert entry.years == 3
    c.post(_url(case, "restrict"), {"party": case.debtor.pk, "measures": ["1", "2"]})
    assert ConsumptionRestriction.objects.get(case=case).measures == [1, 2]
    c.post(_url(case, "correction_file"), {"entry": entry.pk, "applicant": "乙", "grounds": "已履行"})
    page = client(staff["enforcer"]).get(reverse("enforcement:corrections")).content.decode()
    assert case.number in page
    req = entry.correction_requests.get()
    c.post(_url(case, "correction_decide"), {"request": req.pk, "decision": "refused", "reason": "未履行"})
    req.refresh_from_db()
    assert req.decision == "refused"
    c.post(_url(case, "dishonest_delete"), {"entry": entry.pk, "event": "8"})
    c.post(_url(case, "restriction_lift"), {"restriction": ConsumptionRestriction.objects.get().pk, "reason": "担保"})
    entry.refresh_from_db()
    assert entry.deleted_at and ConsumptionRestriction.objects.get().lifted_at
    assert 'id="dishonest-entries"' in _panel(c, case)


@pytest.mark.parametrize("name, data, text", [
    ("dishonest_list", {"party": "x"}, "被执行人"),
    ("dishonest_list", {"party": "1", "circumstances": ["2"], "years": "abc"}, "整数年"),
    ("restrict", {"party": "99999999"}, "本案当事人"),
    ("restriction_lift", {"restriction": "99999999", "reason": "x"}, "不属于本案"),
    ("correction_decide", {"request": "99999999"}, "不属于本案"),
])
def test_bad_forms_are_refused_in_chinese(case, staff, name, data, text):
    before = row_counts()
    r = client(staff["enforcer"]).post(_url(case, name), data)
    assert r.status_code in (302, 400)
    if r.status_code == 302:
        assert any(text in str(m) for m in get_messages(r.wsgi_request)), text
    assert_nothing_changed(before, name)


@pytest.mark.parametrize("who, status", [
    ("anon", 302), ("judge", 403), ("lian", 403), ("other_enforcer", 404), ("litigant", 403),
])
def test_others_may_not_post_and_nothing_changes(case, staff, make_public, who, status):
    user = {"anon": None, "litigant": make_public()}.get(who) or staff.get(who)
    entry = dishonest.list_debtor(staff["enforcer"], case, case.debtor, [1])
    r0 = credit.restrict(staff["enforcer"], case, case.debtor)
    for name, data in (("dishonest_list", {"party": case.debtor.pk, "circumstances": ["2"]}),
                       ("dishonest_delete", {"entry": entry.pk, "event": "1"}),
                       ("restrict", {"party": case.debtor.pk}),
                       ("restriction_lift", {"restriction": r0.pk, "reason": "x"}),
                       ("correction_file", {"entry": entry.pk, "applicant": "a", "grounds": "b"})):
        before = row_counts()
        r = client(user).post(_url(case, name), data)
        assert r.status_code == status, (who, name, r.status_code)
        assert_nothing_changed(before, f"{who} posting {name}")


@pytest.mark.parametrize("who, status", [("judge", 403), ("lian", 403), ("enforcer", 200), ("head", 200)])
def test_the_queue_is_for_enforcement_staff(staff, who, status):
    assert client(staff[who]).get(reverse("enforcement:corrections")).status_code == status


@pytest.mark.parametrize("who, sees", [("enforcer", True), ("head", True), ("president", True), ("lian", False)])
def test_who_sees_the_panel(case, staff, who, sees):
    assert ('id="enforcement-credit"' in _panel(client(staff[who]), case)) is sees
