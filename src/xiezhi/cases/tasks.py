"""Celery tasks of the case core. Idempotent: running one twice changes nothing more."""
from celery import shared_task


@shared_task(name="xiezhi.cases.tasks.mark_deadlines")
def mark_deadlines_task():
    from .services import mark_deadlines

    return mark_deadlines()
