"""Speech-to-text runs on a Celery worker over Redis in production: upload a recording,
ask for a transcription, and let a real worker process fill in the segments."""
import os
import struct
import time
import wave
from datetime import timedelta
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from tests.helpers import assert_worker_ran_cleanly, celery_worker

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_transcription_runs_on_a_redis_backed_worker(world, monkeypatch):
    redis_url = os.environ.get("XIEZHI_REDIS_URL")
    if not redis_url or connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL and Redis that `make test` starts")
    from xiezhi.hearings import services as hs
    from xiezhi.hearings.models import HearingAudio

    monkeypatch.setenv("XIEZHI_STT_ENGINE", "simulator")
    monkeypatch.setenv("XIEZHI_STT_SIMULATED_TEXT", "审判长：现在开庭")
    w = world
    h = hs.schedule_hearing(w["judge"], w["case"], w["rooms"][0], w["t"], w["t"] + timedelta(hours=1))
    buf = BytesIO()
    with wave.open(buf, "wb") as f:
        f.setnchannels(1), f.setsampwidth(2), f.setframerate(8000)
        f.writeframes(struct.pack("<h", 0) * 8000 * 7)
    a = hs.add_audio(w["clerk"], h, SimpleUploadedFile("a.wav", buf.getvalue(), "audio/wav"))
    hs.request_transcription(w["clerk"], a)  # queued on commit (autocommit here)
    a.refresh_from_db()
    assert a.stt_status == "pending"
    from django.conf import settings

    with celery_worker(media_root=settings.MEDIA_ROOT) as worker:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and HearingAudio.objects.get(pk=a.pk).stt_status == "pending":
            time.sleep(0.5)
    out = worker["log"]
    a.refresh_from_db()
    assert a.stt_status == "done" and a.stt_engine == "simulator"
    assert [s["text"] for s in a.segments] == ["审判长：现在开庭", "审判长：现在开庭"]
    assert_worker_ran_cleanly(out, "xiezhi.hearings.tasks.transcribe_audio")
