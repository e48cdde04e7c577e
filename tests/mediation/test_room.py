"""The online mediation room: the video adapter against its simulator (a real local HTTP service),
sessions with each participant's own link, shared documents (private, concession), proposals accepted
by every party and recorded as the agreement in one click; after a failure the registered case gets
the mediation's papers except the concessions (特邀调解规定 第二十二条) and a timeline node."""
import json
import urllib.request
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from xiezhi.mediation import room, services
from xiezhi.mediation.models import MediationEvent, MediationProposal
from xiezhi.mediation.video import HttpVideoAdapter, VideoUnavailable

pytestmark = pytest.mark.django_db


@pytest.fixture
def video(settings):
    """The video-conference simulator as a real local HTTP service; settings.VIDEO_URL points at it."""
    from xiezhi.mediation import video_simulator

    server, url = video_simulator.start()
    settings.VIDEO_URL, settings.VIDEO_ADAPTER = url, ""
    yield server.simulator
    server.shutdown()
    server.server_close()


@pytest.fixture
def two_sided(accepted, make_public):
    """An accepted mediation whose defendant has a portal account (their phone is in the complaint)."""
    def make():
        m = accepted()
        other = make_public()
        m.parties[1]["phone"] = other.phone
        m.save(update_fields=["parties"])
        return m, m.filing.submitted_by, other

    return make


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def _pdf(pdf_bytes, name, extra=b""):
    # distinct bytes per document: the same bytes twice are one document
    return SimpleUploadedFile(name, pdf_bytes + extra, "application/pdf")


def test_adapter_against_the_simulator(video):
    a = HttpVideoAdapter(video.base_url)
    people = [{"key": "mediator", "name": "调解员"}, {"key": "party-0", "name": "甲"}, {"key": "party-1", "name": "乙"}]
    room_ = a.create_room("hearing-1", "会议", "2026-12-04T09:00:00+08:00", people)
    assert set(room_["links"]) == {"mediator", "party-0", "party-1"}
    assert len(set(room_["links"].values())) == 3
    assert a.create_room("hearing-1", "会议", "2026-12-04T09:00:00+08:00", people) == room_  # a retry: same room
    assert a.room_status(room_["room_id"])["status"] == "scheduled"
    page = urllib.request.urlopen(room_["links"]["party-1"], timeout=10).read().decode()
    assert "乙" in page
    got = a.room_status(room_["room_id"])
    assert got["status"] == "open" and got["joined"] == ["party-1"]
    with pytest.raises(VideoUnavailable):
        a.room_status("nope")
    with pytest.raises(VideoUnavailable):
        HttpVideoAdapter("http://127.0.0.1:9").create_room("x", "t", "", people)


def test_an_online_session_gives_each_party_their_own_link(video, two_sided, staff):
    m, filer, other = two_sided()
    when = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    c = _client(staff["mediator"])
    for _ in range(2):  # a double click: one session, one room
        c.post(f"/staff/mediation/{m.pk}/sessions/", {"starts_at": when, "online": "1", "key": "k1"})
    assert m.sessions.count() == 1
    s = m.sessions.get()
    assert s.room_id and set(s.links) == {"mediator", "party-0", "party-1"}
    assert MediationEvent.objects.filter(mediation=m, code="session").count() == 1
    assert s.links["mediator"] in c.get(f"/staff/mediation/{m.pk}/").content.decode()
    mine = _client(filer).get(f"/portal/mediation/{m.pk}/").content.decode()
    assert s.links["party-0"] in mine and s.links["party-1"] not in mine
    theirs = _client(other).get(f"/portal/mediation/{m.pk}/").content.decode()
    assert s.links["party-1"] in theirs and s.links["party-0"] not in theirs


def test_video_down_is_a_chinese_message_not_a_500(settings, accepted, staff):
    settings.VIDEO_URL, settings.VIDEO_ADAPTER = "http://127.0.0.1:9", ""
    m = accepted()
    r = _client(staff["mediator"]).post(f"/staff/mediation/{m.pk}/sessions/",
                                        {"starts_at": "2030-01-02T09:00", "online": "1"}, follow=True)
    assert r.status_code == 200 and "视频会议服务暂不可用" in r.content.decode()
    assert m.sessions.count() == 0
    r = _client(staff["mediator"]).post(f"/staff/mediation/{m.pk}/sessions/",
                                        {"starts_at": "2030-01-02T09:00", "online": "0", "place": "诉调对接中心"})
    assert m.sessions.get().place == "诉调对接中心"


