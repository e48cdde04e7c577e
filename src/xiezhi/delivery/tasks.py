"""Background work of 送达. Idempotent: running a task twice changes nothing more."""
from celery import shared_task


@shared_task(name="xiezhi.delivery.tasks.dispatch")
def dispatch_task(record_id: int):
    from .services import dispatch

    return dispatch(record_id).status


@shared_task(name="xiezhi.delivery.tasks.poll_sms_reports")
def poll_sms_reports_task():
    from .services import poll_sms_reports

    return poll_sms_reports()


@shared_task(name="xiezhi.delivery.tasks.settle_public_notices")
def settle_public_notices_task():
    from .services import settle_public_notices

    return settle_public_notices()
