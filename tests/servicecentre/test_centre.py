"""The litigation service centre (issue 12 item 5): tickets, the window queue, appointments, the kiosk
with its device bridge, 材料收转 and 12368."""
from datetime import date, time, timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.test import Client
from django.utils import timezone

from xiezhi.audit.models import AuditEntry
from xiezhi.servicecentre import devices, selectors, services
from xiezhi.servicecentre.models import Appointment, Handover, HotlineItem, Ticket

pytestmark = pytest.mark.django_db


def _next_working_day():
    return services.working_day_after(timezone.localdate(), 1)


# --- tickets and windows ----------------------------------------------------------------------

def test_tickets_are_numbered_per_day_and_service_without_gaps(court):
    a = [services.take_ticket(court, "filing") for _ in range(3)]
    b = services.take_ticket(court, "consult")
    assert [t.number for t in a] == ["A001", "A002", "A003"] and b.number == "C001"
    with pytest.raises(RuntimeError):  # a ticket whose transaction fails gives its number back
        with transaction.atomic():
            services.take_ticket(court, "filing")
            raise RuntimeError
    assert services.take_ticket(court, "filing").number == "A004"
    with pytest.raises(ValidationError):
        services.take_ticket(court, "nonsense")


def test_a_window_calls_appointments_first_then_in_order_and_finishes(court, lian, windows):
    w1, w2 = windows
    first = services.take_ticket(court, "filing")
    services.take_ticket(court, "reading")  # not a service of window 1
    t = services.call_next(lian, w1)
    assert t.pk == first.pk and t.state == Ticket.State.CALLED and t.window == w1
    assert services.call_next(lian, w1) is None  # window 1 does no 阅卷
    assert services.recall(lian, w1, t).calls == 2
    services.transfer(lian, w1, t, w2)
    with pytest.raises(ValidationError):
        services.finish(lian, w1, t)  # it is at window 2 now
    assert services.finish(lian, w2, t, no_show=True).state == Ticket.State.NO_SHOW
    assert [x.number for x in selectors.called_now(court)] == []
    judge = type(lian).objects.create_user(username="j1", kind="staff", court=court, roles=["judge"])
    with pytest.raises(PermissionDenied):
        services.call_next(judge, w1)


# --- appointments -----------------------------------------------------------------------------

def test_booking_a_full_slot_is_refused_and_check_in_gives_a_priority_ticket(court, make_public, lian, windows,
                                                                              settings):
    settings.CENTRE_SLOT_CAPACITY = 2
    day = _next_working_day()
    users = [make_public() for _ in range(3)]
    a = services.book(users[0], court, "filing", day, time(9, 0))
    services.book(users[1], court, "consult", day, time(9, 0))
    with pytest.raises(ValidationError, match="约满"):
        services.book(users[2], court, "filing", day, time(9, 0))
    with pytest.raises(ValidationError, match="已预约"):
        services.book(users[0], court, "filing", day, time(9, 0))
    with pytest.raises(ValidationError):
        services.book(users[2], court, "filing", timezone.localdate(), time(9, 0))  # not today
    with pytest.raises(ValidationError):
        services.book(users[2], court, "filing", day, time(12, 0))  # not a slot
    services.cancel(users[0], a)
    services.book(users[2], court, "filing", day, time(9, 0))  # the cancelled place is free again
    with pytest.raises(PermissionDenied):
        services.cancel(users[2], Appointment.objects.filter(user=users[1]).get())

    Appointment.objects.filter(user=users[1]).update(day=timezone.localdate())  # the day has come
    walk_in = services.take_ticket(court, "consult")
    t = services.check_in(court, users[1].id_number.lower())
    assert t.priority and t.appointment.state == Appointment.State.CHECKED_IN
    with pytest.raises(ValidationError, match="未找到"):
        services.check_in(court, users[1].id_number)  # once
    assert services.call_next(lian, windows[1]).pk == t.pk  # before the walk-in who came earlier
    assert services.call_next(lian, windows[1]).pk == walk_in.pk


