"""执行立案与分段集约 through the services (issue 11 items 1–2): the application period of CPL
art. 250 (a late application is warned about and registered only with a recorded reason), the
fee of 交费办法 第十四条, stage order, teams, resumption and review cases kept apart."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.helpers import assert_refused
from xiezhi.cases.models import Case, CaseLink, CaseStatus, Party
from xiezhi.courts import refcache
from xiezhi.enforcement import intake
from xiezhi.enforcement.models import EnforcementFile, EnforcementTeam

pytestmark = pytest.mark.django_db


@pytest.fixture
def judged(court, staff):
    """A closed 民初 case of the platform with a judgment (trial.Closing)."""
    from xiezhi.trial.models import Closing

    today = timezone.localdate()
    case = Case.objects.create(court=court, case_type=refcache.case_type("民初"), number=f"（{today.year}）豫0222民初8801号",
                               year=today.year, serial=8801, filed_on=today - timedelta(days=90), title="甲诉乙借款",
                               judge=staff["judge"], status=CaseStatus.CLOSED, closed_on=today - timedelta(days=30))
    a = Party.objects.create(case=case, role="plaintiff", name="原告甲")
    b = Party.objects.create(case=case, role="defendant", name="被告乙")
    Closing.objects.create(case=case, method="judgment", document_kind="judgment", closed_on=case.closed_on,
                           closed_by=staff["judge"])
    case.a, case.b = a, b
    return case


@pytest.fixture
def teams(court, staff):
    def team(name, stage):
        t = EnforcementTeam.objects.create(court=court, name=name, stage=stage, leader=staff["enforcer"])
        t.members.add(staff["other_enforcer"])
        return t
    return {s: team(n, s) for n, s in (("立案组", "filing"), ("查控组", "search"), ("处置组", "disposal"),
                                       ("结案组", "closing"))}


def _open(staff, judged, **kw):
    today = timezone.localdate()
    args = dict(effective_on=today - timedelta(days=10), key=kw.pop("key", ""))
    args.update(kw)
    return intake.open_from_case(staff["lian"], judged, [judged.a.pk], [judged.b.pk], "150000", today, **args)


def test_open_from_case_draws_a_zhi_number_copies_parties_links_and_assesses_the_fee(staff, judged):
    case = _open(staff, judged)
    assert "执" in case.number and case.number.endswith("号") and not case.number.startswith("#")
    f = case.enforcement
    assert f.kind == "执" and f.source_case == judged and f.stage == "filing" and not f.late
    # 交费办法 第十四条第（一）项: 50 + (150000 − 10000) × 1.5 % = 2150, assessed, paid after execution
    assert f.fee_assessed == Decimal("2150.00")
    roles = sorted(case.parties.values_list("role", "name"))
    assert roles == [("enf_applicant", "原告甲"), ("judgment_debtor", "被告乙")]
    assert case.division.kind == "enforcement"
    assert CaseLink.objects.filter(from_case=judged, to_case=case, kind="enforcement").exists()
    assert "enforcement_opened" in case.events.values_list("code", flat=True)


def test_a_retried_click_opens_one_case(staff, judged):
    first = _open(staff, judged, key="k-1")
    assert _open(staff, judged, key="k-1") == first
    assert EnforcementFile.objects.count() == 1


def test_a_late_application_is_refused_without_a_reason_and_recorded_with_one(staff, judged):
    # CPL art. 250: 2 years from the last day of the performance period
    long_ago = timezone.localdate() - timedelta(days=3 * 365)
    assert_refused(lambda: _open(staff, judged, effective_on=long_ago, due_on=long_ago + timedelta(days=15)),
                   "已超过申请执行期间")
    case = _open(staff, judged, effective_on=long_ago, due_on=long_ago + timedelta(days=15),
                 late_reason="申请执行人曾于期间内向被执行人主张权利，期间中断")
    f = case.enforcement
    assert f.late and "中断" in f.late_reason and f.window_end < timezone.localdate()
    opened = case.events.get(code="enforcement_opened")
    assert opened.payload["late"] and opened.payload["late_reason"]


def test_instalments_count_from_the_last_one(staff, judged):
    today = timezone.localdate()
    start = today - timedelta(days=900)
    case = _open(staff, judged, effective_on=start, installments=[start + timedelta(days=30), today - timedelta(days=10)])
    assert not case.enforcement.late


def test_only_an_effective_judgment_is_a_basis(staff, judged):
    judged.status = CaseStatus.IN_TRIAL
    judged.save(update_fields=["status"])
    assert_refused(lambda: _open(staff, judged), "尚未结案")


def test_a_civil_judge_may_not_open(staff, judged):
    assert_refused(lambda: intake.open_from_case(staff["judge"], judged, [judged.a.pk], [judged.b.pk], "1", None,
                                                 effective_on=date(2026, 1, 5)), "只有本院", PermissionDenied)


def test_outside_basis(court, staff):
    today = timezone.localdate()
    case = intake.open_from_outside_basis(
        staff["enforcer"], court, "arbitration", "（2026）汴仲字第12号", "开封仲裁委员会", today - timedelta(days=20),
        [{"role": "enf_applicant", "name": "甲公司", "kind": "legal"}, {"role": "judgment_debtor", "name": "乙"}],
        amount="8000", applied_on=today)
    f = case.enforcement
    assert f.basis_kind == "arbitration" and f.source_case is None and f.fee_assessed == Decimal("50.00")
    assert case.parties.filter(role="judgment_debtor", name="乙").exists()


def test_stages_move_in_order_with_a_team_of_that_stage(staff, judged, teams):
    case = _open(staff, judged)
    assert_refused(lambda: intake.move_to_stage(staff["head"], case, "disposal", teams["disposal"]), "依次流转")
    assert_refused(lambda: intake.move_to_stage(staff["head"], case, "search", teams["disposal"]), "不能承办")
    f = intake.move_to_stage(staff["head"], case, "search", teams["search"])
    assert f.stage == "search" and f.team == teams["search"]
    # the team's people now see the case
    assert case.team.filter(pk=staff["other_enforcer"].pk).exists()
    assert intake.move_to_stage(staff["head"], case, "search", teams["search"]).stage == "search"  # repeated click
    assert case.events.filter(code="enforcement_stage_moved").count() == 1
    for s in ("disposal", "closing"):
        intake.move_to_stage(staff["head"], case, s, teams[s])
    # 已结 comes only from a closing (closing.py checks 终本's conditions), never from a stage move
    assert_refused(lambda: intake.move_to_stage(staff["head"], case, "closed"), "执行结案")


def test_a_judge_of_another_division_may_not_move_stages(staff, judged, teams, make_staff):
    case = _open(staff, judged)
    civil_head = make_staff(["division_head"], "civil")
    assert_refused(lambda: intake.move_to_stage(civil_head, case, "search", teams["search"]), "执行局负责人",
                   PermissionDenied)
    assert_refused(lambda: intake.move_to_stage(staff["judge"], case, "search", teams["search"]), "执行局负责人",
                   PermissionDenied)


def test_assign_team(staff, judged, teams, court):
    case = _open(staff, judged)
    other = EnforcementTeam.objects.create(court=court, name="立案二组", stage="filing")
    assert intake.assign_team(staff["head"], case, other).team == other
    assert_refused(lambda: intake.assign_team(staff["head"], case, teams["search"]), "不能承办")


def test_resume_links_a_new_zhihui_case_on_the_same_basis(staff, judged):
    case = _open(staff, judged)
    new = intake.resume(staff["head"], case, "申请执行人提供被执行人新的财产线索")
    assert new.case_type.type_code == "执恢" and "执恢" in new.number
    assert new.enforcement.basis_number == judged.number and new.enforcement.kind == "执恢"
    assert CaseLink.objects.filter(from_case=case, to_case=new).exists()
    assert intake.resume(staff["head"], case, "申请执行人提供被执行人新的财产线索") == new  # retried


def test_review_cases_are_kept_apart_from_implementation(staff, judged, court):
    case = _open(staff, judged)
    review = intake.open_review(staff["lian"], case, "执异", case.parties.get(role="judgment_debtor"),
                                "执行标的不属于被执行人", judge=staff["judge"])
    assert review.case_type.type_code == "执异" and review.judge == staff["judge"] and "执异" in review.number
    assert not hasattr(review, "enforcement") or not EnforcementFile.objects.filter(case=review).exists()
    ids = set(intake.implementation_files(court.pk).values_list("case_id", flat=True))
    assert case.pk in ids and review.pk not in ids
    assert_refused(lambda: intake.open_review(staff["lian"], case, "执监", case.parties.first(), "x"), "执行异议")


def test_period_break_is_recorded(staff, judged):
    case = _open(staff, judged)
    b = intake.record_period_break(staff["head"], case, "interruption", timezone.localdate(), "当事人双方达成和解协议")
    assert "第二十条" in b.basis
    assert case.events.filter(code="enforcement_period_break").exists()


def test_head_overview_counts_and_waiting(staff, judged, teams):
    a, b = _open(staff, judged), _open(staff, judged)
    intake.move_to_stage(staff["head"], b, "search", teams["search"])
    EnforcementFile.objects.filter(case=a).update(stage_since=timezone.now() - timedelta(days=30))
    o = intake.head_overview(staff["head"])
    assert dict((s, n) for s, _l, n in o["stages"]) == {"filing": 1, "search": 1, "disposal": 0, "closing": 0,
                                                        "closed": 0}
    assert [f.case_id for f in o["waiting"]] == [a.pk]
    assert {t.name: t.n for t in o["teams"]}["查控组"] == 1


def test_the_same_stage_to_another_team_is_a_change_of_team(staff, judged, teams):
    case = _open(staff, judged)
    assert case.enforcement.team == teams["filing"]  # a new case starts with the court's 立案组
    second = EnforcementTeam.objects.create(court=case.court, name="立案二组", stage="filing", leader=staff["enforcer"])
    f = intake.move_to_stage(staff["head"], case, "filing", second)
    assert f.stage == "filing" and f.team == second
    assert case.events.filter(code="enforcement_team_assigned").count() == 1
    assert not case.events.filter(code="enforcement_stage_moved").exists()


def test_the_officer_who_registers_a_case_and_the_filing_team_see_it(staff, judged, teams, make_staff):
    from xiezhi.cases.selectors import can_view_case

    case = intake.open_from_case(staff["enforcer"], judged, [judged.a.pk], [judged.b.pk], "150000",
                                 timezone.localdate(), effective_on=timezone.localdate() - timedelta(days=10))
    assert can_view_case(staff["enforcer"], case)  # "登记立案" ends on the new case's page, not a 404
    assert case.enforcement.team == teams["filing"]
    assert can_view_case(staff["other_enforcer"], case)  # a member of the 立案组
    outsider = make_staff(["enforcement"], "enforcement")
    assert not can_view_case(outsider, case)  # in no team of the case: deny by default
