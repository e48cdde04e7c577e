"""Two listings of the same debtor at once make one dishonest-list entry: the service locks the
case row, so the second waits, sees the first entry and is refused in Chinese; the partial unique
constraint (one active entry per debtor per case) backs it. The scheduled deletion run twice at
once deletes each ended entry once."""
import pytest
from django.utils import timezone

from tests.concurrency import at_once, one_done_rest_refused, require_postgresql
from xiezhi.enforcement import dishonest as svc
from xiezhi.enforcement.models import DishonestEntry
from xiezhi.law.periods import add_months

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def test_two_listings_of_one_debtor_at_once_make_one_entry(enforcement_case, staff):
    case = enforcement_case()
    one_done_rest_refused(at_once(
        lambda: svc.list_debtor(staff["enforcer"], case, case.debtor, [1]),
        lambda: svc.list_debtor(staff["head"], case, case.debtor, [4]),
    ), "不能重复纳入")
    assert DishonestEntry.objects.filter(case=case, deleted_at__isnull=True).count() == 1
    assert case.events.filter(code="dishonest_listed").count() == 1


def test_two_scheduled_runs_at_once_delete_once(enforcement_case, staff):
    today = timezone.localdate()
    cases = [enforcement_case() for _ in range(3)]
    for c in cases:
        svc.list_debtor(staff["enforcer"], c, c.debtor, [4], decided_on=add_months(today, -25))
    outcomes = at_once(lambda: svc.delete_expired(today), lambda: svc.delete_expired(today))
    assert sum(outcomes) == 3, outcomes
    for c in cases:
        assert c.events.filter(code="dishonest_deleted").count() == 1
