"""国家司法救助的办理 (司救意见; 《关于建立完善国家司法救助制度的意见（试行）》)."""
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from xiezhi.assistance import selectors, services
from xiezhi.assistance.models import AssistanceApplication
from xiezhi.courts.calendar import get_work_calendar
from xiezhi.law.periods import working_days_after

pytestmark = pytest.mark.django_db
S = AssistanceApplication.State


def test_accept_opens_a_numbered_case_and_starts_the_ten_day_clock(apply_for, make_public, staff):
    a = services.accept(staff["lian"], apply_for(make_public()))
    assert a.state == S.ACCEPTED
    assert "司救刑" in a.assistance_case.number  # a criminal origin: 司救刑 (案号规定)
    assert a.approval_due == working_days_after(timezone.localdate(), 10, get_work_calendar(strict=False))
    assert list(a.assistance_case.events.values_list("code", flat=True)) == ["registered", "organisation_set", "assistance_accepted"]
    assert services.accept(staff["lian"], a).assistance_case_id == a.assistance_case_id  # a second click: same case


def test_overdue_when_ten_working_days_passed(apply_for, make_public, staff):
    a = services.accept(staff["lian"], apply_for(make_public()))
    assert not selectors.overdue(a)
    assert selectors.overdue(a, a.approval_due + (date(2000, 1, 2) - date(2000, 1, 1)))


def test_approval_within_the_cap_and_refusal_above_it_names_the_cap(reviewed, staff):
    a = reviewed()
    with pytest.raises(ValidationError) as e:
        services.approve(staff["head"], a, "216000.01")
    assert "216000.00" in str(e.value) and "一般上限" in str(e.value)
    a = services.approve(staff["head"], a, "216000")
    assert a.state == S.APPROVED and a.approved_amount == Decimal("216000.00") and a.cap_amount == Decimal("216000.00")


def test_above_the_cap_only_with_reason_and_never_above_the_compensation(reviewed, staff):
    a = reviewed(compensation="300000")
    with pytest.raises(ValidationError):
        services.approve(staff["president"], a, "300000.01", exceptional_reason="损失特别重大")
    a = services.approve(staff["president"], a, "250000", exceptional_reason="损失特别重大")
    assert a.exceptional_reason == "损失特别重大"


def test_only_approvers_approve_and_only_filing_judges_handle(reviewed, apply_for, make_public, staff):
    a = reviewed()
    with pytest.raises(PermissionDenied):
        services.approve(staff["lian"], a, "1000")
    with pytest.raises(PermissionDenied):
        services.accept(staff["judge"], apply_for(make_public()))


def test_payment_sets_the_two_day_notice_and_tells_the_applicant(reviewed, staff):
    from xiezhi.cases.models import Notification

    a = services.approve(staff["head"], reviewed(), "30000")
    today = timezone.localdate()
    a = services.pay(staff["lian"], a, today, "PZ-001")
    assert a.state == S.PAID and a.paid_amount == Decimal("30000.00")
    assert a.notice_due == working_days_after(today, 2, get_work_calendar(strict=False))
    assert Notification.objects.filter(user=a.applicant, text__contains="已发放").exists()
    assert services.pay(staff["lian"], a, today, "PZ-001").state == S.PAID


def test_refusal_needs_a_reason(reviewed, staff):
    a = reviewed()
    with pytest.raises(ValidationError):
        services.refuse(staff["head"], a, " ")
    assert services.refuse(staff["head"], a, "不符合救助条件").state == S.REFUSED


def test_one_application_per_applicant_per_case(apply_for, make_public):
    party = make_public()
    first = apply_for(party)
    assert apply_for(party, amount_asked="9000").pk == first.pk
    assert AssistanceApplication.objects.count() == 1


def test_unknown_wage_base_is_a_chinese_error(reviewed, staff, wage):
    a = reviewed()
    wage.delete()
    with pytest.raises(ValidationError) as e:
        services.approve(staff["head"], a, "1000")
    assert "月平均工资" in str(e.value)


def test_category_and_amount_are_checked(apply_for, make_public):
    with pytest.raises(ValidationError):
        apply_for(make_public(), category=9)
    with pytest.raises(ValidationError):
        apply_for(make_public(), amount_asked="-1")
