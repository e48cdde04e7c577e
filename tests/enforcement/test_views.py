"""The 执行款 panel on the staff case page and the POST actions behind it: only the enforcement
staff of an enforcement case see it and act; a refused POST changes nothing; a form sent twice
records once; a payout beyond the balance is refused with a Chinese message, never a 500."""
from decimal import Decimal as D

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.enforcement import selectors as sel
from xiezhi.enforcement import services as svc
from xiezhi.enforcement.models import MoneyMovement

pytestmark = pytest.mark.django_db


def client(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def _messages(r):
    return [str(m) for m in get_messages(r.wsgi_request)]


@pytest.fixture
def case(enforcement_case):
    return enforcement_case()


def _panel(c, case) -> str:
    r = c.get(reverse("cases:panel", args=[case.pk, "enforcement"]))
    assert r.status_code in (200, 204)
    return r.content.decode()


def _url(case, name):
    return reverse(f"enforcement:{name}", args=[case.pk])


def test_the_officer_sees_the_panel_and_records_a_receipt_a_payout_and_a_reversal(case, staff):
    c = client(staff["enforcer"])
    assert "/panels/enforcement/" in c.get(reverse("cases:detail", args=[case.pk])).content.decode()
    page = _panel(c, case)
    assert 'id="enforcement-money"' in page and "尚无执行款收付记录" in page
    r = c.post(_url(case, "receive"), {"amount": "12,000.00", "payer_party": case.debtor.pk, "key": "r1", "note": "主动履行"},
               follow=True)
    assert "已登记执行款到账。" in _messages(r)
    r = c.post(_url(case, "receive"), {"amount": "500", "payer_party": "", "payer_name": "通许县某银行（协助扣划）",
                                       "key": "r2"}, follow=True)
    r = c.post(_url(case, "pay_out"), {"amount": "20000", "party": case.applicant.pk, "key": "p1"}, follow=True)
    assert any("超过本案执行款结存 12500.00 元" in m for m in _messages(r)), _messages(r)
    r = c.post(_url(case, "pay_out"), {"amount": "10000", "party": case.applicant.pk, "key": "p2"}, follow=True)
    assert "已登记执行款发放。" in _messages(r)
    outside = MoneyMovement.objects.get(case=case, key="r2")
    r = c.post(_url(case, "reverse"), {"movement": outside.pk, "reason": "误登", "key": "x1"}, follow=True)
    assert "已冲正。" in _messages(r)
    assert sel.case_balance(case).on_hand == D("2000.00")
    assert r.redirect_chain[-1][0].endswith("#panel-enforcement")
    page = _panel(c, case)
    assert "结存 2000.00 元" in page and "账实相符" in page and "通许县某银行（协助扣划）" in page


def test_the_same_form_sent_twice_records_once(case, staff):
    c = client(staff["enforcer"])
    for _ in range(2):
        c.post(_url(case, "receive"), {"amount": "100", "payer_party": case.debtor.pk, "key": "same"})
    assert MoneyMovement.objects.filter(case=case).count() == 1


def test_the_panel_form_carries_a_fresh_key(case, staff):
    page = _panel(client(staff["enforcer"]), case)
    assert 'name="key" value="' in page


@pytest.mark.parametrize("data", [
    {"amount": "abc", "payer_party": "", "payer_name": "某", "key": "k"},
    {"amount": "1", "payer_party": "", "payer_name": "", "key": "k"},
    {"amount": "1", "payer_party": "", "payer_name": "某", "key": ""},
])
def test_bad_forms_are_refused_in_chinese(case, staff, data):
    before = row_counts()
    r = client(staff["enforcer"]).post(_url(case, "receive"), data)
    assert r.status_code == 302 and _messages(r)
    assert_nothing_changed(before, "a bad receipt form")


@pytest.mark.parametrize("name, data", [
    ("pay_out", {"amount": "1", "party": "abc", "key": "k"}),
    ("reverse", {"movement": "", "reason": "误登", "key": "k"}),
    ("receive", {"amount": "1", "payer_party": "1e3", "key": "k"}),
])
def test_an_id_no_page_sends_is_a_400_not_a_500(case, staff, name, data):
    r = client(staff["enforcer"]).post(_url(case, name), data)
    assert r.status_code == 400


def test_a_movement_of_another_case_cannot_be_reversed_here(case, staff, enforcement_case):
    other = enforcement_case()
    m = svc.receive(staff["enforcer"], other, "10", other.debtor, "k")
    before = row_counts()
    r = client(staff["enforcer"]).post(_url(case, "reverse"), {"movement": m.pk, "reason": "误登", "key": "x"})
    assert "该款项不属于本案。" in _messages(r)
    assert_nothing_changed(before, "a reversal of another case's movement")


@pytest.mark.parametrize("who, status", [
    ("anon", 302), ("judge", 403), ("lian", 403), ("other_enforcer", 404), ("litigant", 403),
])
def test_others_may_not_post_and_nothing_changes(case, staff, make_public, who, status):
    user = {"anon": None, "litigant": make_public()}.get(who) or staff.get(who)
    for name, data in (("receive", {"amount": "1", "payer_party": case.debtor.pk, "key": "k"}),
                       ("pay_out", {"amount": "1", "party": case.applicant.pk, "key": "k"})):
        before = row_counts()
        r = client(user).post(_url(case, name), data)
        assert r.status_code == status, (who, name, r.status_code)
        assert_nothing_changed(before, f"{who} posting {name}")


@pytest.mark.parametrize("who, sees", [
    ("enforcer", True), ("head", True), ("president", True), ("lian", False),
])
def test_who_sees_the_panel(case, staff, who, sees):
    assert ('id="enforcement-money"' in _panel(client(staff[who]), case)) is sees


def test_no_panel_on_a_case_that_is_not_an_enforcement_case(case, staff):
    from xiezhi.courts import refcache

    case.case_type = refcache.case_type("民初")
    case.save(update_fields=["case_type"])
    assert _panel(client(staff["enforcer"]), case) == ""
    before = row_counts()
    r = client(staff["enforcer"]).post(_url(case, "receive"), {"amount": "1", "payer_party": case.debtor.pk, "key": "k"})
    assert "只有执行案件可以办理执行款收付。" in _messages(r)
    assert_nothing_changed(before, "a receipt on a civil case")
