"""The party's double click on the portal chooses a mediator once and sends a message once
(PostgreSQL: the row lock of services._lock and the event key)."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.mediation import services
from xiezhi.mediation.models import MediationEvent

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_double_click_chooses_once_and_messages_once(make_filing, staff, roster):
    require_postgresql()
    f = make_filing()
    party = f.submitted_by
    m = services.consent(party, services.offer(staff["lian"], f), True)
    out = at_once(*[lambda: services.choose_mediator(party, m, roster["mediator"]) for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert MediationEvent.objects.filter(mediation=m, code="assigned").count() == 1
    out = at_once(*[lambda: services.add_party_note(party, m, "请安排调解", key="k1") for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert MediationEvent.objects.filter(mediation=m, code="note").count() == 1
