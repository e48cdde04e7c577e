"""The demo court's 司法确认: received, accepted (waiting for the judge), confirmed, and a 诉前调确 made from the
demo pre-suit mediation; the filing judge reaches them from the menu."""
import pytest

from xiezhi.confirmation.models import ConfirmationApplication
from xiezhi.demo.seed import DEMO_PASSWORD, seed_people
from xiezhi.demo.seed_confirmation import seed_confirmation
from xiezhi.demo.seed_mediation import seed_mediation

pytestmark = pytest.mark.django_db


def test_demo_confirmation(court, client):
    users = seed_people(court)
    seed_mediation(court, users)
    seed_confirmation(court, users)
    seed_confirmation(court, users)  # a second `make demo` adds nothing
    apps = ConfirmationApplication.objects.filter(court=court)
    assert apps.count() == 4
    assert {a.state for a in apps} == {"received", "accepted", "confirmed"}
    pre = apps.get(mediation__isnull=False)
    assert pre.state == "accepted" and "诉前调确" in pre.case.number
    assert apps.filter(state="accepted", mediation__isnull=True).get().case.judge == users["judge"]
    assert client.login(username="lian", password=DEMO_PASSWORD)
    html = client.get("/staff/confirmation/").content.decode()
    assert pre.case.number in html