def test_portal_books_and_lists_appointments(court, make_public):
    user = make_public()
    c = Client()
    c.force_login(user)
    assert c.get("/portal/appointments/").status_code == 200
    r = c.post("/portal/appointments/", {"service": "filing", "day": _next_working_day().isoformat(), "slot": "1"},
               follow=True)
    assert "预约成功" in r.content.decode()
    a = Appointment.objects.get(user=user)
    assert a.slot == time(9, 30)
    other = Client()
    other.force_login(make_public())
    assert other.post(f"/portal/appointments/{a.pk}/cancel/").status_code == 404
    c.post(f"/portal/appointments/{a.pk}/cancel/")
    assert Appointment.objects.get(pk=a.pk).state == Appointment.State.CANCELLED
    assert c.post("/portal/appointments/", {"service": "filing", "day": "x", "slot": "abc"}).status_code in (302, 400)


# --- the device bridge and the kiosk ---------------------------------------------------------

def test_the_device_simulator_reads_a_card_and_keeps_print_jobs(device):
    import json
    import urllib.request

    from django.conf import settings

    d = devices.devices()
    assert d.read_card() == {"name": "马当事", "id_number": "410222199001010013"}
    assert d.print_receipt(["A001", "立案"]) == 1
    jobs = json.loads(urllib.request.urlopen(f"{settings.KIOSK_DEVICE_URL}/jobs").read())["jobs"]
    assert jobs == [{"job": 1, "lines": ["A001", "立案"]}]
    device.card = None
    with pytest.raises(devices.DeviceError, match="身份证"):
        d.read_card()
    device.printer_online = False
    with pytest.raises(devices.DeviceError, match="打印机"):
        d.print_receipt(["x"])


def test_the_kiosk_prints_a_ticket_and_shows_the_number_when_the_printer_is_down(court, device):
    c = Client()
    assert c.get("/").content.decode().count("/kiosk/") >= 1  # linked from the public home
    assert c.get("/kiosk/").status_code == 200
    r = c.post("/kiosk/ticket/", {"service": "filing"})
    assert "A001" in r.content.decode() and "凭条已打印" in r.content.decode()
    assert "A001" in device.jobs[0]["lines"]
    device.printer_online = False
    r = c.post("/kiosk/ticket/", {"service": "filing"})
    body = r.content.decode()
    assert "A002" in body and "打印机暂时无法使用" in body


def test_kiosk_check_in_reads_the_card(court, make_public, device):
    user = make_public()
    device.card = {"name": user.real_name, "id_number": user.id_number}
    Appointment.objects.create(court=court, user=user, service="filing", day=timezone.localdate(),
                               slot=time(9, 0), code="ABC123")
    c = Client()
    r = c.post("/kiosk/checkin/", {"action": "read"})
    assert user.id_number in r.content.decode()
    r = c.post("/kiosk/checkin/", {"action": "checkin", "id_number": user.id_number})
    assert "签到成功" in r.content.decode() and "A001" in r.content.decode()


def test_kiosk_lookup_needs_the_partys_id_number_audits_refusals_and_is_rate_limited(court, make_case, settings):
    cache.clear()
    settings.KIOSK_LOOKUP_LIMIT = 3
    case = make_case()
    c = Client()
    r = c.post("/kiosk/lookup/", {"case_number": case.number, "id_number": "410222199001010021"})
    assert case.title not in r.content.decode() and "不匹配" in r.content.decode()
    assert AuditEntry.objects.filter(action="denied", detail__contains=case.number).exists()
    r = c.post("/kiosk/lookup/", {"case_number": case.number, "id_number": "410222199001010013"})
    assert case.number in r.content.decode() and r.status_code == 200
    assert AuditEntry.objects.filter(action="read", case=case).exists()
    c.post("/kiosk/lookup/", {"case_number": case.number, "id_number": "410222199001010013"})
    r = c.post("/kiosk/lookup/", {"case_number": case.number, "id_number": "410222199001010013"})
    assert "过于频繁" in r.content.decode() and case.title not in r.content.decode()
    cache.clear()


# --- 材料收转 ---------------------------------------------------------------------------------

