"""人民币大写金额: 中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》."""
from decimal import Decimal

import pytest

from xiezhi.law.amounts import AmountError, parse_amount, rmb_capitals, rmb_figures

# (amount, capitals, basis) — the standard's own examples first
STANDARD = [
    ("1409.50", "壹仟肆佰零玖元伍角", "基本规定 第（四）项1：中间有0写零；第（二）项：角后可以不写整"),
    ("6007.14", "陆仟零柒元壹角肆分", "基本规定 第（四）项2：连续几个0只写一个零"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分", "基本规定 第（四）项3：元位是0、角位不是0，写一个零（第一种写法）"),
    ("107000.53", "壹拾万柒仟元零伍角叁分", "基本规定 第（四）项3：万位是0、千位不是0，可不写零（第一种写法）"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分", "基本规定 第（四）项4：角位是0、分位不是0，元后写零"),
    ("325.04", "叁佰贰拾伍元零肆分", "基本规定 第（四）项4"),
]

MORE = [
    ("150000.50", "壹拾伍万元零伍角", "第（四）项3：元位是0、角位不是0写零；第（二）项：角后可不写整；十位为1写壹拾"),
    ("150000", "壹拾伍万元整", "第（二）项：到元为止写整"),
    ("3575", "叁仟伍佰柒拾伍元整", "诉讼费 150,000 元借款案受理费（交费办法 第十三条）"),
    ("10", "壹拾元整", "防涂改：拾前写壹"),
    ("0.50", "伍角", "无元时不写零元"),
    ("0.05", "伍分", "无元无角时直接写分"),
    ("0", "零元整", "零金额"),
    ("1000500", "壹佰万零伍佰元整", "第（四）项2：万位、千位均为0时零必写"),
    ("100005000", "壹亿零伍仟元整", "整节为零时零必写，避免误读为壹亿伍仟万"),
    ("1050000000", "壹拾亿伍仟万元整", "亿位为0、千万位不为0，同第（四）项3第一种写法"),
    ("1001", "壹仟零壹元整", "第（四）项2"),
    ("20000000.01", "贰仟万元零壹分", "第（四）项4"),
]


@pytest.mark.parametrize("amount,expected,basis", STANDARD + MORE)
def test_capitals(amount, expected, basis):
    assert rmb_capitals(amount) == expected, basis


@pytest.mark.parametrize("amount,kwargs,expected,basis", [
    ("1680.32", {"zero_before_jiao": False}, "壹仟陆佰捌拾元叁角贰分", "基本规定 第（四）项3 第二种写法"),
    ("107000.53", {"zero_after_wan": True, "zero_before_jiao": False}, "壹拾万零柒仟元伍角叁分",
     "基本规定 第（四）项3 第二种写法"),
    ("150000.50", {"zheng_after_jiao": True, "zero_before_jiao": False}, "壹拾伍万元伍角整",
     "第（二）项：角后可以写整；第（四）项3：也可以不写零"),
    ("150000", {"zheng": "正"}, "壹拾伍万元正", "第（二）项：整（或正）"),
    ("1409.50", {"prefix": True}, "人民币壹仟肆佰零玖元伍角", "第（三）项：大写金额前标明人民币"),
])
def test_optional_forms(amount, kwargs, expected, basis):
    assert rmb_capitals(amount, **kwargs) == expected, basis


def test_fen_never_followed_by_zheng():
    # 第（二）项：大写金额数字有“分”的，“分”后面不写“整”
    for a in ("0.01", "12.34", "99999.99"):
        assert not rmb_capitals(a, zheng_after_jiao=True).endswith("整")


@pytest.mark.parametrize("bad", ["-1", "1.005", "abc", 1.5, "1e30"])
def test_rejects_what_cannot_be_written(bad):
    with pytest.raises(AmountError):
        rmb_capitals(bad)


def test_figures():
    assert rmb_figures(Decimal("107000.5")) == "￥107,000.50"


@pytest.mark.parametrize("d,expected", [
    ("2026-11-28", "二〇二六年十一月二十八日"),
    ("2020-01-01", "二〇二〇年一月一日"),
    ("2025-10-10", "二〇二五年十月十日"),
    ("2019-12-31", "二〇一九年十二月三十一日"),
])
def test_date_cn(d, expected):
    # 《人民法院民事裁判文书制作规范》落款：日期用汉字，年份逐位、零写作〇
    from datetime import date

    from xiezhi.law.amounts import date_cn

    assert date_cn(date.fromisoformat(d)) == expected


# ---- parse_amount: an amount as typed into a form (security review F13/F14: NaN and sNaN were a 500) ----

@pytest.mark.parametrize("text,expected", [
    ("150000", Decimal("150000")),
    ("150,000.50", Decimal("150000.50")),
    ("１５０００", Decimal("15000")),  # full-width digits, as a Chinese input method types them
    ("150，000", Decimal("150000")),
    (" 12.345 ", Decimal("12.345")),  # rounding is the caller's (诉讼费用交纳办法 第十三条 counts in yuan)
    ("0", Decimal("0")),
    ("-0", Decimal("0")),
])
def test_parse_amount_reads_what_a_person_types(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["NaN", "nan", "sNaN", "-sNaN", "Infinity", "-Infinity", "inf", "1e999999999",
                                  "-5", "abc", "", "1,2,3.4.5", 1.5, True])
def test_parse_amount_refuses_what_is_not_a_finite_non_negative_number(text):
    with pytest.raises(AmountError):
        parse_amount(text)
