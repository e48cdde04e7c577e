"""The pages of 司法确认: who may open and post what (a refused POST changes nothing)."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.confirmation.models import ConfirmationApplication, MediationOutcome, State

pytestmark = pytest.mark.django_db


def _client(client, user):
    client.force_login(user)
    return client


def test_board_and_counter_form_for_the_filing_division(client, staff, receive):
    app = receive()
    c = _client(client, staff["lian"])
    page = c.get(reverse("confirmation:board")).content.decode()
    assert reverse("confirmation:detail", args=[app.pk]) in page and reverse("confirmation:new") in page
    assert c.get(reverse("confirmation:new")).status_code == 200
    assert c.get(reverse("confirmation:detail", args=[app.pk])).status_code == 200
    # the filing judge's menu links the list
    assert reverse("confirmation:board") in c.get(reverse("cases:workbench")).content.decode()


def test_counter_form_registers_and_refuses_a_late_application(client, staff):
    c = _client(client, staff["lian"])
    data = {"origin": "self_organised", "venue_ground": "organisation", "organisation_name": "城关镇人民调解委员会",
            "agreement_text": "李四偿还张三10000元。", "name": ["张三", "李四", ""], "id_number": ["", "", ""],
            "phone": ["", "", ""], "address": ["", "", ""], "key": "k-form"}
    late = {**data, "agreement_effective_on": (timezone.localdate() - timedelta(days=90)).isoformat(), "key": "k-late"}
    r = c.post(reverse("confirmation:new"), late)
    assert r.status_code == 200 and "第二百零五条" in r.content.decode()
    assert not ConfirmationApplication.objects.exists()
    ok = {**data, "agreement_effective_on": (timezone.localdate() - timedelta(days=2)).isoformat()}
    r = c.post(reverse("confirmation:new"), ok)
    app = ConfirmationApplication.objects.get()
    assert r.status_code == 302 and r["Location"] == reverse("confirmation:detail", args=[app.pk])
    c.post(reverse("confirmation:new"), ok)  # the same form sent twice
    assert ConfirmationApplication.objects.count() == 1


def test_guards(client, staff, receive, make_public):
    app = receive()
    for who in ("judge", "clerk", "mediator"):
        c = _client(client, staff[who])
        assert c.get(reverse("confirmation:board")).status_code == 403 or who == "judge"
        assert c.get(reverse("confirmation:new")).status_code == 403
        before = row_counts()
        c.post(reverse("confirmation:accept", args=[app.pk]), {"judge": staff["judge"].pk})
        assert_nothing_changed(before, f"accept by {who}")
    # a judge who does not handle it does not see it
    assert _client(client, staff["judge"]).get(reverse("confirmation:detail", args=[app.pk])).status_code == 404
    public = make_public()
    c = _client(client, public)
    assert c.get(reverse("confirmation:board")).status_code == 403
    assert c.get(reverse("confirmation:portal_list")).status_code == 200


def test_accept_and_decide_through_the_pages(client, staff, receive, settings):
    settings.CLOSING_REQUIRES_SERVICE = False
    app = receive()
    c = _client(client, staff["lian"])
    c.post(reverse("confirmation:accept", args=[app.pk]), {"judge": staff["judge"].pk})
    app.refresh_from_db()
    assert app.state == State.ACCEPTED
    j = _client(client, staff["judge"])
    page = j.get(reverse("cases:panel", args=[app.case_id, "confirmation"])).content.decode()
    assert reverse("confirmation:decide", args=[app.pk]) in page
    before = row_counts()
    _client(client, staff["other_judge"]).post(reverse("confirmation:decide", args=[app.pk]), {"outcome": "confirmed"})
    assert_nothing_changed(before, "a decision by another judge")
    j = _client(client, staff["judge"])
    r = j.post(reverse("confirmation:decide", args=[app.pk]), {"outcome": "confirmed"})
    assert r.status_code == 302
    app.refresh_from_db()
    assert app.state == State.CONFIRMED and app.case.closed_on


def test_portal_shows_the_partys_application(client, staff, agreed):
    from xiezhi.confirmation import services

    outcome = services.from_mediation(staff["lian"], agreed, "confirmation")
    app = services.accept(staff["lian"], outcome.application, judge=staff["judge"])
    c = _client(client, agreed.filing.submitted_by)
    page = c.get(reverse("confirmation:portal_list")).content.decode()
    assert app.case.number in page
    assert reverse("confirmation:portal_list") in c.get(reverse("filing:portal")).content.decode()


def test_from_mediation_page(client, staff, agreed):
    c = _client(client, staff["lian"])
    detail = c.get(reverse("mediation:detail", args=[agreed.pk])).content.decode()
    assert reverse("confirmation:from_mediation", args=[agreed.pk]) in detail
    assert c.get(reverse("confirmation:from_mediation", args=[agreed.pk])).status_code == 200
    r = c.post(reverse("confirmation:from_mediation", args=[agreed.pk]), {"kind": "confirmation"})
    c.post(reverse("confirmation:from_mediation", args=[agreed.pk]), {"kind": "confirmation"})
    assert MediationOutcome.objects.count() == 1
    assert r["Location"] == reverse("confirmation:detail", args=[MediationOutcome.objects.get().application_id])
    before = row_counts()
    r = _client(client, staff["judge"]).post(reverse("confirmation:from_mediation", args=[agreed.pk]),
                                             {"kind": "document"})
    assert r.status_code in (403, 404)
    assert_nothing_changed(before, "from_mediation by a judge")
