"""A service (送达) is sent and recorded once, whatever the queue does: the same dispatch task delivered
twice (one after the other, or by two workers at once) sends one e-mail / one SMS and records one
service; a send left SENDING by a dead worker is swept and sent once; a broker that is down does not
turn the clerk's serve action into an error page, and the sweep sends the service later."""
import socket
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from xiezhi.delivery import channels, tasks
from xiezhi.delivery import services as ds
from xiezhi.delivery.models import ServiceReceipt, ServiceRecord

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _on_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL (`make test`)")


@pytest.fixture
def queued(world, monkeypatch):
    """Serve a document with the dispatch "queued" but not yet run: records stay PENDING, as on a
    worker that has not picked the task up yet."""
    monkeypatch.setattr(ds, "_dispatch_later", lambda ids: None)

    def serve(method, **address):
        ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, **address)
        [rec] = ds.serve(world["clerk"], world["case"], title="举证通知书", kind="evidence_notice",
                         file_bytes=world["pdf"], filename="n.pdf", parties=[world["plaintiff"]], methods=[method])
        assert ServiceRecord.objects.get(pk=rec.pk).status == "pending"
        return rec

    return serve


def _slow(monkeypatch, name, seconds=0.5):
    """The channel takes a while, as a real relay does, so that two deliveries overlap."""
    real = getattr(channels, name)

    def slow(*args, **kwargs):
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(channels, name, slow)


def _slow_sms(monkeypatch, seconds=0.5):
    real = channels.sms_adapter

    def adapter():
        a = real()
        send = a.send

        def slow_send(phone, text):
            time.sleep(seconds)
            return send(phone, text)

        a.send = slow_send
        return a

    monkeypatch.setattr(channels, "sms_adapter", adapter)


def _twice_at_once(record_id):
    """Deliver the same dispatch task to two "workers" at the same moment."""
    barrier, errors = threading.Barrier(2), []

    def worker():
        try:
            barrier.wait()
            tasks.dispatch(record_id)
        except Exception as exc:  # noqa: BLE001 — reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []


def _served_once(world, rec, receipt_kind=None):
    rec.refresh_from_db()
    events = world["case"].events.filter(code="document_sent", payload__document_id=rec.document_id)
    assert events.count() == 1
    if receipt_kind:
        assert ServiceReceipt.objects.filter(record=rec, kind=receipt_kind).count() == 1
    return rec


def test_an_email_dispatch_delivered_twice_sends_one_email(world, queued, smtp_server):
    rec = queued("email", email="yuangao@example.cn")
    assert tasks.dispatch(rec.pk) == "served"
    assert tasks.dispatch(rec.pk) == "served"  # the duplicate delivery finds it done
    assert len(smtp_server.messages) == 1
    rec = _served_once(world, rec, "smtp")
    assert world["case"].events.filter(code="document_served", payload__document_id=rec.document_id).count() == 1


def test_an_email_dispatch_delivered_to_two_workers_at_once_sends_one_email(world, queued, smtp_server,
                                                                          monkeypatch):
    rec = queued("email", email="yuangao@example.cn")
    _slow(monkeypatch, "send_email")
    _twice_at_once(rec.pk)
    assert len(smtp_server.messages) == 1
    rec = _served_once(world, rec, "smtp")
    assert rec.status == "served"
    assert world["case"].events.filter(code="document_served", payload__document_id=rec.document_id).count() == 1


def test_an_sms_dispatch_delivered_twice_sends_one_sms(world, queued, sms_gateway, monkeypatch):
    rec = queued("sms", mobile="13912345678")
    assert tasks.dispatch(rec.pk) == "sent"
    assert tasks.dispatch(rec.pk) == "sent"
    assert len(sms_gateway.messages) == 1
    _served_once(world, rec)


def test_an_sms_dispatch_delivered_to_two_workers_at_once_sends_one_sms(world, queued, sms_gateway, monkeypatch):
    rec = queued("sms", mobile="13912345678")
    _slow_sms(monkeypatch)
    _twice_at_once(rec.pk)
    assert len(sms_gateway.messages) == 1
    rec = _served_once(world, rec)
    assert rec.status == "sent"


def test_a_send_left_by_a_dead_worker_is_swept_and_sent_once(world, queued, smtp_server):
    rec = queued("email", email="yuangao@example.cn")
    # a worker claimed the record and died before it recorded anything
    ServiceRecord.objects.filter(pk=rec.pk).update(status="sending", claimed_at=timezone.now() - timedelta(hours=1))
    assert tasks.dispatch(rec.pk) == "sending"  # a re-delivered task leaves a claimed record alone
    assert smtp_server.messages == []
    assert ds.sweep_pending_services() == {"pending": 0, "stale": 1}  # no worker here: sent in-process
    assert len(smtp_server.messages) == 1
    rec = _served_once(world, rec, "smtp")
    assert rec.status == "served"
    assert ds.sweep_pending_services(timezone.now() + timedelta(hours=1)) == {"pending": 0, "stale": 0}
    assert len(smtp_server.messages) == 1


