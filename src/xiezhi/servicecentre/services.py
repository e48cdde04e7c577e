"""Changes at the litigation service centre. Every function takes the acting user (or, for the
kiosk, the court) first, validates with Chinese sentences and writes in one transaction.

Repeatable writes and why they are safe:
- a ticket number is drawn from cases.counters.next_value inside the transaction that inserts the
  ticket, so numbers per (court, day, service) are unique and gap-free (a rollback returns it);
- 叫号 takes the oldest waiting ticket with SELECT … FOR UPDATE SKIP LOCKED: two windows calling at
  once lock different rows, never the same ticket;
- booking locks the slot's SlotLock row before counting, so a full slot is never overbooked."""
from __future__ import annotations

import secrets
from datetime import date, time, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from xiezhi.cases.counters import next_value
from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event

from .models import SERVICE_LETTER, Appointment, Handover, HotlineItem, Service, ServiceWindow, SlotLock, Ticket

CENTRE_ROLES = ("filing_judge",)  # the 诉讼服务中心 is staffed by the filing division (立案庭)


def _centre_staff(user, court) -> None:
    if getattr(user, "kind", "") != "staff" or user.court_id != court.pk or not set(CENTRE_ROLES) & set(user.roles or []):
        raise PermissionDenied("仅诉讼服务中心工作人员可以办理。")


def working_day_after(start: date, n: int) -> date:
    """The n-th working day after `start` (民事诉讼法 第八十五条第二款: the day itself not counted), by
    the court's work calendar; where the calendar does not cover the days, weekends are the rest days."""
    from xiezhi.courts.calendar import get_work_calendar
    from xiezhi.law.periods import working_days_after

    try:
        return working_days_after(start, n, get_work_calendar(strict=False))
    except Exception:  # noqa: BLE001 - a missing calendar year must not stop the counter
        day, counted = start, 0
        while counted < n:
            day += timedelta(days=1)
            counted += day.weekday() < 5
        return day


# --- tickets ---------------------------------------------------------------------------------------

def take_ticket(court, service: str, *, appointment: Appointment | None = None) -> Ticket:
    if service not in Service.values:
        raise ValidationError("请选择办理的业务。")
    day = timezone.localdate()
    with transaction.atomic():
        serial = next_value("centre_ticket", court.pk, day.isoformat(), service)
        return Ticket.objects.create(court=court, day=day, service=service, serial=serial,
                                     number=f"{SERVICE_LETTER[service]}{serial:03d}",
                                     priority=appointment is not None, appointment=appointment)


def call_next(user, window: ServiceWindow) -> Ticket | None:
    """The next ticket for this window: checked-in appointments first, then by the time taken."""
    _centre_staff(user, window.court)
    with transaction.atomic():
        ticket = (Ticket.objects.select_for_update(skip_locked=True)
                  .filter(court=window.court, day=timezone.localdate(), state=Ticket.State.WAITING,
                          service__in=window.services)
                  .order_by("-priority", "created_at", "pk").first())
        if ticket is None:
            return None
        ticket.state, ticket.window, ticket.called_at = Ticket.State.CALLED, window, timezone.now()
        ticket.calls += 1
        ticket.save(update_fields=["state", "window", "called_at", "calls"])
        return ticket


def _at_window(user, ticket: Ticket, window: ServiceWindow) -> Ticket:
    _centre_staff(user, window.court)
    t = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if t.window_id != window.pk or t.state != Ticket.State.CALLED:
        raise ValidationError("该号码不在本窗口办理中。")
    return t


def recall(user, window: ServiceWindow, ticket: Ticket) -> Ticket:
    with transaction.atomic():
        t = _at_window(user, ticket, window)
        t.calls, t.called_at = F("calls") + 1, timezone.now()
        t.save(update_fields=["calls", "called_at"])
        t.refresh_from_db()
        return t


def finish(user, window: ServiceWindow, ticket: Ticket, *, no_show: bool = False) -> Ticket:
    with transaction.atomic():
        t = _at_window(user, ticket, window)
        t.state = Ticket.State.NO_SHOW if no_show else Ticket.State.DONE
        t.finished_at = timezone.now()
        t.save(update_fields=["state", "finished_at"])
        return t


def transfer(user, window: ServiceWindow, ticket: Ticket, target: ServiceWindow) -> Ticket:
    """Send the person to another window: the ticket is called there at once."""
    if target.court_id != window.court_id or target.pk == window.pk:
        raise ValidationError("请选择本中心的另一个窗口。")
    with transaction.atomic():
        t = _at_window(user, ticket, window)
        t.window, t.called_at = target, timezone.now()
        t.calls += 1
        t.save(update_fields=["window", "called_at", "calls"])
        return t


# --- appointments ----------------------------------------------------------------------------------

def slots() -> list[time]:
    """Half-hour slots of the centre's office hours: 9:00–11:30 and 14:00–16:30."""
    return [time(h, m) for h in (9, 10, 11, 14, 15, 16) for m in (0, 30)]


