"""执行结案的法定事由与个人债务集中清理的分配（纯 Python，不依赖 Django）。

条文编号按 2023 年修正的《中华人民共和国民事诉讼法》（2024-01-01 施行），与本项目 documents/build_enforcement.py
一致；2021 年修正本中相应条文为 第二百六十四条（终结执行）、第二百四十四条（仲裁裁决不予执行）、
第二百四十五条（公证债权文书不予执行）。

- 终结执行：民事诉讼法 第二百六十八条 六项事由。
- 不予执行：仲裁裁决 第二百四十八条第二款六项事由及第三款（违背社会公共利益）；公证债权文书 第二百四十九条
  （确有错误）。只对仲裁裁决、公证债权文书适用。
- 结案对失信信息的影响（失信规定 第十条第一款）：执行完毕 → 第一项，裁定不予执行 → 第六项，裁定终结执行 → 第七项。
- 个人债务集中清理：同一自然人为被执行人的多个执行案件，可供执行的财产不能清偿全部债务的，按
  民诉解释 第五百零八条 参与分配的规则，普通债权按其占全部债权数额的比例受偿；按比例计算到分、舍去的尾数归债权
  数额最大者（xiezhi.law.enforcement_disposal.distribute 的做法）。某一债权人与被执行人达成和解协议的，其受偿以
  和解金额为限（执行和解规定 第一条：和解协议可以变更履行的数额），按和解金额而不是原债权参与比例计算。
  集中清理本身是各地法院的工作机制，没有统一的司法解释条文，这里只采用上述两条规则。
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .enforcement_disposal import Claim, distribute

__all__ = ["CLOSING_DELETION_EVENT", "NOT_ENFORCED_GROUNDS", "NOT_ENFORCED_BASES", "TERMINATION_GROUNDS",
           "TERMINATION_BASIS", "PlanClaim", "not_enforced_problem", "plan_shares"]

TERMINATION_BASIS = "民事诉讼法 第二百六十八条"
TERMINATION_GROUNDS = {
    "1": "申请人撤销申请的",
    "2": "据以执行的法律文书被撤销的",
    "3": "作为被执行人的公民死亡，无遗产可供执行，又无义务承担人的",
    "4": "追索赡养费、扶养费、抚养费案件的权利人死亡的",
    "5": "作为被执行人的公民因生活困难无力偿还借款，无收入来源，又丧失劳动能力的",
    "6": "人民法院认为应当终结执行的其他情形",
}

#: 执行依据类型 → (依据, 事由)
NOT_ENFORCED_BASES = {
    "arbitration": "民事诉讼法 第二百四十八条",
    "notarial": "民事诉讼法 第二百四十九条",
}
NOT_ENFORCED_GROUNDS = {
    "arbitration": {
        "a1": "当事人在合同中没有订有仲裁条款或者事后没有达成书面仲裁协议的",
        "a2": "裁决的事项不属于仲裁协议的范围或者仲裁机构无权仲裁的",
        "a3": "仲裁庭的组成或者仲裁的程序违反法定程序的",
        "a4": "裁决所根据的证据是伪造的",
        "a5": "对方当事人向仲裁机构隐瞒了足以影响公正裁决的证据的",
        "a6": "仲裁员在仲裁该案时有贪污受贿，徇私舞弊，枉法裁决行为的",
        "a7": "执行该裁决违背社会公共利益的（第三款）",
    },
    "notarial": {"n1": "公证债权文书确有错误的"},
}

#: 结案方式 → 失信规定 第十条第一款 的删除事由编号
CLOSING_DELETION_EVENT = {"paid": 1, "not_enforced": 6, "terminated": 7}


def not_enforced_problem(basis_kind: str, ground: str) -> str | None:
    """不予执行能否以该事由作出；能则 None，否则中文理由。"""
    if basis_kind not in NOT_ENFORCED_GROUNDS:
        return "不予执行只适用于仲裁裁决和公证债权文书（民事诉讼法 第二百四十八条、第二百四十九条）"
    if ground not in NOT_ENFORCED_GROUNDS[basis_kind]:
        return f"请选择{NOT_ENFORCED_BASES[basis_kind]}规定的不予执行事由"
    return None


@dataclass(frozen=True)
class PlanClaim:
    ref: object
    outstanding: Decimal  # 未履行金额
    settlement: Decimal | None = None  # 和解金额（不超过未履行金额）


def plan_shares(available: Decimal, claims: list[PlanClaim]) -> dict:
    """各案的分配金额：和解的按和解金额、其余按未履行金额，按比例分配 `available`（民诉解释 第五百零八条）。

    分配总额 = min(available, 各案应受偿额之和)，到分，恰好相等；任何一案不超过其应受偿额。"""
    if not claims:
        raise ValueError("清理方案须至少有一个案件")
    rows = []
    for c in claims:
        due = Decimal(c.outstanding)
        if c.settlement is not None:
            if Decimal(c.settlement) < 0 or Decimal(c.settlement) > due:
                raise ValueError("和解金额须在零与未履行金额之间")
            due = Decimal(c.settlement)
        rows.append((c.ref, due))
    payable = [(ref, due) for ref, due in rows if due > 0]
    shares = {ref: Decimal("0.00") for ref, _ in rows}
    if not payable or Decimal(available) <= 0:
        return shares
    d = distribute(Decimal(available), [Claim(ref, "ordinary", due) for ref, due in payable])
    for s in d.shares:
        shares[s.ref] = s.amount
    return shares
