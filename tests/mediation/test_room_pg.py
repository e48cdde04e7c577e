"""Two parties accepting the last proposal at once (PostgreSQL): each acceptance is stored once and the
proposal turns "agreed" once — the mediation row lock orders them."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.mediation import room
from xiezhi.mediation.models import MediationEvent, ProposalAnswer

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_parties_accept_at_once(accepted, make_public, staff):
    require_postgresql()
    m = accepted()
    other = make_public()
    m.parties[1]["phone"] = other.phone
    m.save(update_fields=["parties"])
    p = room.propose(staff["mediator"], m, "被告于月底前偿还一万元。", key="p")
    filer = m.filing.submitted_by
    calls = [lambda: room.answer(filer, m, p, True), lambda: room.answer(other, m, p, True)] * 2  # and double clicks
    out = at_once(*calls)
    assert all(not isinstance(o, BaseException) for o in out), out
    p.refresh_from_db()
    assert p.state == "agreed"
    assert sorted(ProposalAnswer.objects.filter(proposal=p).values_list("party_key", flat=True)) == ["party-0", "party-1"]
    assert MediationEvent.objects.filter(mediation=m, code="proposal_agreed").count() == 1
    assert MediationEvent.objects.filter(mediation=m, code="answered").count() == 2