def test_proposal_accepted_by_every_party_becomes_the_agreement(two_sided, staff):
    m, filer, other = two_sided()
    c = _client(staff["mediator"])
    c.post(f"/staff/mediation/{m.pk}/proposals/", {"text": "被告分三期偿还借款一万元。", "key": "p1"})
    c.post(f"/staff/mediation/{m.pk}/proposals/", {"text": "被告分三期偿还借款一万元。", "key": "p1"})
    p = MediationProposal.objects.get(mediation=m)
    assert _client(filer).post(f"/portal/mediation/{m.pk}/proposals/{p.pk}/answer/",
                               {"answer": "accept"}).status_code == 302
    p.refresh_from_db()
    assert p.state == "open"
    # not yet agreed: the one click is refused
    c.post(f"/staff/mediation/{m.pk}/proposals/{p.pk}/agreement/")
    m.refresh_from_db()
    assert m.state == "accepted"
    _client(other).post(f"/portal/mediation/{m.pk}/proposals/{p.pk}/answer/", {"answer": "accept"})
    p.refresh_from_db()
    assert p.state == "agreed"
    assert "依此方案记录调解协议" in c.get(f"/staff/mediation/{m.pk}/").content.decode()
    c.post(f"/staff/mediation/{m.pk}/proposals/{p.pk}/agreement/")
    m.refresh_from_db()
    p.refresh_from_db()
    assert m.state == "agreement" and m.result_note == "被告分三期偿还借款一万元。" and p.state == "recorded"
    assert MediationEvent.objects.filter(mediation=m, code="agreement").count() == 1


def test_a_rejection_closes_the_proposal_and_a_party_may_propose(two_sided):
    m, filer, other = two_sided()
    _client(other).post(f"/portal/mediation/{m.pk}/proposals/", {"text": "我方同意偿还八千元。", "key": "x"})
    p = MediationProposal.objects.get(mediation=m)
    assert not p.by_mediator
    _client(filer).post(f"/portal/mediation/{m.pk}/proposals/{p.pk}/answer/", {"answer": "reject"})
    p.refresh_from_db()
    assert p.state == "rejected"
    _client(other).post(f"/portal/mediation/{m.pk}/proposals/{p.pk}/answer/", {"answer": "accept"})
    assert p.answers.count() == 1


def test_documents_private_and_concession(two_sided, staff, pdf_bytes):
    m, filer, other = two_sided()
    c = _client(staff["mediator"])
    c.post(f"/staff/mediation/{m.pk}/documents/", {"title": "调解员笔记", "private": "1",
                                                   "file": _pdf(pdf_bytes, "a.pdf", b"%a")})
    _client(filer).post(f"/portal/mediation/{m.pk}/documents/", {"title": "还款计划", "concession": "1",
                                                                 "file": _pdf(pdf_bytes, "b.pdf", b"%b")})
    docs = {d.title: d for d in m.documents.all()}
    assert docs["调解员笔记"].private and docs["还款计划"].concession
    page = _client(other).get(f"/portal/mediation/{m.pk}/").content.decode()
    assert "还款计划" in page and "调解员笔记" not in page
    assert _client(other).get(f"/portal/mediation/{m.pk}/documents/{docs['调解员笔记'].pk}/").status_code == 404
    assert _client(other).get(f"/portal/mediation/{m.pk}/documents/{docs['还款计划'].pk}/").status_code == 200
    assert c.get(f"/staff/mediation/{m.pk}/documents/{docs['调解员笔记'].pk}/").status_code == 200
    # a party cannot make a paper private
    _client(filer).post(f"/portal/mediation/{m.pk}/documents/", {"title": "x", "private": "1",
                                                                 "file": _pdf(pdf_bytes, "c.pdf", b"%c")})
    assert not m.documents.get(title="x").private


