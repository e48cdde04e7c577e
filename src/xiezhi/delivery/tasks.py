"""Background work of 送达. Idempotent: running a task twice changes nothing more (dispatch claims
its record before sending). Tasks import services; services queue tasks by name only."""
from celery import shared_task

from . import services


@shared_task(name="xiezhi.delivery.tasks.dispatch")
def dispatch(record_id: int):
    rec = services.dispatch(record_id)
    return rec.status if rec is not None else "missing"


@shared_task(name="xiezhi.delivery.tasks.sweep_pending_services")
def sweep_pending_services():
    return services.sweep_pending_services()


@shared_task(name="xiezhi.delivery.tasks.poll_sms_reports")
def poll_sms_reports():
    return services.poll_sms_reports()


@shared_task(name="xiezhi.delivery.tasks.settle_public_notices")
def settle_public_notices():
    return services.settle_public_notices()


@shared_task(name="xiezhi.delivery.tasks.settle_postal_abroad")
def settle_postal_abroad():
    """民事诉讼法 第二百八十三条第一款第（八）项: post abroad deemed served three months after posting."""
    return services.settle_postal_abroad()
