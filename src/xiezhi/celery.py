"""Celery application: production runs background work (deadline warnings, later OCR and
notifications) on Redis-backed workers. The embedded demo runs the same task functions
in-process (see xiezhi.cases.scheduler), so it needs no extra server."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")

app = Celery("xiezhi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def no_worker() -> bool:
    """True where no worker reads the queue: the embedded demo (in-memory broker) and eager test
    settings. Callers then do the background step in this process instead of queueing it."""
    from django.conf import settings

    return bool(getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False) or settings.CELERY_BROKER_URL.startswith("memory"))
