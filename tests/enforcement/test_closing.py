"""执行结案: the four closing methods, 终本 refused naming each missing condition (终本规定 第一条), the
dishonest-list deletions a closing triggers (失信规定 第十条第一款), the public 终本 list."""
from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.enforcement.closing_fixtures import all_conditions, give_file
from xiezhi.enforcement import closing, dishonest, services
from xiezhi.enforcement.models import DishonestEntry
from xiezhi.enforcement.models_closing import ClosingFact, EnforcementClosing, RescanDue
from xiezhi.enforcement.models_credit import ConsumptionRestriction, PublicCreditRecord
from xiezhi.enforcement.models_linkage import LinkageOrder

pytestmark = pytest.mark.django_db


def _drop_recorded(case):
    ClosingFact.objects.filter(case=case, kind="report_recorded").delete()


def _lift(case):
    ConsumptionRestriction.objects.filter(case=case).update(lifted_at=timezone.now(), lifted_on=timezone.localdate(),
                                                            lift_reason="测试")


def _no_search(case):
    LinkageOrder.objects.filter(case=case).delete()


def _just_filed(case):
    case.filed_on = timezone.localdate() - timedelta(days=10)
    case.save(update_fields=["filed_on"])


def _missing_debtor(case):
    ClosingFact.objects.create(case=case, kind="debtor_missing", recorded_by=case.judge, recorded_at=timezone.now())


@pytest.mark.parametrize("item, breaks, words", [
    ("第一项", _drop_recorded, "财产报告、核实及处罚的情况未记录入卷"),
    ("第二项", _lift, "未向被执行人发出限制消费令"),
    ("第三项", _no_search, "未通过网络执行查控系统查询"),
    ("第四项", _just_filed, "未超过三个月"),
    ("第五项", _missing_debtor, "被执行人下落不明，未依法查找"),
])
def test_zhongben_is_refused_naming_the_missing_condition(case, staff, item, breaks, words):
    all_conditions(case, staff["enforcer"])
    breaks(case)
    with pytest.raises(ValidationError) as e:
        closing.zhongben(staff["enforcer"], case)
    assert len(e.value.messages) == 1, e.value.messages
    assert e.value.messages[0].startswith(f"终本规定 第一条{item}") and words in e.value.messages[0]
    assert not EnforcementClosing.objects.filter(case=case).exists()
    ticks = {c.item: c.ok for c in closing.zhongben_conditions(case)}
    assert [k for k, ok in ticks.items() if not ok] == [item]


def test_zhongben_when_all_five_hold(case, staff):
    all_conditions(case, staff["enforcer"])
    assert all(c.ok for c in closing.zhongben_conditions(case))
    done = closing.zhongben(staff["enforcer"], case, "穷尽财产调查措施")
    again = closing.zhongben(staff["enforcer"], case, "穷尽财产调查措施")  # a repeated click
    assert again.pk == done.pk
    case.refresh_from_db()
    assert case.status == "closed" and case.enforcement.stage == "closed"
    assert done.document is not None and done.document.kind == "enf_ruling"
    assert done.unpaid == D("150000.00")
    assert RescanDue.objects.filter(case=case).count() == 10
    assert PublicCreditRecord.objects.filter(kind="zhongben", case_number=case.number).count() == 1
    assert case.events.filter(code="enforcement_closed").count() == 1
    with pytest.raises(ValidationError):
        closing.terminate(staff["enforcer"], case, "1", "申请人撤回")


def _listed(case, staff):
    return dishonest.list_debtor(staff["enforcer"], case, case.debtor, [1])


def test_paid_closing_needs_the_ledger_to_show_the_claim_paid_and_deletes_the_dishonest_entry(case, staff):
    give_file(case)
    e = staff["enforcer"]
    entry = _listed(case, staff)
    services.receive(e, case, "150000", case.debtor, "in")
    services.pay_out(e, case, case.applicant, "100000", "out1")
    with pytest.raises(ValidationError, match="尚欠 50000.00 元"):
        closing.close_paid(e, case)
    services.pay_out(e, case, case.applicant, "50000", "out2")
    done = closing.close_paid(e, case)
    assert done.method == "paid" and done.document is None
    entry.refresh_from_db()
    assert entry.deleted_at is not None and entry.deletion_reason == DishonestEntry.Reason.EVENT_1


