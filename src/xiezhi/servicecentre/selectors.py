"""Reads of the service centre: the queue, the hall display, the day's appointments, papers waiting
for signature, the 12368 list, and the kiosk's case look-up."""
from __future__ import annotations

from django.db.models import Case as When_, IntegerField, Q, Value, When
from django.utils import timezone

from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case, public_events

from .models import Appointment, Handover, HotlineItem, ServiceWindow, Ticket


def windows(court):
    return ServiceWindow.objects.filter(court=court, active=True)


def window_state(window: ServiceWindow) -> dict:
    today = timezone.localdate()
    current = Ticket.objects.filter(window=window, day=today, state=Ticket.State.CALLED).order_by("-called_at").first()
    waiting = Ticket.objects.filter(court=window.court, day=today, state=Ticket.State.WAITING,
                                    service__in=window.services).count()
    return {"current": current, "waiting": waiting}


def called_now(court, limit: int = 10):
    """The hall screen: the latest numbers called, newest first."""
    return (Ticket.objects.filter(court=court, day=timezone.localdate(), state=Ticket.State.CALLED)
            .select_related("window").order_by("-called_at")[:limit])


def waiting_count(court) -> int:
    return Ticket.objects.filter(court=court, day=timezone.localdate(), state=Ticket.State.WAITING).count()


def day_appointments(court, day=None):
    return (Appointment.objects.filter(court=court, day=day or timezone.localdate())
            .exclude(state=Appointment.State.CANCELLED).select_related("user").order_by("slot", "pk"))


def my_appointments(user):
    return Appointment.objects.filter(user=user).order_by("-day", "-slot")[:100]


def my_appointment(user, pk: int) -> Appointment | None:
    return Appointment.objects.filter(user=user, pk=pk).first()


def is_overdue(h: Handover) -> bool:
    return h.signed_at is None and h.due_on < timezone.localdate()


def centre_handovers(court):
    return Handover.objects.filter(case__court=court).select_related("case", "received_by", "signed_by")[:200]


def case_handovers(user, case: Case) -> dict | None:
    """The case page's 材料收转: for the case's own staff (who may sign)."""
    rows = list(Handover.objects.filter(case=case).select_related("received_by", "signed_by"))
    if not rows or not can_manage_case(user, case):
        return None
    for h in rows:
        h.overdue = is_overdue(h)
    return {"rows": rows}


def hotline_items(court, *, open_only: bool = False):
    """Open calls first, the overdue among them first, then by deadline."""
    today = timezone.localdate()
    qs = HotlineItem.objects.filter(court=court).select_related("routed_to")
    if open_only:
        qs = qs.filter(closed_at__isnull=True)
    return qs.annotate(rank=When_(When(closed_at__isnull=False, then=Value(2)),
                                  When(due_on__lt=today, then=Value(0)), default=Value(1),
                                  output_field=IntegerField())).order_by("rank", "due_on", "pk")[:300]


def routed_to_me(user):
    return HotlineItem.objects.filter(routed_to=user, closed_at__isnull=True).order_by("due_on")


def kiosk_lookup(court, case_number: str, id_number: str) -> Case | None:
    """The case with this number in which a party (or an agent's principal) carries this ID number;
    None for a wrong pair — the kiosk does not tell which half was wrong."""
    number, idn = (case_number or "").strip(), (id_number or "").strip().upper()
    if not number or len(idn) < 6:
        return None
    return (Case.objects.filter(court=court, number=number)
            .filter(Q(parties__id_number__iexact=idn)).distinct().first())


def kiosk_progress(case: Case) -> list[dict]:
    """The nodes a party sees on the portal, by name and date only: a kiosk screen is read in a hall,
    so no summary (names, amounts) is shown on it."""
    from xiezhi.cases.events import label

    return [{"label": label(e.code), "at": e.at} for e in public_events(case)]
