"""Scheduling with conflict checks, publicity, online link, postponement limits."""
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from xiezhi.cases.models import Party
from xiezhi.hearings import services as hs
from xiezhi.hearings.models import HearingStatus
from xiezhi.hearings.selectors import hearing_context

pytestmark = pytest.mark.django_db
H = timedelta(hours=1)


def test_scheduling_appends_a_public_event_and_makes_an_online_link_on_the_court_domain(world, settings):
    settings.HEARING_ONLINE_BASE = "https://court.txx.example"
    w = world
    h = hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + 2 * H, clerk=w["clerk"], online=True)
    ev = w["case"].events.order_by("-seq").first()
    assert ev.code == "hearing_scheduled" and ev.public_to_parties
    assert ev.payload == {"hearing_id": h.pk, "start": ev.payload["start"], "room": "第1审判庭", "public": True, "online": True,
                          "summons_late": True}  # two days ahead: 民事诉讼法 第一百三十九条
    assert ev.payload["start"].startswith(w["t"].strftime("%Y-%m-%dT09:00"))
    assert h.online_url.startswith(f"https://court.txx.example/online-hearing/{w['court'].code}/")
    assert w["litigant"].notifications.filter(kind="hearing").exists()


@pytest.mark.parametrize("kind", ["room", "judge", "clerk", "lawyer"])
def test_each_kind_of_conflict_is_refused_and_explained(world, kind):
    w = world
    hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + 2 * H, clerk=w["clerk"])
    other = w["new_case"](j=w["judge2"])
    other.team.remove(w["clerk"])
    room, clerk = w["rooms"][1], None
    if kind == "room":
        room = w["rooms"][0]
    elif kind == "judge":
        other.team.add(w["judge"])  # the busy judge sits on the other case's panel
    elif kind == "clerk":
        clerk = w["clerk"]
    else:  # the same lawyer (by licence number) represents a party in the other case
        Party.objects.create(case=other, role="agent", name=w["lawyer"].real_name,
                             lawyer_licence=w["lawyer"].lawyer_licence)
    with pytest.raises(ValidationError) as exc:
        hs.schedule_hearing(w["judge2"], other, room, w["t"] + H, w["t"] + 3 * H, clerk=clerk)
    text = "；".join(exc.value.messages)
    expected = {"room": "审判法庭“第1审判庭”", "judge": "审判人员 王法官", "clerk": "书记员 赵书记员",
                "lawyer": f"代理律师 {w['lawyer'].real_name}"}[kind]
    assert expected in text and w["case"].number in text
    # back to back is not a conflict
    hs.schedule_hearing(w["judge2"], other, room, w["t"] + 2 * H, w["t"] + 3 * H, clerk=clerk)


def test_conflict_check_is_a_fixed_number_of_queries(world):
    w = world
    for i in range(5):
        hs.schedule_hearing(w["judge"], w["case"], w["rooms"][i % 3], w["t"] + timedelta(days=i), w["t"] + timedelta(days=i) + H)
    keys = hs.participant_keys(w["case"], w["rooms"][0], w["clerk"])
    with CaptureQueriesContext(connection) as ctx:
        found = hs.find_conflicts(keys, w["t"], w["t"] + timedelta(days=5))
    assert len(ctx.captured_queries) == 1 and len(found) >= 5


def test_closed_hearing_needs_a_lawful_reason(world):
    w = world
    with pytest.raises(ValidationError, match="法定理由"):
        hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + H, public=False)
    with pytest.raises(ValidationError, match="当事人申请"):
        hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + H, public=False, closed_reason="divorce")
    h = hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + H, public=False,
                            closed_reason="privacy", closed_note="涉及病历")
    assert not h.public and h.closed_reason == "privacy"
    assert hearing_context(h)["closed_reason"] == "涉及个人隐私"


