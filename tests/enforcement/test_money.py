"""执行款台账 (issue 11 item 7): receipts, payouts and reversals of an enforcement case, each one
row and one timeline node; a payout never exceeds what is on hand; a retried click records once
(《最高人民法院关于执行款物管理工作的规定》: 一案一账、专款专付)."""
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.helpers import assert_refused
from xiezhi.cases.events import summary
from xiezhi.cases.models import CaseEvent
from xiezhi.enforcement import selectors as sel
from xiezhi.enforcement import services as svc
from xiezhi.enforcement.models import MoneyMovement

pytestmark = pytest.mark.django_db


def test_receive_and_pay_out_write_a_row_and_a_node_each(case, staff):
    e = staff["enforcer"]
    r = svc.receive(e, case, "100,000.50", case.debtor, "k1", note="被执行人主动履行")
    o = svc.pay_out(e, case, case.applicant, D("60000"), "k2")
    assert (r.kind, r.amount, r.party, o.kind, o.amount) == ("receipt", D("100000.50"), case.debtor, "payout", D("60000"))
    b = sel.case_balance(case)
    assert (b.received, b.paid_out, b.on_hand) == (D("100000.50"), D("60000"), D("40000.50"))
    events = list(case.events.filter(code__startswith="money_").order_by("seq"))
    assert [ev.code for ev in events] == ["money_received", "money_paid_out"]
    assert events[0].payload["movement"] == r.pk and events[0].public_to_parties
    assert summary("money_received", events[0].payload) == "到账 100000.50 元，交款人 被执行人乙"
    assert summary("money_paid_out", events[1].payload) == "发放 60000.00 元，领款人 申请执行人甲"
    assert sel.reconcile(case).agrees


def test_an_outside_payer_is_named(case, staff):
    svc.receive(staff["enforcer"], case, "5000", "通许县农村信用合作联社（协助扣划）", "k1")
    [pb] = sel.party_balances(case)
    assert (pb.name, pb.party_id, pb.balance.received) == ("通许县农村信用合作联社（协助扣划）", None, D("5000"))


def test_balances_per_party(case, staff):
    e = staff["enforcer"]
    svc.receive(e, case, "300", case.debtor, "a")
    svc.receive(e, case, "200", "案外人丁", "b")
    svc.pay_out(e, case, case.applicant, "450", "c")
    got = {pb.name: (pb.balance.received, pb.balance.paid_out) for pb in sel.party_balances(case)}
    assert got == {"被执行人乙": (D("300"), D("0")), "案外人丁": (D("200"), D("0")), "申请执行人甲": (D("0"), D("450"))}


def test_a_payout_beyond_the_balance_is_refused_and_changes_nothing(case, staff):
    e = staff["enforcer"]
    svc.receive(e, case, "1000", case.debtor, "k1")
    assert_refused(lambda: svc.pay_out(e, case, case.applicant, "1000.01", "k2"), "超过本案执行款结存 1000.00 元")
    svc.pay_out(e, case, case.applicant, "1000", "k3")
    assert sel.case_balance(case).on_hand == 0


def test_a_payout_with_nothing_received_is_refused(case, staff):
    assert_refused(lambda: svc.pay_out(staff["enforcer"], case, case.applicant, "1", "k"), "超过本案执行款结存")


def test_a_retried_click_records_once(case, staff):
    e = staff["enforcer"]
    first = svc.receive(e, case, "100", case.debtor, "click-1")
    again = svc.receive(e, case, "100.00", case.debtor, "click-1")
    assert first.pk == again.pk
    p1 = svc.pay_out(e, case, case.applicant, "100", "click-2")
    assert svc.pay_out(e, case, case.applicant, "100", "click-2").pk == p1.pk  # balance is 0 now: no refusal
    assert MoneyMovement.objects.filter(case=case).count() == 2
    assert case.events.filter(code__startswith="money_").count() == 2


def test_the_same_key_for_another_movement_is_refused(case, staff):
    e = staff["enforcer"]
    svc.receive(e, case, "100", case.debtor, "k")
    assert_refused(lambda: svc.receive(e, case, "200", case.debtor, "k"), "该操作编号已用于另一笔款项")
    assert_refused(lambda: svc.pay_out(e, case, case.applicant, "100", "k"), "该操作编号已用于另一笔款项")


def test_reversal_of_a_receipt_and_of_a_payout(case, staff):
    e = staff["enforcer"]
    r = svc.receive(e, case, "500", case.debtor, "k1")
    o = svc.pay_out(e, case, case.applicant, "200", "k2")
    x = svc.reverse(e, o, "领款人账号有误，款项退回", "k3")
    assert (x.kind, x.amount, x.reverses) == ("reversal", D("200"), o)
    assert sel.case_balance(case).on_hand == D("500")
    svc.reverse(e, r, "误将他案款项登记到本案", "k4")
    b = sel.case_balance(case)
    assert (b.received, b.paid_out, b.on_hand) == (D("0"), D("0"), D("0"))
    ev = case.events.filter(code="money_reversed").order_by("seq").first()
    assert summary("money_reversed", ev.payload) == "冲正发放 200.00 元；理由：领款人账号有误，款项退回"
    assert sel.reconcile(case).agrees
    assert [m.is_reversed for m in sel.ledger(case)] == [True, True, False, False]