def test_a_fresh_claim_is_not_swept(world, queued, smtp_server):
    rec = queued("email", email="yuangao@example.cn")
    ServiceRecord.objects.filter(pk=rec.pk).update(status="sending", claimed_at=timezone.now())
    assert ds.sweep_pending_services() == {"pending": 0, "stale": 0}  # still being sent by a live worker
    assert smtp_server.messages == []


def test_an_sms_gateway_that_raises_leaves_a_visible_failure(world, queued, monkeypatch):
    rec = queued("sms", mobile="13912345678")

    class Broken:  # a court's own adapter (XIEZHI_SMS_ADAPTER) that raises instead of answering
        def send(self, phone, text):
            raise RuntimeError("网关内部错误")

    monkeypatch.setattr(channels, "sms_adapter", Broken)
    assert tasks.dispatch(rec.pk) == "failed"
    rec.refresh_from_db()
    assert rec.status == "failed" and rec.failure == "短信发送失败：网关内部错误"
    assert world["case"].events.filter(code="service_failed").count() == 1


def test_a_vanished_record_is_logged_not_raised(caplog):
    assert tasks.dispatch(987654321) == "missing"
    assert "no longer exists" in caplog.text


@pytest.fixture
def broker_down(settings):
    """The Celery broker points at a port where nothing listens."""
    from xiezhi.celery import app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"redis://127.0.0.1:{port}/0"
    saved, saved_setting = app.conf.broker_url, settings.CELERY_BROKER_URL

    def point_at(broker):
        settings.CELERY_BROKER_URL = app.conf.broker_url = broker
        app._pool = None  # forget connections to the previous broker
        app.amqp._producer_pool = None

    settings.CELERY_TASK_ALWAYS_EAGER = False
    point_at(url)
    yield lambda: point_at(saved_setting)  # the broker is back
    point_at(saved_setting)
    app.conf.broker_url = saved


def test_a_broker_that_is_down_does_not_fail_the_serve_action_and_the_sweep_sends_later(
        world, smtp_server, broker_down, settings, caplog):
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, email="yuangao@example.cn")
    c = Client()
    c.force_login(world["clerk"])
    case = world["case"]
    resp = c.post(f"/delivery/cases/{case.pk}/serve/", {
        "title": "起诉状副本", "kind": "complaint_copy", "upload": world["upload"].pk,
        "parties": [world["plaintiff"].pk], "methods": ["email"]})
    assert resp.status_code == 302  # the write is committed and the clerk sees the normal page
    assert "could not queue xiezhi.delivery.tasks.dispatch" in caplog.text
    rec = ServiceRecord.objects.get(document__case=case, method="email")
    assert rec.status == "pending" and smtp_server.messages == []
    # the broker is back (here: no worker, the embedded mode); the sweep finds the service never sent
    settings.CELERY_TASK_ALWAYS_EAGER = True
    assert ds.sweep_pending_services() == {"pending": 0, "stale": 0}  # too young: may still be queued
    assert ds.sweep_pending_services(timezone.now() + timedelta(minutes=10)) == {"pending": 1, "stale": 0}
    assert len(smtp_server.messages) == 1
    rec.refresh_from_db()
    assert rec.status == "served"


def test_a_service_the_broker_never_got_is_sent_by_a_real_worker_after_the_sweep(world, smtp_server, broker_down):
    import os

    from tests.helpers import celery_worker

    if not os.environ.get("XIEZHI_REDIS_URL"):
        pytest.skip("needs the Redis that `make test` starts")
    ds.confirm_addresses(world["clerk"], world["plaintiff"], consent_electronic=True, email="yuangao@example.cn")
    [rec] = ds.serve(world["clerk"], world["case"], title="举证通知书", kind="evidence_notice",
                     file_bytes=world["pdf"], filename="n.pdf", parties=[world["plaintiff"]], methods=["email"])
    rec.refresh_from_db()
    assert rec.status == "pending"  # committed; the task never reached a broker
    broker_down()  # Redis is reachable again; the beat's sweep queues the dispatch for the worker
    assert ds.sweep_pending_services(timezone.now() + timedelta(minutes=10)) == {"pending": 1, "stale": 0}
    with celery_worker() as worker:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and ServiceRecord.objects.get(pk=rec.pk).status != "served":
            time.sleep(0.5)
    rec.refresh_from_db()
    assert rec.status == "served", worker["log"]
    assert len(smtp_server.messages) == 1
    assert "Traceback" not in worker["log"], worker["log"]
