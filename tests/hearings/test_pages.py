"""Pages: who may reach each URL, the case panel, calendars, the portal list, records, audio."""
import json
import struct
import wave
from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from xiezhi.cases.signals import paper_added
from xiezhi.hearings import services as hs
from xiezhi.hearings.models import HearingAudio

pytestmark = pytest.mark.django_db
H = timedelta(hours=1)


def client(user):
    c = Client()
    if user:
        c.force_login(user)
    return c


def wav_bytes(seconds=1):
    buf = BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
        w.writeframes(struct.pack("<h", 0) * 16000 * seconds)
    return buf.getvalue()


@pytest.fixture
def hearing(world):
    return hs.schedule_hearing(world["judge"], world["case"], world["rooms"][0], world["t"], world["t"] + H,
                               clerk=world["clerk"])


def test_role_matrix_for_hearing_urls(world, hearing, make_staff, make_public):
    w = world
    outsider_judge = make_staff(["judge"])
    enforcement = make_staff(["enforcement"], "enforcement")
    outsider = make_public()
    gets = {
        "/staff/hearings/": {"judge", "clerk", "outsider_judge", "enforcement"},
        f"/staff/hearings/{hearing.pk}/record/": {"judge", "clerk"},
        "/staff/hearings/mine/": {"litigant", "lawyer", "outsider"},
        f"/staff/hearings/mine/{hearing.pk}/record/": {"litigant", "lawyer"},
    }
    actors = {"anon": None, "judge": w["judge"], "clerk": w["clerk"], "outsider_judge": outsider_judge,
              "enforcement": enforcement, "litigant": w["litigant"], "lawyer": w["lawyer"], "outsider": outsider}
    for url, allowed in gets.items():
        for name, user in actors.items():
            code = client(user).get(url).status_code
            if name in allowed:
                assert code == 200, (url, name, code)
            else:
                assert code in (302, 403, 404), (url, name, code)
    posts = [f"/staff/hearings/cases/{w['case'].pk}/schedule/", f"/staff/hearings/{hearing.pk}/postpone/",
             f"/staff/hearings/{hearing.pk}/held/", f"/staff/hearings/{hearing.pk}/record/finalise/"]
    before = w["case"].events.count()
    for url in posts:
        for name in ("anon", "outsider_judge", "enforcement", "litigant", "outsider"):
            assert client(actors[name]).post(url, {"reason": "x", "date": "2030-01-01", "start": "09:00",
                                                   "end": "10:00", "room": w["rooms"][1].pk}).status_code in (302, 403, 404)
    assert w["case"].events.count() == before
    assert hearing.slots.exists()


def test_case_page_panel_schedules_and_shows_conflicts(world):
    w = world
    c = client(w["judge"])
    page = c.get(f"/staff/cases/{w['case'].pk}/panels/hearings/").content.decode()
    assert 'id="hearings"' in page and "排定开庭" in page
    day = w["t"].strftime("%Y-%m-%d")
    resp = c.post(f"/staff/hearings/cases/{w['case'].pk}/schedule/", {"room": w["rooms"][0].pk, "date": day,
                  "start": "09:00", "end": "11:00", "clerk": w["clerk"].pk, "public": "1"}, follow=True)
    assert "已排定开庭" in resp.content.decode()
    other = w["new_case"](j=w["judge2"])
    resp = client(w["judge2"]).post(f"/staff/hearings/cases/{other.pk}/schedule/", {
        "room": w["rooms"][0].pk, "date": day, "start": "10:00", "end": "12:00", "public": "1"}, follow=True)
    body = resp.content.decode()
    assert "第1审判庭" in body and "书记员 赵书记员" in body and w["case"].number in body
    assert not other.hearings.exists()


def test_court_and_judge_calendars_show_the_week(world, hearing):
    w = world
    week = w["t"].strftime("%Y-%m-%d")
    page = client(w["clerk"]).get("/staff/hearings/", {"week": week}).content.decode()
    assert w["case"].number in page and "第2审判庭" in page
    page = client(w["clerk"]).get(f"/staff/hearings/judges/{w['judge'].pk}/", {"week": week}).content.decode()
    assert w["case"].number in page
    page = client(w["clerk"]).get(f"/staff/hearings/judges/{w['judge2'].pk}/", {"week": week}).content.decode()
    assert w["case"].number not in page


def test_portal_lists_only_own_hearings(world, hearing, make_public):
    w = world
    stranger = make_public()
    other = w["new_case"](j=w["judge2"], plaintiff=stranger)
    other.team.remove(w["clerk"])
    hs.schedule_hearing(w["judge2"], other, w["rooms"][1], w["t"], w["t"] + H)
    mine = client(w["litigant"]).get("/staff/hearings/mine/").content.decode()
    assert w["case"].number in mine and other.number not in mine
    lawyer = client(w["lawyer"]).get("/staff/hearings/mine/").content.decode()
    assert w["case"].number in lawyer and other.number not in lawyer
    theirs = client(stranger).get("/staff/hearings/mine/").content.decode()
    assert other.number in theirs and w["case"].number not in theirs
    assert client(stranger).get(f"/staff/hearings/mine/{hearing.pk}/record/").status_code == 404


