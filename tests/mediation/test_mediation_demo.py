"""The demo court's mediation: organisations, 4+ mediators, a mediation in every state, and the demo
`mediator` lands on real work."""
import pytest

from xiezhi.demo.seed import DEMO_PASSWORD, seed_people
from xiezhi.demo.seed_mediation import seed_mediation
from xiezhi.mediation.models import MediationOrganisation, MediationState, Mediator, PreSuitMediation

pytestmark = pytest.mark.django_db


def test_demo_has_mediators_and_every_state_and_the_mediator_lands_on_work(court, client):
    users = seed_people(court)
    seed_mediation(court, users)
    seed_mediation(court, users)  # a second `make demo` adds nothing
    assert MediationOrganisation.objects.filter(court=court).count() >= 3
    assert Mediator.objects.filter(court=court, active=True).count() >= 4
    states = set(PreSuitMediation.objects.filter(court=court).values_list("state", flat=True))
    assert states == set(MediationState.values)
    assert PreSuitMediation.objects.filter(court=court).count() == 10
    assert client.login(username="mediator", password=DEMO_PASSWORD)
    r = client.get("/", follow=True)
    assert r.redirect_chain[-1][0] == "/staff/mediation/mine/"
    html = r.content.decode()
    mine = PreSuitMediation.objects.filter(mediator__user=users["mediator"], state="accepted").first()
    assert mine and mine.number in html
    assert client.get(f"/staff/mediation/{mine.pk}/").status_code == 200
