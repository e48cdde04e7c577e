"""诉前调解: the roster, the suitable-cause list, the states, the 30-day period and the pages."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from xiezhi.mediation import periods, services
from xiezhi.mediation.models import MediationEvent, PreSuitMediation

pytestmark = pytest.mark.django_db


# ---- the period (特邀调解规定 第二十七条) ---------------------------------------------------------

@pytest.mark.parametrize("accepted_on, extension, due", [
    (date(2026, 3, 2), 0, date(2026, 4, 1)),    # 特邀调解规定 第二十七条: 30 days from acceptance
    (date(2026, 3, 31), 0, date(2026, 4, 30)),  # the day of acceptance is not counted (民事诉讼法 第八十五条)
    (date(2026, 3, 2), 15, date(2026, 4, 16)),  # 第二十七条: extended by the parties' agreement
])
def test_thirty_days_from_the_mediators_acceptance(accepted_on, extension, due):
    assert periods.PRE_SUIT_DAYS == 30 and "第二十七条" in periods.BASIS
    assert periods.due_on(accepted_on, extension) == due


def test_acceptance_starts_the_clock(accepted):
    from django.utils import timezone

    m = accepted()
    today = timezone.localdate()
    assert m.state == "accepted" and m.accepted_at is not None
    assert m.due_on >= today + timedelta(days=30)  # 30 days, moved on only past a holiday
    ev = m.events.get(code="accepted")
    assert ev.payload["basis"] == "特邀调解规定 第二十七条"


def test_extension_moves_the_due_date_once_per_key(accepted, staff):
    from django.utils import timezone

    m = accepted()
    due = m.due_on
    services.extend(staff["mediator"], m, 10, "双方同意延长", key="k1")
    m = services.extend(staff["mediator"], m, 10, "双方同意延长", key="k1")  # a double click
    m.refresh_from_db()
    accepted_on = timezone.localdate(m.accepted_at)
    # 40 days from acceptance (a holiday roll of the 30th day does not add to the extension)
    assert m.extension_days == 10 and m.due_on >= accepted_on + timedelta(days=40) and m.due_on > due
    with pytest.raises(ValidationError):
        services.extend(staff["mediator"], m, 0, "双方同意")


# ---- offer, consent, assign ---------------------------------------------------------------------

def test_offer_draws_a_pre_suit_number_and_copies_the_parties(make_filing, staff, roster):
    f = make_filing()
    m = services.offer(staff["lian"], f)
    assert "民诉前调" in m.number and m.number.endswith(f"{m.serial}号")
    assert [p["role"] for p in m.parties] == ["plaintiff", "defendant"]
    assert services.offer(staff["lian"], f).pk == m.pk  # a second click: the same mediation
    f.refresh_from_db()
    assert f.status == "submitted" and f.review_due_on is None  # the review clock waits


def test_offer_refused_when_the_cause_is_not_suitable(make_filing, staff, roster, other_cause):
    f = make_filing(other_cause)
    with pytest.raises(ValidationError, match="不在本院适宜诉前调解的案由清单内"):
        services.offer(staff["lian"], f)
    assert not PreSuitMediation.objects.exists()


def test_only_the_filing_office_offers(make_filing, staff, roster):
    with pytest.raises(PermissionDenied):
        services.offer(staff["judge"], make_filing())


def test_refusal_sends_the_filing_back_to_review(make_filing, staff, roster):
    f = make_filing()
    m = services.consent(f.submitted_by, services.offer(staff["lian"], f), False)
    assert m.state == "refused"
    f.refresh_from_db()
    assert f.review_due_on is not None


def test_assign_needs_consent(make_filing, staff, roster):
    m = services.offer(staff["lian"], make_filing())
    with pytest.raises(ValidationError):
        services.assign(staff["lian"], m, roster["mediator"])


def test_only_the_assigned_mediator_accepts(make_filing, staff, roster):
    f = make_filing()
    m = services.consent(staff["lian"], services.offer(staff["lian"], f), True)
    m = services.assign(staff["lian"], m, roster["mediator"], chosen_by_parties=True)
    with pytest.raises(PermissionDenied):
        services.accept(staff["other_mediator"], m)
    m = services.accept(staff["mediator"], m)
    assert services.accept(staff["mediator"], m).accepted_at == m.accepted_at  # once


# ---- outcomes -----------------------------------------------------------------------------------

def test_failure_carries_the_filing_back(accepted, staff):
    from xiezhi.filing import services as filing_services

    m = accepted()
    before = dict(m.filing.data)
    # while the mediation runs the filing is not registered (mediation first, 民事诉讼法 第一百二十五条)
    with pytest.raises(ValidationError, match="正在诉前调解"):
        filing_services.register(staff["lian"], m.filing, procedure_code="civil_summary")
    m = services.record_failure(staff["mediator"], m, "分歧较大")
    f = m.filing
    f.refresh_from_db()
    assert m.state == "failed" and f.status == "submitted" and f.review_due_on is not None
    assert f.data == before  # nobody types it again
    case = filing_services.register(staff["lian"], f, procedure_code="civil_summary")  # and it is registered
    assert case.number


def test_agreement_closes_the_mediation(accepted, staff):
    m = services.record_agreement(staff["mediator"], accepted(), "被告分期付款")
    assert m.state == "agreement" and m.closed_at and not m.is_open
    with pytest.raises(ValidationError):
        services.record_failure(staff["mediator"], m, "分歧较大")


def test_notes_once_per_key(accepted, staff):
    m = accepted()
    services.add_note(staff["mediator"], m, "约定周五调解", key="n1")
    services.add_note(staff["mediator"], m, "约定周五调解", key="n1")
    assert MediationEvent.objects.filter(mediation=m, code="note").count() == 1
    with pytest.raises(PermissionDenied):
        services.add_note(staff["other_mediator"], m, "我也来")


# ---- pages --------------------------------------------------------------------------------------

def _client(user):
    from django.test import Client

    c = Client()
    c.force_login(user)
    return c


def test_the_mediator_sees_only_their_mediations(accepted, staff, make_filing, roster):
    mine = accepted()
    f = make_filing()
    other = services.assign(staff["lian"], services.consent(staff["lian"], services.offer(staff["lian"], f), True),
                            roster["other_mediator"])
    c = _client(staff["mediator"])
    r = c.get("/staff/mediation/mine/")
    html = r.content.decode()
    assert r.status_code == 200 and mine.number in html and other.number not in html
    assert c.get(f"/staff/mediation/{mine.pk}/").status_code == 200
    assert c.get(f"/staff/mediation/{other.pk}/").status_code == 404
    assert c.post(f"/staff/mediation/{other.pk}/accept/").status_code == 404
    other.refresh_from_db()
    assert other.state == "assigned"


def test_mediator_lands_on_their_mediations(staff):
    assert staff["mediator"].staff_landing() == "mediation:mine"
    assert staff["judge"].staff_landing() == "cases:workbench"


def test_access_guards(accepted, staff, make_public):
    m = accepted()
    assert _client(staff["judge"]).get(f"/staff/mediation/{m.pk}/").status_code == 403
    assert _client(staff["judge"]).get("/staff/mediation/mediators/").status_code == 403
    assert _client(make_public()).get("/staff/mediation/mine/").status_code == 403
    r = _client(staff["judge"]).post(f"/staff/mediation/{m.pk}/failure/", {"reason": "分歧"})
    assert r.status_code == 403
    m.refresh_from_db()
    assert m.state == "accepted"


def test_the_clerk_offers_from_the_review_page_and_the_mediator_closes(make_filing, staff, roster):
    f = make_filing()
    lian = _client(staff["lian"])
    assert "建议诉前调解" in lian.get(f"/staff/filings/{f.pk}/").content.decode()
    r = lian.post(f"/staff/mediation/offer/{f.pk}/")
    m = PreSuitMediation.objects.get(filing=f)
    assert r.status_code == 302 and r["Location"] == f"/staff/mediation/{m.pk}/"
    lian.post(f"/staff/mediation/{m.pk}/consent/", {"answer": "yes"})
    lian.post(f"/staff/mediation/{m.pk}/assign/", {"mediator": str(roster["mediator"].pk)})
    med = _client(staff["mediator"])
    med.post(f"/staff/mediation/{m.pk}/accept/")
    med.post(f"/staff/mediation/{m.pk}/notes/", {"text": "已联系双方"})
    med.post(f"/staff/mediation/{m.pk}/extend/", {"days": "abc", "reason": "同意"})  # a 400, never a 500
    med.post(f"/staff/mediation/{m.pk}/failure/", {"reason": "分歧较大"})
    m.refresh_from_db()
    assert m.state == "failed"
    html = lian.get("/staff/mediation/mediators/").content.decode()
    assert staff["mediator"].real_name in html
    assert lian.get("/staff/mediation/").status_code == 200


def test_the_review_page_says_the_filing_waits_for_its_mediation(accepted, staff):
    from django.test import Client
    from django.urls import reverse

    m = accepted()
    c = Client()
    c.force_login(staff["lian"])
    html = c.get(reverse("filing:review", args=[m.filing.pk])).content.decode()
    assert 'id="registration-held"' in html and m.number in html
    services.record_failure(staff["mediator"], m, "分歧较大")
    assert 'id="registration-held"' not in c.get(reverse("filing:review", args=[m.filing.pk])).content.decode()


def test_the_filing_queue_marks_a_filing_in_mediation_and_stops_showing_its_clock(client, make_filing, staff,
                                                                                   roster):
    """A filing in pre-suit mediation waits for the mediation (民事诉讼法 第一百二十五条): the clerk's queue
    says so instead of counting its 7 review days down to "overdue"."""
    from xiezhi.mediation import services

    held, plain = make_filing(), make_filing()
    m = services.offer(staff["lian"], held)
    client.force_login(staff["lian"])
    body = client.get("/staff/filings/").content.decode()
    row = body[body.index(f'/staff/filings/{held.pk}/'):]
    row = row[:row.index("</tr>")]
    assert "诉前调解中" in row and m.number in row and "暂不计算" in row
    other = body[body.index(f'/staff/filings/{plain.pk}/'):]
    assert "诉前调解中" not in other[:other.index("</tr>")]
