"""Per-process cache of the reference rows every registration looks up (procedures, case
types, causes). Reference data changes a few times a year, through the admin or
load_refdata: a save or delete empties this process's cache at once, and other processes
(other app servers) pick the change up within TTL seconds."""
import time
from threading import Lock

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CaseType, Cause, Procedure

_lock = Lock()
_cache: dict = {}
TTL = 300


def _get(key, load):
    now = time.monotonic()
    with _lock:
        hit = _cache.get(key)
        if hit and now - hit[0] < TTL:
            return hit[1]
    value = load()
    with _lock:
        _cache[key] = (now, value)
    return value


def procedure(code: str):
    return _get(("procedure", code), lambda: Procedure.objects.filter(code=code, active=True).first())


def case_type(type_code: str):
    return _get(("case_type", type_code),
                lambda: CaseType.objects.filter(type_code=type_code, active=True).order_by("-version").first())


def cause(pk):
    return _get(("cause", pk), lambda: Cause.objects.filter(pk=pk).first())


def clear() -> None:
    with _lock:
        _cache.clear()


@receiver([post_save, post_delete], sender=Procedure)
@receiver([post_save, post_delete], sender=CaseType)
@receiver([post_save, post_delete], sender=Cause)
def _forget(**kwargs):
    clear()
