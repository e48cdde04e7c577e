"""The 执行款 section of the staff case page (registered in apps.py, order 15): the ledger, the
balance per party, the reconciliation and forms to record a receipt, a payout or a reversal —
for the enforcement staff of an enforcement case only (selectors.may_handle_money)."""
import uuid

from xiezhi.cases.models import Case

from . import selectors


def case_panel(request, case: Case):
    if not selectors.is_enforcement_case(case) or not selectors.may_handle_money(request.user, case):
        return None
    rows = selectors.ledger(case)
    return {
        "template": "enforcement/_case_panel.html",
        "rows": rows,
        "balance": selectors.case_balance(case),
        "party_balances": selectors.party_balances(case),
        "reconciliation": selectors.reconcile(case),
        "parties": [p for p in case.parties.all() if p.is_party],
        "reversible": [m for m in rows if m.kind != "reversal" and not m.is_reversed],
        # one key per rendered form: the same form sent twice (a double click, a retry) records once
        "keys": {k: uuid.uuid4().hex for k in ("receive", "pay_out", "reverse")},
    }
