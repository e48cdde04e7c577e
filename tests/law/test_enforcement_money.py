"""执行款的收付与结存：《最高人民法院关于执行款物管理工作的规定》（专项管理、一案一账、专款专付）."""
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xiezhi.law import enforcement_money as m

# (movements as (kind, amount, reversed kind), balance on hand, basis)
BALANCES = [
    ([], D("0"), "no money yet"),
    ([("receipt", D("100"), None)], D("100"), "到账增加结存"),
    ([("receipt", D("100"), None), ("payout", D("60"), None)], D("40"), "发放减少结存"),
    ([("receipt", D("100"), None), ("reversal", D("100"), "receipt")], D("0"), "冲正到账：结存减回"),
    ([("receipt", D("100"), None), ("payout", D("60"), None), ("reversal", D("60"), "payout")], D("100"),
     "冲正发放：款回到结存"),
    ([("receipt", D("0.01"), None), ("receipt", D("99.99"), None), ("payout", D("100.00"), None)], D("0"),
     "到分：全部发放后结存为零"),
]


@pytest.mark.parametrize("movements, on_hand, basis", BALANCES)
def test_balance(movements, on_hand, basis):
    assert m.balance(movements) == on_hand, basis


# (on hand, amount, refusal, basis)
PAYOUTS = [
    (D("100"), D("100"), None, "专款专付：结存足够可全额发放"),
    (D("100"), D("100.01"), m.EXCEEDS_BALANCE, "专款专付：不得发放未到账的款"),
    (D("0"), D("0.01"), m.EXCEEDS_BALANCE, "没有结存不能发放"),
    (D("100"), D("0"), m.NOT_POSITIVE, "金额须大于零"),
    (D("100"), D("-5"), m.NOT_POSITIVE, "金额须大于零"),
    (D("100"), D("1.005"), m.TOO_PRECISE, "金额到分"),
    (D("1e20"), D("1e17"), m.TOO_LARGE, "超出金额栏位"),
]


@pytest.mark.parametrize("on_hand, amount, refusal, basis", PAYOUTS)
def test_payout_problem(on_hand, amount, refusal, basis):
    assert m.payout_problem(on_hand, amount) == refusal, basis


# (on hand, kind reversed, amount, already reversed, refusal, basis)
REVERSALS = [
    (D("100"), "receipt", D("100"), False, None, "冲正尚未发出的到账"),
    (D("40"), "receipt", D("100"), False, m.REVERSAL_EXCEEDS_BALANCE, "到账已部分发放，冲正将使结存为负"),
    (D("0"), "payout", D("60"), False, None, "冲正发放总是可以（款回到结存）"),
    (D("100"), "receipt", D("100"), True, m.ALREADY_REVERSED, "每笔款项至多冲正一次"),
    (D("100"), "reversal", D("100"), False, m.REVERSAL_OF_REVERSAL, "冲正记录不能再冲正"),
]


@pytest.mark.parametrize("on_hand, kind, amount, done, refusal, basis", REVERSALS)
def test_reversal_problem(on_hand, kind, amount, done, refusal, basis):
    assert m.reversal_problem(on_hand, kind, amount, done) == refusal, basis


def test_a_reversal_names_what_it_undoes():
    with pytest.raises(ValueError):
        m.signed("reversal", D("1"), None)
    with pytest.raises(ValueError):
        m.signed("gift", D("1"))


cents = st.integers(min_value=1, max_value=10**9).map(lambda c: D(c) / 100)
ops = st.lists(st.tuples(st.sampled_from(["receipt", "payout", "reversal"]), cents, st.integers(0, 50)), max_size=40)


@given(ops)
def test_following_the_rules_the_balance_never_goes_negative(operations):
    """Whatever order receipts, payouts and reversals come in, applying only what the rules allow
    keeps the balance at or above zero, and refused movements change nothing."""
    book: list[tuple[str, D, str | None]] = []
    reversed_at: set[int] = set()
    for kind, amount, pick in operations:
        on_hand = m.balance(book)
        if kind == "receipt":
            assert m.amount_problem(amount) is None
            book.append(("receipt", amount, None))
        elif kind == "payout":
            if m.payout_problem(on_hand, amount) is None:
                book.append(("payout", amount, None))
            else:
                assert amount > on_hand
        elif book:
            i = pick % len(book)
            k, a, _r = book[i]
            if m.reversal_problem(on_hand, k, a, i in reversed_at) is None:
                reversed_at.add(i)
                book.append(("reversal", a, k))
        assert m.balance(book) >= 0