def test_transcript_autosave_finalise_and_party_confirmation(world, hearing):
    w = world
    c = client(w["clerk"])
    url = f"/staff/hearings/{hearing.pk}/record/autosave/"
    lines = [{"role": "presiding", "name": "王法官", "text": "现在开庭。"}, {"role": "plaintiff", "name": "", "text": "坚持诉请。"}]
    r = c.post(url, json.dumps({"revision": 0, "lines": lines}), content_type="application/json")
    assert r.status_code == 200 and r.json()["revision"] == 1
    stale = c.post(url, json.dumps({"revision": 0, "lines": []}), content_type="application/json")
    assert stale.status_code == 409 and "他人修改" in stale.json()["error"]
    assert client(w["litigant"]).post(url, "{}", content_type="application/json").status_code in (302, 403)
    assert "现在开庭" in c.get(f"/staff/hearings/{hearing.pk}/record/").content.decode()
    # the party cannot confirm a draft
    assert "尚未定稿" in client(w["litigant"]).get(f"/staff/hearings/mine/{hearing.pk}/record/").content.decode()
    papers = []

    def got(sender, **kw):
        papers.append(kw)

    paper_added.connect(got)
    try:
        from django.test import TestCase

        with TestCase.captureOnCommitCallbacks(execute=True):
            c.post(f"/staff/hearings/{hearing.pk}/record/finalise/")
    finally:
        paper_added.disconnect(got)
    assert papers and papers[0]["kind"] == "transcript" and papers[0]["case"] == w["case"]
    papers[0]["file"].seek(0)
    text = papers[0]["file"].read().decode("utf-8")
    assert "庭 审 笔 录" in text and "审判长（王法官）：现在开庭。" in text and w["case"].number in text
    assert c.post(url, json.dumps({"revision": 1, "lines": []}), content_type="application/json").status_code == 409
    pc = client(w["lawyer"])
    assert "现在开庭" in pc.get(f"/staff/hearings/mine/{hearing.pk}/record/").content.decode()
    pc.post(f"/staff/hearings/mine/{hearing.pk}/record/")
    pc.post(f"/staff/hearings/mine/{hearing.pk}/record/")  # twice: one confirmation
    ev = w["case"].events.filter(code="transcript_confirmed")
    assert ev.count() == 1 and ev.get().public_to_parties and ev.get().payload["party"] == w["lawyer"].real_name


def test_audio_upload_is_checked_by_content_and_size(world, hearing, settings):
    w = world
    c = client(w["clerk"])
    url = f"/staff/hearings/{hearing.pk}/audio/"
    fake = SimpleUploadedFile("a.wav", b"%PDF-1.7 not audio", "audio/wav")
    assert "只接受 WAV" in c.post(url, {"file": fake}, follow=True).content.decode()
    for name, data in [("a.wav", wav_bytes()), ("b.ogg", b"OggS\x00\x02" + b"\x00" * 40), ("c.mp3", b"ID3\x04" + b"\x00" * 40)]:
        c.post(url, {"file": SimpleUploadedFile(name, data, "application/octet-stream")})
    assert sorted(HearingAudio.objects.filter(hearing=hearing).values_list("content_type", flat=True)) == [
        "audio/mpeg", "audio/ogg", "audio/wav"]
    settings.HEARING_AUDIO_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="上限"):
        hs.add_audio(w["clerk"], hearing, SimpleUploadedFile("big.wav", wav_bytes(), "audio/wav"))
    assert not w["case"].events.filter(code="hearing_audio_added", public_to_parties=True).exists()


def test_speech_to_text_says_honestly_when_no_engine_is_configured_and_runs_the_adapter(world, hearing, settings):
    settings.STT_ENGINE = "none"  # a court that switched speech-to-text off
    w = world
    a = hs.add_audio(w["clerk"], hearing, SimpleUploadedFile("a.wav", wav_bytes(12), "audio/wav"))
    hs.request_transcription(w["clerk"], a)
    a.refresh_from_db()
    assert a.stt_status == "unavailable"
    assert "未配置语音识别引擎" in client(w["clerk"]).get(f"/staff/hearings/{hearing.pk}/record/").content.decode()
    settings.STT_ENGINE = "simulator"
    settings.STT_SIMULATED_TEXT = "原告坚持诉讼请求"
    hs.request_transcription(w["clerk"], a)
    a.refresh_from_db()
    if a.stt_status == "pending":  # a Redis broker: the task waits for a worker; run its body here
        from xiezhi.hearings.tasks import transcribe_audio

        assert transcribe_audio(a.pk) == "done"
        a.refresh_from_db()
    assert a.stt_status == "done" and a.stt_engine == "simulator"
    assert [(s["start"], s["end"]) for s in a.segments] == [(0.0, 5.0), (5.0, 10.0), (10.0, 12.0)]
    assert a.segments[0]["text"] == "原告坚持诉讼请求"
