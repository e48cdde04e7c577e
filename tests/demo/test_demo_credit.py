"""The demo court shows credit discipline (issue 11 item 5): the enforcement officer's cases have a
dishonest-list entry without a term and one with a two-year term, one deleted with its reason, a
consumption restriction on an organisation extended to its legal representative, and a correction
request due soon; the public search finds what is in force and not what was deleted. A second run
adds nothing."""
from datetime import timedelta

import pytest
from django.utils import timezone

from xiezhi.demo.seed import seed_cases, seed_people
from xiezhi.demo.seed_credit import seed_credit
from xiezhi.enforcement import credit
from xiezhi.enforcement.models import ConsumptionRestriction, CorrectionRequest, DishonestEntry, PublicCreditRecord

pytestmark = pytest.mark.django_db


def test_demo_credit_discipline_is_found_by_the_public_search(court):
    users = seed_people(court)
    seed_cases(court, users, n=300)
    done = seed_credit(court, users)
    assert done == {"listed": 3, "deleted": 1, "corrections": 1, "restricted": 1}
    today = timezone.localdate()
    entries = list(DishonestEntry.objects.filter(case__judge=users["enforcer"]).select_related("party"))
    assert {(e.term, e.years, e.deleted_at is not None) for e in entries} == {
        ("until_deleted", None, False), ("fixed", 2, False), ("until_deleted", None, True)}
    gone = next(e for e in entries if e.deleted_at)
    assert gone.deletion_reason == "e1" and gone.deletion_due
    req = CorrectionRequest.objects.get()
    assert req.decision == "pending" and today < req.due_on <= today + timedelta(days=5)
    assert [r.pk for r in credit.pending_corrections(users["enforcer"])] == [req.pk]
    r = ConsumptionRestriction.objects.select_related("party").get()
    assert r.party.kind in ("legal", "organisation") and r.persons[0]["name"] == r.party.legal_representative

    for e in entries:
        found = {(x.kind, x.case_number) for x in credit.public_records(query=e.party.name)}
        assert (("dishonest", e.case.number) in found) is (e.deleted_at is None)
    for name in (r.party.name, r.party.legal_representative):
        assert ("restricted", r.case.number) in {(x.kind, x.case_number) for x in credit.public_records(query=name)}
    rep_id = r.persons[0]["id_number"]
    assert [x.name for x in credit.public_records(query=rep_id)] == [r.party.legal_representative]
    assert PublicCreditRecord.objects.count() == 2 + 2

    # a second `make demo` keeps the data as it is
    assert seed_credit(court, users) == {"listed": 0, "deleted": 0, "corrections": 0, "restricted": 0}
    assert DishonestEntry.objects.count() == 3 and ConsumptionRestriction.objects.count() == 1
