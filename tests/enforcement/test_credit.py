"""限制消费令 and 纠正申请 (issue 11 item 5): restrict / lift with events, extension to an
organisation's representatives (限制消费规定 第三条第二款), minors refused, correction requests due in
15 days (失信规定 第十二条) whose decision deletes, corrects or refuses; the public rows follow."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.helpers import assert_refused
from xiezhi.cases.events import summary
from xiezhi.cases.models import Party
from xiezhi.enforcement import credit
from xiezhi.enforcement import dishonest
from xiezhi.enforcement.models import ConsumptionRestriction, CorrectionRequest, DishonestEntry, PublicCreditRecord
from xiezhi.law.identity import resident_id_check_char

pytestmark = pytest.mark.django_db


def _id(born: date) -> str:
    first = f"410222{born:%Y%m%d}123"
    return first + resident_id_check_char(first)


def test_restrict_a_natural_person_and_lift(case, staff):
    e = staff["enforcer"]
    Party.objects.filter(pk=case.debtor.pk).update(id_number=_id(date(1980, 5, 6)))
    r = credit.restrict(e, case, case.debtor)
    assert r.measures == list(range(1, 10)) and r.persons == []
    row = PublicCreditRecord.objects.get(kind="restricted")
    assert row.id_shown == _id(date(1980, 5, 6))[:10] + "****" + _id(date(1980, 5, 6))[14:]
    assert_refused(lambda: credit.restrict(e, case, case.debtor), "不能重复决定")
    credit.lift(e, r, "已履行完毕")
    r.refresh_from_db()
    assert r.lifted_on == timezone.localdate() and not PublicCreditRecord.objects.exists()
    assert_refused(lambda: credit.lift(e, r, "再次"), "已于")
    from xiezhi.cases.models import CaseEvent

    kinds = list(CaseEvent.objects.filter(case=case).values_list("code", flat=True))
    assert "consumption_restricted" in kinds and "consumption_lifted" in kinds


def test_a_minor_is_never_restricted(case, staff):
    # the rule for minors of 失信规定 第四条 is followed; the guardian answers (民法典 第二十三条)
    born = timezone.localdate().replace(year=timezone.localdate().year - 10, month=1, day=1)
    Party.objects.filter(pk=case.debtor.pk).update(id_number=_id(born))
    assert_refused(lambda: credit.restrict(staff["enforcer"], case, case.debtor), "未成年人")
    Party.objects.filter(pk=case.debtor.pk).update(id_number="", is_minor=True)
    assert_refused(lambda: credit.restrict(staff["enforcer"], case, case.debtor), "未成年人")


def test_an_organisation_names_the_persons_it_extends_to(case, staff):
    # 限制消费规定 第三条第二款
    Party.objects.filter(pk=case.debtor.pk).update(kind="legal_person", id_number="91410100MA3X5X5X5X")
    e = staff["enforcer"]
    assert_refused(lambda: credit.restrict(e, case, case.debtor), "第三条第二款")
    assert_refused(lambda: credit.restrict(e, case, case.debtor, [{"role": "cousin", "name": "甲"}]), "第三条第二款")
    r = credit.restrict(e, case, case.debtor, [{"role": "legal_representative", "name": "张法代",
                                                "id_number": "410102198503071234"}], measures=[1, 9])
    assert r.measures == [1, 9] and r.persons[0]["name"] == "张法代"
    rows = {x.name: x for x in PublicCreditRecord.objects.filter(kind="restricted")}
    assert rows[case.debtor.name].id_shown == "91410100MA3X5X5X5X"
    assert rows["张法代"].id_shown == "4101021985****1234" and "法定代表人" in rows["张法代"].detail
    credit.lift(e, r, "提供担保，申请执行人同意")
    assert not PublicCreditRecord.objects.exists()


def test_a_natural_person_order_extends_to_nobody_else(case, staff):
    assert_refused(lambda: credit.restrict(staff["enforcer"], case, case.debtor,
                                           [{"role": "principal", "name": "某"}]), "第三条")


def test_only_the_debtor_and_only_the_cases_staff(case, staff):
    assert_refused(lambda: credit.restrict(staff["enforcer"], case, case.applicant), "不是本案被执行人")
    assert_refused(lambda: credit.restrict(staff["judge"], case, case.debtor), "执行人员", PermissionDenied)
    assert_refused(lambda: credit.restrict(staff["other_enforcer"], case, case.debtor), "执行人员", PermissionDenied)


def test_listing_is_public_and_deletion_withdraws_it(case, staff):
    e = staff["enforcer"]
    entry = dishonest.list_debtor(e, case, case.debtor, [2])
    row = PublicCreditRecord.objects.get(kind="dishonest")
    assert row.case_number == case.number and "第一条第2项" in row.detail
    dishonest.delete_entry(e, entry, 8)
    assert not PublicCreditRecord.objects.filter(kind="dishonest").exists()


def test_correction_due_in_fifteen_days_and_refused_with_reason(case, staff):
    # 失信规定 第十二条: reviewed within 15 days of the written request
    e = staff["enforcer"]
    filed = timezone.localdate() - timedelta(days=2)
    entry = dishonest.list_debtor(e, case, case.debtor, [1], decided_on=filed - timedelta(days=30))
    req = credit.file_correction(e, entry, "被执行人乙", "已提供担保", filed_on=filed)
    assert req.due_on == filed + timedelta(days=15)
    assert [r.pk for r in credit.pending_corrections(e)] == [req.pk]
    assert credit.pending_corrections(staff["other_enforcer"]) == []
    assert_refused(lambda: credit.decide_correction(e, req, "refused", ""), "审查理由")
    assert_refused(lambda: credit.decide_correction(e, req, "maybe", "x"), "审查结果")
    credit.decide_correction(e, req, "refused", "担保不足以清偿")
    req.refresh_from_db()
    assert req.decision == "refused" and PublicCreditRecord.objects.filter(kind="dishonest").exists()
    assert_refused(lambda: credit.decide_correction(e, req, "deleted", "x"), "审查完毕")


def test_a_justified_correction_deletes_the_entry(case, staff):
    e = staff["enforcer"]
    entry = dishonest.list_debtor(e, case, case.debtor, [1])
    req = credit.file_correction(e, entry, "被执行人乙", "同名误列")
    credit.decide_correction(e, req, "deleted", "身份信息错误，系同名之人")
    entry.refresh_from_db()
    assert entry.deletion_reason == DishonestEntry.Reason.CORRECTED and entry.deletion_due is not None
    assert not PublicCreditRecord.objects.exists()
    assert_refused(lambda: credit.file_correction(e, entry, "甲", "再申请"), "已于")


def test_a_correction_republishes_the_party_as_corrected(case, staff):
    e = staff["enforcer"]
    entry = dishonest.list_debtor(e, case, case.debtor, [1])
    Party.objects.filter(pk=case.debtor.pk).update(name="被执行人乙（更正）")
    req = credit.file_correction(e, entry, "被执行人乙", "姓名有误")
    credit.decide_correction(e, req, "corrected", "姓名已更正")
    assert PublicCreditRecord.objects.get(kind="dishonest").name == "被执行人乙（更正）"


def test_summaries_are_sentences(case, staff):
    from xiezhi.cases.models import CaseEvent

    e = staff["enforcer"]
    credit.restrict(e, case, case.debtor)
    entry = dishonest.list_debtor(e, case, case.debtor, [5])
    credit.file_correction(e, entry, "甲", "理由")
    for ev in CaseEvent.objects.filter(case=case):
        assert summary(ev.code, ev.payload)
