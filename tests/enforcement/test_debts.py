"""个人债务集中清理: every enforcement case against one natural person across the platform's courts,
a consolidated plan sharing the money available pro rata (民诉解释 第五百零八条), executed through the
ledger once; any court's enforcement staff may view (audited), only the plan's court writes."""
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.enforcement.debt_fixtures import PERSON_ID, person_cases  # noqa: F401 (fixture)
from xiezhi.audit.models import AuditEntry
from xiezhi.enforcement import debts, selectors
from xiezhi.enforcement.models import MoneyMovement

pytestmark = pytest.mark.django_db


def test_the_plan_shares_the_money_pro_rata_and_sums_to_it(person_cases, staff):
    a, b = person_cases(("150000", "50000"))
    plan = debts.create_plan(staff["enforcer"], PERSON_ID, [a.pk, b.pk], "100000.01")
    shares = {i.case_id: i.share for i in plan.items.all()}
    assert sum(shares.values()) == D("100000.01")
    assert shares == {a.pk: D("75000.01"), b.pk: D("25000.00")}
    debts.execute_plan(staff["enforcer"], plan)
    debts.execute_plan(staff["enforcer"], plan)  # a second click: nothing more
    assert selectors.case_balance(a).paid_out == D("75000.01")
    assert MoneyMovement.objects.filter(case__in=[a, b], kind="payout").count() == 2
    assert a.events.filter(code="debt_plan_executed").count() == 1


def test_settlement_caps_a_creditor_and_the_rest_is_shared(person_cases, staff):
    a, b = person_cases(("150000", "50000"))
    plan = debts.create_plan(staff["enforcer"], PERSON_ID, [a.pk, b.pk], "100000", {str(a.pk): "50000"})
    assert {i.case_id: i.share for i in plan.items.all()} == {a.pk: D("50000.00"), b.pk: D("50000.00")}
    with pytest.raises(ValidationError, match="和解金额超过未履行金额"):
        debts.create_plan(staff["enforcer"], PERSON_ID, [a.pk], "100", {a.pk: "200000"})


def test_another_court_views_but_does_not_write(person_cases, staff, make_staff, court, client):
    from xiezhi.courts.models import Court

    a, _b = person_cases()
    other_court = Court.objects.exclude(pk=court.pk).first()
    outsider = make_staff(["enforcement"], "enforcement", court_=other_court)
    rows = debts.debtor_cases(outsider, PERSON_ID)
    assert {r.case.pk for r in rows} >= {a.pk} and not any(r.own_court for r in rows)
    with pytest.raises(PermissionDenied):
        debts.create_plan(outsider, PERSON_ID, [a.pk], "100")
    plan = debts.create_plan(staff["enforcer"], PERSON_ID, [a.pk], "100")
    with pytest.raises(PermissionDenied):
        debts.execute_plan(outsider, plan)
    client.force_login(outsider)
    before = AuditEntry.objects.filter(action="read").count()
    page = client.get(f"/staff/enforcement/debtors/{PERSON_ID}/")
    assert page.status_code == 200 and a.number in page.content.decode()
    assert AuditEntry.objects.filter(action="read").count() == before + 1
    client.force_login(staff["judge"])
    assert client.get(f"/staff/enforcement/debtors/{PERSON_ID}/").status_code == 403


def test_search_box_redirects_to_the_debtor(staff, client):
    client.force_login(staff["enforcer"])
    r = client.get("/staff/enforcement/debtors/", {"q": " 410222198505051234 "})
    assert r.status_code == 302 and r["Location"].endswith(f"/debtors/{PERSON_ID}/")
