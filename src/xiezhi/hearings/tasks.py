from celery import shared_task


@shared_task(name="xiezhi.hearings.tasks.transcribe_audio")
def transcribe_audio(audio_id: int):
    """Speech-to-text for one recording; idempotent (a finished one is skipped)."""
    from .services import transcribe

    return transcribe(audio_id).stt_status
