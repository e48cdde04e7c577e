"""A double click makes one application / one case (PostgreSQL: the row locks and the OneToOne backstops)."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.cases.models import Case
from xiezhi.confirmation import services
from xiezhi.confirmation.models import ConfirmationApplication, MediationOutcome

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_double_click_from_mediation_makes_one_application(agreed, staff):
    require_postgresql()
    out = at_once(*[lambda: services.from_mediation(staff["lian"], agreed, "confirmation") for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert len({o.pk for o in out}) == 1
    assert MediationOutcome.objects.count() == 1 and ConfirmationApplication.objects.count() == 1


def test_double_click_document_makes_one_case(agreed, staff):
    require_postgresql()
    before = Case.objects.count()
    out = at_once(*[lambda: services.from_mediation(staff["lian"], agreed, "document", judge=staff["judge"])
                    for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert len({o.case_id for o in out}) == 1 and Case.objects.count() == before + 1


def test_double_click_accept_opens_one_case(receive, staff):
    require_postgresql()
    app = receive()
    before = Case.objects.count()
    out = at_once(*[lambda: services.accept(staff["lian"], app, judge=staff["judge"]) for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert len({o.case_id for o in out}) == 1 and Case.objects.count() == before + 1


def test_double_click_receive_with_one_key(receive):
    require_postgresql()
    out = at_once(*[lambda: receive(key="same-form") for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert ConfirmationApplication.objects.count() == 1
