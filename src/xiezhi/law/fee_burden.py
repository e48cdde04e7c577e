"""诉讼费用负担的建议 (the fee burden a judgment states).

《诉讼费用交纳办法》第二十九条: 诉讼费用由败诉方负担，胜诉方自愿承担的除外 (第一款)；部分胜诉、部分败诉的，
人民法院根据案件的具体情况决定当事人各自负担的诉讼费用数额 (第二款). The suggestion below splits a
partly-won case in proportion to the amount granted; the judge decides and may write anything else.
The text is what follows "由" in the fee sentence (被告崔明负担 / 原告黄强负担500元，被告崔明负担2800元).
Pure Python: no Django."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

WON, PARTLY, LOST = "won", "partly", "lost"  # from the plaintiff's side: claims upheld, partly, dismissed
OUTCOMES = (WON, PARTLY, LOST)


def _names(names) -> str:
    return "、".join(n for n in names if n)


def _money(d: Decimal) -> str:
    d = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{d:f}".rstrip("0").rstrip(".") if "." in f"{d:f}" else f"{d:f}"


def suggest(outcome: str, plaintiffs, defendants, fee=None, claimed=None, granted=None) -> str:
    """WON → 被告负担; LOST → 原告负担 (第二十九条第一款); PARTLY → in proportion to granted/claimed
    (第二十九条第二款), the defendant's share rounded to the fen and the plaintiff bearing the rest.
    Without the figures a partly-won case gets no amounts: the judge writes them."""
    p, d = _names(plaintiffs) or "原告", _names(defendants) or "被告"
    p_label, d_label = ("原告" + p if not p.startswith("原告") else p), ("被告" + d if not d.startswith("被告") else d)
    if outcome == WON:
        return f"{d_label}负担"
    if outcome == LOST:
        return f"{p_label}负担"
    if outcome != PARTLY:
        raise ValueError("未知的裁判结果")
    try:
        fee, claimed, granted = Decimal(str(fee)), Decimal(str(claimed)), Decimal(str(granted))
    except Exception:
        return f"{p_label}负担【待填写：数额】元，{d_label}负担【待填写：数额】元"
    if fee < 0 or claimed <= 0 or not 0 <= granted <= claimed:
        return f"{p_label}负担【待填写：数额】元，{d_label}负担【待填写：数额】元"
    defendant = (fee * granted / claimed).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    plaintiff = fee - defendant
    if plaintiff == 0:
        return f"{d_label}负担"
    if defendant == 0:
        return f"{p_label}负担"
    return f"{p_label}负担{_money(plaintiff)}元，{d_label}负担{_money(defendant)}元"
