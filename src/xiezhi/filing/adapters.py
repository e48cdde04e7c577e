"""Payment adapter (诉讼费缴纳). A court collects fees through the provincial non-tax
payment platform (非税收入收缴) or a bank; neither exists here. Interface:
`pay(assessment, payer, idempotency_key=…) -> PaymentResult`. The demo adapter records the payment at once
and says so in the receipt number (DEMO-…); production sets XIEZHI_PAYMENT_ADAPTER."""
from dataclasses import dataclass
import hashlib
import secrets

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass
class PaymentResult:
    ok: bool
    reference: str
    message: str = ""


class DemoPaymentAdapter:
    """`idempotency_key` is the court's PaymentIntent key: a real provider charges one key once
    and answers a repeat with the first result; the demo derives the receipt from the key so a
    repeat gets the same receipt number."""

    name = _("演示缴费（立即到账）")

    def pay(self, assessment, payer, idempotency_key: str = "") -> PaymentResult:
        if idempotency_key:
            return PaymentResult(True, "DEMO-" + hashlib.sha256(idempotency_key.encode()).hexdigest()[:12].upper())
        return PaymentResult(True, "DEMO-" + secrets.token_hex(6).upper())


def payment_adapter():
    return import_string(settings.PAYMENT_ADAPTER)()