def test_materials_are_received_signed_by_the_cases_judge_and_overdue_after_a_working_day(court, lian, make_staff,
                                                                                        make_case):
    judge = make_staff(["judge"])
    case = make_case(judge=judge)
    with pytest.raises(ValidationError):
        services.receive_materials(lian, court, "（2026）豫0222民初1号", "马当事", "证据", 3)
    h = services.receive_materials(lian, court, case.number, "马当事", "补充证据材料", 12)
    assert case.events.filter(code="centre_materials_received").exists()
    assert not selectors.is_overdue(h)
    Handover.objects.filter(pk=h.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    h.refresh_from_db()
    assert selectors.is_overdue(h)
    c = Client()
    c.force_login(judge)
    page = c.get(f"/staff/cases/{case.pk}/panels/servicecentre/")
    assert page.status_code == 200 and "补充证据材料" in page.content.decode() and "逾期未签收" in page.content.decode()
    with pytest.raises(PermissionDenied):
        services.sign_materials(make_staff(["judge"]), h)
    c.post(f"/staff/centre/materials/{h.pk}/sign/")
    h.refresh_from_db()
    assert h.signed_by == judge and not selectors.is_overdue(h)


# --- 12368 ------------------------------------------------------------------------------------

def test_hotline_deadlines_by_kind_overdue_first_route_answer_close(court, lian, make_staff, settings):
    settings.HOTLINE_ANSWER_DAYS = {"consult": 1, "complaint": 5}
    judge = make_staff(["judge"])
    a = services.log_call(lian, court, caller="王五", phone="13900000000", kind="consult", text="怎么立案")
    b = services.log_call(lian, court, caller="赵六", phone="13900000001", kind="complaint", text="投诉")
    assert a.due_on == services.working_day_after(timezone.localdate(), 1)
    assert b.due_on == services.working_day_after(timezone.localdate(), 5)
    HotlineItem.objects.filter(pk=b.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert [i.pk for i in selectors.hotline_items(court)] == [b.pk, a.pk]
    services.route(lian, a, judge)
    with pytest.raises(ValidationError):
        services.close(lian, a)  # not answered yet
    c = Client()
    c.force_login(judge)
    assert f"/staff/centre/12368/{a.pk}/" in c.get("/staff/centre/12368/mine/").content.decode()
    assert c.get(f"/staff/centre/12368/{a.pk}/").status_code == 200
    c.post(f"/staff/centre/12368/{a.pk}/answer/", {"answer": "请携带起诉状到立案窗口。"})
    services.close(lian, HotlineItem.objects.get(pk=a.pk))
    assert HotlineItem.objects.get(pk=a.pk).closed_at is not None
    assert AuditEntry.objects.filter(detail=f"12368 answer {a.pk}").exists()
    lc = Client()
    lc.force_login(lian)
    body = lc.get("/staff/centre/12368/").content.decode()
    assert body.index("赵六") < body.index("王五") and "逾期" in body


# --- access -----------------------------------------------------------------------------------

STAFF_PAGES = ["/staff/centre/", "/staff/centre/windows/1/", "/staff/centre/materials/", "/staff/centre/12368/"]


def test_access_guards(court, lian, make_staff, make_public, windows):
    anon = Client()
    for url in STAFF_PAGES:
        assert anon.get(url).status_code == 302
    assert anon.get("/portal/appointments/").status_code == 302
    for url in ("/kiosk/", "/kiosk/ticket/", "/kiosk/checkin/", "/kiosk/lookup/", "/centre/display/"):
        assert anon.get(url).status_code == 200
    public = Client()
    public.force_login(make_public())
    judge = Client()
    judge.force_login(make_staff(["judge"]))
    ok = Client()
    ok.force_login(lian)
    for url in STAFF_PAGES:
        assert public.get(url).status_code == 403
        assert judge.get(url).status_code == 403
        assert ok.get(url).status_code == 200
    before = Ticket.objects.count()
    services.take_ticket(court, "filing")
    assert judge.post("/staff/centre/windows/1/next/").status_code == 403
    assert Ticket.objects.filter(state="called").count() == 0 and Ticket.objects.count() == before + 1
    r = ok.post("/staff/centre/windows/1/next/", follow=True)
    assert "A001" in r.content.decode()
    assert ok.post("/staff/centre/windows/1/recall/", {"ticket": "abc"}).status_code == 400