def test_reversal_refusals(case, staff):
    e = staff["enforcer"]
    r = svc.receive(e, case, "500", case.debtor, "k1")
    svc.pay_out(e, case, case.applicant, "200", "k2")
    assert_refused(lambda: svc.reverse(e, r, "误登", "k3"), "将使结存为负")
    r2 = svc.receive(e, case, "50", case.debtor, "k4")
    assert_refused(lambda: svc.reverse(e, r2, "  ", "k5"), "请填写冲正理由")
    x = svc.reverse(e, r2, "误登", "k5")
    assert svc.reverse(e, r2, "误登", "k5").pk == x.pk  # the retried click
    assert_refused(lambda: svc.reverse(e, r2, "再冲一次", "k6"), "已经冲正")
    assert_refused(lambda: svc.reverse(e, x, "冲正的冲正", "k7"), "冲正记录不能再冲正")


@pytest.mark.parametrize("amount, text", [
    ("0", "金额须大于零"), ("-1", "金额须为数字"), ("abc", "金额须为数字"), ("NaN", "金额须为数字"),
    ("1.001", "最多精确到分"), ("", "金额须为数字"), (None, "金额须为数字"), ("1" * 20, "金额超出范围"),
])
def test_bad_amounts_are_refused_in_chinese(case, staff, amount, text):
    assert_refused(lambda: svc.receive(staff["enforcer"], case, amount, case.debtor, "k"), text)


def test_who_receives_and_who_is_paid_must_be_parties_of_the_case(case, staff, enforcement_case):
    e = staff["enforcer"]
    svc.receive(e, case, "100", case.debtor, "k0")
    other = enforcement_case()
    assert_refused(lambda: svc.receive(e, case, "1", other.debtor, "k1"), "交款人须为本案当事人")
    assert_refused(lambda: svc.receive(e, case, "1", "   ", "k1"), "请填写交款人")
    agent = case.parties.get(role="agent")
    assert_refused(lambda: svc.pay_out(e, case, agent, "1", "k2"), "领款人须为本案当事人")
    assert_refused(lambda: svc.pay_out(e, case, None, "1", "k2"), "领款人须为本案当事人")
    assert_refused(lambda: svc.receive(e, case, "1", case.debtor, ""), "缺少操作编号")


@pytest.mark.parametrize("who, allowed", [
    ("enforcer", True), ("head", True), ("president", True),
    ("other_enforcer", False), ("judge", False), ("lian", False),
])
def test_only_enforcement_staff_of_the_case_handle_money(case, staff, who, allowed):
    if allowed:
        svc.receive(staff[who], case, "1", case.debtor, f"k-{who}")
        assert sel.may_handle_money(staff[who], case)
    else:
        assert not sel.may_handle_money(staff[who], case)
        assert_refused(lambda: svc.receive(staff[who], case, "1", case.debtor, "k"), "只有本案执行人员", PermissionDenied)


def test_a_public_user_may_not(case, make_public):
    someone = make_public()
    assert_refused(lambda: svc.receive(someone, case, "1", case.debtor, "k"), "只有本案执行人员", PermissionDenied)


def test_an_archived_case_takes_no_money(case, staff):
    case.status = "archived"
    case.save(update_fields=["status"])
    assert_refused(lambda: svc.receive(staff["enforcer"], case, "1", case.debtor, "k"), "案件已归档")


def test_the_database_refuses_a_second_reversal_a_zero_amount_and_a_duplicate_key(case, staff):
    e = staff["enforcer"]
    r = svc.receive(e, case, "10", case.debtor, "k1")
    svc.reverse(e, r, "误登", "k2")
    base = dict(case=case, actor=e, at=timezone.now())
    for fields in ({"kind": "reversal", "amount": D("10"), "reverses": r, "key": "x1"},
                   {"kind": "receipt", "amount": D("0"), "payer_name": "某", "key": "x2"},
                   {"kind": "receipt", "amount": D("1"), "payer_name": "某", "key": "k1"},
                   {"kind": "reversal", "amount": D("1"), "key": "x3"},
                   {"kind": "payout", "amount": D("1"), "key": "x4"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            MoneyMovement.objects.create(**base, **fields)


def test_reconciliation_finds_a_row_without_a_node_and_a_node_that_disagrees(case, staff):
    e = staff["enforcer"]
    svc.receive(e, case, "100", case.debtor, "k1")
    ev = case.events.get(code="money_received")
    CaseEvent.objects.filter(pk=ev.pk).update(payload={**ev.payload, "amount": "90.00"})  # tampered with
    MoneyMovement.objects.create(case=case, actor=e, at=timezone.now(), kind="receipt", amount=D("5"),
                                 payer_name="某", key="bypass")
    rec = sel.reconcile(case)
    assert not rec.agrees
    assert rec.from_rows.on_hand == D("105") and rec.from_events.on_hand == D("90")
    text = "；".join(rec.problems)
    assert "流程节点与收付记录不一致" in text and "没有流程节点" in text and "结存不一致" in text
