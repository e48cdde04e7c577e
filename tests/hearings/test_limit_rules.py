"""Hearing rules of issue 9 §1.7 in the service: the postponement cap by time-limit kind, the
exceptions to the one-month gap, and the late-summons warning."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from xiezhi.hearings import services as hs

H = timedelta(hours=1)


def test_ordinary_single_judge_case_has_the_ordinary_cap(world):
    """延长审限规定 第三条: 普通程序独任审理 is ordinary procedure: two postponements, not unlimited."""
    w = world
    case = w["new_case"](procedure="civil_ordinary_single")
    h = hs.schedule_hearing(w["judge"], case, w["rooms"][0], w["t"], w["t"] + H)
    for n in range(2):
        h = hs.postpone_hearing(w["judge"], h, f"理由{n}", h.start + timedelta(days=7), h.end + timedelta(days=7))
    with pytest.raises(ValidationError, match="第三条"):
        hs.postpone_hearing(w["judge"], h, "再次", h.start + timedelta(days=7), h.end + timedelta(days=7))


def test_gap_over_a_month_allowed_with_the_parties_consent(world):
    """延长审限规定 第五条: 两次开庭间隔不得超过一个月，但因不可抗力或当事人同意的除外."""
    w = world
    h = hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + H)
    later = w["t"] + timedelta(days=45)
    with pytest.raises(ValidationError, match="一个月"):
        hs.postpone_hearing(w["judge"], h, "鉴定", later, later + H)
    new = hs.postpone_hearing(w["judge"], h, "鉴定", later, later + H, gap_exception="parties_consent")
    ev = w["case"].events.filter(code="hearing_postponed").get()
    assert new.pk and ev.payload["gap_exception"] == "parties_consent"
    with pytest.raises(ValidationError):
        hs.postpone_hearing(w["judge"], new, "x", later + timedelta(days=50), later + timedelta(days=50) + H,
                            gap_exception="bogus")


def test_hearing_fewer_than_three_days_ahead_warns_the_summons_is_late(world):
    """民事诉讼法 第一百三十九条; 民诉解释 第二百二十七条: the summons reaches the parties 3 days before."""
    w = world
    soon = w["t"] - timedelta(days=1)  # tomorrow 09:00
    h = hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], soon, soon + H)
    assert h.summons_late is True
    assert w["case"].events.filter(code="hearing_scheduled").get().payload["summons_late"] is True
    later = w["t"] + timedelta(days=5)
    h2 = hs.schedule_hearing(w["judge2"], w["new_case"](j=w["judge2"]), w["rooms"][1], later, later + H)
    assert h2.summons_late is False


def test_late_summons_warning_is_shown_on_the_page(world, client):
    w = world
    client.force_login(w["judge"])
    soon = w["t"] - timedelta(days=1)
    r = client.post(reverse("hearings:schedule", args=[w["case"].pk]), {
        "room": w["rooms"][0].pk, "date": soon.date().isoformat(), "start": "09:00", "end": "10:00"}, follow=True)
    assert "传票无法在开庭三日前送达" in r.content.decode()
