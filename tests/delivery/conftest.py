"""Fixtures for 送达: a real local SMTP server (aiosmtpd) and the local SMS gateway simulator,
both on 127.0.0.1, and a registered civil case with a litigant who has a portal account."""
import email
import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import complaint


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                              "message": email.message_from_bytes(envelope.original_content or envelope.content)})
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    from aiosmtpd.controller import Controller

    handler = _Inbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def sms_gateway(settings):
    from xiezhi.delivery import sms_simulator

    server, gw, url = sms_simulator.start()
    settings.SMS_GATEWAY_URL = url
    try:
        yield gw
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def _no_worker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # dispatch in-process; tests/delivery/test_worker proves the worker


@pytest.fixture
def world(court, make_staff, make_public, pdf_bytes):
    from xiezhi.cases.services import assign_judge
    from xiezhi.filing import services as fs

    lit = make_public()
    filing_judge = make_staff(["filing_judge"], "filing")
    judge = make_staff(["judge"])
    clerk = make_staff(["clerk"])
    data = complaint(plaintiff_name=lit.real_name, plaintiff_id=lit.id_number)
    filing = fs.save_draft(lit, fs.new_draft(lit, court), data)
    ev = fs.add_evidence(lit, filing, SimpleUploadedFile("起诉状.pdf", pdf_bytes, "application/pdf"), kind="complaint")
    fs.submit(lit, filing)
    case = fs.register(filing_judge, filing, procedure_code="civil_ordinary")
    assign_judge(filing_judge, case, judge)
    case.team.add(clerk)
    plaintiff = case.parties.get(role="plaintiff")
    defendant = case.parties.get(role="defendant")
    return {"case": case, "litigant": lit, "judge": judge, "clerk": clerk, "filing_judge": filing_judge,
            "plaintiff": plaintiff, "defendant": defendant, "upload": ev, "pdf": pdf_bytes}
