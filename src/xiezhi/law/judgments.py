"""裁判文书中由法律决定的固定语句：生效或上诉告知、迟延履行告知、诉讼费用减半、当事人称谓。

依据：

- 民事诉讼法（2023 年修正）第一百五十五条：判决书应当写明……（四）上诉期间和上诉的法院。
- 民事诉讼法 第一百七十一条：不服判决的，在判决书送达之日起十五日内上诉（第一款）；不服裁定的，
  在裁定书送达之日起十日内上诉（第二款）。第一百五十七条第二款：不予受理、对管辖权有异议的、
  驳回起诉的裁定，可以上诉。
- 民事诉讼法 第二百八十六条：在中华人民共和国领域内没有住所的当事人，上诉期为三十日。
- 民事诉讼法 第一百六十五条：小额诉讼的程序实行一审终审；民诉解释（2022）第二百七十六条（管辖权异议
  裁定）、第二百七十七条（驳回起诉裁定）：小额诉讼案件中的裁定一经作出即生效。
- 民事诉讼法 第一百一十一条：当事人对保全裁定不服的，可以申请复议一次。复议期间不停止裁定的执行。
  （2016 样式：可以自收到裁定书之日起五日内向本院申请复议一次。）
- 民事诉讼法 第一百条：调解书经双方当事人签收后，即具有法律效力。
- 民事诉讼法 第二百六十四条：未按判决指定的期间履行给付金钱义务的，应当加倍支付迟延履行期间的债务利息。
- 刑事诉讼法 第二百三十条：不服判决的上诉期限为十日，从接到判决书的第二日起算。
- 行政诉讼法 第八十五条：不服判决的，在判决书送达之日起十五日内上诉。
- 诉讼费用交纳办法 第十五条（以调解方式结案或者撤诉的，减半交纳）、第十六条（适用简易程序审理的，
  减半交纳）。
- 民事诉讼法 第五十一条第二款、民诉解释 第五十二条：其他组织（依法登记领取营业执照的分支机构等）
  由其主要负责人进行诉讼。
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["LATE_PERFORMANCE", "FeeLine", "cn_count", "effect_sentences", "fee_line", "item_texts",
           "orders_money", "procuratorate_name", "representative_title", "is_unincorporated", "yuan"]

_CN_DIGITS = "〇一二三四五六七八九"


def cn_count(n: int) -> str:
    """一、二 … 九十九: the number of a 主文 item or a period in days (十五日, 三十日)."""
    if n <= 0:
        raise ValueError("序号应为正整数")
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[units] if units else "")
    raise ValueError("序号超过九十九")


def item_texts(items: list[str]) -> list[str]:
    """裁判主文 / 调解协议 items, one paragraph each: 一、……；二、……；三、……。 — a single item carries no
    number (《民事裁判文书制作规范》裁判主文部分). The judge's own trailing punctuation is replaced by the
    form's: a semicolon between items, a full stop after the last."""
    clean = [re.sub(r"[。；;，,.\s]+$", "", str(t).strip()) for t in items]
    clean = [t for t in clean if t]
    if len(clean) == 1:
        return [clean[0] + "。"]
    return [f"{cn_count(i)}、{t}{'。' if i == len(clean) else '；'}" for i, t in enumerate(clean, 1)]


# money-ordering words of a 主文 item (给付金钱义务) and an amount in figures or capitals
_PAY_VERB = re.compile(r"(支付|偿还|给付|赔偿|返还|退还|补偿|清偿|归还|交付|退回)")
_MONEY = re.compile(r"(\d[\d,，.]*\s*(元|万元)|[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元|款|利息|费|工资|租金|价款|违约金)")
_NEGATED = re.compile(r"^(驳回|不予|准许|确认)")

LATE_PERFORMANCE = ("如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条规定，"
                    "加倍支付迟延履行期间的债务利息。")


