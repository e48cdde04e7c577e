"""财产调查 services (enforcement.assets): the 执行通知书 and 报告财产令 with the report period, the debtor's
report (late, refused, false) and the sanction recorded (财产调查规定 第三条至第九条), the applicant's clues due
in seven days or three if urgent (第二条) through the service, their check, and the police search of a debtor
filed in the e-file."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.helpers import assert_refused
from xiezhi.enforcement import assets
from xiezhi.enforcement.models import Asset, AssetClue, AssetReport, DebtorSearch

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_libreoffice(monkeypatch, pdf_bytes, tmp_path, settings):
    from xiezhi.documents import convert

    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(convert, "docx_to_pdf", lambda data, timeout=0: pdf_bytes)


@pytest.fixture
def applicant_user(case, make_public):
    u = make_public()
    case.applicant.user = u
    case.applicant.save(update_fields=["user"])
    return u


@pytest.fixture
def debtor_user(case, make_public):
    u = make_public()
    case.debtor.user = u
    case.debtor.save(update_fields=["user"])
    return u


def _event(case, code):
    return case.events.filter(code=code).order_by("-seq").first()


@pytest.mark.parametrize("urgent, days", [(False, 7), (True, 3)])
def test_clue_due_in_seven_days_or_three_if_urgent_art_2(case, applicant_user, urgent, days):
    """财产调查规定 第二条: 七日内调查核实；情况紧急的，三日内."""
    clue = assets.submit_clue(applicant_user, case, kind="real_estate", description="被执行人在通许县城关镇有一套住房",
                              urgent=urgent)
    assert clue.due_on == timezone.localdate() + timedelta(days=days)
    assert clue.party == case.applicant and clue.status == "pending"
    e = _event(case, "asset_clue_submitted")
    assert e.payload["basis"] == "财产调查规定 第二条" and e.payload["days"] == days
    assert e.public_to_parties is False  # the debtor shares the timeline


def test_clue_is_recorded_once_per_key(case, applicant_user):
    a = assets.submit_clue(applicant_user, case, kind="vehicle", description="豫B12345", key="k1")
    b = assets.submit_clue(applicant_user, case, kind="vehicle", description="豫B12345", key="k1")
    assert a.pk == b.pk and AssetClue.objects.count() == 1


def test_only_the_applicant_side_gives_clues(case, debtor_user, make_public):
    assert_refused(lambda: assets.submit_clue(debtor_user, case, kind="other", description="x"),
                   "只有申请执行人", PermissionDenied)
    stranger = make_public()
    assert_refused(lambda: assets.submit_clue(stranger, case, kind="other", description="x"),
                   "只有申请执行人", PermissionDenied)


def test_clue_input_is_validated(case, applicant_user):
    assert_refused(lambda: assets.submit_clue(applicant_user, case, kind="gold", description="x"), "财产类型")
    assert_refused(lambda: assets.submit_clue(applicant_user, case, kind="other", description="  "), "线索内容")
    assert_refused(lambda: assets.submit_clue(applicant_user, case, kind="other", description="x" * 2001), "2000")


def test_checked_clue_found_becomes_an_asset_and_not_found_keeps_the_reason(case, applicant_user, staff):
    found = assets.submit_clue(applicant_user, case, kind="bank_account", description="工商银行账户")
    assets.check_clue(staff["enforcer"], found, found=True, result="经查询属实", identifier="6222000011112222",
                      value="35000")
    found.refresh_from_db()
    assert found.status == "found" and found.asset.kind == "bank_account" and found.asset.value == Decimal("35000")
    assert Asset.objects.get(case=case).party == case.debtor
    gone = assets.submit_clue(applicant_user, case, kind="vehicle", description="豫B12345")
    assert_refused(lambda: assets.check_clue(staff["enforcer"], gone, found=False, result=""), "核实结果")
    assets.check_clue(staff["enforcer"], gone, found=False, result="车辆已于去年过户给他人")
    assert_refused(lambda: assets.check_clue(staff["enforcer"], gone, found=False, result="再次"), "已核实")
    assert_refused(lambda: assets.check_clue(staff["other_enforcer"], found, found=False, result="x"),
                   "执行人员", PermissionDenied)


def test_clue_queue_has_due_dates_and_overdue_flag(case, applicant_user, staff):
    late = assets.submit_clue(applicant_user, case, kind="other", description="旧线索")
    AssetClue.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assets.submit_clue(applicant_user, case, kind="other", description="新线索", urgent=True)
    rows = assets.clue_queue(staff["enforcer"])
    assert [(r.description, r.overdue) for r in rows] == [("旧线索", True), ("新线索", False)]
    assert assets.clue_queue(staff["other_enforcer"]) == []


def test_report_order_generates_both_documents_and_records_the_period(case, staff):
    """第三条: 报告财产令 with the 执行通知书; the period from the notice, changes from a year before (第六条)."""
    [r] = assets.issue_report_order(staff["enforcer"], case, basis="本院（2026）豫0222民初12号民事判决书",
                                    report_days=10, key="o1")
    today = timezone.localdate()
    assert r.notice_document.kind == "enf_notice" and r.order_document.kind == "property_report_order"
    assert r.order_document.recipient == case.debtor.name
    assert r.due_on == today + timedelta(days=10)
    assert r.changes_from.year == today.year - 1
    e = _event(case, "asset_report_ordered")
    assert e.public_to_parties and e.payload["basis"] == "财产调查规定 第三条至第六条"
    again = assets.issue_report_order(staff["enforcer"], case, key="o1")  # the same click twice
    assert [x.pk for x in again] == [r.pk] and AssetReport.objects.count() == 1
    assert_refused(lambda: assets.issue_report_order(staff["enforcer"], case, report_days=40), "报告期限")
    assert_refused(lambda: assets.issue_report_order(staff["judge"], case), "执行人员", PermissionDenied)


@pytest.fixture
def report(case, staff):
    [r] = assets.issue_report_order(staff["enforcer"], case, key="o")
    return r


def test_a_late_report_is_marked_and_its_fine_recorded(case, staff, report):
    AssetReport.objects.filter(pk=report.pk).update(due_on=timezone.localdate() - timedelta(days=3))
    report.refresh_from_db()
    assets.submit_report(staff["enforcer"], report, items=[{"category": "money", "description": "工资收入每月4000元"}])
    report.refresh_from_db()
    assert report.status == "received" and report.late
    assert _event(case, "asset_report_received").payload["late"] is True
    today = timezone.localdate()
    # 民事诉讼法 第一百一十八条: a person's fine is at most 100000
    assert_refused(lambda: assets.record_sanction(staff["enforcer"], report, kind="fine", amount="100001",
                                                  decided_on=today), "十万元以下")
    assets.record_sanction(staff["enforcer"], report, kind="fine", amount="5000", decided_on=today,
                           reference="（2026）豫0222司惩1号")
    report.refresh_from_db()
    assert (report.sanction, report.sanction_amount, report.sanction_decided_on) == ("fine", Decimal("5000"), today)
    e = _event(case, "asset_report_sanctioned")
    assert e.payload["grounds"] == ["late"] and "第九条" in e.payload["basis"]
    assert_refused(lambda: assets.record_sanction(staff["enforcer"], report, kind="detention", days=5,
                                                  decided_on=today), "已记录处罚")


def test_a_refusal_and_a_detention(case, staff, report):
    assets.mark_refused(staff["enforcer"], report, "被执行人明确表示拒绝报告")
    report.refresh_from_db()
    assets.record_sanction(staff["enforcer"], report, kind="detention", days=15, decided_on=timezone.localdate())
    report.refresh_from_db()
    assert (report.status, report.sanction, report.sanction_days) == ("refused", "detention", 15)
    assert_refused(lambda: assets.submit_report(staff["enforcer"], report, items=[], changes="无"), "已登记")


def test_a_false_report_is_sanctioned_and_a_timely_true_one_is_not(case, staff, report):
    assets.submit_report(staff["enforcer"], report, items=[{"category": "real_estate", "description": "无"}])
    report.refresh_from_db()
    assert not report.late
    today = timezone.localdate()
    assert_refused(lambda: assets.record_sanction(staff["enforcer"], report, kind="fine", amount="1000",
                                                  decided_on=today), "不能处罚")
    assets.record_sanction(staff["enforcer"], report, kind="fine", amount="20000", decided_on=today,
                           false_report=True)
    report.refresh_from_db()
    assert report.false_report and report.sanction == "fine"


def test_the_debtor_reports_on_the_portal(case, debtor_user, applicant_user, report):
    assert_refused(lambda: assets.submit_report(applicant_user, report, items=[], changes="无", via_portal=True),
                   "被执行人", PermissionDenied)
    assert_refused(lambda: assets.submit_report(debtor_user, report, items=[{"category": "gold", "description": "x"}],
                                                via_portal=True), "第五条")
    assets.submit_report(debtor_user, report, items=[{"category": "movables", "description": "轿车一辆",
                                                      "value": "80,000"}], via_portal=True)
    report.refresh_from_db()
    assert report.via_portal and report.items == [{"category": "movables", "description": "轿车一辆",
                                                   "value": "80000.00"}]


def test_police_search_answer_is_filed_in_the_e_file(case, staff, django_capture_on_commit_callbacks):
    from xiezhi.dossier.models import Entry

    s = assets.request_debtor_search(staff["enforcer"], case, case.debtor, "被执行人下落不明", key="p1")
    assert s.addressee == "公安机关" and not _event(case, "debtor_search_requested").public_to_parties
    with django_capture_on_commit_callbacks(execute=True):
        assets.record_search_answer(staff["enforcer"], s, location="现居郑州市金水区", travel="2026年3月入住郑州某酒店")
    s.refresh_from_db()
    assert s.status == "answered"
    entry = Entry.objects.get(source=f"enforcement.DebtorSearch:{s.pk}")
    assert "被执行人乙" in entry.title
    assert_refused(lambda: assets.record_search_answer(staff["enforcer"], s, location="x"), "已登记答复")
    assert_refused(lambda: assets.request_debtor_search(staff["enforcer"], case, case.applicant, "x"), "被执行人")


def test_the_notice_and_order_are_served_the_way_every_notice_is(case, staff, make_staff, settings,
                                                                  django_capture_on_commit_callbacks):
    """documents.paper_to_serve → delivery.services.serve: the clerk of the case team serves both papers."""
    from xiezhi.delivery.models import ServiceRecord

    settings.CELERY_TASK_ALWAYS_EAGER = True  # the PDF made in-process after the commit

    clerk = make_staff(["clerk"], "enforcement", name="赵书记")
    case.team.add(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        [r] = assets.issue_report_order(staff["enforcer"], case, basis="本院（2026）豫0222民初12号民事判决书")
    r.refresh_from_db()
    records = assets.serve_report_papers(clerk, r, ["direct"])
    assert len(records) == 2 and {x.party_id for x in records} == {case.debtor.pk}
    assert sorted(ServiceRecord.objects.values_list("document__title", flat=True)) == sorted(
        [f"执行通知书（{case.debtor.name}）", f"报告财产令（{case.debtor.name}）"])
    # an officer who does not handle the case may not serve its papers (the case officer may: SERVICE_ROLES)
    assert_refused(lambda: assets.serve_report_papers(staff["other_enforcer"], r, ["direct"]), "无权",
                   PermissionDenied)
    assets.record_notice_received(staff["enforcer"], r, timezone.localdate() - timedelta(days=1))
    r.refresh_from_db()
    assert r.due_on == timezone.localdate() + timedelta(days=4)
