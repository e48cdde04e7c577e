"""Property-based tests of the 执行款 ledger (issue 11, "Done when": the money ledger always
balances, whatever order receipts, payouts and reversals arrive in). Hypothesis draws sequences
of receipts, payouts, reversals and retried clicks and runs them through the real services on
the database: the balance never goes below zero, every refusal changes nothing, a retry records
nothing new, and the books recomputed from the rows and from the timeline agree."""
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.enforcement import selectors as sel
from xiezhi.enforcement import services as svc
from xiezhi.law import enforcement_money as law

pytestmark = pytest.mark.django_db

amounts = st.integers(min_value=1, max_value=50_000).map(lambda c: D(c) / 100)
operation = st.one_of(
    st.tuples(st.just("receive"), amounts, st.booleans()),
    st.tuples(st.just("pay_out"), amounts, st.just(None)),
    st.tuples(st.just("reverse"), st.integers(0, 30), st.just(None)),
    st.tuples(st.just("retry"), st.integers(0, 30), st.just(None)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(operation, min_size=1, max_size=14))
def test_any_order_of_movements_keeps_the_books(enforcement_case, staff, operations):
    with transaction.atomic():
        case = enforcement_case()
        book = _run(case, staff["enforcer"], operations)
        rec = sel.reconcile(case)
        assert rec.agrees, rec.problems
        assert rec.from_rows.on_hand == rec.from_events.on_hand == law.balance(book) >= 0
        assert sum(pb.balance.on_hand for pb in sel.party_balances(case)) == law.balance(book)
        transaction.set_rollback(True)  # the next example starts from the same database


def _run(case, officer, operations):
    book: list[tuple[str, D, str | None]] = []  # what the ledger should hold
    done: list[tuple] = []  # (call, movement) of each recorded movement, to retry
    for n, (op, x, y) in enumerate(operations):
        key = f"op-{n}"
        if op == "receive":
            call = (svc.receive, (officer, case, x, case.debtor if y else "案外人（协助执行单位）", key))
        elif op == "pay_out":
            call = (svc.pay_out, (officer, case, case.applicant, x, key))
        elif op == "reverse" and done:
            call = (svc.reverse, (officer, done[x % len(done)][1], "误登", key))
        elif op == "retry" and done:
            (fn, args), movement = done[x % len(done)]
            before = row_counts()
            assert fn(*args).pk == movement.pk
            assert_nothing_changed(before, "a retried click")
            continue
        else:
            continue
        before, on_hand = row_counts(), sel.case_balance(case).on_hand
        try:
            movement = call[0](*call[1])
        except ValidationError:
            assert_nothing_changed(before, f"a refused {op}")
            assert sel.case_balance(case).on_hand == on_hand
            if op == "pay_out":
                assert x > on_hand
            continue
        reversed_kind = movement.reverses.kind if movement.reverses_id else None
        book.append((movement.kind, movement.amount, reversed_kind))
        done.append((call, movement))
        assert sel.case_balance(case).on_hand == law.balance(book) >= 0
    return book
