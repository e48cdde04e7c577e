"""Reads of the 执行款 ledger: balances per case and per party, and a reconciliation that
recomputes the books from the movement rows and, separately, from the timeline nodes."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case
from xiezhi.law import enforcement_money as law

from .models import MoneyMovement

ZERO = Decimal("0.00")
MONEY_CODES = ("money_received", "money_paid_out", "money_reversed")


def is_enforcement_case(case: Case) -> bool:
    """执、执恢、执保 … (the 执 type codes of domain §1.3)."""
    return case.case_type.type_code.startswith("执")


def may_handle_money(user, case: Case) -> bool:
    """Enforcement staff of the case (its officer, the division head, the president)."""
    return can_manage_case(user, case, "enforcement", "division_head", "president")


@dataclass
class Balance:
    received: Decimal = ZERO  # receipts less reversed receipts
    paid_out: Decimal = ZERO  # payouts less reversed payouts

    @property
    def on_hand(self) -> Decimal:
        return self.received - self.paid_out


def _add(b: Balance, kind: str, amount: Decimal, reversed_kind: str | None) -> None:
    effective = reversed_kind if kind == law.REVERSAL else kind
    sign = -1 if kind == law.REVERSAL else 1
    if effective == law.RECEIPT:
        b.received += sign * amount
    else:
        b.paid_out += sign * amount


def _rows(case: Case):
    return MoneyMovement.objects.filter(case=case).order_by("id")


def case_balance(case: Case) -> Balance:
    b = Balance()
    for kind, amount, reversed_kind in _rows(case).values_list("kind", "amount", "reverses__kind"):
        _add(b, kind, amount, reversed_kind)
    return b


@dataclass
class PartyBalance:
    name: str
    party_id: int | None  # None: an outside payer, by name
    balance: Balance


def party_balances(case: Case) -> list[PartyBalance]:
    """Per party: what was received from it and what was paid out to it (reversals applied);
    outside payers by name."""
    out: dict = {}
    for kind, amount, reversed_kind, party_id, party_name, payer_name in _rows(case).values_list(
            "kind", "amount", "reverses__kind", "party_id", "party__name", "payer_name"):
        k = ("p", party_id) if party_id else ("n", payer_name)
        if k not in out:
            out[k] = PartyBalance(party_name if party_id else payer_name, party_id, Balance())
        _add(out[k].balance, kind, amount, reversed_kind)
    return list(out.values())


def ledger(case: Case) -> list[MoneyMovement]:
    """Every movement of the case, oldest first, with whether it has been reversed."""
    rows = list(_rows(case).select_related("party", "actor", "reverses"))
    reversed_ids = {m.reverses_id for m in rows if m.reverses_id}
    for m in rows:
        m.is_reversed = m.pk in reversed_ids
    return rows


@dataclass
class Reconciliation:
    from_rows: Balance
    from_events: Balance
    problems: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.problems


def reconcile(case: Case) -> Reconciliation:
    """对账: the books recomputed from the rows and from the timeline must agree movement by
    movement, and the balance must never have gone below zero."""
    rows = list(_rows(case).values_list("id", "kind", "amount", "reverses__kind", "reverses_id"))
    from_rows, from_events = Balance(), Balance()
    problems: list[str] = []
    running = ZERO
    for pk, kind, amount, reversed_kind, _reverses in rows:
        _add(from_rows, kind, amount, reversed_kind)
        running += law.signed(kind, amount, reversed_kind)
        if running < 0:
            problems.append(_("第 %(id)s 号款项后结存为负（%(balance)s 元）。") % {"id": pk, "balance": running})
    by_id = {pk: (kind, amount) for pk, kind, amount, _r, _rv in rows}
    seen: set[int] = set()
    for code, payload in case.events.filter(code__in=MONEY_CODES).order_by("seq").values_list("code", "payload"):
        pk = payload.get("movement")
        try:
            amount = Decimal(str(payload.get("amount")))
        except ArithmeticError:
            amount = None
        kind = payload.get("kind")
        if pk in seen:
            problems.append(_("第 %(id)s 号款项在流程节点中记录了两次。") % {"id": pk})
            continue
        seen.add(pk)
        if pk not in by_id:
            problems.append(_("流程节点记载的第 %(id)s 号款项没有收付记录。") % {"id": pk})
        elif by_id[pk] != (kind, amount):
            problems.append(_("第 %(id)s 号款项的流程节点与收付记录不一致。") % {"id": pk})
        if amount is not None and kind in law.KINDS:
            _add(from_events, kind, amount, payload.get("reversed_kind"))
    for pk in by_id.keys() - seen:
        problems.append(_("第 %(id)s 号款项没有流程节点。") % {"id": pk})
    if (from_rows.received, from_rows.paid_out) != (from_events.received, from_events.paid_out):
        problems.append(_("按收付记录与按流程节点计算的结存不一致。"))
    return Reconciliation(from_rows, from_events, problems)