def test_termination_deletes_on_event_7(case, staff):
    give_file(case)
    entry = _listed(case, staff)
    with pytest.raises(ValidationError):
        closing.terminate(staff["enforcer"], case, "9", "x")
    done = closing.terminate(staff["enforcer"], case, "1", "申请执行人撤回执行申请")
    assert "第二百六十八条" in done.basis and done.document.kind == "enf_ruling"
    entry.refresh_from_db()
    assert entry.deletion_reason == DishonestEntry.Reason.EVENT_7


def test_not_enforced_only_for_arbitration_and_notarial_bases_and_deletes_on_event_6(case, staff, enforcement_case):
    give_file(case)
    with pytest.raises(ValidationError, match="只适用于仲裁裁决和公证债权文书"):
        closing.refuse_enforcement(staff["enforcer"], case, "a1", "无仲裁协议")
    other = enforcement_case()
    give_file(other, basis_kind="arbitration")
    entry = _listed(other, staff)
    done = closing.refuse_enforcement(staff["enforcer"], other, "a1", "无仲裁协议")
    assert "第二百四十八条" in done.basis
    entry.refresh_from_db()
    assert entry.deletion_reason == DishonestEntry.Reason.EVENT_6


def test_only_the_case_staff_close(case, staff):
    from django.core.exceptions import PermissionDenied

    give_file(case)
    with pytest.raises(PermissionDenied):
        closing.terminate(staff["other_enforcer"], case, "1", "x")


def test_the_panel_and_the_zhongben_page(case, staff, client):
    all_conditions(case, staff["enforcer"])
    client.force_login(staff["enforcer"])
    page = client.get(f"/staff/cases/{case.pk}/panels/enforcement_closing/")
    assert page.status_code == 200
    assert "zhongben-conditions" in page.content.decode()
    r = client.post(f"/staff/enforcement/cases/{case.pk}/close/", {"method": "zhongben", "reason": "穷尽"})
    assert r.status_code == 302
    assert EnforcementClosing.objects.filter(case=case, method="zhongben").exists()
    page = client.get("/staff/enforcement/zhongben/")
    assert page.status_code == 200 and case.number in page.content.decode()


def test_the_report_clues_and_police_search_on_record_count_for_zhongben(case, staff):
    """终本规定 第一条第一项、第三项、第五项 read from the asset report, the clues and the police search the
    officer already recorded (assets.py): a refusal to report without a sanction is named as missing; with
    the fine recorded it is not; a pending clue keeps 第三项 open until it is checked."""
    from xiezhi.enforcement import assets
    from xiezhi.enforcement.models_parties import AssetClue

    all_conditions(case, staff["enforcer"])
    ClosingFact.objects.filter(case=case, kind="report_recorded").delete()
    [report] = assets.issue_report_order(staff["enforcer"], case, basis="本院（2026）豫0222民初1号民事判决书",
                                         key="k-order")
    assets.mark_refused(staff["enforcer"], report, "被执行人拒绝报告财产")
    first = closing.zhongben_conditions(case)[0]
    assert not first.ok and "未采取罚款、拘留等强制措施" in first.missing
    report.refresh_from_db()
    assets.record_sanction(staff["enforcer"], report, kind="fine", decided_on=timezone.localdate(), amount="5000",
                           reference="（2026）豫0222司惩1号")
    assert closing.zhongben_conditions(case)[0].ok  # the breach, its sanction and the record are on file

    clue = AssetClue.objects.create(case=case, party=case.applicant, submitted_by=staff["enforcer"], kind="vehicle",
                                    description="被执行人有一辆货车",
                                    submitted_at=timezone.now(), due_on=timezone.localdate() + timedelta(days=7),
                                    key="k-clue")
    assert not closing.zhongben_conditions(case)[2].ok  # a lead given and not yet checked
    assets.check_clue(staff["enforcer"], clue, found=False, result="车辆管理所答复无登记车辆")
    # refusing to report is itself a listing circumstance (失信规定 第一条第（五）项): 第二项 asks for the listing
    assert [c.missing for c in closing.zhongben_conditions(case) if not c.ok] == ["被执行人符合条件，未纳入失信被执行人名单"]
    dishonest.list_debtor(staff["enforcer"], case, case.debtor, [5])
    assert all(c.ok for c in closing.zhongben_conditions(case))
