"""Background work of 执行. Idempotent: a second run changes nothing more (each entry is deleted
under its case's row lock, once). Tasks import services; services queue tasks by name only."""
from celery import shared_task

from . import dishonest


@shared_task(name="xiezhi.enforcement.tasks.delete_expired_dishonest")
def delete_expired_dishonest():
    """失信规定 第十条第二款: a fixed-term entry is deleted within 3 working days after its term ends;
    run daily, the deletion follows on the next day."""
    return dishonest.delete_expired()


@shared_task(name="xiezhi.enforcement.tasks.send_linkage_orders")
def send_linkage_orders(batch_id=None):
    """网络查控: send what a search or a control order left PENDING (claim, then act)."""
    from . import linkage
    from .linkage_adapters import LinkageUnavailable

    try:
        return linkage.send_pending(batch_id)
    except LinkageUnavailable:  # the link is down: the orders stay PENDING for poll_linkage
        return 0


@shared_task(name="xiezhi.enforcement.tasks.poll_linkage")
def poll_linkage():
    """网络查控, periodic: the bodies' answers, orders past their follow-up deadline (sent again),
    and orders never sent."""
    from . import linkage
    from .linkage_adapters import LinkageUnavailable

    try:
        return linkage.run_poll()
    except LinkageUnavailable:
        return None


@shared_task(name="xiezhi.enforcement.tasks.run_due_rescans")
def run_due_rescans():
    """终本规定 第九条, daily: settle the re-searches answered since the last run (result recorded,
    applicant told, resumed on a new asset), then claim the due ones and send their searches."""
    from . import closing

    return closing.run_due_rescans()
