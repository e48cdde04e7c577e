"""Background work of 执行. Idempotent: a second run changes nothing more (each entry is deleted
under its case's row lock, once). Tasks import services; services queue tasks by name only."""
from celery import shared_task

from . import dishonest


@shared_task(name="xiezhi.enforcement.tasks.delete_expired_dishonest")
def delete_expired_dishonest():
    """失信规定 第十条第二款: a fixed-term entry is deleted within 3 working days after its term ends;
    run daily, the deletion follows on the next day."""
    return dishonest.delete_expired()