def orders_money(items: list[str]) -> bool:
    """Does an operative item order the payment of money (民事诉讼法 第二百六十四条 applies, and the
    judgment must carry the 迟延履行 warning)? "驳回原告的诉讼请求" orders nothing."""
    for t in items:
        t = str(t).strip()
        if not t or _NEGATED.match(re.sub(r"^[一二三四五六七八九十]+、", "", t)):
            continue
        if _PAY_VERB.search(t) and _MONEY.search(t):
            return True
    return False


def yuan(amount) -> str:
    """An amount as a judgment writes it: 3300, 1650, 12.50 (no thousands separator, no ".00")."""
    d = Decimal(str(amount)).quantize(Decimal("0.01"))
    return str(d.quantize(Decimal(1))) if d == d.to_integral_value() else f"{d:.2f}"


@dataclass(frozen=True)
class FeeLine:
    """案件受理费 as the fee sentence states it: `full` the fee under 第十三条, `charged` what is charged
    after halving (equal to `full` when nothing is halved), `halved` whether "减半收取计…元" is written."""

    full: str
    charged: str
    halved: bool
    basis: str


def fee_line(assessed, fee_procedure: str = "ordinary", closed_by: str | None = None,
             stack_halvings: bool = False) -> FeeLine:
    """The figures of the fee sentence (案件受理费×元，减半收取计×元，由……负担).

    ``assessed`` is the fee the case was assessed at filing, which for 简易程序 and 小额诉讼 is already
    halved (交费办法 第十六条); ``closed_by`` "mediation" or "withdrawal" halves it (第十五条). The two
    halvings are not stacked unless the province says so (as xiezhi.law.fees.litigation_fee)."""
    assessed = Decimal(str(assessed))
    summary = fee_procedure in ("summary", "small_claims")
    full = assessed * 2 if summary else assessed
    halvings = int(summary) + int(closed_by in ("mediation", "withdrawal"))
    if halvings == 2 and not stack_halvings:
        halvings = 1
    charged = full / (2 ** halvings)
    basis = []
    if summary:
        basis.append("诉讼费用交纳办法 第十六条")
    if closed_by in ("mediation", "withdrawal"):
        basis.append("诉讼费用交纳办法 第十五条")
    return FeeLine(yuan(full), yuan(charged), halvings > 0, "；".join(basis) or "诉讼费用交纳办法 第十三条")


_APPEAL_TAIL = "向本院递交上诉状，并按对方当事人或者代表人的人数提出副本，上诉于{court}。"


