"""A double click on 导入诉讼程序 makes one filing (PostgreSQL: the row lock of services._lock)."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.complaints import services
from xiezhi.filing.models import FilingApplication

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_double_click_routes_once(staff, judged):
    require_postgresql()
    c = services.register(staff["lian"], channel="visit", name="被告乙", case_number=judged.number,
                          request="要求再审。")
    out = at_once(*[lambda: services.route_to_litigation(staff["lian"], c, "retrial") for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert FilingApplication.objects.filter(case_type__type_code="民申").count() == 1
    assert len({o.filing_id for o in out}) == 1


def test_double_click_registers_once(staff):
    require_postgresql()
    out = at_once(*[lambda: services.register(staff["lian"], channel="letter", name="某甲", request="反映问题。",
                                              key="same") for _ in range(4)])
    assert all(not isinstance(o, BaseException) for o in out), out
    assert len({o.pk for o in out}) == 1
