"""执行款的收付与结存（执行款台账）。

依据：《最高人民法院关于执行款物管理工作的规定》——执行款专项管理、独立核算、专款专付，一案一账，
案号、款项、交款人一一对应（条文序号未逐条核对 ⚠，以规定名称引用）。本模块只做算术：

- 到账（receipt）增加结存，发放（payout）减少结存，冲正（reversal）抵销先前的一笔到账或发放；
- 结存 = 到账 − 发放，冲正按其所冲的款项反向计入；
- 发放不得超过结存（专款专付：不能发出未到账的钱）；冲正一笔到账后结存也不得为负
  （已经发出的款不能凭冲正“收回”，须另行处理）；
- 金额须大于零，以元为单位，至多两位小数（到分）。

每条规则返回一个代码（None 表示可以办理），由调用方换成中文说明。
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

BASIS = "《最高人民法院关于执行款物管理工作的规定》"

RECEIPT = "receipt"
PAYOUT = "payout"
REVERSAL = "reversal"
KINDS = (RECEIPT, PAYOUT, REVERSAL)

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("99999999999999.99")  # DecimalField(max_digits=16, decimal_places=2)

# refusal codes
NOT_POSITIVE = "not_positive"
TOO_PRECISE = "too_precise"
TOO_LARGE = "too_large"
EXCEEDS_BALANCE = "exceeds_balance"
REVERSAL_EXCEEDS_BALANCE = "reversal_exceeds_balance"
ALREADY_REVERSED = "already_reversed"
REVERSAL_OF_REVERSAL = "reversal_of_reversal"


def signed(kind: str, amount: Decimal, reversed_kind: str | None = None) -> Decimal:
    """What one movement does to the balance on hand."""
    if kind == RECEIPT:
        return amount
    if kind == PAYOUT:
        return -amount
    if kind == REVERSAL:
        if reversed_kind not in (RECEIPT, PAYOUT):
            raise ValueError("a reversal undoes a receipt or a payout")
        return -signed(reversed_kind, amount)
    raise ValueError(f"unknown movement kind {kind}")


def balance(movements: Iterable[tuple[str, Decimal, str | None]]) -> Decimal:
    """The balance on hand from (kind, amount, kind of the reversed movement or None) rows."""
    return sum((signed(k, a, r) for k, a, r in movements), Decimal("0"))


def amount_problem(amount: Decimal) -> str | None:
    """An amount of money a movement may carry: more than zero, to the fen, within the column."""
    if not amount.is_finite() or amount <= 0:
        return NOT_POSITIVE
    if amount != amount.quantize(CENT):
        return TOO_PRECISE
    if amount > MAX_AMOUNT:
        return TOO_LARGE
    return None


def payout_problem(on_hand: Decimal, amount: Decimal) -> str | None:
    """专款专付: a payout is at most what is on hand."""
    return amount_problem(amount) or (EXCEEDS_BALANCE if amount > on_hand else None)


def reversal_problem(on_hand: Decimal, kind: str, amount: Decimal, already_reversed: bool) -> str | None:
    """冲正 undoes one earlier receipt or payout, once; undoing a receipt whose money has already
    been paid out would leave the account below zero."""
    if kind == REVERSAL:
        return REVERSAL_OF_REVERSAL
    if already_reversed:
        return ALREADY_REVERSED
    if on_hand + signed(REVERSAL, amount, kind) < 0:
        return REVERSAL_EXCEEDS_BALANCE
    return None
