"""Repeated writes of 执行结案 at once (PostgreSQL): the daily re-search job run twice at the same time
claims each due row once and sends one search per case; a plan executed by a double click pays once."""
import pytest

from tests.concurrency import at_once, require_postgresql
from tests.enforcement.closing_fixtures import NO_ASSETS_ID, give_file, zhongben_done
from tests.enforcement.debt_fixtures import PERSON_ID, person_cases  # noqa: F401 (fixture)
from tests.enforcement.linkage_fixtures import simulator  # noqa: F401 (fixture)
from xiezhi.enforcement import closing, debts
from xiezhi.enforcement.models import MoneyMovement
from xiezhi.enforcement.models_closing import RescanDue
from xiezhi.enforcement.models_linkage import SearchBatch

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def test_the_rescan_job_run_twice_at_once_claims_each_row_once(enforcement_case, staff, simulator):
    simulator(max_delay=0)
    cases = []
    for _ in range(3):
        c = enforcement_case()
        c.debtor.id_number = NO_ASSETS_ID
        c.debtor.save(update_fields=["id_number"])
        give_file(c)
        zhongben_done(c, staff["enforcer"])
        cases.append(c)
    outcomes = at_once(closing.run_due_rescans, closing.run_due_rescans)
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert sum(o["started"] for o in outcomes) == 3
    assert SearchBatch.objects.filter(reason="zhongben_rescan").count() == 3
    assert RescanDue.objects.filter(seq=1, batch__isnull=False).count() == 3
    assert len(set(RescanDue.objects.filter(seq=1).values_list("batch_id", flat=True))) == 3


def test_a_plan_executed_by_a_double_click_pays_once(person_cases, staff):
    a, b = person_cases()
    plan = debts.create_plan(staff["enforcer"], PERSON_ID, [a.pk, b.pk], "1000")
    outcomes = at_once(*[(lambda: debts.execute_plan(staff["enforcer"], plan))] * 3)
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert MoneyMovement.objects.filter(case__in=[a, b], kind="payout").count() == 2
    assert MoneyMovement.objects.filter(case__in=[a, b], kind="receipt").count() == 2
