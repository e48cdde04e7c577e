"""A double click assigns and accepts once (PostgreSQL: the row lock of services._lock)."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.mediation import services
from xiezhi.mediation.models import MediationEvent

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_double_click_assigns_and_accepts_once(make_filing, staff, roster):
    require_postgresql()
    f = make_filing()
    m = services.consent(staff["lian"], services.offer(staff["lian"], f), True)
    out = at_once(*[lambda: services.assign(staff["lian"], m, roster["mediator"]) for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert MediationEvent.objects.filter(mediation=m, code="assigned").count() == 1
    out = at_once(*[lambda: services.accept(staff["mediator"], m) for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert MediationEvent.objects.filter(mediation=m, code="accepted").count() == 1
    assert len({o.accepted_at for o in out}) == 1


def test_double_click_offers_once(make_filing, staff, roster):
    require_postgresql()
    f = make_filing()
    out = at_once(*[lambda: services.offer(staff["lian"], f) for _ in range(3)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert len({o.pk for o in out}) == 1


def test_double_click_entrusts_and_accepts_once(court, staff, roster):
    """委托调解: four clicks on 委托 make one mediation (partial unique + case lock), four on 签收 one acceptance."""
    require_postgresql()
    from tests.helpers import complaint
    from xiezhi.cases.services import assign_judge
    from xiezhi.filing import services as fs
    from xiezhi.mediation import entrusted

    case = fs.register(staff["lian"], fs.counter_filing(staff["lian"], court, complaint()),
                       procedure_code="civil_ordinary")
    assign_judge(staff["lian"], case, staff["judge"])
    out = at_once(*[lambda: entrusted.entrust(staff["judge"], case, roster["mediator"], "双方同意") for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert len({o.pk for o in out}) == 1
    assert case.events.filter(code="entrusted_mediation_started").count() == 1
    em = out[0]
    out = at_once(*[lambda: entrusted.accept(staff["mediator"], em) for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert case.events.filter(code="entrusted_mediation_accepted").count() == 1
