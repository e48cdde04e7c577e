"""Background work of hearings. Tasks import services; services queue tasks by name only."""
from celery import shared_task

from . import services


@shared_task(name="xiezhi.hearings.tasks.transcribe_audio")
def transcribe_audio(audio_id: int):
    """Speech-to-text for one recording; idempotent (a finished or claimed one is skipped)."""
    return services.transcribe(audio_id).stt_status
