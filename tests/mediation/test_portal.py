"""诉前调解 on the portal: the filer's list and page, consent, choosing a mediator, messages; anyone
else is refused as if the mediation did not exist (an audited 404) and nothing changes."""
import pytest
from django.test import Client

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.mediation import services
from xiezhi.mediation.models import MediationEvent, PreSuitMediation

pytestmark = pytest.mark.django_db


def _client(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def offered(make_filing, staff, roster):
    def make():
        f = make_filing()
        return services.offer(staff["lian"], f)

    return make


def test_the_filer_finds_their_mediation_from_the_portal_home_and_consents(offered):
    m = offered()
    c = _client(m.filing.submitted_by)
    home = c.get("/portal/").content.decode()
    assert "/portal/mediation/" in home
    page = c.get("/portal/mediation/").content.decode()
    assert m.number in page and f"/portal/mediation/{m.pk}/" in page
    page = c.get(f"/portal/mediation/{m.pk}/").content.decode()
    assert m.number in page and "同意调解" in page
    r = c.post(f"/portal/mediation/{m.pk}/consent/", {"answer": "yes"})
    assert r.status_code == 302 and r["Location"] == f"/portal/mediation/{m.pk}/"
    m.refresh_from_db()
    assert m.state == "consented" and m.events.filter(code="consented", actor=m.filing.submitted_by).exists()


def test_the_filer_refuses(offered):
    m = offered()
    _client(m.filing.submitted_by).post(f"/portal/mediation/{m.pk}/consent/", {"answer": "no"})
    m.refresh_from_db()
    assert m.state == "refused" and m.closed_at is not None


def test_the_filer_chooses_a_mediator_from_the_roster(offered, roster):
    m = offered()
    c = _client(m.filing.submitted_by)
    c.post(f"/portal/mediation/{m.pk}/consent/", {"answer": "yes"})
    page = c.get(f"/portal/mediation/{m.pk}/").content.decode()
    assert roster["other_mediator"].user.display_name in page
    c.post(f"/portal/mediation/{m.pk}/choose/", {"mediator": roster["other_mediator"].pk})
    c.post(f"/portal/mediation/{m.pk}/choose/", {"mediator": roster["other_mediator"].pk})  # a double click
    m.refresh_from_db()
    assert m.state == "assigned" and m.mediator_id == roster["other_mediator"].pk and m.chosen_by_parties
    assert m.events.filter(code="assigned").count() == 1


def test_choosing_before_consent_is_refused(offered, roster):
    m = offered()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.choose_mediator(m.filing.submitted_by, m, roster["mediator"])


@pytest.mark.parametrize("post", [None, ("consent/", {"answer": "yes"}), ("choose/", {"mediator": "1"}),
                                  ("message/", {"text": "你好", "key": "k"})])
def test_a_stranger_gets_404_and_nothing_changes(offered, make_public, post):
    from xiezhi.audit.models import AuditEntry

    m = offered()
    stranger = _client(make_public())
    assert f"/portal/mediation/{m.pk}/" not in stranger.get("/portal/mediation/").content.decode()
    before, denied = row_counts(), AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).count()
    if post is None:
        r = stranger.get(f"/portal/mediation/{m.pk}/")
    else:
        r = stranger.post(f"/portal/mediation/{m.pk}/{post[0]}", post[1])
    assert r.status_code == 404
    assert_nothing_changed(before, "a stranger")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).count() == denied + 1
    m.refresh_from_db()
    assert m.state == "offered"


def test_staff_cannot_use_the_portal_pages(offered, staff):
    m = offered()
    assert _client(staff["lian"]).get(f"/portal/mediation/{m.pk}/").status_code == 403


def test_a_partys_message_reaches_the_mediators_page(accepted, staff):
    m = accepted()
    filer = _client(m.filing.submitted_by)
    for _ in range(2):  # a double click sends it once
        filer.post(f"/portal/mediation/{m.pk}/message/", {"text": "我希望周三下午调解", "key": "k1"})
    assert MediationEvent.objects.filter(mediation=m, code="note").count() == 1
    page = _client(staff["mediator"]).get(f"/staff/mediation/{m.pk}/").content.decode()
    assert "我希望周三下午调解" in page
    from xiezhi.cases.models import Notification

    assert Notification.objects.filter(user=staff["mediator"], text__contains="留言").exists()
    # the mediator's answer and the due date are on the party's page; the office's notes are not
    services.add_note(staff["mediator"], m, "周三下午三点见")
    services.add_note(staff["lian"], m, "内部：注意调解期限")
    page = filer.get(f"/portal/mediation/{m.pk}/").content.decode()
    assert "周三下午三点见" in page and "我希望周三下午调解" in page and "内部" not in page
    assert m.due_on.strftime("%Y-%m-%d") in page


def test_bad_input_is_not_a_500(offered):
    m = offered()
    c = _client(m.filing.submitted_by)
    assert c.post(f"/portal/mediation/{m.pk}/consent/", {"answer": "maybe"}).status_code == 400
    assert c.post(f"/portal/mediation/{m.pk}/choose/", {"mediator": "abc"}).status_code == 400
    assert c.post(f"/portal/mediation/{m.pk}/choose/", {"mediator": "999999"}).status_code == 400
    r = c.post(f"/portal/mediation/{m.pk}/message/", {"text": ""})
    assert r.status_code == 302
    assert c.get("/portal/mediation/99999999/").status_code == 404
    assert PreSuitMediation.objects.get(pk=m.pk).state == "offered"


def test_posts_are_rate_limited(offered, settings):
    from xiezhi.mediation import portal

    m = offered()
    c = _client(m.filing.submitted_by)
    limit = portal.PORTAL_POST_LIMIT[0]
    for i in range(limit + 2):
        c.post(f"/portal/mediation/{m.pk}/message/", {"text": f"留言{i}", "key": f"k{i}"})
    assert MediationEvent.objects.filter(mediation=m, code="note").count() == limit
