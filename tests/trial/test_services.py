"""Trial services: routing (民事诉讼法 第一百六十五条), assignment with recusal (第四十七条),
panels (第四十条), extensions (延长审限规定 第一条), closing and appeal windows (第一百七十一条)."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from xiezhi.cases.models import CaseLink
from xiezhi.cases.signals import document_served
from xiezhi.trial import services as ts
from xiezhi.trial.models import (
    Assessor,
    Assignment,
    DeclaredRelation,
    JudgeProfile,
    TransferPackage,
)
from xiezhi.trial.selectors import effective_on

pytestmark = pytest.mark.django_db


def codes(case):
    return [e.code for e in case.events.order_by("seq")]


# ---- routing ----------------------------------------------------------------------

@pytest.mark.parametrize("amount, exclusions, expected", [
    ("20000", [], "civil_small_claims"),      # ≤ 50% of 75,000 (民诉法 165 ①)
    ("150000", [], "civil_summary"),          # ≤ 2× (延长审限规定 第四条)
    ("150001", [], "civil_ordinary"),
    ("20000", ["foreign_related"], "civil_summary"),     # 民诉法 166 (二)
    ("20000", ["numerous_parties"], "civil_ordinary"),  # 民诉解释 257 (三)
])
def test_routing_proposal_uses_the_province_wage(new_case, staff, amount, exclusions, expected):
    case = new_case(amount=amount)
    p = ts.propose_procedure(staff["lian"], case, exclusions=exclusions)
    assert p.suggested_code == expected
    assert p.wage_year == 2024 and p.wage == 75000


def test_override_needs_a_reason_and_sets_the_procedure(new_case, staff):
    case = new_case(amount="20000", procedure_code="civil_summary")
    ts.propose_procedure(staff["lian"], case)
    with pytest.raises(ValidationError):
        ts.decide_procedure(staff["lian"], case, "civil_summary")
    case = ts.decide_procedure(staff["lian"], case, "civil_summary", "需要鉴定")
    assert case.procedure.code == "civil_summary"
    case = ts.decide_procedure(staff["lian"], case, "civil_small_claims")
    case.refresh_from_db()
    assert case.procedure.code == "civil_small_claims" and codes(case)[-1] == "procedure_set"
    assert case.limit_end == _add_months(case.filed_on, 2)  # 民诉法 168: two months


def _add_months(d, n):
    from xiezhi.law.periods import add_months
    return add_months(d, n)


def test_conversion_keeps_the_original_filing_date(new_case, staff):
    case = new_case()
    ts.assign_random(staff["lian"], case, seed="s")
    case.refresh_from_db()
    ts.convert(case.judge, case, "civil_ordinary", "案情复杂")
    case.refresh_from_db()
    assert case.limit_end == _add_months(case.filed_on, 6)  # 民诉解释 258 ③


# ---- assignment -------------------------------------------------------------------

def test_random_assignment_is_reproducible_and_recorded(new_case, staff):
    a1 = ts.assign_random(staff["lian"], new_case(), seed="abc")
    a2 = ts.assign_random(staff["lian"], new_case(), seed="abc")
    assert a1.method == "random" and a1.seed == "abc"
    assert {c["id"] for c in a1.candidates} == {staff[k].pk for k in ("j1", "j2", "j3")}  # not the criminal judge
    chosen = ts.draw(a1.candidates, "abc")
    assert a1.judge_id == chosen["id"]
    a1.case.refresh_from_db()
    assert a1.case.judge_id == a1.judge_id
    ev = a1.case.events.filter(code="organisation_set").get()
    assert ev.payload["judge_id"] == a1.judge_id and ev.public_to_parties
    assert a2.candidates[0]["id"] in {c["id"] for c in a1.candidates}


def test_draw_prefers_lower_load():
    cands = [{"id": 1, "load": 0}, {"id": 2, "load": 99}]
    wins = sum(ts.draw(cands, str(s))["id"] == 1 for s in range(300))
    assert wins > 270


def test_recusal_and_eligibility_exclude_judges(new_case, staff, court):
    case = new_case()
    DeclaredRelation.objects.create(judge=staff["j1"], name="被告乙", relation="配偶")
    JudgeProfile.objects.create(judge=staff["j2"], case_type_codes=["民特"])
    candidates, excluded = ts.eligibility(case)
    assert [c["id"] for c in candidates] == [staff["j3"].pk]
    why = {x["id"]: " ".join(x["why"]) for x in excluded}
    assert "被告乙" in why[staff["j1"].pk] and "类型" in why[staff["j2"].pk]
    a = ts.assign_random(staff["lian"], case)
    assert a.judge_id == staff["j3"].pk


def test_judge_of_an_earlier_stage_is_excluded(new_case, staff):
    first = new_case()
    ts.request_manual(staff["lian"], first, staff["j1"], "专业化审理")
    ts.decide_manual(staff["head"], Assignment.objects.get(case=first), True)
    second = new_case()
    CaseLink.objects.create(from_case=first, to_case=second, kind="related")
    candidates, excluded = ts.eligibility(second)
    assert staff["j1"].pk not in {c["id"] for c in candidates}
    assert any(first.number in " ".join(x["why"]) for x in excluded if x["id"] == staff["j1"].pk)
    with pytest.raises(ValidationError):
        ts.request_manual(staff["lian"], second, staff["j1"], "熟悉案情")


def test_manual_assignment_needs_the_division_heads_approval(new_case, staff, make_staff):
    case = new_case()
    with pytest.raises(ValidationError):
        ts.request_manual(staff["lian"], case, staff["j2"], " ")
    a = ts.request_manual(staff["lian"], case, staff["j2"], "关联案件由其承办")
    case.refresh_from_db()
    assert case.judge_id is None and a.status == "pending"
    other_head = make_staff(["division_head"], "criminal")
    with pytest.raises(PermissionDenied):
        ts.decide_manual(other_head, a, True)
    with pytest.raises(PermissionDenied):
        ts.decide_manual(staff["j1"], a, True)
    ts.decide_manual(staff["head"], a, True, "同意")
    a.refresh_from_db()
    case.refresh_from_db()
    assert a.status == "done" and a.approved_by == staff["head"] and case.judge == staff["j2"]
    assert "庭长" in case.events.filter(code="organisation_set").get().payload["reason"]


def test_rejected_manual_assignment_assigns_no_one(new_case, staff):
    case = new_case()
    a = ts.request_manual(staff["lian"], case, staff["j2"], "理由")
    ts.decide_manual(staff["head"], a, False, "应随机分案")
    case.refresh_from_db()
    assert case.judge_id is None and Assignment.objects.get(pk=a.pk).status == "rejected"


# ---- panels -----------------------------------------------------------------------

def test_summary_case_gets_a_single_judge(new_case, staff):
    case = new_case()
    ts.assign_random(staff["lian"], case, seed="1")
    case.refresh_from_db()
    rows = ts.form_panel(case.judge, case)
    assert [r.role for r in rows] == ["sole"]
    with pytest.raises(ValidationError):
        ts.form_panel(case.judge, case, assessors=2)
    assert case.events.filter(code="panel_set").get().public_to_parties


def test_ordinary_case_gets_a_panel_of_three_with_drawn_assessors(new_case, staff, court):
    for n in range(5):
        Assessor.objects.create(court=court, name=f"陪审员{n}")
    case = new_case(amount="900000", procedure_code="civil_ordinary")
    ts.assign_random(staff["lian"], case, seed="1")
    case.refresh_from_db()
    with pytest.raises(ValidationError):
        ts.form_panel(case.judge, case, assessors=1)  # 2 members: must be 3 (民诉法 40 ①)
    rows = ts.form_panel(case.judge, case, assessors=2, seed="x")
    assert [r.role for r in rows] == ["presiding", "assessor", "assessor"]
    again = [r.assessor.name for r in ts.form_panel(case.judge, case, assessors=2, seed="x")[1:]]
    assert again == [r.assessor.name for r in rows[1:]]  # the seed reproduces the draw
    with pytest.raises(ValidationError):
        ts.form_panel(case.judge, case)  # no reason for a single judge in ordinary procedure
    rows = ts.form_panel(case.judge, case, single_reason="基本事实清楚、权利义务关系明确")
    assert [r.role for r in rows] == ["sole"]
    assert case.panel_members.filter(active=True).count() == 1
    assert case.events.filter(code="panel_set").count() == 3


# ---- extensions, suspension --------------------------------------------------------

def _assigned(new_case, staff, **kw):
    case = new_case(**kw)
    ts.assign_random(staff["lian"], case, seed="1")
    case.refresh_from_db()
    return case


def test_extension_request_schedule_and_president_approval(new_case, staff):
    case = _assigned(new_case, staff)
    limit = case.limit_end
    with pytest.raises(ValidationError):
        ts.request_extension(case.judge, case, "需要调查", months=2)  # summary: 1 month (民诉解释 258)
    req = ts.request_extension(case.judge, case, "需要调查", months=1)
    assert req.apply_by == limit - timedelta(days=15) and req.decide_by == limit - timedelta(days=5)
    assert req.approver_role == "president" and not req.late
    with pytest.raises(PermissionDenied):
        ts.decide_extension(staff["head"], req, True)
    ts.decide_extension(staff["president"], req, True)
    case.refresh_from_db()
    assert case.limit_end == _add_months(case.filed_on, 4)
    assert case.events.filter(code="extension_approved").get().public_to_parties
    with pytest.raises(ValidationError):
        ts.request_extension(case.judge, case, "再延长", months=1)  # 累计不超过四个月


def test_further_extension_needs_a_recorded_higher_court_approval(new_case, staff):
    case = _assigned(new_case, staff, amount="900000", procedure_code="civil_ordinary")
    ts.decide_extension(staff["president"], ts.request_extension(case.judge, case, "鉴定", months=6), True)
    req = ts.request_extension(case.judge, case, "仍需审理", months=3)
    assert req.approver_role == "higher_court"
    with pytest.raises(ValidationError):
        ts.decide_extension(staff["president"], req, True)
    ts.decide_extension(staff["president"], req, True, higher_court_ref="（2026）豫02 审批 1 号")
    case.refresh_from_db()
    assert case.limit_end == _add_months(case.filed_on, 15)
    assert "豫02" in case.events.filter(code="extension_approved").last().payload["reason"]


def test_suspension_stops_and_resumption_restarts_the_clock(new_case, staff):
    case = _assigned(new_case, staff)
    before = case.limit_end
    start = case.filed_on + timedelta(days=3)
    ts.suspend(case.judge, case, start, "等待另案结果")
    case.refresh_from_db()
    assert case.status == "suspended" and case.deadline_state == "stopped"
    ts.resume(case.judge, case, start + timedelta(days=10))
    case.refresh_from_db()
    assert case.status == "in_trial" and case.limit_end == before + timedelta(days=10)


# ---- closing and appeal ------------------------------------------------------------

def _pay(case):
    from django.utils import timezone
    case.fees.update(paid_at=timezone.now())


def test_closing_checks(new_case, staff, settings):
    # the service/e-file checks have their own tests (tests/delivery/test_closing_checks.py)
    settings.CLOSING_REQUIRES_SERVICE = False
    case = new_case()
    problems = ts.closing_problems(case, "judgment")
    assert any("承办法官" in p for p in problems) and any("诉讼费用" in p for p in problems)
    ts.assign_random(staff["lian"], case, seed="1")
    case.refresh_from_db()
    with pytest.raises(ValidationError):
        ts.close(case.judge, case, "judgment")
    _pay(case)
    extra = ts.register_closing_check(lambda c, m: "送达未完成")
    try:
        with pytest.raises(ValidationError):
            ts.close(case.judge, case, "judgment")
    finally:
        ts.CLOSING_CHECKS.remove(extra)
    with pytest.raises(ValidationError, match="宣判"):  # never closed on the day of the click
        ts.close(case.judge, case, "judgment")
    ts.pronounce(case.judge, case, "judgment", case.filed_on)
    closing = ts.close(case.judge, case, "judgment")
    case.refresh_from_db()
    assert case.status == "closed" and closing.document_kind == "judgment" and closing.closed_on == case.filed_on


def test_appeal_windows_effective_date_and_transfer(new_case, staff, court, settings):
    settings.CLOSING_REQUIRES_SERVICE = False  # service is signalled by hand below
    case = _assigned(new_case, staff)
    _pay(case)
    ts.close(case.judge, case, "judgment", date.today())
    p, d = list(case.parties.order_by("pk"))
    document_served.send(sender=None, case=case, document_kind="judgment", party_id=p.pk,
                         served_on=date(2025, 9, 10), method="electronic")
    assert effective_on(case) is None  # the defendant has not been served
    document_served.send(sender=None, case=case, document_kind="judgment", party_id=d.pk,
                         served_on=date(2025, 9, 23), method="postal")
    document_served.send(sender=None, case=case, document_kind="judgment", party_id=d.pk,
                         served_on=date(2025, 9, 23), method="postal")  # idempotent
    w = {x.party_id: x.ends_on for x in case.appeal_windows.all()}
    assert w == {p.pk: date(2025, 9, 25), d.pk: date(2025, 10, 9)}
    assert effective_on(case) == date(2025, 10, 10)
    assert case.events.filter(code="appeal_window_started").count() == 2
    ts.record_appeal(case.judge, case, d, date(2025, 10, 9))
    assert effective_on(case) is None
    pkg = TransferPackage.objects.get(case=case)
    assert pkg.to_court == court.parent and pkg.manifest["case"]["number"] == case.number
    assert {x["name"] for x in pkg.manifest["parties"]} == {"原告甲", "被告乙"}
    # the intermediate court registers the appeal and links it
    from xiezhi.cases.services import import_case
    from xiezhi.courts.models import CaseType
    second = import_case(court=court.parent, case_type=CaseType.objects.filter(type_code="民终").first(),
                         year=2025, serial=9001, filed_on=date(2025, 10, 20), procedure=case.procedure)
    with pytest.raises(PermissionDenied):
        ts.link_second_instance(staff["lian"], pkg, second)
    from xiezhi.accounts.models import User
    clerk2 = User.objects.create_user(username="zy", password="x", kind="staff", court=court.parent,
                                      roles=["filing_judge"])
    ts.link_second_instance(clerk2, pkg, second)
    assert CaseLink.objects.filter(from_case=case, to_case=second, kind="appeal").exists()


def test_small_claims_effective_on_service_and_no_appeal(new_case, staff, settings):
    settings.CLOSING_REQUIRES_SERVICE = False  # service is signalled by hand below
    case = _assigned(new_case, staff, amount="20000", procedure_code="civil_small_claims")
    _pay(case)
    ts.close(case.judge, case, "judgment", date.today())
    parties = list(case.parties.order_by("pk"))
    for n, p in enumerate(parties):
        document_served.send(sender=None, case=case, document_kind="民事判决书", party_id=p.pk,
                             served_on=date(2025, 9, 1 + n), method="electronic")
    assert effective_on(case) == date(2025, 9, 2)
    with pytest.raises(ValidationError):
        ts.record_appeal(case.judge, case, parties[1], date(2025, 9, 5))


def test_a_case_with_a_judge_is_not_drawn_again(new_case, staff):
    case = new_case()
    first = ts.assign_random(staff["lian"], case, seed="1")
    with pytest.raises(ValidationError, match="已确定承办法官"):
        ts.assign_random(staff["lian"], case, seed="2")
    case.refresh_from_db()
    assert case.judge_id == first.judge_id
    assert Assignment.objects.filter(case=case).count() == 1


def test_changing_the_judge_is_approved_recorded_with_its_reason_and_tells_the_old_judge(new_case, staff):
    case = new_case()
    old = ts.assign_random(staff["lian"], case, seed="1").judge
    new = next(staff[k] for k in ("j1", "j2", "j3") if staff[k].pk != old.pk)
    with pytest.raises(ValidationError, match="已是本案承办法官"):
        ts.request_manual(staff["lian"], case, old, "换人")
    a = ts.request_manual(staff["lian"], case, new, "原承办法官长期病假")
    with pytest.raises(ValidationError, match="待审批"):
        ts.request_manual(staff["lian"], case, new, "再申请一次")
    case.refresh_from_db()
    assert case.judge_id == old.pk  # nothing changes before the head approves
    ts.decide_manual(staff["head"], a, True)
    case.refresh_from_db()
    assert case.judge_id == new.pk
    ev = case.events.filter(code="organisation_set").order_by("-seq").first()
    assert ev.payload["previous_judge_id"] == old.pk and "原承办法官长期病假" in ev.payload["reason"]
    assert old.notifications.filter(case=case, kind="reassigned").exists()
    assert new.notifications.filter(case=case, kind="assigned").exists()


def test_single_judge_refused_for_art_42_cases(new_case, staff):
    """民事诉讼法 第四十二条: a case of the listed kinds is never heard by a single judge."""
    case = new_case(amount="900000", procedure_code="civil_ordinary")
    ts.assign_random(staff["lian"], case, seed="1")
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="第四十二条"):
        ts.form_panel(case.judge, case, single_reason="事实清楚", art42_grounds=["group_dispute"])
    summary = _assigned(new_case, staff)
    with pytest.raises(ValidationError, match="第四十二条"):  # summary procedure is single-judge too
        ts.form_panel(summary.judge, summary, art42_grounds=["new_or_complex"])
    assert not case.events.filter(code="panel_set").exists()
    rows = ts.form_panel(case.judge, case, single_reason="事实清楚")  # no ground: 第四十条第二款
    assert [r.role for r in rows] == ["sole"]


def test_voter_qualification_case_needs_a_panel(new_case, staff):
    """民事诉讼法 第一百八十五条: 选民资格案件由审判员组成合议庭审理."""
    from xiezhi.courts.models import CaseType

    case = new_case(procedure_code="civil_special")
    case.case_type = CaseType.objects.filter(code="0310").order_by("-version").first()
    case.save(update_fields=["case_type"])
    ts.assign_random(staff["lian"], case, seed="3")
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="第一百八十五条"):
        ts.form_panel(case.judge, case)
    others = [j for j in (staff["j1"], staff["j2"], staff["j3"]) if j.pk != case.judge_id][:2]
    rows = ts.form_panel(case.judge, case, judges=others)
    assert len(rows) == 3


def test_special_procedure_case_is_charged_no_fee(new_case):
    """诉讼费用交纳办法 第八条第（一）项: 特别程序（司法确认、实现担保物权）不交纳案件受理费."""
    for code in ("civil_special", "civil_judicial_confirmation", "civil_security_realization"):
        case = new_case(amount="500000", procedure_code=code)
        fee = case.fees.get()
        assert fee.amount == 0 and "第八条" in fee.basis


def test_payment_order_pays_a_third_as_application_fee(new_case):
    """诉讼费用交纳办法 第十四条第（三）项: 支付令申请费为财产案件受理费标准的三分之一."""
    case = new_case(amount="100000", procedure_code="civil_payment_order")
    assert str(case.fees.get().amount) == "766.67"
    case.refresh_from_db()
    assert case.limit_end == case.filed_on + __import__("datetime").timedelta(days=15)  # 第二百二十七条


def test_foreign_related_case_has_no_limit_and_is_never_overdue(new_case, staff):
    """民事诉讼法 第二百八十七条; 审限规定 第二条: a foreign-related civil case has no time limit."""
    from datetime import timedelta

    from xiezhi.cases import services as cs
    from xiezhi.cases.models import DeadlineState

    case = _assigned(new_case, staff)
    cs.set_foreign_related(staff["lian"], case, "hmt", "被告住所在香港特别行政区")
    case.refresh_from_db()
    assert case.limit_end is None and case.deadline_state == DeadlineState.UNLIMITED
    cs.refresh_snapshot(case, today=case.filed_on + timedelta(days=400))
    case.refresh_from_db()
    assert case.deadline_state == DeadlineState.UNLIMITED
    with pytest.raises(ValidationError, match="第二百八十七条"):
        ts.request_extension(case.judge, case, "理由", months=1)


def test_conversion_to_ordinary_asks_for_the_fee_balance_within_7_days(new_case, staff):
    """民诉解释 第一百九十九条: 简易程序转为普通程序的，原告自接到交费通知之日起七日内补交案件受理费；
    交费办法 第二十二条: 次日起七日."""
    from decimal import Decimal

    case = _assigned(new_case, staff)  # 150,000 yuan, summary: 1,650 charged at filing
    assert case.fees.get().amount == Decimal("1650.00")
    ts.convert(case.judge, case, "civil_ordinary", "案情复杂")
    balance = case.fees.get(kind="conversion_balance")
    assert balance.amount == Decimal("1650.00") and "第一百九十九条" in balance.basis
    assert (balance.due_on - date.today()).days >= 7
    assert case.events.filter(code="fee_assessed", payload__kind="conversion_balance").exists()
