"""Pages of 司法救助: who may open them, and the walk from the portal to 已发放."""
import pytest
from django.utils import timezone

from xiezhi.assistance.models import AssistanceApplication

pytestmark = pytest.mark.django_db


def test_portal_apply_then_staff_walk_to_paid(client, make_public, staff, origin_case, wage):
    party = make_public()
    client.force_login(party)
    assert client.get("/portal/").status_code == 200
    assert "/portal/assistance/new/" in client.get("/portal/").content.decode()
    r = client.post("/portal/assistance/new/", {"category": "1", "origin_kind": "criminal", "facts": "生活困难",
                                               "amount_asked": "50000", "bank_account": "6222",
                                               "origin_number": origin_case.number, "key": "k1"})
    assert r.status_code == 302
    a = AssistanceApplication.objects.get()
    assert a.applicant == party and a.origin_case == origin_case
    client.force_login(staff["lian"])
    assert "assistance-list" in client.get("/staff/assistance/").content.decode()
    client.post(f"/staff/assistance/{a.pk}/accept/")
    client.post(f"/staff/assistance/{a.pk}/investigate/", {"notes": "属实"})
    client.post(f"/staff/assistance/{a.pk}/review/", {"opinion": "给予救助"})
    client.force_login(staff["head"])
    r = client.post(f"/staff/assistance/{a.pk}/approve/", {"amount": "300000"}, follow=True)
    assert "216000.00" in r.content.decode()
    client.post(f"/staff/assistance/{a.pk}/approve/", {"amount": "50000"})
    client.force_login(staff["lian"])
    client.post(f"/staff/assistance/{a.pk}/pay/", {"paid_on": timezone.localdate().isoformat(), "voucher": "PZ1"})
    a.refresh_from_db()
    assert a.state == "paid"
    client.force_login(staff["judge"])  # the originating case's judge sees the aid on the case page
    assert "assistance-panel" in client.get(f"/staff/cases/{origin_case.pk}/panels/assistance/").content.decode()
    client.force_login(party)
    assert "已发放" in client.get(f"/portal/assistance/{a.pk}/").content.decode()


def test_guards(client, make_public, staff, apply_for):
    a = apply_for(make_public())
    client.force_login(make_public())
    assert client.get(f"/portal/assistance/{a.pk}/").status_code == 404
    assert client.get("/staff/assistance/").status_code == 403
    client.force_login(staff["judge"])
    assert client.get("/staff/assistance/").status_code == 403
    assert client.post(f"/staff/assistance/{a.pk}/accept/").status_code == 403
    client.force_login(staff["head"])
    assert client.get(f"/staff/assistance/{a.pk}/").status_code == 200
    assert client.post(f"/staff/assistance/{a.pk}/accept/").status_code == 403
    client.force_login(staff["lian"])
    assert client.get("/portal/assistance/").status_code == 403


def test_counter_records_an_application(client, staff, wage):
    client.force_login(staff["lian"])
    assert client.get("/staff/assistance/new/").status_code == 200
    r = client.post("/staff/assistance/new/", {"applicant_name": "张三", "applicant_id_number": "410222199001011234",
                                              "category": "2", "origin_kind": "other", "facts": "急需救治",
                                              "amount_asked": "10000", "bank_account": "6222", "key": "k2"})
    assert r.status_code == 302
    assert AssistanceApplication.objects.get().applicant_name == "张三"
    r = client.post("/staff/assistance/new/", {"applicant_name": "张三", "category": "2", "origin_kind": "other",
                                              "facts": "", "amount_asked": "x", "bank_account": "6222"})
    assert r.status_code == 400
