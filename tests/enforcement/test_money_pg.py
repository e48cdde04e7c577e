"""Two payouts at once cannot overdraw an enforcement case's account: the services lock the
case row, so the second waits, sees the first payout and is refused in Chinese (never an
IntegrityError, a deadlock or a second row for one click)."""
from decimal import Decimal as D

import pytest

from tests.concurrency import at_once, one_done_rest_refused, require_postgresql
from xiezhi.enforcement import selectors as sel
from xiezhi.enforcement import services as svc
from xiezhi.enforcement.models import MoneyMovement

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def test_two_payouts_at_once_cannot_overdraw(enforcement_case, staff):
    case, e = enforcement_case(), staff["enforcer"]
    svc.receive(e, case, "100", case.debtor, "in")
    one_done_rest_refused(at_once(
        lambda: svc.pay_out(e, case, case.applicant, "60", "a"),
        lambda: svc.pay_out(staff["head"], case, case.applicant, "60", "b"),
    ), "超过本案执行款结存 40.00 元")
    assert sel.case_balance(case).on_hand == D("40")
    assert sel.reconcile(case).agrees


def test_many_payouts_at_once_pay_what_is_there_and_no_more(enforcement_case, staff):
    case, e = enforcement_case(), staff["enforcer"]
    svc.receive(e, case, "100", case.debtor, "in")
    outcomes = at_once(*[(lambda i=i: svc.pay_out(e, case, case.applicant, "30", f"p{i}")) for i in range(5)])
    assert sum(isinstance(o, MoneyMovement) for o in outcomes) == 3, outcomes
    assert sel.case_balance(case).on_hand == D("10")
    assert sel.reconcile(case).agrees


def test_a_double_click_records_once(enforcement_case, staff):
    case, e = enforcement_case(), staff["enforcer"]
    outcomes = at_once(*[(lambda: svc.receive(e, case, "100", case.debtor, "click"))] * 4)
    assert len({o.pk for o in outcomes}) == 1, outcomes
    assert MoneyMovement.objects.filter(case=case).count() == 1
    assert case.events.filter(code="money_received").count() == 1


def test_a_reversal_and_a_payout_at_once_never_leave_the_account_below_zero(enforcement_case, staff):
    case, e = enforcement_case(), staff["enforcer"]
    receipt = svc.receive(e, case, "100", case.debtor, "in")
    outcomes = at_once(lambda: svc.reverse(e, receipt, "误登", "x"),
                       lambda: svc.pay_out(e, case, case.applicant, "100", "p"))
    assert sum(isinstance(o, MoneyMovement) for o in outcomes) == 1, outcomes
    assert sel.case_balance(case).on_hand == D("0")
    assert sel.reconcile(case).agrees