def test_only_the_case_team_may_schedule(world, make_staff):
    w = world
    with pytest.raises(PermissionDenied):
        hs.schedule_hearing(make_staff(["judge"]), w["case"], w["rooms"][0], w["t"], w["t"] + H)


@pytest.mark.parametrize("procedure, limit", [("civil_ordinary", 2), ("civil_summary", 1), ("civil_small_claims", 1)])
def test_postponement_limits_per_procedure(world, procedure, limit):
    """延长审限规定 第五条: 2 postponements in ordinary, 1 in summary and small-claims procedure."""
    w = world
    case = w["new_case"](procedure=procedure)
    h = hs.schedule_hearing(w["judge"], case, w["rooms"][0], w["t"], w["t"] + H)
    for n in range(limit):
        h = hs.postpone_hearing(w["judge"], h, f"原告申请调取证据{n}", h.start + timedelta(days=7), h.end + timedelta(days=7))
    with pytest.raises(ValidationError, match="上限"):
        hs.postpone_hearing(w["judge"], h, "再次申请", h.start + timedelta(days=7), h.end + timedelta(days=7))
    evs = list(case.events.filter(code="hearing_postponed").order_by("seq"))
    assert len(evs) == limit and all(e.public_to_parties for e in evs)
    assert evs[0].payload["reason"] == "原告申请调取证据0"
    assert case.hearings.filter(status=HearingStatus.POSTPONED).count() == limit


def test_postponed_session_within_one_month_and_frees_the_room(world):
    w = world
    h = hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + H)
    with pytest.raises(ValidationError, match="一个月"):
        hs.postpone_hearing(w["judge"], h, "理由", w["t"] + timedelta(days=40), w["t"] + timedelta(days=40) + H)
    with pytest.raises(ValidationError, match="理由"):
        hs.postpone_hearing(w["judge"], h, " ", w["t"] + timedelta(days=3), w["t"] + timedelta(days=3) + H)
    new = hs.postpone_hearing(w["judge"], h, "被告病假", w["t"] + timedelta(days=3), w["t"] + timedelta(days=3) + H)
    assert new.previous_id == h.pk
    # the old slot is free again
    other = w["new_case"](j=w["judge2"])
    other.team.remove(w["clerk"])
    hs.schedule_hearing(w["judge2"], other, w["rooms"][0], w["t"], w["t"] + H)


def test_hearing_context_for_the_summons(world):
    w = world
    h = hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + H, clerk=w["clerk"], online=True)
    ctx = hearing_context(h)
    assert ctx["case_number"] == w["case"].number and ctx["room"] == "第1审判庭"
    assert ctx["court"]["name"] == "通许县人民法院" and ctx["judge"] == "王法官" and ctx["clerk"] == "赵书记员"
    assert ctx["online_url"] and ctx["start_text"].endswith("09时00分")
    names = {p["name"] for p in ctx["parties"]}
    assert w["litigant"].real_name in names and "被告乙" in names


def test_past_times_and_foreign_rooms_are_refused(world, court):
    from xiezhi.courts.models import Court, Courtroom

    w = world
    with pytest.raises(ValidationError):
        hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"] - timedelta(days=5), w["t"] - timedelta(days=5) + H)
    foreign = Courtroom.objects.create(court=Court.objects.get(case_code="豫0203"), name="外院法庭")
    with pytest.raises(ValidationError, match="本院"):
        hs.schedule_hearing(w["judge"], w["case"], foreign, w["t"], w["t"] + H)


def test_a_lawyer_is_found_by_portal_account_too_and_reported_once(world):
    w = world
    hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + H)
    other = w["new_case"](j=w["judge2"])
    other.team.remove(w["clerk"])
    Party.objects.create(case=other, role="agent", name=w["lawyer"].real_name, user=w["lawyer"])  # no licence typed
    found = hs.check_conflicts(other, w["rooms"][1], w["t"], w["t"] + H)
    assert [c.kind for c in found] == ["lawyer"]
