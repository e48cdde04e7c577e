"""Hearing scheduling under concurrency (issue 8 §3): the conflict check and the slot insert of
two bookings that share a participant cannot interleave, whatever room each one uses."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.concurrency import at_once, double_click, messages_of, one_done_rest_refused, require_postgresql
from xiezhi.cases.models import Party
from xiezhi.hearings import services as hs
from xiezhi.hearings.models import Hearing, Slot

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
H = timedelta(hours=1)


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def _two_cases(w, **kw):
    """Two cases sharing nothing but what the test adds (no common clerk)."""
    a, b = w["new_case"](j=w["judge"]), w["new_case"](j=w["judge2"])
    a.team.remove(w["clerk"])
    b.team.remove(w["clerk"])
    return a, b


def _book_both(w, a, b):
    """The two bookings at the same hour in two different rooms, at once."""
    return at_once(lambda: hs.schedule_hearing(w["judge"], a, w["rooms"][0], w["t"], w["t"] + 2 * H),
                   lambda: hs.schedule_hearing(w["judge2"], b, w["rooms"][1], w["t"] + H, w["t"] + 3 * H))


@pytest.mark.parametrize("attempt", range(3))  # the race is a window: try it more than once
def test_two_rooms_cannot_share_a_judge_at_the_same_hour(world, attempt):
    w = world
    a, b = _two_cases(w)
    b.team.add(w["judge"])  # 王法官 handles case a and sits on case b's panel
    one_done_rest_refused(_book_both(w, a, b), "审判人员 王法官")
    assert Hearing.objects.filter(case__in=[a, b]).count() == 1
    assert Slot.objects.filter(key=f"s:{w['judge'].pk}").count() == 1


@pytest.mark.parametrize("attempt", range(3))
def test_two_rooms_cannot_share_a_lawyer_at_the_same_hour(world, attempt):
    w = world
    a, b = _two_cases(w)
    for case in (a, b):
        Party.objects.create(case=case, role="agent", name=w["lawyer"].real_name,
                             lawyer_licence=w["lawyer"].lawyer_licence)
    one_done_rest_refused(_book_both(w, a, b), f"代理律师 {w['lawyer'].real_name}")
    assert Hearing.objects.filter(case__in=[a, b]).count() == 1


def test_two_rooms_cannot_share_a_clerk_at_the_same_hour(world):
    w = world
    a, b = _two_cases(w)
    outcomes = at_once(
        lambda: hs.schedule_hearing(w["judge"], a, w["rooms"][0], w["t"], w["t"] + 2 * H, clerk=w["clerk"]),
        lambda: hs.schedule_hearing(w["judge2"], b, w["rooms"][1], w["t"], w["t"] + 2 * H, clerk=w["clerk"]))
    one_done_rest_refused(outcomes, "书记员 赵书记员")
    assert Hearing.objects.filter(case__in=[a, b]).count() == 1


def test_unrelated_bookings_at_the_same_hour_both_succeed(world):
    """The locks are per participant, not one global lock that refuses or serialises everything."""
    w = world
    a, b = _two_cases(w)
    outcomes = _book_both(w, a, b)
    assert [type(o).__name__ for o in outcomes] == ["Hearing", "Hearing"]


def test_double_click_on_schedule_books_one_hearing(world):
    w = world
    case = w["case"]
    day = timezone.localtime(w["t"])
    responses = double_click(w["judge"], reverse("hearings:schedule", args=[case.pk]), {
        "room": w["rooms"][0].pk, "date": day.date().isoformat(), "start": "09:00", "end": "10:00", "public": "1"})
    assert Hearing.objects.filter(case=case).count() == 1
    assert case.events.filter(code="hearing_scheduled").count() == 1
    assert sum("第1审判庭" in m for r in responses for m in messages_of(r)) == 1
