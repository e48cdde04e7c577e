"""诉讼费用的司法救助：缓交、减交、免交（《诉讼费用交纳办法》第四十四条至第五十一条；领域文档 §4.7）。

- 第四十四条：当事人交纳诉讼费用确有困难的，可以申请缓交、减交或者免交；**免交只适用于自然人**。
- 第四十五条（应当免交）、第四十六条（应当减交）、第四十七条（应当缓交）：列举的情形见 :data:`GROUNDS`。
- 第四十六条第二款：诉讼费用的减交比例不得低于 30%（领域文档 ⚠：以本院核对的文本为准，做成参数 ``min_percent``）。
- 第四十八条：申请应当在起诉或者上诉时提交书面申请和证明材料；第四十九条：不予批准的应当书面说明理由。
- 缓交申请应当在决定立案之前作出准予与否的决定（领域文档 §4.7）。
"""
from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["FORMS", "GROUNDS", "MIN_REDUCTION_PERCENT", "FeeReliefError", "deferral_problem", "form_problem",
           "reduced_amount"]

_ACT = "诉讼费用交纳办法"
FORMS = {"defer": ("缓交", f"{_ACT} 第四十四条、第四十七条"),
         "reduce": ("减交", f"{_ACT} 第四十四条、第四十六条"),
         "exempt": ("免交", f"{_ACT} 第四十四条、第四十五条")}
#: 应当免交、减交、缓交的情形（第四十五条至第四十七条，摘要）
GROUNDS = {
    "exempt": ("残疾人无固定生活来源", "追索赡养费、扶养费、抚育费、抚恤金", "最低生活保障对象、农村特困定期救济对象、"
               "农村五保供养对象或者领取失业保险金人员，无其他收入", "因见义勇为或者为保护社会公共利益致使自身合法权益受到损害",
               "确实需要免交的其他情形"),
    "reduce": ("因自然灾害等不可抗力造成生活困难，正在接受社会救济，或者家庭生产经营难以为继", "属于国家规定的优抚、安置对象",
               "社会福利机构和救助管理站", "确实需要减交的其他情形"),
    "defer": ("追索社会保险金、经济补偿金", "海上事故、交通事故、医疗事故、工伤事故、产品质量事故或者其他人身伤害事故的受害人"
              "请求赔偿", "正在接受有关部门法律援助", "确实需要缓交的其他情形"),
}
#: 减交比例的下限（第四十六条第二款）⚠ 可配置
MIN_REDUCTION_PERCENT = 30


class FeeReliefError(ValueError):
    """诉讼费用司法救助规则的输入错误（中文消息）。"""


def form_problem(form: str, party_kind: str) -> str | None:
    """该当事人能否申请该种救助；能返回 None。免交只适用于自然人（第四十四条第二款）。"""
    if form not in FORMS:
        return "请选择缓交、减交或者免交"
    if form == "exempt" and party_kind != "natural":
        return f"诉讼费用的免交只适用于自然人（{_ACT} 第四十四条）"
    return None


def reduced_amount(amount, percent, *, min_percent: int = MIN_REDUCTION_PERCENT) -> Decimal:
    """减交后应交的数额：``amount`` × (1 − ``percent``%)，减交比例不得低于 ``min_percent``%（第四十六条第二款）。"""
    try:
        a, p = Decimal(str(amount)), Decimal(str(percent))
    except (InvalidOperation, ValueError):
        raise FeeReliefError("金额或减交比例无效") from None
    if not a.is_finite() or a < 0:
        raise FeeReliefError("诉讼费用应为非负金额")
    if not p.is_finite() or p < min_percent or p >= 100:
        raise FeeReliefError(f"减交比例不得低于 {min_percent}%（{_ACT} 第四十六条），且应低于 100%（全部不交为免交）")
    return (a * (100 - p) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def deferral_problem(due_on: date, new_due_on: date) -> str | None:
    """缓交的新期限应晚于原交费期限。"""
    if not isinstance(new_due_on, date) or new_due_on <= due_on:
        return f"缓交的交费期限应晚于原期限 {due_on}（{_ACT} 第四十七条）"
    return None
