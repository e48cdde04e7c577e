"""Repeatable writes of the service centre under real concurrency (PostgreSQL)."""
from datetime import time

import pytest
from django.utils import timezone

from tests.concurrency import at_once, require_postgresql
from xiezhi.servicecentre import services
from xiezhi.servicecentre.models import Appointment, Ticket

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_tickets_taken_at_once_are_unique_and_gap_free(court):
    require_postgresql()
    out = at_once(*[lambda: services.take_ticket(court, "filing") for _ in range(6)])
    assert all(isinstance(o, Ticket) for o in out), out
    assert sorted(o.number for o in out) == [f"A{i:03d}" for i in range(1, 7)]


def test_two_windows_calling_at_once_never_get_the_same_ticket(court, lian, windows):
    require_postgresql()
    for _ in range(2):
        services.take_ticket(court, "filing")
    out = at_once(*[lambda w=w: services.call_next(lian, w) for w in windows])
    assert all(isinstance(o, Ticket) for o in out), out
    assert len({o.pk for o in out}) == 2
    assert {o.window_id for o in out} == {w.pk for w in windows}
    # one ticket left for three calls at once: one window gets it, the others get nobody
    services.take_ticket(court, "filing")
    out = at_once(*[lambda w=w: services.call_next(lian, w) for w in windows + windows[:1]])
    assert [o for o in out if isinstance(o, BaseException)] == []
    assert len([o for o in out if o is not None]) == 1


def test_the_last_place_of_a_slot_is_booked_once(court, make_public, settings):
    require_postgresql()
    settings.CENTRE_SLOT_CAPACITY = 2
    day = services.working_day_after(timezone.localdate(), 1)
    users = [make_public() for _ in range(5)]
    out = at_once(*[lambda u=u: services.book(u, court, "filing", day, time(10, 0)) for u in users])
    done = [o for o in out if isinstance(o, Appointment)]
    refused = [o for o in out if not isinstance(o, Appointment)]
    assert len(done) == 2 and all("约满" in "".join(getattr(r, "messages", [""])) for r in refused), out
    assert Appointment.objects.filter(day=day, slot=time(10, 0)).count() == 2
    # a double click of one party books once
    settings.CENTRE_SLOT_CAPACITY = 10
    u = make_public()
    out = at_once(*[lambda: services.book(u, court, "filing", day, time(10, 30)) for _ in range(3)])
    assert Appointment.objects.filter(user=u).count() == 1
    assert len([o for o in out if isinstance(o, Appointment)]) == 1
