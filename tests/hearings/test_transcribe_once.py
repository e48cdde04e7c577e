"""Speech-to-text takes minutes of CPU: the same transcription task delivered twice runs the engine
once ("claim, then act"); a claim left by a dead run is taken over later; a failure is logged."""
import threading
import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from tests.hearings.test_pages import H, wav_bytes
from xiezhi.hearings import services as hs
from xiezhi.hearings import stt, tasks
from xiezhi.hearings.models import HearingAudio

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def audio(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (`make test`)")
    h = hs.schedule_hearing(world["judge"], world["case"], world["rooms"][0], world["t"], world["t"] + H,
                            clerk=world["clerk"])
    a = hs.add_audio(world["clerk"], h, SimpleUploadedFile("a.wav", wav_bytes(12), "audio/wav"))
    HearingAudio.objects.filter(pk=a.pk).update(stt_status="pending")  # requested; the task is queued
    return a


@pytest.fixture
def engine(monkeypatch):
    """The simulator, slow as a real engine and counting its runs."""
    runs = []

    class Slow(stt.SimulatorEngine):
        def transcribe(self, path):
            runs.append(path)
            time.sleep(0.5)
            if getattr(self, "broken", False):
                raise ValueError("录音文件已损坏")
            return super().transcribe(path)

    Slow.runs = runs
    monkeypatch.setattr(stt, "get_engine", lambda: Slow("原告坚持诉讼请求"))
    return Slow


def test_two_deliveries_at_once_transcribe_once(audio, engine):
    barrier, results = threading.Barrier(2), []

    def worker():
        try:
            barrier.wait()
            results.append(tasks.transcribe_audio(audio.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(engine.runs) == 1
    assert sorted(results) == ["done", "pending"]  # the second found the recording claimed
    audio.refresh_from_db()
    assert audio.stt_status == "done" and audio.stt_started_at is None and len(audio.segments) == 3
    assert tasks.transcribe_audio(audio.pk) == "done" and len(engine.runs) == 1  # a late duplicate


def test_a_claim_left_by_a_dead_run_is_taken_over(audio, engine):
    HearingAudio.objects.filter(pk=audio.pk).update(stt_started_at=timezone.now() - timedelta(minutes=5))
    assert tasks.transcribe_audio(audio.pk) == "pending" and engine.runs == []  # maybe still running
    HearingAudio.objects.filter(pk=audio.pk).update(stt_started_at=timezone.now() - hs.STT_CLAIM_TIMEOUT
                                                    - timedelta(minutes=1))
    assert tasks.transcribe_audio(audio.pk) == "done" and len(engine.runs) == 1


def test_a_failure_is_logged_and_can_be_asked_again(audio, engine, caplog):
    engine.broken = True
    assert tasks.transcribe_audio(audio.pk) == "failed"
    assert "speech-to-text of recording" in caplog.text and "录音文件已损坏" in caplog.text
    engine.broken = False
    HearingAudio.objects.filter(pk=audio.pk).update(stt_status="pending")  # the clerk asks again
    assert tasks.transcribe_audio(audio.pk) == "done"
