"""The demo court's service centre (issue 12 item 5): windows, a queue with numbers waiting and called,
today's appointments with 马当事, papers waiting for the judge's signature, 12368 calls open and answered;
the kiosk reads 马当事's card from the device simulator the demo starts. A second run adds nothing."""
import pytest

from xiezhi.demo.seed import DEMO_PASSWORD, seed_cases, seed_people
from xiezhi.demo.seed_servicecentre import ensure_device_simulator, seed_servicecentre
from xiezhi.servicecentre.models import Appointment, Handover, HotlineItem, ServiceWindow, Ticket

pytestmark = pytest.mark.django_db


def test_demo_centre_has_a_queue_appointments_papers_and_calls(court, client, settings):
    settings.KIOSK_DEVICE_URL = ""
    users = seed_people(court)
    seed_cases(court, users, n=40)
    seed_servicecentre(court, users)
    assert seed_servicecentre(court, users) == {"windows": 0}
    assert ServiceWindow.objects.filter(court=court).count() == 4
    states = set(Ticket.objects.filter(court=court).values_list("state", flat=True))
    assert {"waiting", "called", "done"} <= states
    assert Appointment.objects.filter(user=users["13800000002"], state="booked").count() == 2
    assert Handover.objects.filter(signed_at__isnull=True).exists()
    assert HotlineItem.objects.filter(closed_at__isnull=True).exists()
    assert HotlineItem.objects.exclude(answer="").exists()

    assert ensure_device_simulator().startswith("http://127.0.0.1:")
    r = client.post("/kiosk/checkin/", {"action": "read"})
    assert "410222199001010013" in r.content.decode()
    r = client.post("/kiosk/checkin/", {"action": "checkin", "id_number": "410222199001010013"})
    assert "签到成功" in r.content.decode()
    assert client.login(username="lian", password=DEMO_PASSWORD)
    assert "/staff/centre/" in client.get("/staff/", follow=True).content.decode()  # the menu links it
    page = client.get("/staff/centre/").content.decode()
    assert "马当事" in page
    assert "逾期" in client.get("/staff/centre/12368/").content.decode()
    assert "逾期未签收" in client.get("/staff/centre/materials/").content.decode()
