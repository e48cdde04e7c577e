"""Payments and uploads under concurrency and retries (issue 8 §3): an intent is recorded before
the provider is called, the provider gets one idempotency key per payment, the court records one
fee_paid node; parallel identical uploads keep one file."""
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError

from tests.concurrency import at_once, require_postgresql
from tests.helpers import complaint
from xiezhi.filing import services as fs
from xiezhi.filing.adapters import PaymentResult
from xiezhi.filing.models import EvidenceFile, PaymentIntent

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


class FakeProvider:
    """A provider as a real one behaves: slow, and it charges an idempotency key once."""

    lock = threading.Lock()
    charges: dict[str, int] = {}  # key -> amount charged (in fen)
    calls = 0
    mode = "ok"  # ok / refuse / timeout

    def pay(self, assessment, payer, idempotency_key: str = "") -> PaymentResult:
        time.sleep(0.1)
        with self.lock:
            type(self).calls += 1
            if self.mode == "timeout":
                raise TimeoutError("provider did not answer")
            if self.mode == "refuse":
                return PaymentResult(False, "", "银行卡余额不足")
            self.charges.setdefault(idempotency_key, int(assessment.amount * 100))
        return PaymentResult(True, "P-" + idempotency_key[:12])


@pytest.fixture(autouse=True)
def provider(settings):
    require_postgresql()
    settings.PAYMENT_ADAPTER = f"{__name__}.FakeProvider"
    FakeProvider.charges, FakeProvider.calls, FakeProvider.mode = {}, 0, "ok"
    return FakeProvider


@pytest.fixture
def fee(court, make_staff, make_public, pdf_bytes):
    clerk, lawyer = make_staff(["filing_judge"], "filing"), make_public(lawyer=True)
    f = fs.save_draft(lawyer, fs.new_draft(lawyer, court), complaint())
    fs.add_evidence(lawyer, f, SimpleUploadedFile("借条.pdf", pdf_bytes, "application/pdf"), title="借条")
    case = fs.register(clerk, fs.submit(lawyer, f), procedure_code="civil_ordinary")
    fee = case.fees.get()
    fee.payer = lawyer
    return fee


def test_payment_clicked_at_once_is_charged_and_recorded_once(fee, provider):
    outcomes = at_once(*[(lambda: fs.pay_fee(fee.payer, fee))] * 5)
    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    assert len(provider.charges) == 1  # one key reached the provider: one charge
    assert fee.case.events.filter(code="fee_paid").count() == 1
    intent = PaymentIntent.objects.get(assessment=fee)
    assert intent.status == "paid" and {o.payment_ref for o in outcomes} == {intent.reference}


def test_a_retry_with_the_same_key_is_the_same_payment(fee, provider):
    outcomes = at_once(*[(lambda: fs.pay_fee(fee.payer, fee, idempotency_key="form-123"))] * 3)
    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    again = fs.pay_fee(fee.payer, fee, idempotency_key="form-123")
    assert list(provider.charges) == ["form-123"] and again.payment_ref == "P-form-123"
    assert PaymentIntent.objects.filter(assessment=fee).count() == 1
    assert fee.case.events.filter(code="fee_paid").count() == 1


def test_a_payment_whose_confirmation_fails_is_not_lost(fee, provider, monkeypatch):
    """The provider charged, then the court's write failed: the PENDING intent (committed before the
    call) says so, and the next attempt asks the provider again with the same key — no second charge."""
    real = fs.append_event

    def broken(case, code, *args, **kwargs):
        if code == "fee_paid":
            raise OperationalError("server closed the connection unexpectedly")
        return real(case, code, *args, **kwargs)

    monkeypatch.setattr(fs, "append_event", broken)
    with pytest.raises(OperationalError):
        fs.pay_fee(fee.payer, fee)
    intent = PaymentIntent.objects.get(assessment=fee)
    assert intent.status == "pending" and list(provider.charges) == [intent.idempotency_key]
    fee.refresh_from_db()
    assert fee.paid_at is None
    monkeypatch.setattr(fs, "append_event", real)
    paid = fs.pay_fee(fee.payer, fee)
    assert paid.paid_at and list(provider.charges) == [intent.idempotency_key]
    assert fee.case.events.filter(code="fee_paid").count() == 1


def test_a_provider_timeout_is_a_clear_message_and_a_visible_pending_intent(fee, provider):
    provider.mode = "timeout"
    with pytest.raises(ValidationError, match="不会重复扣款"):
        fs.pay_fee(fee.payer, fee)
    intent = PaymentIntent.objects.get(assessment=fee)
    assert intent.status == "pending"
    provider.mode = "ok"
    fs.pay_fee(fee.payer, fee)
    intent.refresh_from_db()
    assert intent.status == "paid" and list(provider.charges) == [intent.idempotency_key]


def test_a_refused_payment_is_recorded_as_failed_and_can_be_tried_again(fee, provider):
    provider.mode = "refuse"
    with pytest.raises(ValidationError, match="余额不足"):
        fs.pay_fee(fee.payer, fee)
    failed = PaymentIntent.objects.get(assessment=fee)
    assert failed.status == "failed" and failed.message == "银行卡余额不足"
    provider.mode = "ok"
    paid = fs.pay_fee(fee.payer, fee)
    assert paid.paid_at and PaymentIntent.objects.filter(assessment=fee, status="paid").count() == 1
    assert fee.case.events.filter(code="fee_paid").count() == 1


def test_the_same_file_uploaded_at_once_is_kept_once(court, make_public, pdf_bytes):
    lawyer = make_public(lawyer=True)
    f = fs.new_draft(lawyer, court)

    def upload():
        return fs.add_evidence(lawyer, f, SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf"))

    outcomes = at_once(*[upload] * 4)
    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    assert EvidenceFile.objects.filter(filing=f).count() == 1
    assert len({o.pk for o in outcomes}) == 1
