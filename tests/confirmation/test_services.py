"""司法确认: receive → accept → decide / withdraw (民事诉讼法 第二百零五条、第二百零六条; 民诉解释 第三百五十五条、
第三百五十七条、第三百五十八条; 司法确认规定 第四条、第五条、第十一条; 《诉讼费用交纳办法》第八条)."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.confirmation import services
from xiezhi.confirmation.models import MediationOutcome, State
from xiezhi.law.confirmation import application_deadline

pytestmark = pytest.mark.django_db


def test_receive_after_the_30_day_window_is_refused_naming_the_last_day(receive, court):
    """民事诉讼法 第二百零五条: 自调解协议生效之日起三十日内共同提出."""
    effective = timezone.localdate() - timedelta(days=60)
    last = services.window(effective).end
    before = row_counts()
    with pytest.raises(ValidationError) as e:
        receive(effective_on=effective)
    assert last.isoformat() in str(e.value) and "第二百零五条" in str(e.value)
    assert_nothing_changed(before, "a late application")


def test_receive_within_the_window(receive):
    app = receive()
    assert app.state == State.RECEIVED
    assert app.window_end == application_deadline(app.agreement_effective_on, calendar=services._calendar()).end
    assert "第二百零五条" in app.venue_basis


def test_one_applicant_is_not_a_joint_application(receive):
    with pytest.raises(ValidationError, match="共同申请"):
        receive(applicants=[{"name": "张三"}])


def test_venue_court_invited_needs_the_inviting_ground(receive):
    with pytest.raises(ValidationError, match="作出邀请"):
        receive(origin="court_invited", venue_ground="domicile")


def test_only_the_filing_division_receives(court, staff):
    with pytest.raises(PermissionDenied):
        services.receive(staff["judge"], court, origin="self_organised", venue_ground="domicile",
                         organisation_name="调委会", agreement_text="协议内容若干", applicants=[],
                         agreement_effective_on=timezone.localdate())


def test_same_key_receives_once(receive):
    a = receive(key="k1")
    b = receive(key="k1")
    assert a.pk == b.pk


def test_accept_opens_the_case_with_fee_zero(accepted_app, staff):
    """交费办法 第八条第（一）项: 特别程序不交纳案件受理费; 民特 (0318); 特别程序三十日 (第一百八十七条)."""
    app = accepted_app
    case = app.case
    assert app.state == State.ACCEPTED and app.fee == 0 and "第八条" in app.fee_basis
    assert "民特" in case.number
    assert case.procedure.limit_code == "civil_special"
    assert case.judge == staff["judge"]
    assert sorted(p.name for p in case.parties.all()) == ["张三", "李四"]
    assert {p.role for p in case.parties.all()} == {"applicant"}
    assert not case.fees.exists()  # nothing assessed (交费办法 第八条第（一）项)
    node = case.events.get(code="confirmation_accepted")
    assert Decimal(node.payload["fee"]) == 0 and "第八条" in node.payload["fee_basis"]
    assert case.events.filter(code="organisation_set", payload__judge_id=staff["judge"].pk).exists()
    assert (case.limit_end - case.filed_on).days == 30  # the special procedure's 30 days on the case's own clock
    # a second click: the same case, no second number
    again = services.accept(staff["lian"], app)
    assert again.case_id == case.pk


def test_not_accept_needs_a_ground_of_355(receive, staff):
    app = receive()
    with pytest.raises(ValidationError, match="第三百五十五条"):
        services.not_accept(staff["lian"], app, "")
    app = services.not_accept(staff["lian"], app, "property")
    assert app.state == State.NOT_ACCEPTED and app.case_id is None


def test_confirm_generates_the_ruling_and_closes_the_case(accepted_app, staff, no_service):
    """民事诉讼法 第二百零六条: 裁定调解协议有效; the case closes through trial.services.close (裁定)."""
    app, doc = services.decide(staff["judge"], accepted_app, State.CONFIRMED)
    assert app.state == State.CONFIRMED
    assert doc.kind == "ruling" and doc.case_id == app.case_id
    app.case.refresh_from_db()
    assert app.case.closed_on is not None and app.case.status == "closed"
    assert app.case.closing.method == "ruling"
    assert app.case.events.filter(code="confirmation_decided").exists()


def test_decision_waits_for_service_before_closing(accepted_app, staff):
    app, doc = services.decide(staff["judge"], accepted_app, State.CONFIRMED)
    app.case.refresh_from_db()
    assert doc is not None and app.case.closed_on is None  # the sealed ruling must reach both applicants first


def test_dismissal_needs_a_ground_of_358(accepted_app, staff, no_service):
    with pytest.raises(ValidationError, match="第三百五十八条"):
        services.decide(staff["judge"], accepted_app, State.DISMISSED)
    app, doc = services.decide(staff["judge"], accepted_app, State.DISMISSED, ground="voluntary")
    assert app.state == State.DISMISSED and app.dismissal_ground == "voluntary"
    assert doc.kind == "ruling"


def test_only_the_judge_of_the_case_decides(accepted_app, staff):
    before = row_counts()
    for who in ("other_judge", "lian", "clerk"):
        with pytest.raises(PermissionDenied):
            services.decide(staff[who], accepted_app, State.CONFIRMED)
    assert_nothing_changed(before, "a refused decision")


def test_withdrawal_before_the_decision(accepted_app, receive, staff, no_service):
    """民诉解释 第三百五十七条: 裁定作出前撤回申请的，可以裁定准许."""
    app = services.withdraw(staff["judge"], accepted_app, "双方已履行")
    assert app.state == State.WITHDRAWN
    assert app.case.events.filter(code="confirmation_withdrawn").exists()
    app.case.refresh_from_db()
    assert app.case.closed_on is not None
    other = services.withdraw(staff["lian"], receive(), "")
    assert other.state == State.WITHDRAWN and other.case_id is None


def test_no_withdrawal_after_the_decision(accepted_app, staff, no_service):
    services.decide(staff["judge"], accepted_app, State.CONFIRMED)
    with pytest.raises(ValidationError):
        services.withdraw(staff["judge"], accepted_app)


def test_from_mediation_confirmation_carries_parties_and_agreement(agreed, staff):
    outcome = services.from_mediation(staff["lian"], agreed, "confirmation")
    app = outcome.application
    assert app.origin == "court_invited" and app.mediation_id == agreed.pk
    assert [a["name"] for a in app.applicants] == [p["name"] for p in agreed.parties]
    assert app.agreement_text == agreed.result_note
    app = services.accept(staff["lian"], app, judge=staff["judge"])
    assert "诉前调确" in app.case.number
    # the filer sees the case on the portal under their account
    assert app.case.parties.filter(user=agreed.filing.submitted_by).exists()
    again = services.from_mediation(staff["lian"], agreed, "document")
    assert again.pk == outcome.pk and MediationOutcome.objects.count() == 1


def test_from_mediation_document_opens_a_case(agreed, staff):
    outcome = services.from_mediation(staff["lian"], agreed, "document", judge=staff["judge"])
    case = outcome.case
    assert "诉前调书" in case.number and case.judge == staff["judge"]
    doc = services.mediation_document(staff["judge"], case)
    assert doc.kind == "mediation"


def test_from_mediation_needs_an_agreement_and_the_office(accepted, staff):
    m = accepted()
    with pytest.raises(ValidationError):
        services.from_mediation(staff["lian"], m, "confirmation")
    with pytest.raises(PermissionDenied):
        services.from_mediation(staff["judge"], m, "confirmation")


def test_the_president_extends_the_review_by_ten_days_once(accepted_app, make_staff, staff):
    """司法确认规定 第五条: 特殊情况经院长批准可以延长十日 — the 15-day target becomes 25; only the president."""
    from django.core.exceptions import PermissionDenied

    from xiezhi.confirmation import services

    app = accepted_app
    before = services.decision_clock(app)
    with pytest.raises(PermissionDenied):
        services.extend(staff["lian"], app, "案情复杂")
    president = make_staff(["president"], "management", name="院长")
    app = services.extend(president, app, "需要调查核实协议履行情况")
    after = services.decision_clock(app)
    assert after.extended and after.target_end > before.target_end
    assert after.legal_end == before.legal_end  # the 30 days of 民事诉讼法 第一百八十七条 are not changed
    services.extend(president, app, "再点一次")
    assert app.case.events.filter(code="confirmation_extended").count() == 1
