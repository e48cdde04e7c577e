"""人民币金额大写（中文大写金额数字）。

依据：中国人民银行《支付结算办法》（银发〔1997〕393号）附件一
《正确填写票据和结算凭证的基本规定》（以下简称“基本规定”）：

- 第（一）项：大写金额用 壹、贰、叁、肆、伍、陆、柒、捌、玖、拾、佰、仟、万、亿、元、角、分、零、整（正）。
- 第（二）项：到“元”为止的，“元”后写“整”（或“正”）；到“角”为止的，“角”后可以不写“整”；
  有“分”的，“分”后不写“整”。
- 第（三）项：大写金额前应标明“人民币”字样，并紧接“人民币”填写。
- 第（四）项 1：数字中间有“0”时写“零”字（￥1,409.50 → 壹仟肆佰零玖元伍角）。
- 第（四）项 2：中间连续几个“0”只写一个“零”（￥6,007.14 → 陆仟零柒元壹角肆分）。
- 第（四）项 3：万位或元位是“0”（或中间连续几个“0”且万位、元位也是“0”），而千位、角位不是“0”时，
  可以只写一个“零”，也可以不写（￥1,680.32 → 壹仟陆佰捌拾元零叁角贰分 或 …捌拾元叁角贰分；
  ￥107,000.53 → 壹拾万柒仟元零伍角叁分 或 壹拾万零柒仟元伍角叁分）。这两处可选写法由参数决定。
- 第（四）项 4：角位是“0”而分位不是“0”时，“元”后应写“零”（￥16,409.02 → 壹万陆仟肆佰零玖元零贰分）。

未由基本规定明定的约定（可选项之外）：十位为 1 时写“壹拾”（与基本规定示例“壹拾万柒仟元”一致，防止涂改）；
整节为零（如 100,005,000.00）时“零”必写，以免“壹亿伍仟元”被误读；金额须为非负且最多两位小数，
舍入由调用方（如 xiezhi.law.fees）在此之前完成。
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

__all__ = ["MAX_AMOUNT", "AmountError", "date_cn", "parse_amount", "rmb_capitals", "rmb_figures"]

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ["", "拾", "佰", "仟"]
SECTION_UNITS = ["", "万", "亿", "万亿"]
MAX_AMOUNT = Decimal("9999999999999999.99")  # below 一京: 万亿 is the largest section unit


class AmountError(ValueError):
    pass


def parse_amount(text) -> Decimal:
    """An amount of money as a person types it: thousands separators (, and full-width ，) and
    blanks allowed, any number of decimals (the caller rounds). AmountError for anything that is
    not a finite, non-negative number — "NaN", "sNaN", "Infinity", "1e999999999" — and for
    floats (money is never a float)."""
    if isinstance(text, float) or isinstance(text, bool):
        raise AmountError("use Decimal or str for money, not float")
    raw = str(text).replace(",", "").replace("，", "").replace(" ", "").strip()
    if not raw:
        raise AmountError("empty amount")
    try:
        d = Decimal(raw)
    except (InvalidOperation, ValueError) as exc:
        raise AmountError(f"not an amount: {text!r}") from exc
    if not d.is_finite() or d.is_signed() and d != 0 or d.adjusted() > len(str(MAX_AMOUNT)):
        raise AmountError(f"amount must be a finite non-negative number of sensible size: {text!r}")
    return d


def _to_decimal(amount) -> Decimal:
    if isinstance(amount, float):
        raise AmountError("use Decimal or str for money, not float")
    try:
        d = Decimal(str(amount).replace(",", "").strip())
    except (InvalidOperation, ValueError) as exc:
        raise AmountError(f"not an amount: {amount!r}") from exc
    if not d.is_finite() or d < 0:
        raise AmountError(f"amount must be a non-negative number: {amount!r}")
    if d > MAX_AMOUNT:
        raise AmountError(f"amount too large: {amount!r}")
    if d != d.quantize(Decimal("0.01")):
        raise AmountError(f"amount has more than two decimal places (round first): {amount!r}")
    return d


def rmb_capitals(amount, *, prefix: bool = False, zheng: str = "整", zheng_after_jiao: bool = False,
                 zero_after_wan: bool = False, zero_before_jiao: bool = True) -> str:
    """The Chinese capital form of an RMB amount (基本规定 第（一）至（四）项).

    prefix: put “人民币” in front (基本规定 第（三）项).
    zheng: “整” or “正” (第（二）项).
    zheng_after_jiao: write 整 after 角 when there is no 分 (第（二）项: 可以不写; default: not written,
        as in the standard's example 壹仟肆佰零玖元伍角).
    zero_after_wan: write 零 when 万位 (or 亿位) is 0 and 千位 is not (第（四）项 3; default the
        standard's first form 壹拾万柒仟元).
    zero_before_jiao: write 零 when 元位 is 0 and 角 is not (第（四）项 3; default the standard's first form
        壹仟陆佰捌拾元零叁角贰分).
    """
    if zheng not in ("整", "正"):
        raise AmountError("zheng must be 整 or 正")
    d = _to_decimal(amount)
    cents = int(d * 100)
    integer, jiao, fen = cents // 100, (cents // 10) % 10, cents % 10

    out = []
    if integer:
        digits = str(integer)
        n = len(digits)
        pending_zero = False
        section_has_digit = False
        just_wrote_section_unit = False
        for i, ch in enumerate(digits):
            p = n - 1 - i  # 0 = 元位
            v = int(ch)
            if v:
                if pending_zero:
                    optional = just_wrote_section_unit and p % 4 == 3
                    if not optional or zero_after_wan:
                        out.append("零")
                out.append(DIGITS[v] + SMALL_UNITS[p % 4])
                pending_zero = False
                section_has_digit = True
                just_wrote_section_unit = False
            else:
                pending_zero = True
            if p % 4 == 0:
                if section_has_digit and p > 0:
                    out.append(SECTION_UNITS[p // 4])
                    just_wrote_section_unit = True
                elif p > 0:
                    just_wrote_section_unit = False
                section_has_digit = False
        out.append("元")
        units_zero = digits[-1] == "0"
    if not integer and not jiao and not fen:
        out.append("零元")
    if jiao:
        if integer and units_zero and zero_before_jiao:
            out.append("零")
        out.append(DIGITS[jiao] + "角")
    if fen:
        if integer and not jiao:
            out.append("零")  # 第（四）项 4
        out.append(DIGITS[fen] + "分")
    elif not jiao or zheng_after_jiao:
        out.append(zheng)
    text = "".join(out)
    return ("人民币" + text) if prefix else text


def rmb_figures(amount) -> str:
    """The figures form with thousands separators and two decimals (￥1,409.50)."""
    d = _to_decimal(amount)
    return f"￥{d:,.2f}"


_CN = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[units] if units else "")


def date_cn(d) -> str:
    """落款日期写作汉字（二〇二六年十一月二十八日）.

    依据：最高人民法院《人民法院民事裁判文书制作规范》（法〔2016〕221号）“落款”部分：裁判文书落款日期
    使用汉字数字，年份逐位书写，“零”写作“〇”。"""
    return "".join(_CN[int(c)] for c in f"{d.year:04d}") + "年" + _cn_number(d.month) + "月" + _cn_number(d.day) + "日"
