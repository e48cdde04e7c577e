"""个人债务集中清理的分配（民诉解释 第五百零八条：普通债权按比例受偿）与不予执行的事由
（民事诉讼法 第二百四十八条、第二百四十九条）。"""
from decimal import Decimal as D

import pytest

from xiezhi.law.enforcement_ending import CLOSING_DELETION_EVENT, PlanClaim, not_enforced_problem, plan_shares


@pytest.mark.parametrize("available, claims, expected", [
    # 第五百零八条：按债权数额比例
    ("100", [("a", "300", None), ("b", "100", None)], {"a": "75.00", "b": "25.00"}),
    # 尾数到分，归债权数额最大者
    ("100", [("a", "100", None), ("b", "100", None), ("c", "100", None)], {"a": "33.34", "b": "33.33", "c": "33.33"}),
    # 足额清偿：不超过各自债权，余款不分配
    ("1000", [("a", "300", None), ("b", "100", None)], {"a": "300", "b": "100"}),
    # 和解的按和解金额参与分配
    ("100", [("a", "300", "100"), ("b", "100", None)], {"a": "50.00", "b": "50.00"}),
    # 和解金额为零：不参与分配
    ("100", [("a", "300", "0"), ("b", "100", None)], {"a": "0", "b": "100"}),
])
def test_plan_shares_pro_rata(available, claims, expected):
    shares = plan_shares(D(available), [PlanClaim(r, D(o), D(s) if s else None) for r, o, s in claims])
    assert {k: D(v) for k, v in expected.items()} == shares
    payable = sum(D(s) if s else D(o) for _r, o, s in claims)
    assert sum(shares.values()) == min(D(available), payable)


@pytest.mark.parametrize("basis, ground, ok", [
    ("arbitration", "a1", True), ("arbitration", "a7", True), ("notarial", "n1", True),
    ("notarial", "a1", False), ("platform", "a1", False), ("other_court", "n1", False),
])
def test_not_enforced_only_on_arbitration_and_notarial_grounds(basis, ground, ok):
    assert (not_enforced_problem(basis, ground) is None) == ok


def test_closing_deletion_events_follow_article_10():
    # 失信规定 第十条第一款：执行完毕（一）、不予执行（六）、终结执行（七）
    assert CLOSING_DELETION_EVENT == {"paid": 1, "not_enforced": 6, "terminated": 7}
