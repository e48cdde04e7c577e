"""The periods and conditions the first-instance notices state (受理案件通知书、应诉通知书、举证通知书、
交纳诉讼费用通知书、合议庭组成人员通知书、小额诉讼程序告知书、传票).

依据 (民事诉讼法 2023 年修正; 民诉解释 2022 年修正; 诉讼费用交纳办法 2006):

- 举证期限 — 民诉解释 第九十九条第二款: 举证期限第一审普通程序案件不得少于十五日，当事人提供新的证据
  的第二审案件不得少于十日; 第二百六十六条: 适用简易程序案件的举证期限由人民法院确定，也可以由当事人
  协商一致并经人民法院准许，但不得超过十五日; 第二百七十五条第一款: 小额诉讼案件的举证期限由人民法院
  确定，也可以由当事人协商一致并经人民法院准许，但一般不超过七日. (第二百七十五条 is the 2022 number;
  the same rule was 第二百七十七条 in the 2015 interpretation. 2022 第二百七十七条 is the dismissal of a
  small claim, 裁定驳回起诉, 一经作出即生效.)
- 答辩期间 — 民事诉讼法 第一百二十八条第一款: 被告应当在收到之日起十五日内提出答辩状; 小额诉讼 民诉解释
  第二百七十五条第二款: 被告要求书面答辩的 … 最长不得超过十五日.
- 预交案件受理费 — 诉讼费用交纳办法 第二十二条第一款: 原告自接到人民法院交纳诉讼费用通知次日起七日内交纳;
  未按期交纳的 按撤诉处理 — 民诉解释 第二百一十三条.
- 合议庭组成人员告知 — 民事诉讼法 第一百三十一条: 审判人员确定后，应当在三日内告知当事人. A case heard
  by a sole judge (独任审理) has no 合议庭 to announce.
- 小额诉讼程序告知 — 民事诉讼法 第一百六十五条 (一审终审), 民诉解释 第二百七十四条 (告知审判组织、一审终审、
  审理期限、诉讼费用交纳标准): only in a case tried under 小额诉讼程序.
- 传票 — 民事诉讼法 第一百三十九条: 通知当事人和其他诉讼参与人 … 在开庭三日前; 民诉解释 第二百二十七条:
  用传票传唤当事人，对诉讼代理人、证人、鉴定人、勘验人、翻译人员应当用通知书通知其到庭.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = [
    "DEFENCE_DAYS",
    "FEE_PAYMENT_DAYS",
    "NoticeError",
    "EvidencePeriod",
    "days_cn",
    "evidence_period",
    "panel_notice_refusal",
    "procedure_kind",
    "small_claims_notice_refusal",
    "summons_in_time",
]

JUDICIAL_INTERPRETATION = "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》"

#: 民事诉讼法 第一百二十八条第一款
DEFENCE_DAYS = 15
#: 诉讼费用交纳办法 第二十二条第一款 (counted from the day after receipt)
FEE_PAYMENT_DAYS = 7
#: 民事诉讼法 第一百三十九条 (a summons reaches the party at least three days before the hearing)
SUMMONS_DAYS_BEFORE = 3


class NoticeError(ValueError):
    """The period asked for breaks the rule (Chinese message)."""


@dataclass(frozen=True)
class EvidencePeriod:
    days: int
    bound: str          # "min" (不得少于) or "max" (不得超过 / 一般不超过)
    limit: int
    basis: str          # the article, as a notice cites it

    @property
    def text(self) -> str:
        return days_cn(self.days)


#: procedure → (default days, bound, limit, article of 民诉解释)
_EVIDENCE = {
    "ordinary": (15, "min", 15, "第九十九条"),
    "second": (10, "min", 10, "第九十九条"),
    "summary": (15, "max", 15, "第二百六十六条"),
    "small_claims": (7, "max", 7, "第二百七十五条"),
}


def procedure_kind(limit_code: str) -> str:
    """The evidence-period class of a procedure (courts.Procedure.limit_code): ordinary, summary,
    small_claims or second (第二审)."""
    if limit_code == "civil_small_claims":
        return "small_claims"
    if limit_code == "civil_summary":
        return "summary"
    if limit_code.startswith("civil_second"):
        return "second"
    return "ordinary"


def evidence_period(procedure: str, days: int | None = None) -> EvidencePeriod:
    """The 举证期限 a notice states. `procedure` is ordinary / summary / small_claims / second; `days`
    the period the court set (default: the statutory figure). A period outside the rule is refused."""
    if procedure not in _EVIDENCE:
        raise NoticeError(f"未知的审理程序：{procedure}")
    default, bound, limit, article = _EVIDENCE[procedure]
    n = default if days is None else int(days)
    if n < 1:
        raise NoticeError("举证期限至少为一日。")
    basis = JUDICIAL_INTERPRETATION + article
    if bound == "min" and n < limit:
        raise NoticeError(f"该程序的举证期限不得少于{days_cn(limit)}（{basis}）。")
    if bound == "max" and n > limit:
        word = "一般不超过" if procedure == "small_claims" else "不得超过"
        raise NoticeError(f"该程序的举证期限{word}{days_cn(limit)}（{basis}）。")
    return EvidencePeriod(n, bound, limit, basis)


def panel_notice_refusal(roles) -> str:
    """Why no 合议庭组成人员通知书 can be made for a trial organisation with these member roles
    (trial.PanelMember.Role: sole / presiding / judge / assessor); "" when it can (民事诉讼法
    第四十条, 第一百三十一条)."""
    roles = list(roles)
    if not roles:
        return "本案尚未组成合议庭，不能制作合议庭组成人员通知书。"
    if "sole" in roles:
        return "本案由审判员一人独任审理，没有合议庭，不制作合议庭组成人员通知书。"
    if "presiding" not in roles or len(roles) < 3 or len(roles) % 2 == 0:
        return "合议庭应当由审判长和其他成员共三人以上单数组成，请先依法组成合议庭。"
    return ""


def small_claims_notice_refusal(limit_code: str) -> str:
    """Why no 小额诉讼程序告知书 (民诉解释 第二百七十四条) can be made: the case is not tried under the
    small-claims procedure (民事诉讼法 第一百六十五条)."""
    if limit_code == "civil_small_claims":
        return ""
    return "本案未适用小额诉讼程序，不能制作小额诉讼程序告知书。"


def summons_in_time(served_on: date, hearing_on: date) -> bool:
    """民事诉讼法 第一百三十九条: the summons is served at least three days before the hearing (the day of
    service not counted, 第八十五条)."""
    return (hearing_on - served_on).days >= SUMMONS_DAYS_BEFORE


_CN = "零一二三四五六七八九"


def days_cn(n: int) -> str:
    """A period in days as a notice writes it: 7 → 七日, 15 → 十五日, 30 → 三十日, 120 → 一百二十日."""
    if n < 0:
        raise NoticeError("期间不能为负数。")
    if n < 10:
        s = _CN[n]
    elif n < 20:
        s = "十" + (_CN[n % 10] if n % 10 else "")
    elif n < 100:
        s = _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    elif n < 1000:
        rest = n % 100
        s = _CN[n // 100] + "百"
        if rest:
            s += ("零" + _CN[rest] if rest < 10 else
                  "一十" + (_CN[rest % 10] if rest % 10 else "") if rest < 20 else days_cn(rest)[:-1])
    else:
        raise NoticeError("期间过长。")
    return s + "日"
