"""Credit discipline under double clicks, on PostgreSQL: two officers listing the same debtor on the
same case at once make one entry and one public row; two decisions of one correction request at once
record one decision (the second waits on the case lock, then sees it decided); two consumption
restrictions of one debtor at once make one order. Each service locks the case row first
(cases.services.lock_case), so the loser is refused in Chinese — never an IntegrityError."""
import pytest

from tests.concurrency import at_once, one_done_rest_refused, require_postgresql
from xiezhi.enforcement import credit, dishonest
from xiezhi.enforcement.models import ConsumptionRestriction, CorrectionRequest, DishonestEntry, PublicCreditRecord

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def test_two_officers_list_one_debtor_at_once(enforcement_case, staff):
    case = enforcement_case()
    one_done_rest_refused(at_once(
        lambda: dishonest.list_debtor(staff["enforcer"], case, case.debtor, [1]),
        lambda: dishonest.list_debtor(staff["head"], case, case.debtor, [1]),
    ), "不能重复纳入")
    assert DishonestEntry.objects.filter(case=case, deleted_at__isnull=True).count() == 1
    assert PublicCreditRecord.objects.filter(kind="dishonest", name=case.debtor.name).count() == 1
    assert case.events.filter(code="dishonest_listed").count() == 1


@pytest.mark.parametrize("decisions", [("refused", "deleted"), ("deleted", "deleted"), ("corrected", "refused")])
def test_two_decisions_of_one_correction_request_at_once(enforcement_case, staff, decisions):
    case = enforcement_case()
    entry = dishonest.list_debtor(staff["enforcer"], case, case.debtor, [1])
    req = credit.file_correction(staff["enforcer"], entry, "被执行人乙", "已提供担保")
    a, b = decisions
    one_done_rest_refused(at_once(
        lambda: credit.decide_correction(staff["enforcer"], req, a, "经审查"),
        lambda: credit.decide_correction(staff["head"], req, b, "经审查"),
    ), "审查完毕")
    req.refresh_from_db()
    assert req.decision in decisions
    assert case.events.filter(code="dishonest_correction_decided").count() == 1
    deleted = req.decision == CorrectionRequest.Decision.DELETED
    assert case.events.filter(code="dishonest_deleted").count() == int(deleted)
    assert PublicCreditRecord.objects.filter(kind="dishonest").count() == int(not deleted)


def test_two_restrictions_of_one_debtor_at_once(enforcement_case, staff):
    case = enforcement_case()
    one_done_rest_refused(at_once(
        lambda: credit.restrict(staff["enforcer"], case, case.debtor),
        lambda: credit.restrict(staff["head"], case, case.debtor, measures=[1]),
    ), "不能重复决定")
    assert ConsumptionRestriction.objects.filter(case=case, lifted_at__isnull=True).count() == 1
    assert PublicCreditRecord.objects.filter(kind="restricted").count() == 1
    assert case.events.filter(code="consumption_restricted").count() == 1
