"""小额诉讼程序、简易程序的适用建议。

依据：

- 民事诉讼法（2023 年修正）第一百六十五条：简单金钱给付民事案件，标的额为各省、自治区、
  直辖市上年度就业人员年平均工资百分之五十以下的，适用小额诉讼的程序（第一款）；超过
  百分之五十但在二倍以下的，当事人双方也可以约定适用（第二款）。
- 民事诉讼法 第一百六十六条：不适用小额诉讼程序的案件。
- 民事诉讼法 第一百六十条：简单民事案件适用简易程序；其他案件当事人双方也可以约定适用。
- 民诉解释 第二百五十七条：不适用简易程序的案件；第一百四十条：适用简易程序的案件不适用
  公告送达；第二百七十二条：“上年度就业人员年平均工资”指已经公布的上一年度数据，公布前
  以已经公布的最近年度数据为准。
- 延长审限规定 第四条：标的额为上年度就业人员年平均工资两倍以下的简单民事案件，
  除不宜适用外，应当适用简易程序审理。

本模块只根据标的额和排除情形给出建议；“事实清楚、权利义务关系明确、争议不大”
（民诉解释 第二百五十六条）由法官判断，建议中以前提条件说明。
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Iterable, Mapping

from .fees import FeeError, to_amount

__all__ = [
    "SMALL_CLAIMS_EXCLUSIONS",
    "SUMMARY_EXCLUSIONS",
    "EXCLUSIONS",
    "SmallClaimsError",
    "Suggestion",
    "latest_published_wage",
    "procedure_suggestion",
]


class SmallClaimsError(ValueError):
    """输入错误（中文消息）。"""


#: 不适用小额诉讼程序的情形（民事诉讼法 第一百六十六条）。
SMALL_CLAIMS_EXCLUSIONS: dict[str, str] = {
    "personal_status_or_ownership": "人身关系、财产确权案件（民事诉讼法 第一百六十六条第（一）项）",
    "foreign_related": "涉外案件（民事诉讼法 第一百六十六条第（二）项）",
    "appraisal_needed": "需要评估、鉴定或者对诉前评估、鉴定结果有异议的案件（民事诉讼法 第一百六十六条第（三）项）",
    "party_whereabouts_unknown": "一方当事人下落不明的案件（民事诉讼法 第一百六十六条第（四）项）",
    "counterclaim": "当事人提出反诉的案件（民事诉讼法 第一百六十六条第（五）项）",
    "other_unsuitable_small_claims": "其他不宜适用小额诉讼的程序审理的案件（民事诉讼法 第一百六十六条第（六）项）",
}

#: 不适用简易程序的情形（民诉解释 第二百五十七条、第一百四十条）。这些情形同样排除小额诉讼
#: （小额诉讼是简易程序的一种，民事诉讼法第十三章）。
SUMMARY_EXCLUSIONS: dict[str, str] = {
    "defendant_whereabouts_unknown": "起诉时被告下落不明的（民诉解释 第二百五十七条第（一）项）",
    "remanded": "发回重审的（民诉解释 第二百五十七条第（二）项）",
    "numerous_parties": "当事人一方人数众多的（民诉解释 第二百五十七条第（三）项）",
    "trial_supervision": "适用审判监督程序的（民诉解释 第二百五十七条第（四）项）",
    "public_interest": "涉及国家利益、社会公共利益的（民诉解释 第二百五十七条第（五）项）",
    "third_party_revocation": "第三人起诉请求改变或者撤销生效判决、裁定、调解书的（民诉解释 第二百五十七条第（六）项）",
    "public_notice_service": "需要公告送达的（民诉解释 第一百四十条）",
    "other_unsuitable_summary": "其他不宜适用简易程序的案件（民诉解释 第二百五十七条第（七）项）",
}

#: 全部排除情形代码 → 中文说明。
EXCLUSIONS: dict[str, str] = {**SMALL_CLAIMS_EXCLUSIONS, **SUMMARY_EXCLUSIONS}

_HALF = Decimal("0.5")
_TWO = Decimal(2)


def latest_published_wage(
    wages: Mapping[int, Any],
    filed_on: date,
    published_on: Mapping[int, date] | None = None,
) -> tuple[int, Decimal]:
    """确定计算小额诉讼标的额上限所用的“上年度就业人员年平均工资”。

    依据：民诉解释 第二百七十二条——指已经公布的上一年度数据；上一年度数据公布前，
    以已经公布的最近年度数据为准。

    - ``wages``：本省（区、市）各年度就业人员年平均工资，``{年度: 金额}``，只应包含已公布的数据。
    - ``published_on``：可选，各年度数据的公布日期；给出时，立案日之后才公布的数据不予采用。

    只考虑早于立案年度的年度。返回 ``(年度, 金额)``。

    :raises SmallClaimsError: 没有可用的数据。
    """
    candidates = []
    for year, wage in wages.items():
        if year >= filed_on.year:
            continue
        if published_on is not None:
            pub = published_on.get(year)
            if pub is None or pub > filed_on:
                continue
        candidates.append(year)
    if not candidates:
        raise SmallClaimsError(f"没有 {filed_on.isoformat()} 之前已公布的就业人员年平均工资数据，请先录入")
    year = max(candidates)
    try:
        value = to_amount(wages[year], f"{year} 年就业人员年平均工资")
    except FeeError as exc:
        raise SmallClaimsError(str(exc)) from None
    if value <= 0:
        raise SmallClaimsError(f"{year} 年就业人员年平均工资应大于零")
    return year, value


@dataclass(frozen=True)
class Suggestion:
    """程序适用建议。

    - ``procedure``：``'small_claims'`` / ``'summary'`` / ``'ordinary'``；
    - ``reason``：中文理由；
    - ``basis``：依据条文；
    - ``thresholds``：``small_claims_mandatory_max``（工资 50%）、``small_claims_agreed_max``
      与 ``summary_shall_max``（工资 2 倍）；
    - ``mandatory``：建议是否为法律规定“应当”适用（而非“可以”）；
    - ``excluded_by``：命中的排除情形（中文）。
    """

    procedure: str
    reason: str
    basis: str
    thresholds: Mapping[str, Decimal]
    mandatory: bool = False
    excluded_by: tuple[str, ...] = field(default=())


def procedure_suggestion(
    amount: Any,
    wage: Any,
    *,
    money_payment: bool = True,
    exclusions: Iterable[str] = frozenset(),
    parties_agree_small_claims: bool = False,
) -> Suggestion:
    """根据标的额、本省上年度就业人员年平均工资和排除情形，建议适用的程序。

    依据：民事诉讼法 第一百六十五条、第一百六十六条、第一百六十条；民诉解释 第二百五十七条、
    第一百四十条、第二百七十二条；延长审限规定 第四条。

    规则（均以“事实清楚、权利义务关系明确、争议不大的简单民事案件”为前提）：

    1. 命中简易程序排除情形 → 普通程序。
    2. 金钱给付案件、未命中小额诉讼排除情形、标的额 ≤ 工资 50% → 小额诉讼（应当）。
    3. 同上、50% < 标的额 ≤ 2 倍，且双方约定 → 小额诉讼（约定）。
    4. 标的额 ≤ 2 倍 → 简易程序（应当，延长审限规定 第四条）。
    5. 其他 → 普通程序（如案件简单，仍可适用简易程序，民事诉讼法 第一百六十条）。

    ``amount`` 为 None 表示没有标的额（非财产案件）：不能适用小额诉讼，简易程序为“可以”。

    :raises SmallClaimsError: 金额或工资不是有效数字、工资不大于零、排除情形代码不认识。
    """
    try:
        amt = None if amount is None else to_amount(amount, "标的额")
        w = to_amount(wage, "就业人员年平均工资")
    except FeeError as exc:
        raise SmallClaimsError(str(exc)) from None
    if w <= 0:
        raise SmallClaimsError("就业人员年平均工资应大于零")
    codes = frozenset(exclusions)
    unknown = codes - EXCLUSIONS.keys()
    if unknown:
        raise SmallClaimsError(f"不认识的排除情形：{'、'.join(sorted(unknown))}")

    mandatory_max = (w * _HALF).quantize(Decimal("0.01"))
    agreed_max = (w * _TWO).quantize(Decimal("0.01"))
    thresholds = {
        "small_claims_mandatory_max": mandatory_max,
        "small_claims_agreed_max": agreed_max,
        "summary_shall_max": agreed_max,
    }
    summary_hits = tuple(SUMMARY_EXCLUSIONS[c] for c in sorted(codes & SUMMARY_EXCLUSIONS.keys()))
    sc_hits = tuple(SMALL_CLAIMS_EXCLUSIONS[c] for c in sorted(codes & SMALL_CLAIMS_EXCLUSIONS.keys()))
    premise = "如属事实清楚、权利义务关系明确、争议不大的简单民事案件（民诉解释 第二百五十六条），"

    if summary_hits:
        return Suggestion(
            "ordinary",
            "存在不适用简易程序的情形：" + "；".join(summary_hits) + "。应适用普通程序。",
            "民诉解释 第二百五十七条、第一百四十条",
            thresholds,
            mandatory=True,
            excluded_by=summary_hits,
        )

    small_claims_possible = money_payment and amt is not None and not sc_hits
    why_not_sc = ""
    if sc_hits:
        why_not_sc = "不适用小额诉讼程序：" + "；".join(sc_hits) + "。"
    elif not money_payment:
        why_not_sc = "不是金钱给付案件，不适用小额诉讼程序（民事诉讼法 第一百六十五条）。"
    elif amt is None:
        why_not_sc = "没有标的额，不适用小额诉讼程序。"

    if small_claims_possible and amt <= mandatory_max:
        return Suggestion(
            "small_claims",
            f"{premise}标的额 {amt} 元不超过上年度就业人员年平均工资的 50%（{mandatory_max} 元），"
            "应当适用小额诉讼程序，实行一审终审。",
            "民事诉讼法 第一百六十五条第一款",
            thresholds,
            mandatory=True,
        )
    if small_claims_possible and amt <= agreed_max and parties_agree_small_claims:
        return Suggestion(
            "small_claims",
            f"{premise}标的额 {amt} 元超过 50%（{mandatory_max} 元）但在 2 倍（{agreed_max} 元）以下，"
            "当事人双方已约定适用小额诉讼程序。",
            "民事诉讼法 第一百六十五条第二款",
            thresholds,
            mandatory=False,
        )
    if amt is None:
        return Suggestion(
            "summary",
            why_not_sc + premise + "可以适用简易程序。",
            "民事诉讼法 第一百六十条",
            thresholds,
            mandatory=False,
            excluded_by=sc_hits,
        )
    if amt <= agreed_max:
        extra = ""
        if small_claims_possible and amt > mandatory_max:
            extra = "当事人双方约定的，也可以适用小额诉讼程序（民事诉讼法 第一百六十五条第二款）。"
        return Suggestion(
            "summary",
            why_not_sc
            + f"{premise}标的额 {amt} 元在上年度就业人员年平均工资 2 倍（{agreed_max} 元）以下，"
            "应当适用简易程序。"
            + extra,
            "延长审限规定 第四条；民事诉讼法 第一百六十条",
            thresholds,
            mandatory=True,
            excluded_by=sc_hits,
        )
    return Suggestion(
        "ordinary",
        why_not_sc
        + f"标的额 {amt} 元超过上年度就业人员年平均工资 2 倍（{agreed_max} 元），建议适用普通程序；"
        "案件简单的，基层法院仍可以适用简易程序，当事人双方也可以约定适用（民事诉讼法 第一百六十条）。",
        "民事诉讼法 第一百六十条；延长审限规定 第四条",
        thresholds,
        mandatory=False,
        excluded_by=sc_hits,
    )
