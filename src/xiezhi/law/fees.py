"""诉讼费用计算。

依据：《诉讼费用交纳办法》（国务院令第481号，2007-04-01 施行，以下简称“交费办法”）
第十三条（案件受理费）、第十四条（申请费）、第十五条（调解、撤诉减半）、
第十六条（简易程序减半）、第二十条（预交与交纳时间）、第三十八条（申请费负担）。

约定：

- 金额一律用 :class:`~decimal.Decimal`，计算过程不舍入，最后一步按
  ``settings.rounding``（默认 ``ROUND_HALF_UP``）保留到分（0.01 元）。
  舍入规则属于领域文档 ⚠ 项（见 §4.6 支付令一例），因此是参数。
- 法定“幅度”（如离婚案件每件 50 元至 300 元）由省级人民政府在幅度内确定具体标准
  （交费办法 第十三条末款）。调用方没有给出本省标准时，结果以区间
  ``fee_min``–``fee_max`` 返回，而不是猜一个数。
- 简易程序减半（第十六条）与调解/撤诉减半（第十五条）是否叠加，交费办法未规定，
  各地做法不一（领域文档 ⚠）：由 :attr:`ProvinceFeeSettings.stack_halvings` 决定，
  默认不叠加（只减半一次）。
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field, fields
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from datetime import date
from typing import Any

from .periods import WorkCalendar, period_end

__all__ = [
    "APPLICATION_KINDS",
    "CLAIM_ROLES",
    "CLOSED_BY",
    "FEE_PAYMENT_DAYS",
    "FEE_RULES",
    "FeeError",
    "FeeResult",
    "LITIGATION_KINDS",
    "MAX_AMOUNT",
    "PROCEDURES",
    "ProvinceFeeSettings",
    "STATUTORY_RANGES",
    "application_fee",
    "conversion_balance",
    "fee_due_date",
    "fee_for_procedure",
    "litigation_fee",
    "mixed_claims_fee",
    "property_case_fee",
    "to_amount",
]

CENT = Decimal("0.01")

#: 可计算的最大金额（一千万亿元）。远超任何真实标的额；用于拒绝荒谬输入，
#: 并保证 Decimal 运算不溢出精度。
MAX_AMOUNT = Decimal("1000000000000000")

LITIGATION_KINDS = (
    "property",
    "divorce",
    "personality",
    "other_non_property",
    "ip",
    "labor",
    "administrative",
    "administrative_special",
    "jurisdiction_objection",
)

#: 各案件类型的中文名称（用于提示与页面）。
LITIGATION_KIND_LABELS = {
    "property": "财产案件",
    "divorce": "离婚案件",
    "personality": "人格权案件",
    "other_non_property": "其他非财产案件",
    "ip": "知识产权民事案件",
    "labor": "劳动争议案件",
    "administrative": "行政案件（一般）",
    "administrative_special": "商标、专利、海事行政案件",
    "jurisdiction_objection": "管辖权异议不成立",
}

PROCEDURES = ("ordinary", "summary", "small_claims")

PROCEDURE_LABELS = {
    "ordinary": "普通程序",
    "summary": "简易程序",
    "small_claims": "小额诉讼程序",
}

#: 结案方式：None 为判决等其他方式；调解、撤诉减半（第十五条）。
CLOSED_BY = (None, "mediation", "withdrawal")

CLOSED_BY_LABELS = {"mediation": "调解结案", "withdrawal": "撤诉"}

APPLICATION_KINDS = (
    "enforcement",
    "preservation",
    "payment_order",
    "public_summons",
    "arbitration_review",
    "bankruptcy",
)

APPLICATION_KIND_LABELS = {
    "enforcement": "申请执行",
    "preservation": "申请保全",
    "payment_order": "申请支付令",
    "public_summons": "申请公示催告",
    "arbitration_review": "申请撤销仲裁裁决或者认定仲裁协议效力",
    "bankruptcy": "申请破产",
}

#: 法定幅度（元）：字段名 → (下限, 上限, 依据)。
STATUTORY_RANGES: dict[str, tuple[Decimal, Decimal, str]] = {
    "divorce_base": (Decimal(50), Decimal(300), "诉讼费用交纳办法 第十三条第（二）项第1目"),
    "personality_base": (Decimal(100), Decimal(500), "诉讼费用交纳办法 第十三条第（二）项第2目"),
    "other_non_property": (Decimal(50), Decimal(100), "诉讼费用交纳办法 第十三条第（二）项第3目"),
    "ip_no_amount": (Decimal(500), Decimal(1000), "诉讼费用交纳办法 第十三条第（三）项"),
    "jurisdiction_objection": (Decimal(50), Decimal(100), "诉讼费用交纳办法 第十三条第（六）项"),
    "enforcement_no_amount": (Decimal(50), Decimal(500), "诉讼费用交纳办法 第十四条第（一）项第1目"),
}

_ROUNDING_MODES = frozenset(
    {
        decimal.ROUND_UP,
        decimal.ROUND_DOWN,
        decimal.ROUND_CEILING,
        decimal.ROUND_FLOOR,
        decimal.ROUND_HALF_UP,
        decimal.ROUND_HALF_DOWN,
        decimal.ROUND_HALF_EVEN,
        decimal.ROUND_05UP,
    }
)


class FeeError(ValueError):
    """诉讼费用计算的输入错误（消息为中文，可直接展示给用户）。"""


def to_amount(value: Any, name: str = "金额") -> Decimal:
    """把输入转换为非负的 Decimal 金额。

    接受 Decimal、int、str（可带千分位逗号）和 float（按其十进制字符串转换）。

    :raises FeeError: 不是数字、为负数、非有限数或超过 :data:`MAX_AMOUNT`。
    """
    if isinstance(value, bool):
        raise FeeError(f"{name}应为数字，收到：{value!r}")
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        d = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if not text:
            raise FeeError(f"{name}不能为空")
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise FeeError(f"{name}应为数字，收到：{value!r}") from None
    else:
        raise FeeError(f"{name}应为数字，收到：{value!r}")
    if not d.is_finite():
        raise FeeError(f"{name}应为有限的数字，收到：{value!r}")
    if d < 0:
        raise FeeError(f"{name}不能为负数，收到：{value}")
    if d > MAX_AMOUNT:
        raise FeeError(f"{name}过大（上限为 {MAX_AMOUNT:,} 元），收到：{value}")
    return d


def _check_rounding(rounding: str) -> str:
    if rounding not in _ROUNDING_MODES:
        raise FeeError(f"不认识的舍入方式：{rounding!r}（应为 decimal 模块的 ROUND_* 常量）")
    return rounding


@dataclass(frozen=True)
class ProvinceFeeSettings:
    """省级人民政府在法定幅度内确定的具体交纳标准，以及两项 ⚠ 做法选择。

    依据：交费办法 第十三条末款（“省、自治区、直辖市人民政府可以结合本地实际情况在本条
    第（二）项、第（三）项、第（六）项规定的幅度内制定具体交纳标准”）。

    ``enforcement_no_amount``（第十四条第（一）项第1目，50–500 元）不在第十三条末款授权之列，
    但各地收费标准通常也会确定具体数额，故一并作为可配置项。

    每个数额为 None 时，计算结果返回法定区间；给了数额则必须在法定幅度之内，否则
    抛出 :class:`ValueError`（:class:`FeeError`）。

    ``stack_halvings``：简易程序减半（第十六条）与调解、撤诉减半（第十五条）是否叠加
    （⚠ 交费办法未规定），默认 False（只减半一次）。

    ``rounding``：保留到分时的舍入方式，默认四舍五入（ROUND_HALF_UP）。
    """

    divorce_base: Decimal | None = None
    personality_base: Decimal | None = None
    other_non_property: Decimal | None = None
    ip_no_amount: Decimal | None = None
    jurisdiction_objection: Decimal | None = None
    enforcement_no_amount: Decimal | None = None
    stack_halvings: bool = False
    rounding: str = field(default=ROUND_HALF_UP)

    def __post_init__(self) -> None:
        for name, (low, high, basis) in STATUTORY_RANGES.items():
            raw = getattr(self, name)
            if raw is None:
                continue
            value = to_amount(raw, name)
            if not low <= value <= high:
                raise FeeError(f"{name} 应在法定幅度 {low}–{high} 元之内（{basis}），收到：{raw}")
            object.__setattr__(self, name, value)
        if not isinstance(self.stack_halvings, bool):
            raise FeeError("stack_halvings 应为 True 或 False")
        _check_rounding(self.rounding)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


_DEFAULT_SETTINGS = ProvinceFeeSettings()


@dataclass(frozen=True)
class FeeResult:
    """一项费用的计算结果。

    ``fee`` 为确定数额；若依赖尚未配置的省级标准，则 ``fee`` 为 None，
    以 ``fee_min``、``fee_max`` 给出区间。``basis`` 为所依据的条文（中文）。
    ``notes`` 为附带说明（例如交纳时间、负担规则），可为空。
    """

    fee: Decimal | None
    fee_min: Decimal | None
    fee_max: Decimal | None
    basis: str
    notes: tuple[str, ...] = ()

    @property
    def is_range(self) -> bool:
        """结果是否为区间（尚未确定具体标准）。"""
        return self.fee is None

    def as_dict(self) -> dict[str, str]:
        """转为 JSON 友好的字典：``{"fee": "2300.00"}`` 或 ``{"fee_min": …, "fee_max": …}``。"""
        if self.fee is not None:
            return {"fee": f"{self.fee:.2f}"}
        return {"fee_min": f"{self.fee_min:.2f}", "fee_max": f"{self.fee_max:.2f}"}


# ---------------------------------------------------------------------------
# 分段累计计算
# ---------------------------------------------------------------------------

# 每段：(本段下限, 本段上限或 None, 费率)。第一段为“每件”定额，单独给出。
_PROPERTY_FLAT = (Decimal(10000), Decimal(50))
_PROPERTY_BANDS = (
    (Decimal(10000), Decimal(100000), Decimal("0.025")),
    (Decimal(100000), Decimal(200000), Decimal("0.02")),
    (Decimal(200000), Decimal(500000), Decimal("0.015")),
    (Decimal(500000), Decimal(1000000), Decimal("0.01")),
    (Decimal(1000000), Decimal(2000000), Decimal("0.009")),
    (Decimal(2000000), Decimal(5000000), Decimal("0.008")),
    (Decimal(5000000), Decimal(10000000), Decimal("0.007")),
    (Decimal(10000000), Decimal(20000000), Decimal("0.006")),
    (Decimal(20000000), None, Decimal("0.005")),
)

_ENFORCEMENT_FLAT = (Decimal(10000), Decimal(50))
_ENFORCEMENT_BANDS = (
    (Decimal(10000), Decimal(500000), Decimal("0.015")),
    (Decimal(500000), Decimal(5000000), Decimal("0.01")),
    (Decimal(5000000), Decimal(10000000), Decimal("0.005")),
    (Decimal(10000000), None, Decimal("0.001")),
)

_PRESERVATION_FLAT = (Decimal(1000), Decimal(30))
_PRESERVATION_BANDS = (
    (Decimal(1000), Decimal(100000), Decimal("0.01")),
    (Decimal(100000), None, Decimal("0.005")),
)
_PRESERVATION_CAP = Decimal(5000)

_DIVORCE_BANDS = ((Decimal(200000), None, Decimal("0.005")),)
_PERSONALITY_BANDS = (
    (Decimal(50000), Decimal(100000), Decimal("0.01")),
    (Decimal(100000), None, Decimal("0.005")),
)

_BANKRUPTCY_CAP = Decimal(300000)


def _banded(amount: Decimal, bands) -> Decimal:
    """按“超过 X 至 Y 的部分按 r 交纳”分段累计（不舍入）。"""
    total = Decimal(0)
    for low, high, rate in bands:
        if amount <= low:
            break
        top = amount if high is None or amount < high else high
        total += (top - low) * rate
    return total


def _property_scale_exact(amount: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        return _PROPERTY_FLAT[1] + _banded(amount, _PROPERTY_BANDS)


def _q(value: Decimal, rounding: str) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60
        return value.quantize(CENT, rounding=rounding)


def property_case_fee(amount: Any, rounding: str = ROUND_HALF_UP) -> Decimal:
    """财产案件受理费（未减半），按诉讼请求的金额或者价额分段累计。

    依据：诉讼费用交纳办法 第十三条第（一）项：

    ====================  ======
    不超过 1 万元          每件 50 元
    超过 1 万至 10 万元    2.5%
    超过 10 万至 20 万元   2%
    超过 20 万至 50 万元   1.5%
    超过 50 万至 100 万元  1%
    超过 100 万至 200 万元 0.9%
    超过 200 万至 500 万元 0.8%
    超过 500 万至 1000 万元 0.7%
    超过 1000 万至 2000 万元 0.6%
    超过 2000 万元         0.5%
    ====================  ======

    例：10 万元 → 2,300 元；15 万元 → 3,300 元；100 万元 → 13,800 元。
    结果保留到分，舍入方式由 ``rounding`` 决定。
    """
    _check_rounding(rounding)
    return _q(_property_scale_exact(to_amount(amount, "诉讼请求金额")), rounding)


# ---------------------------------------------------------------------------
# 案件受理费
# ---------------------------------------------------------------------------


def _optional_amount(value: Any, name: str) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return to_amount(value, name)


def _range_or_fixed(setting: Decimal | None, key: str) -> tuple[Decimal, Decimal, bool]:
    low, high, _ = STATUTORY_RANGES[key]
    if setting is not None:
        return setting, setting, True
    return low, high, False


def litigation_fee(
    kind: str,
    amount: Any = None,
    procedure: str = "ordinary",
    property_value: Any = None,
    damages: Any = None,
    closed_by: str | None = None,
    settings: ProvinceFeeSettings | None = None,
) -> FeeResult:
    """案件受理费（第一审）。

    依据：诉讼费用交纳办法 第十三条（标准）、第十五条（以调解方式结案或者撤诉的减半）、
    第十六条（适用简易程序审理的减半；小额诉讼是简易程序的一种，同样减半）。

    参数：

    - ``kind``：:data:`LITIGATION_KINDS` 之一。
    - ``amount``：财产案件、知识产权案件的诉讼请求金额或价额；离婚案件可用作
      ``property_value`` 的别名，人格权案件可用作 ``damages`` 的别名。
      劳动争议、行政案件按件计收，给出金额也不影响结果。
    - ``property_value``：离婚案件涉及分割的财产总额（超过 20 万元的部分按 0.5% 交纳，
      第十三条第（二）项第1目）。
    - ``damages``：人格权案件的损害赔偿金额（超过 5 万至 10 万元的部分 1%，
      超过 10 万元的部分 0.5%，第十三条第（二）项第2目）。
    - ``procedure``：``ordinary`` / ``summary`` / ``small_claims``。
    - ``closed_by``：None、``mediation``（调解结案）或 ``withdrawal``（撤诉）。
    - ``settings``：本省标准与做法选择，见 :class:`ProvinceFeeSettings`。

    两项减半同时满足时，``settings.stack_halvings`` 为 False（默认）只减半一次，
    为 True 则减为四分之一（⚠ 交费办法未规定是否叠加）。
    法定幅度未由 ``settings`` 给出具体数额的，返回减半后的区间。

    :raises FeeError: 类型、程序、结案方式不认识，缺少必需金额，金额为负或非数字，
        或给出了与该类型无关的参数。
    """
    s = settings or _DEFAULT_SETTINGS
    if kind not in LITIGATION_KINDS:
        raise FeeError(f"不认识的案件类型：{kind!r}（可选：{'、'.join(LITIGATION_KINDS)}）")
    if procedure not in PROCEDURES:
        raise FeeError(f"不认识的审理程序：{procedure!r}（可选：{'、'.join(PROCEDURES)}）")
    if closed_by not in CLOSED_BY:
        raise FeeError(f"不认识的结案方式：{closed_by!r}（可选：mediation 调解、withdrawal 撤诉，或不填）")

    amt = _optional_amount(amount, "诉讼请求金额")
    prop = _optional_amount(property_value, "离婚案件财产总额")
    dmg = _optional_amount(damages, "损害赔偿金额")

    if kind != "divorce" and prop is not None:
        raise FeeError("只有离婚案件才填写财产总额（property）")
    if kind != "personality" and dmg is not None:
        raise FeeError("只有人格权案件才填写损害赔偿金额（damages）")

    notes: list[str] = []
    low: Decimal
    high: Decimal
    with localcontext() as ctx:
        ctx.prec = 60
        if kind == "property":
            if amt is None:
                raise FeeError("财产案件必须填写诉讼请求金额（amount）")
            low = high = _property_scale_exact(amt)
            basis = "诉讼费用交纳办法 第十三条第（一）项"
        elif kind == "divorce":
            if amt is not None and prop is not None and amt != prop:
                raise FeeError("离婚案件的 amount 与 property 不一致，请只填写财产总额（property）")
            prop = prop if prop is not None else amt
            base_low, base_high, _ = _range_or_fixed(s.divorce_base, "divorce_base")
            extra = _banded(prop, _DIVORCE_BANDS) if prop is not None else Decimal(0)
            low, high = base_low + extra, base_high + extra
            basis = "诉讼费用交纳办法 第十三条第（二）项第1目"
        elif kind == "personality":
            if amt is not None and dmg is not None and amt != dmg:
                raise FeeError("人格权案件的 amount 与 damages 不一致，请只填写损害赔偿金额（damages）")
            dmg = dmg if dmg is not None else amt
            base_low, base_high, _ = _range_or_fixed(s.personality_base, "personality_base")
            extra = _banded(dmg, _PERSONALITY_BANDS) if dmg is not None else Decimal(0)
            low, high = base_low + extra, base_high + extra
            basis = "诉讼费用交纳办法 第十三条第（二）项第2目"
        elif kind == "other_non_property":
            low, high, _ = _range_or_fixed(s.other_non_property, "other_non_property")
            basis = "诉讼费用交纳办法 第十三条第（二）项第3目"
        elif kind == "ip":
            if amt is not None:
                low = high = _property_scale_exact(amt)
                basis = "诉讼费用交纳办法 第十三条第（三）项（有争议金额，按财产案件标准，第十三条第（一）项）"
            else:
                low, high, _ = _range_or_fixed(s.ip_no_amount, "ip_no_amount")
                basis = "诉讼费用交纳办法 第十三条第（三）项（没有争议金额或者价额）"
        elif kind == "labor":
            low = high = Decimal(10)
            basis = "诉讼费用交纳办法 第十三条第（四）项"
            notes.append("追索劳动报酬的案件可以不预交案件受理费（诉讼费用交纳办法 第二十条第一款）")
        elif kind == "administrative":
            low = high = Decimal(50)
            basis = "诉讼费用交纳办法 第十三条第（五）项第2目"
        elif kind == "administrative_special":
            low = high = Decimal(100)
            basis = "诉讼费用交纳办法 第十三条第（五）项第1目"
        else:  # jurisdiction_objection
            low, high, _ = _range_or_fixed(s.jurisdiction_objection, "jurisdiction_objection")
            basis = "诉讼费用交纳办法 第十三条第（六）项"

        halvings = 0
        if procedure in ("summary", "small_claims"):
            halvings += 1
            basis += "；第十六条（简易程序减半）"
        if closed_by is not None:
            halvings += 1
            basis += "；第十五条（以调解方式结案或者撤诉的减半）"
        if halvings == 2 and not s.stack_halvings:
            halvings = 1
            notes.append("简易程序减半与调解、撤诉减半按本地设置不叠加，只减半一次")
        divisor = Decimal(2) ** halvings
        low, high = low / divisor, high / divisor

    if low == high:
        return FeeResult(_q(low, s.rounding), None, None, basis, tuple(notes))
    notes.append("具体数额由省、自治区、直辖市人民政府在法定幅度内确定（诉讼费用交纳办法 第十三条末款）")
    return FeeResult(None, _q(low, s.rounding), _q(high, s.rounding), basis, tuple(notes))


# ---------------------------------------------------------------------------
# 申请费
# ---------------------------------------------------------------------------


def application_fee(kind: str, amount: Any = None, settings: ProvinceFeeSettings | None = None) -> FeeResult:
    """申请费。

    依据：诉讼费用交纳办法 第十四条：

    - ``enforcement``（第十四条第（一）项）：没有执行金额的每件 50–500 元；不超过 1 万元
      每件 50 元；超过 1 万至 50 万元的部分 1.5%；超过 50 万至 500 万元的部分 1%；
      超过 500 万至 1000 万元的部分 0.5%；超过 1000 万元的部分 0.1%。执行后交纳
      （第二十条第二款），由被执行人负担（第三十八条第一款）。
    - ``preservation``（第十四条第（二）项）：不超过 1000 元或不涉及财产数额的每件 30 元；
      超过 1000 至 10 万元的部分 1%；超过 10 万元的部分 0.5%；最多不超过 5000 元。
    - ``payment_order``（第十四条第（三）项）：比照财产案件受理费标准的 1/3。
    - ``public_summons``（第十四条第（四）项）：每件 100 元。
    - ``arbitration_review``（第十四条第（五）项）：申请撤销仲裁裁决或者认定仲裁协议效力，
      每件 400 元。
    - ``bankruptcy``（第十四条第（六）项）：依据破产财产总额，按财产案件受理费标准减半，
      最高不超过 30 万元；清算后交纳（第二十条第二款）。

    :raises FeeError: 类型不认识、缺少必需金额、金额为负或非数字。
    """
    s = settings or _DEFAULT_SETTINGS
    if kind not in APPLICATION_KINDS:
        raise FeeError(f"不认识的申请类型：{kind!r}（可选：{'、'.join(APPLICATION_KINDS)}）")
    amt = _optional_amount(amount, "金额")
    notes: list[str] = []
    with localcontext() as ctx:
        ctx.prec = 60
        if kind == "enforcement":
            notes.append("执行申请费执行后交纳（第二十条第二款），由被执行人负担（第三十八条第一款）")
            if amt is None:
                low, high, fixed = _range_or_fixed(s.enforcement_no_amount, "enforcement_no_amount")
                basis = "诉讼费用交纳办法 第十四条第（一）项第1目（没有执行金额或者价额）"
                if not fixed:
                    notes.append("具体数额由本地收费标准在法定幅度内确定")
                    return FeeResult(None, _q(low, s.rounding), _q(high, s.rounding), basis, tuple(notes))
                value = low
            else:
                value = _ENFORCEMENT_FLAT[1] + _banded(amt, _ENFORCEMENT_BANDS)
                basis = "诉讼费用交纳办法 第十四条第（一）项第2目"
        elif kind == "preservation":
            basis = "诉讼费用交纳办法 第十四条第（二）项"
            if amt is None:
                value = _PRESERVATION_FLAT[1]
            else:
                value = _PRESERVATION_FLAT[1] + _banded(amt, _PRESERVATION_BANDS)
                if value > _PRESERVATION_CAP:
                    value = _PRESERVATION_CAP
                    notes.append("保全申请费最多不超过 5000 元")
            notes.append("由申请人负担，申请人提起诉讼的可以列入诉讼请求（第三十八条第三款）")
        elif kind == "payment_order":
            if amt is None:
                raise FeeError("申请支付令必须填写请求给付的金额（amount）")
            value = _property_scale_exact(amt) / 3
            basis = "诉讼费用交纳办法 第十四条第（三）项（比照第十三条第（一）项标准的 1/3）"
        elif kind == "public_summons":
            value = Decimal(100)
            basis = "诉讼费用交纳办法 第十四条第（四）项"
        elif kind == "arbitration_review":
            value = Decimal(400)
            basis = "诉讼费用交纳办法 第十四条第（五）项"
        else:  # bankruptcy
            if amt is None:
                raise FeeError("申请破产必须填写破产财产总额（amount）")
            value = _property_scale_exact(amt) / 2
            if value > _BANKRUPTCY_CAP:
                value = _BANKRUPTCY_CAP
                notes.append("破产申请费最高不超过 30 万元")
            basis = "诉讼费用交纳办法 第十四条第（六）项（按第十三条第（一）项标准减半）"
            notes.append("破产申请费清算后交纳（第二十条第二款）")
    return FeeResult(_q(value, s.rounding), None, None, basis, tuple(notes))


# ---------------------------------------------------------------------------
# 按审理程序收费：程序表（courts 参考数据 procedures.csv 的 fee_procedure 列）每一行指向这里的一条规则
# ---------------------------------------------------------------------------

#: 收费规则代码 → (中文名称, 依据)。程序表的 ``fee_procedure`` 列只能取这些值。
FEE_RULES: dict[str, tuple[str, str]] = {
    "ordinary": ("按第十三条标准交纳案件受理费", "诉讼费用交纳办法 第十三条"),
    "summary": ("简易程序减半交纳案件受理费", "诉讼费用交纳办法 第十六条"),
    "small_claims": ("小额诉讼程序减半交纳案件受理费", "诉讼费用交纳办法 第十六条"),
    "special": ("特别程序不交纳案件受理费", "诉讼费用交纳办法 第八条第（一）项"),
    "payment_order": ("申请支付令按财产案件受理费标准的三分之一交纳申请费", "诉讼费用交纳办法 第十四条第（三）项"),
    "public_summons": ("申请公示催告每件交纳申请费 100 元", "诉讼费用交纳办法 第十四条第（四）项"),
    "appeal": ("上诉案件按不服一审判决部分的上诉请求数额交纳案件受理费", "诉讼费用交纳办法 第十七条"),
    "ruling_appeal": (
        "对不予受理、驳回起诉和管辖权异议裁定不服提起上诉的，不交纳案件受理费",
        "诉讼费用交纳办法 第八条第（三）项",
    ),
    "criminal": ("刑事案件不交纳案件受理费", "诉讼费用交纳办法 第六条（诉讼费用限于民事、行政案件）"),
    "enforcement": (
        "申请执行费执行后交纳，由被执行人负担",
        "诉讼费用交纳办法 第十四条第（一）项、第二十条第二款、第三十八条第一款",
    ),
}

#: 同一案件中诉讼请求的地位：本诉、反诉、有独立请求权的第三人的请求（第十八条减半）。
CLAIM_ROLES = ("claim", "counterclaim", "third_party")

#: 案件受理费（或申请费）交纳期限：接到交纳通知次日起七日内（交费办法 第二十二条第一款）。
FEE_PAYMENT_DAYS = 7


def _zero(basis: str, note: str = "") -> FeeResult:
    return FeeResult(Decimal("0.00"), None, None, basis, (note,) if note else ())


def fee_for_procedure(
    fee_rule: str,
    kind: str = "property",
    amount: Any = None,
    *,
    property_value: Any = None,
    damages: Any = None,
    appealed_amount: Any = None,
    claim_role: str = "claim",
    closed_by: str | None = None,
    settings: ProvinceFeeSettings | None = None,
) -> FeeResult:
    """立案时应交的费用，由程序表给该程序指定的收费规则 ``fee_rule``（:data:`FEE_RULES`）决定。

    - ``special``：特别程序（含司法确认、实现担保物权）不交案件受理费（交费办法 第八条第（一）项）；
    - ``payment_order``：支付令申请费为财产案件标准的 1/3（第十四条第（三）项）；
    - ``public_summons``：公示催告申请费每件 100 元（第十四条第（四）项）；
    - ``appeal``：财产案件的上诉按不服一审判决部分的上诉请求数额交纳（第十七条）——
      ``appealed_amount`` 为上诉请求数额，未给出时按 ``amount``；二审不适用简易程序减半；
    - ``ruling_appeal``：对裁定的上诉不交（第八条第（三）项）；
    - ``criminal``：刑事案件不交；``enforcement``：申请执行费执行后交纳，立案时为 0；
    - ``ordinary`` / ``summary`` / ``small_claims``：:func:`litigation_fee`。

    ``claim_role`` 为 ``counterclaim``（反诉）或 ``third_party``（有独立请求权的第三人的请求）时，
    合并审理的该请求减半交纳（第十八条）。⚠ 第十八条减半与第十五条、第十六条减半的关系办法
    未规定：本函数把第十八条作为对该请求本身的减半，另按第十五、十六条的规则处理。

    :raises FeeError: 规则、类型不认识，或缺少必需金额。
    """
    if fee_rule not in FEE_RULES:
        raise FeeError(f"不认识的收费规则：{fee_rule!r}（可选：{'、'.join(FEE_RULES)}）")
    if claim_role not in CLAIM_ROLES:
        raise FeeError(f"不认识的请求地位：{claim_role!r}")
    label, basis = FEE_RULES[fee_rule]
    if fee_rule in ("special", "ruling_appeal", "criminal"):
        return _zero(basis, label)
    if fee_rule == "enforcement":
        return _zero(basis, label)
    if fee_rule in ("payment_order", "public_summons"):
        return application_fee(fee_rule, amount, settings=settings)
    s = settings or _DEFAULT_SETTINGS
    if fee_rule == "appeal":
        appealed = _optional_amount(appealed_amount, "上诉请求数额")
        base = litigation_fee(
            kind,
            amount=appealed if appealed is not None and kind in ("property", "ip") else amount,
            procedure="ordinary",
            property_value=property_value,
            damages=damages,
            closed_by=closed_by,
            settings=s,
        )
        result = FeeResult(base.fee, base.fee_min, base.fee_max,
                           f"{base.basis}；诉讼费用交纳办法 第十七条（按不服一审判决部分的上诉请求数额交纳）", base.notes)
    else:
        result = litigation_fee(kind, amount=amount, procedure=fee_rule, property_value=property_value,
                                damages=damages, closed_by=closed_by, settings=s)
    if claim_role != "claim":
        result = _halve(result, s.rounding,
                        "诉讼费用交纳办法 第十八条（反诉、有独立请求权的第三人的请求合并审理的，减半交纳）")
    return result


def _halve(result: FeeResult, rounding: str, basis: str) -> FeeResult:
    def h(v: Decimal | None) -> Decimal | None:
        return None if v is None else _q(v / 2, rounding)

    return FeeResult(h(result.fee), h(result.fee_min), h(result.fee_max), f"{result.basis}；{basis}", result.notes)


def mixed_claims_fee(
    claims: Any,
    procedure: str = "ordinary",
    closed_by: str | None = None,
    settings: ProvinceFeeSettings | None = None,
) -> FeeResult:
    """一个案件中有多项诉讼请求时的案件受理费。

    依据：民诉解释 第二百零一条——既有财产性诉讼请求，又有非财产性诉讼请求的，按照财产性
    诉讼请求的标准交纳诉讼费；有多个财产性诉讼请求的，合并计算交纳诉讼费；诉讼请求中有多个
    非财产性诉讼请求的，按一件交纳诉讼费。

    ``claims`` 为 ``[(kind, amount), …]``：``kind`` 为 ``property``（财产性请求）或
    :data:`LITIGATION_KINDS` 中的非财产类型。⚠ 多个不同类型的非财产请求“按一件”交纳时取哪一类的
    标准未规定：本函数取法定上限最高的一类（对当事人告知最大可能的数额）。
    """
    items = list(claims or ())
    if not items:
        raise FeeError("至少要有一项诉讼请求")
    total = Decimal(0)
    has_property = False
    non_property: list[str] = []
    for entry in items:
        try:
            kind, amt = entry
        except (TypeError, ValueError):
            raise FeeError("每项诉讼请求应为（类型, 金额）") from None
        if kind not in LITIGATION_KINDS:
            raise FeeError(f"不认识的案件类型：{kind!r}")
        if kind == "property":
            has_property = True
            total += to_amount(amt, "财产性诉讼请求金额")
        else:
            non_property.append(kind)
    basis_201 = "民诉解释 第二百零一条"
    if has_property:
        result = litigation_fee("property", amount=total, procedure=procedure, closed_by=closed_by, settings=settings)
        note = "既有财产性又有非财产性请求的，按财产性请求的标准交纳" if non_property else "多个财产性请求合并计算"
    else:
        def upper(k: str) -> Decimal:
            r = litigation_fee(k, procedure=procedure, settings=settings)
            return r.fee if r.fee is not None else r.fee_max

        kind = max(non_property, key=upper)
        result = litigation_fee(kind, procedure=procedure, closed_by=closed_by, settings=settings)
        note = "多个非财产性请求按一件交纳"
    return FeeResult(result.fee, result.fee_min, result.fee_max, f"{result.basis}；{basis_201}",
                     result.notes + (note,))


def conversion_balance(paid: Any, full_fee: Any) -> Decimal:
    """简易程序转为普通程序后应补交的案件受理费：按普通程序计算的数额减去已交数额，不为负。

    依据：民诉解释 第一百九十九条（适用简易程序审理的案件转为普通程序的，原告自接到人民法院
    交纳诉讼费用通知之日起七日内补交案件受理费）。补交期限见 :func:`fee_due_date`。
    """
    balance = to_amount(full_fee, "普通程序受理费") - to_amount(paid, "已交受理费")
    return _q(max(balance, Decimal(0)), ROUND_HALF_UP)


def fee_due_date(notice_received_on: date, calendar: WorkCalendar) -> date:
    """交纳案件受理费（或补交）的最后一日。

    依据：交费办法 第二十二条第一款（原告自接到人民法院交纳诉讼费用通知次日起七日内交纳）；
    民诉解释 第一百九十九条（转为普通程序后补交，同为七日）；期间届满日遇法定休假日顺延
    （民事诉讼法 第八十五条，:func:`xiezhi.law.periods.period_end`）。起算日是**接到通知**之日，
    不是立案之日：邮寄送达的通知晚到几天，交费期限随之推后。
    """
    if not isinstance(notice_received_on, date):
        raise FeeError("接到交费通知的日期应为日期")
    return period_end(notice_received_on, days=FEE_PAYMENT_DAYS, calendar=calendar)
