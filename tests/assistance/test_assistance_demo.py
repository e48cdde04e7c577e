"""The demo court's judicial assistance: one application waiting for approval within its cap with the
clock running, one paid; the litigant sees theirs on the portal."""
import pytest

from xiezhi.assistance import selectors, services
from xiezhi.assistance.models import AssistanceApplication
from xiezhi.demo.seed import seed_people
from xiezhi.demo.seed_assistance import seed_assistance

pytestmark = pytest.mark.django_db


def test_demo_has_a_waiting_and_a_paid_application(court, client):
    users = seed_people(court)
    seed_assistance(court, users)
    seed_assistance(court, users)  # a second `make demo` adds nothing
    apps = AssistanceApplication.objects.filter(court=court)
    assert sorted(apps.values_list("state", flat=True)) == ["paid", "reviewed"]
    waiting = apps.get(state="reviewed")
    assert waiting.amount_asked <= services.cap_for(waiting).normal_cap and not selectors.overdue(waiting)
    client.force_login(users["13800000002"])
    assert "已合议" in client.get("/portal/assistance/").content.decode()
    client.force_login(users["head"])
    assert "approve-form" in client.get(f"/staff/assistance/{waiting.pk}/").content.decode()
