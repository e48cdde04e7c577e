"""执行款收付: receipts (到账), payouts (发放) and reversals (冲正) of an enforcement case.

Each service locks the case row first (cases.services.lock_case), so two clerks paying out at
once are served one after the other and the second sees the first one's payout; it then
checks, writes one MoneyMovement row and appends one timeline node in the same transaction.
An idempotency key, unique per case, makes a retried click record once: the same key with the
same content returns the movement already recorded."""
from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import PARTY_ROLES, Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, lock_case
from xiezhi.law import enforcement_money as law
from xiezhi.law.amounts import AmountError, parse_amount

from . import selectors
from .models import MoneyMovement

MONEY_ROLES = ("enforcement", "division_head", "president")
KEY_MAX = 64


def _may_handle(actor, case: Case) -> None:
    if not can_manage_case(actor, case, *MONEY_ROLES):
        raise PermissionDenied(_("只有本案执行人员可以办理执行款收付。"))
    if not selectors.is_enforcement_case(case):
        raise ValidationError(_("只有执行案件可以办理执行款收付。"))
    if case.status == "archived":
        raise ValidationError(_("案件已归档，不能再办理执行款收付。"))


def clean_amount(value) -> Decimal:
    """The amount as typed (commas allowed) or a Decimal: more than zero, to the fen."""
    if isinstance(value, Decimal):
        amount = value
    else:
        try:
            amount = parse_amount(value if value is not None else "")
        except (AmountError, TypeError, ValueError):
            raise ValidationError(_("金额须为数字（单位：元）。"))
    problem = law.amount_problem(amount)
    if problem == law.NOT_POSITIVE:
        raise ValidationError(_("金额须大于零。"))
    if problem == law.TOO_PRECISE:
        raise ValidationError(_("金额最多精确到分（两位小数）。"))
    if problem == law.TOO_LARGE:
        raise ValidationError(_("金额超出范围。"))
    return amount.quantize(law.CENT)


def _clean_key(key) -> str:
    key = (key or "").strip()
    if not key:
        raise ValidationError(_("缺少操作编号，请刷新页面后重新办理。"))
    if len(key) > KEY_MAX:
        raise ValidationError(_("操作编号过长。"))
    return key


def _party_of(case: Case, party, what: str) -> Party:
    pk = getattr(party, "pk", party)
    found = Party.objects.filter(pk=pk, case=case, role__in=PARTY_ROLES).first() if pk else None
    if found is None:
        raise ValidationError(_("%(what)s须为本案当事人。") % {"what": what})
    return found


def _earlier(case: Case, key: str, kind: str, **same) -> MoneyMovement | None:
    """The movement already recorded under this key (a retried click), or None. The same key
    for a different movement is refused: it would record nothing, silently."""
    earlier = MoneyMovement.objects.filter(case=case, key=key).first()
    if earlier is None:
        return None
    if earlier.kind == kind and all(getattr(earlier, f) == v for f, v in same.items()):
        return earlier
    raise ValidationError(_("该操作编号已用于另一笔款项，请刷新页面后重新办理。"))


def _record(actor, case: Case, code: str, payload: dict, **fields) -> MoneyMovement:
    now = timezone.now()
    movement = MoneyMovement.objects.create(case=case, actor=actor, at=now, **fields)
    append_event(case, code, actor, {"movement": movement.pk, "kind": movement.kind, "amount": str(movement.amount),
                                     **payload}, at=now)
    return movement


@transaction.atomic
def receive(actor, case: Case, amount, payer, key: str, note: str = "") -> MoneyMovement:
    """执行款到账: `payer` is a party of the case (or its id) or an outside payer's name."""
    case = lock_case(case)
    _may_handle(actor, case)
    amount = clean_amount(amount)
    key = _clean_key(key)
    note = (note or "").strip()[:500]
    if isinstance(payer, str):
        party, payer_name = None, payer.strip()[:200]
        if not payer_name:
            raise ValidationError(_("请填写交款人。"))
    else:
        party = _party_of(case, payer, _("交款人"))
        payer_name = ""
    earlier = _earlier(case, key, MoneyMovement.Kind.RECEIPT, amount=amount, party_id=getattr(party, "pk", None),
                       payer_name=payer_name)
    if earlier is not None:
        return earlier
    return _record(actor, case, "money_received", {"payer": party.name if party else payer_name, "note": note},
                   kind=MoneyMovement.Kind.RECEIPT, amount=amount, party=party, payer_name=payer_name,
                   note=note, key=key)


@transaction.atomic
def pay_out(actor, case: Case, party, amount, key: str, note: str = "") -> MoneyMovement:
    """执行款发放 to a party of the case (usually the applicant), never more than is on hand."""
    case = lock_case(case)
    _may_handle(actor, case)
    amount = clean_amount(amount)
    key = _clean_key(key)
    note = (note or "").strip()[:500]
    party = _party_of(case, party, _("领款人"))
    earlier = _earlier(case, key, MoneyMovement.Kind.PAYOUT, amount=amount, party_id=party.pk)
    if earlier is not None:
        return earlier
    on_hand = selectors.case_balance(case).on_hand
    if law.payout_problem(on_hand, amount) == law.EXCEEDS_BALANCE:
        raise ValidationError(_("发放金额 %(amount)s 元超过本案执行款结存 %(on_hand)s 元，不能发放。") % {
            "amount": amount, "on_hand": on_hand})
    return _record(actor, case, "money_paid_out", {"party": party.name, "note": note},
                   kind=MoneyMovement.Kind.PAYOUT, amount=amount, party=party, note=note, key=key)


@transaction.atomic
def reverse(actor, movement: MoneyMovement, reason: str, key: str) -> MoneyMovement:
    """冲正 one earlier receipt or payout, once, with a reason."""
    case = lock_case(movement.case_id)
    _may_handle(actor, case)
    movement = MoneyMovement.objects.filter(pk=movement.pk, case=case).first()
    if movement is None:
        raise ValidationError(_("该款项不属于本案。"))
    key = _clean_key(key)
    reason = (reason or "").strip()[:500]
    earlier = _earlier(case, key, MoneyMovement.Kind.REVERSAL, reverses_id=movement.pk)
    if earlier is not None:
        return earlier
    if not reason:
        raise ValidationError(_("请填写冲正理由。"))
    on_hand = selectors.case_balance(case).on_hand
    problem = law.reversal_problem(on_hand, movement.kind, movement.amount,
                                   MoneyMovement.objects.filter(reverses=movement).exists())
    if problem == law.REVERSAL_OF_REVERSAL:
        raise ValidationError(_("冲正记录不能再冲正。"))
    if problem == law.ALREADY_REVERSED:
        raise ValidationError(_("该笔款项已经冲正，不能重复冲正。"))
    if problem == law.REVERSAL_EXCEEDS_BALANCE:
        raise ValidationError(_("冲正该笔到账 %(amount)s 元将使结存为负（结存 %(on_hand)s 元，款项已发放），不能冲正。") % {
            "amount": movement.amount, "on_hand": on_hand})
    return _record(actor, case, "money_reversed", {"reverses": movement.pk, "reversed_kind": movement.kind,
                                                   "reason": reason},
                   kind=MoneyMovement.Kind.REVERSAL, amount=movement.amount, party=movement.party,
                   payer_name=movement.payer_name, reverses=movement, note=reason, key=key)