def book(user, court, service: str, day: date, slot: time, note: str = "") -> Appointment:
    if getattr(user, "kind", "") != "public":
        raise PermissionDenied("请使用诉讼服务网账户预约。")
    if service not in Service.values:
        raise ValidationError("请选择预约的业务。")
    today = timezone.localdate()
    if day is None or day <= today or day > today + timedelta(days=30):
        raise ValidationError("请预约明天起三十日内的日期。")
    if day.weekday() >= 5 or working_day_after(day - timedelta(days=1), 1) != day:
        raise ValidationError("该日不是工作日，请另选日期。")
    if slot not in slots():
        raise ValidationError("请选择办公时间内的半小时时段。")
    with transaction.atomic():
        SlotLock.objects.get_or_create(court=court, day=day, slot=slot)
        SlotLock.objects.select_for_update().get(court=court, day=day, slot=slot)
        live = Appointment.objects.filter(court=court, day=day, slot=slot).exclude(state=Appointment.State.CANCELLED)
        if live.filter(user=user).exists():
            raise ValidationError("您已预约该时段。")
        if live.count() >= settings.CENTRE_SLOT_CAPACITY:
            raise ValidationError("该时段已约满，请选择其他时段。")
        return Appointment.objects.create(court=court, user=user, service=service, day=day, slot=slot,
                                          note=note.strip()[:200], code=secrets.token_hex(3).upper())


def cancel(user, appointment: Appointment) -> Appointment:
    with transaction.atomic():
        a = Appointment.objects.select_for_update().get(pk=appointment.pk)
        if a.user_id != user.pk:
            raise PermissionDenied("只能取消本人的预约。")
        if a.state != Appointment.State.BOOKED:
            raise ValidationError("该预约已签到或已取消。")
        a.state = Appointment.State.CANCELLED
        a.save(update_fields=["state"])
        return a


def check_in(court, id_number: str) -> Ticket:
    """At the kiosk: today's appointment of the holder of this ID card becomes a priority ticket."""
    id_number = (id_number or "").strip().upper()
    if not id_number:
        raise ValidationError("请读取身份证或输入身份证号码。")
    with transaction.atomic():
        a = (Appointment.objects.select_for_update()
             .filter(court=court, day=timezone.localdate(), state=Appointment.State.BOOKED,
                     user__id_number__iexact=id_number).order_by("slot").first())
        if a is None:
            raise ValidationError("未找到您今天的预约。")
        a.state = Appointment.State.CHECKED_IN
        a.save(update_fields=["state"])
        return take_ticket(court, a.service, appointment=a)


# --- 材料收转 -------------------------------------------------------------------------------------

def receive_materials(user, court, case_number: str, brought_by: str, items: str, pages) -> Handover:
    _centre_staff(user, court)
    case = Case.objects.filter(court=court, number=(case_number or "").strip()).first()
    if case is None:
        raise ValidationError("未找到该案号的案件。")
    try:
        pages = int(pages)
    except (TypeError, ValueError):
        pages = 0
    if not brought_by.strip() or not items.strip() or pages <= 0:
        raise ValidationError("请填写提交人、材料名称和页数。")
    with transaction.atomic():
        h = Handover.objects.create(case=case, brought_by=brought_by.strip()[:100], items=items.strip()[:300],
                                    pages=pages, received_by=user,
                                    due_on=working_day_after(timezone.localdate(), 1))
        append_event(case, "centre_materials_received", user,
                     {"items": h.items, "pages": pages, "brought_by": h.brought_by})
        return h


def sign_materials(user, handover: Handover) -> Handover:
    if not can_manage_case(user, handover.case):
        raise PermissionDenied("仅本案承办人员可以签收。")
    with transaction.atomic():
        h = Handover.objects.select_for_update().get(pk=handover.pk)
        if h.signed_at:
            raise ValidationError("该材料已签收。")
        h.signed_by, h.signed_at = user, timezone.now()
        h.save(update_fields=["signed_by", "signed_at"])
        append_event(h.case, "centre_materials_signed", user, {"items": h.items, "pages": h.pages})
        return h


# --- 12368 ----------------------------------------------------------------------------------------

def log_call(user, court, *, caller: str, phone: str, kind: str, text: str, case_number: str = "") -> HotlineItem:
    _centre_staff(user, court)
    if kind not in HotlineItem.Kind.values:
        raise ValidationError("请选择来电类别。")
    if not caller.strip() or not phone.strip() or not text.strip():
        raise ValidationError("请填写来电人、电话和来电内容。")
    days = settings.HOTLINE_ANSWER_DAYS.get(kind, 1)
    return HotlineItem.objects.create(court=court, caller=caller.strip()[:100], phone=phone.strip()[:30], kind=kind,
                                      case_number=case_number.strip()[:60], text=text.strip(), created_by=user,
                                      due_on=working_day_after(timezone.localdate(), days))


def route(user, item: HotlineItem, to) -> HotlineItem:
    _centre_staff(user, item.court)
    if to is None or getattr(to, "court_id", None) != item.court_id or to.kind != "staff":
        raise ValidationError("请选择本院的工作人员。")
    if item.closed_at:
        raise ValidationError("该来电已办结。")
    item.routed_to = to
    item.save(update_fields=["routed_to"])
    return item


def answer(user, item: HotlineItem, text: str) -> HotlineItem:
    if item.routed_to_id != user.pk:
        _centre_staff(user, item.court)
    if item.closed_at:
        raise ValidationError("该来电已办结。")
    if not text.strip():
        raise ValidationError("请填写答复内容。")
    item.answer, item.answered_at = text.strip(), timezone.now()
    item.save(update_fields=["answer", "answered_at"])
    return item


def close(user, item: HotlineItem) -> HotlineItem:
    _centre_staff(user, item.court)
    if not item.answered_at:
        raise ValidationError("请先答复再办结。")
    if item.closed_at:
        raise ValidationError("该来电已办结。")
    item.closed_at = timezone.now()
    item.save(update_fields=["closed_at"])
    return item