def effect_sentences(kind: str, *, variant: str = "", small_claims: bool = False, appeal_court: str = "",
                     parties_abroad: tuple[str, ...] = (), parties_at_home: tuple[str, ...] = (),
                     copies: int = 1, two_parties: bool = True) -> list[str]:
    """The effect or appeal sentence(s) that close a judicial document, by kind and variant.

    - ``judgment`` (民事判决书): 15 days to the named court (民事诉讼法 第一百七十一条第一款、第一百五十五条);
      a party with no domicile in China 30 days (第二百八十六条); 小额诉讼: 本判决为终审判决 (第一百六十五条).
    - ``ruling`` (民事裁定书), ``variant`` a key of documents.structure.RULING_TYPES: 不予受理、驳回起诉、
      管辖权异议 10 days (第一百五十七条第二款、第一百七十一条第二款), in 小额诉讼 驳回起诉 and 管辖权异议 take
      effect at once (民诉解释 第二百七十六条、第二百七十七条); 保全 复议一次 within 5 days, not stopping execution
      (第一百一十一条); 准许撤诉 nothing; the rest 本裁定送达后即发生法律效力.
    - ``mediation``: 本调解书经双方当事人签收后，即具有法律效力 (第一百条; 各方 with more than two parties).
    - ``criminal_judgment``: 10 days from the day after receipt, through this court or directly to the
      court above (刑事诉讼法 第二百三十条、第二百二十七条).
    - ``admin_judgment``: 15 days (行政诉讼法 第八十五条).
    """
    court = appeal_court or "上一级人民法院"
    if kind == "judgment":
        if small_claims:
            return ["本判决为终审判决。"]
        if parties_abroad:
            who = ""
            if parties_at_home:
                who += f"{'、'.join(parties_at_home)}可以在判决书送达之日起十五日内，"
            who += f"{'、'.join(parties_abroad)}可以在判决书送达之日起三十日内，"
            return [f"如不服本判决，{who}" + _APPEAL_TAIL.format(court=court)]
        return ["如不服本判决，可以在判决书送达之日起十五日内，" + _APPEAL_TAIL.format(court=court)]
    if kind == "ruling":
        if variant in ("dismissal", "jurisdiction") and small_claims:
            return ["本裁定一经作出即生效。"]
        if variant in ("not_accepted", "dismissal", "jurisdiction"):
            days = "三十日" if parties_abroad and not parties_at_home else "十日"
            return [f"如不服本裁定，可以在裁定书送达之日起{days}内，" + _APPEAL_TAIL.format(court=court)]
        if variant == "preservation":
            return ["本裁定立即开始执行。",
                    "如不服本裁定，可以自收到裁定书之日起五日内向本院申请复议一次。复议期间不停止裁定的执行。"]
        if variant == "withdrawal":
            return []
        return ["本裁定送达后即发生法律效力。"]
    if kind == "mediation":
        return [f"本调解书经{'双方' if two_parties else '各方'}当事人签收后，即具有法律效力。"]
    if kind == "criminal_judgment":
        return [f"如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向{court}提出上诉。"
                f"书面上诉的，应当提交上诉状正本一份，副本{cn_count(max(1, copies))}份。"]
    if kind == "admin_judgment":
        return [f"如不服本判决，可以在判决书送达之日起十五日内向本院递交上诉状，并按对方当事人的人数提出副本，"
                f"上诉于{court}。"]
    raise ValueError(f"不认识的文书种类：{kind!r}")


# 分支机构 and other unincorporated organisations by their name (民诉解释 第五十二条)
_UNINCORPORATED = re.compile(r"(分行|支行|分公司|分理处|营业部|分店|分所|分社|分部|办事处|储蓄所|分中心)$")
_UNINCORPORATED_KIND = re.compile(r"(合伙企业|个人独资企业|合伙\)|合伙）|（普通合伙）|（有限合伙）)")


def is_unincorporated(kind: str, name: str) -> bool:
    """Is the party an 其他组织 (非法人组织) that litigates through its 主要负责人 rather than a
    法定代表人 (民事诉讼法 第五十一条第二款; 民诉解释 第五十二条)? By its recorded kind, or — as a bank
    branch is often entered as a 法人 — by a branch's or partnership's name."""
    if kind == "organisation":
        return True
    if kind != "legal":
        return False
    name = (name or "").strip()
    return bool(_UNINCORPORATED.search(name) or _UNINCORPORATED_KIND.search(name))


def representative_title(kind: str, name: str) -> str:
    """法定代表人 for a 法人, 主要负责人 for an 其他组织 (民诉解释 第五十条、第五十二条)."""
    return "主要负责人" if is_unincorporated(kind, name) else "法定代表人"


def procuratorate_name(court_full_name: str) -> str:
    """公诉机关 of a first-instance criminal case: the people's procuratorate at the same level and place
    as the court (刑事诉讼法 第一百七十六条; 河南省通许县人民法院 → 河南省通许县人民检察院)."""
    if court_full_name.endswith("中级人民法院"):
        return court_full_name[: -len("中级人民法院")] + "人民检察院"  # 河南省开封市人民检察院
    if court_full_name.endswith("人民法院"):
        return court_full_name[: -len("人民法院")] + "人民检察院"
    return court_full_name + "人民检察院" if court_full_name else "人民检察院"