def test_another_party_and_another_mediator_get_the_audited_404(two_sided, staff, make_public, pdf_bytes):
    from xiezhi.audit.models import AuditEntry

    m, filer, other = two_sided()
    p = room.propose(staff["mediator"], m, "被告偿还一万元。")
    doc = room.add_document(staff["mediator"], m, _pdf(pdf_bytes, "a.pdf"))
    stranger, intruder = _client(make_public()), _client(staff["other_mediator"])
    denied = AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).count()
    assert stranger.post(f"/portal/mediation/{m.pk}/proposals/{p.pk}/answer/", {"answer": "accept"}).status_code == 404
    assert stranger.get(f"/portal/mediation/{m.pk}/documents/{doc.pk}/").status_code == 404
    assert intruder.get(f"/staff/mediation/{m.pk}/documents/{doc.pk}/").status_code == 404
    assert intruder.post(f"/staff/mediation/{m.pk}/proposals/", {"text": "插手的方案内容"}).status_code == 404
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).count() == denied + 4
    assert p.answers.count() == 0 and m.proposals.count() == 1


def test_failure_carries_the_papers_but_not_the_concessions_into_the_case(two_sided, staff, pdf_bytes):
    from xiezhi.dossier.models import Entry
    from xiezhi.filing import services as fs

    m, filer, other = two_sided()
    shared = room.add_document(filer, m, _pdf(pdf_bytes, "a.pdf", b"%a"), title="银行流水")
    given = room.add_document(other, m, _pdf(pdf_bytes, "b.pdf", b"%b"), title="让步方案", concession=True)
    private = room.add_document(staff["mediator"], m, _pdf(pdf_bytes, "c.pdf", b"%c"), title="笔记", private=True)
    services.record_failure(staff["mediator"], m, "双方分歧较大。")
    case = fs.register(staff["lian"], m.filing, procedure_code="civil_ordinary")
    sources = set(Entry.objects.filter(dossier__case=case).values_list("source", flat=True))
    assert f"mediation.MediationDocument:{shared.pk}" in sources
    assert f"mediation.MediationDocument:{given.pk}" not in sources
    assert f"mediation.MediationDocument:{private.pk}" not in sources
    ev = case.events.get(code="pre_suit_mediation_failed")
    assert ev.payload["number"] == m.number
    from xiezhi.cases.events import summary

    assert summary(ev.code, ev.payload) == f"诉前调解 {m.number}，调解不成"
    assert fs.register(staff["lian"], m.filing, procedure_code="civil_ordinary") == case  # a retry adds nothing
    assert case.events.filter(code="pre_suit_mediation_failed").count() == 1


def test_the_room_is_closed_before_acceptance(make_filing, staff, roster):
    from django.core.exceptions import ValidationError

    f = make_filing()
    m = services.offer(staff["lian"], f)
    with pytest.raises(ValidationError):
        room.propose(f.submitted_by, m, "方案内容")


def test_demo_rooms_and_the_portal_user_sees_a_live_one(court, settings):
    from xiezhi.demo.seed import PUBLIC, seed_people
    from xiezhi.demo.seed_mediation import seed_mediation
    from xiezhi.mediation.models import PreSuitMediation

    settings.VIDEO_URL, settings.VIDEO_ADAPTER = "", ""  # the seed starts its simulator
    users = seed_people(court)
    seed_mediation(court, users)
    live = PreSuitMediation.objects.filter(court=court, state="accepted")
    assert live.count() >= 2 and all(m.sessions.filter(online=True).exclude(room_id="").exists() for m in live)
    assert all(m.documents.filter(concession=True).exists() and m.proposals.exists() for m in live)
    ma = users[PUBLIC[1][0]]
    mine = live.filter(filing__submitted_by=ma).first()
    assert mine is not None
    s = mine.sessions.get()
    page = _client(ma).get(f"/portal/mediation/{mine.pk}/").content.decode()
    assert s.links["party-0"] in page and "同意该方案" in page
    assert urllib.request.urlopen(s.links["party-0"], timeout=10).status == 200


@pytest.mark.parametrize("json_contains", [True, False])
def test_the_other_side_finds_its_mediation_by_phone_on_either_database(two_sided, make_public, json_contains,
                                                                        monkeypatch):
    """The embedded SQLite of `make demo` has no JSON containment: the portal list must not 500 there
    (found in the demo), and must still match the phone exactly, not as part of another value."""
    from django.db import connection

    from xiezhi.mediation.portal import party_mediations

    monkeypatch.setattr(connection.features, "supports_json_field_contains", json_contains)
    m, _filer, other = two_sided()
    assert list(party_mediations(other)) == [m]
    stranger = make_public()
    m.parties[0]["address"] = f"门牌 {stranger.phone}0"  # the stranger's phone only inside another value
    m.save(update_fields=["parties"])
    assert list(party_mediations(stranger)) == []
