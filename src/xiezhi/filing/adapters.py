"""Payment adapter (诉讼费缴纳). A court collects fees through the provincial non-tax
payment platform (非税收入收缴) or a bank; neither exists here. Interface:
`pay(assessment, payer) -> PaymentResult`. The demo adapter records the payment at once
and says so in the receipt number (DEMO-…); production sets XIEZHI_PAYMENT_ADAPTER."""
from dataclasses import dataclass
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
    name = _("演示缴费（立即到账）")

    def pay(self, assessment, payer) -> PaymentResult:
        return PaymentResult(True, "DEMO-" + secrets.token_hex(6).upper())


def payment_adapter():
    return import_string(settings.PAYMENT_ADAPTER)()
