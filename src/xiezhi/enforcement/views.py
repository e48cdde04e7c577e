"""Thin views of the enforcement app: the POST actions behind the 执行款 panel (panels.py)."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.cases.models import Case
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import staff_required
from xiezhi.site.http import parse_id, run_action

from . import services
from .models import MoneyMovement


def _run(request, case: Case, fn, ok: str):
    """A ledger action on the case page: on success audited as a change; back to the case page."""
    return run_action(request, fn, ok, reverse("cases:detail", args=[case.pk]) + "#panel-enforcement",
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


@require_POST
@staff_required(*services.MONEY_ROLES)
def receive(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        party = parse_id(p.get("payer_party"), _("交款人"))
        return services.receive(request.user, case, p.get("amount"), party if party else p.get("payer_name", ""),
                                p.get("key"), note=p.get("note", ""))

    return _run(request, case, act, _("已登记执行款到账。"))


@require_POST
@staff_required(*services.MONEY_ROLES)
def pay_out(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        party = parse_id(p.get("party"), _("领款人"), required=True)
        return services.pay_out(request.user, case, party, p.get("amount"), p.get("key"), note=p.get("note", ""))

    return _run(request, case, act, _("已登记执行款发放。"))


@require_POST
@staff_required(*services.MONEY_ROLES)
def reverse_movement(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        movement = MoneyMovement.objects.filter(pk=parse_id(p.get("movement"), _("款项"), required=True),
                                                case=case).first()
        if movement is None:
            raise ValidationError(_("该款项不属于本案。"))
        return services.reverse(request.user, movement, p.get("reason", ""), p.get("key"))

    return _run(request, case, act, _("已冲正。"))
