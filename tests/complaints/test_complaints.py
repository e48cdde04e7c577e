"""诉访分离 (信访工作条例 第二十条、第二十八条第二款、第三十二条; 民事诉讼法 第二百一十条、第二百一十六条),
duty lawyers, 判后答疑."""
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from xiezhi.cases.models import CaseEvent
from xiezhi.complaints import services
from xiezhi.complaints.models import Complaint, Kind, State
from xiezhi.filing.models import FilingApplication, FilingStatus

pytestmark = pytest.mark.django_db


def _register(staff, judged, **kw):
    return services.register(staff["lian"], channel="visit", name="被告乙", contact="13900000000",
                             case_number=judged.number, request=kw.pop("request", "判决认定事实错误，要求再审。"), **kw)


def test_retrial_routes_to_min_shen_at_the_court_above(staff, judged, court):
    c = _register(staff, judged)
    assert c.case == judged and c.kind == Kind.UNSORTED
    c = services.route_to_litigation(staff["lian"], c, "retrial")
    f = c.filing
    assert c.kind == Kind.LITIGATION and c.state == State.ROUTED
    assert f.case_type.type_code == "民申"                         # 民事申请再审审查
    assert f.court == court.parent                                 # 民事诉讼法 第二百一十条：上一级法院
    assert f.status == FilingStatus.SUBMITTED
    assert f.data["routed"]["source_case"]["number"] == judged.number
    assert f.data["claims"] == "判决认定事实错误，要求再审。"
    roles = {p["name"]: p["role"] for p in f.data["parties"]}
    assert roles == {"被告乙": "applicant", "原告甲": "respondent"}
    codes = list(judged.events.values_list("code", flat=True))
    assert "complaint_registered" in codes and "complaint_routed" in codes
    assert judged.events.get(code="complaint_routed").public_to_parties is False


def test_both_citizens_may_choose_the_original_court(staff, judged, court):
    c = services.route_to_litigation(staff["lian"], _register(staff, judged), "retrial", to_original=True)
    assert c.filing.court == court


def test_original_court_refused_when_a_party_is_a_company(staff, judged):
    judged.b.kind = "legal"
    judged.b.save()
    with pytest.raises(ValidationError, match="第二百一十条"):
        services.route_to_litigation(staff["lian"], _register(staff, judged), "retrial", to_original=True)


@pytest.mark.parametrize("remedy, type_code", [("enforcement_objection", "执异")])
def test_other_remedies_use_their_case_type(staff, judged, remedy, type_code, court):
    judged.status = "in_trial"
    judged.save()
    c = services.route_to_litigation(staff["lian"], _register(staff, judged), remedy)
    assert c.filing.case_type.type_code == type_code and c.filing.court == court


def test_appeal_window_closed_is_refused(staff, judged):
    c = _register(staff, judged)
    with pytest.raises(ValidationError, match="上诉期已届满"):
        services.route_to_litigation(staff["lian"], c, "appeal")
    c.refresh_from_db()
    assert c.kind == Kind.UNSORTED and FilingApplication.objects.count() == 0


def test_retrial_after_six_months_is_refused(staff, judged):
    c = _register(staff, judged)
    long_ago = timezone.localdate() - timedelta(days=400)
    with pytest.raises(ValidationError, match="六个月"):
        services.route_to_litigation(staff["lian"], c, "retrial", effective=long_ago)


def test_routing_twice_makes_one_filing(staff, judged):
    c = _register(staff, judged)
    a = services.route_to_litigation(staff["lian"], c, "retrial")
    b = services.route_to_litigation(staff["lian"], c, "retrial")
    assert a.filing_id == b.filing_id and FilingApplication.objects.count() == 1


def test_petition_deadline_reply_close(staff, judged, settings):
    settings.COMPLAINT_PETITION_DAYS = 60
    c = _register(staff, judged, request="承办法官态度不好。")
    c = services.route_to_petition(staff["lian"], c, "监察室")
    assert c.kind == Kind.PETITION and c.state == State.HANDLING
    assert c.due_on == timezone.localdate() + timedelta(days=60)   # 信访工作条例 第三十二条
    judged.refresh_from_db()
    assert judged.status == "closed"                               # a 访 never changes the case
    c = services.reply(staff["lian"], c, "已核查并答复。")
    c = services.close(staff["lian"], c, "信访人表示满意。")
    assert c.state == State.CLOSED and c.closed_at
    with pytest.raises(ValidationError):
        services.route_to_litigation(staff["lian"], c, "retrial")


def test_hand_over(staff):
    c = services.register(staff["lian"], channel="letter", name="某甲", request="反映村委会问题。")
    c = services.hand_over(staff["lian"], c, "县信访局")
    assert c.state == State.HANDED_OVER and c.kind == Kind.PETITION and c.case is None


def test_register_guards(staff, judged, make_public):
    with pytest.raises(PermissionDenied):
        services.register(staff["judge"], channel="visit", name="某甲", request="要求再审。")
    with pytest.raises(ValidationError):
        services.register(staff["lian"], channel="visit", name="某甲", case_number="（2020）豫0222民初1号",
                          request="要求再审。")
    a = services.register(staff["lian"], channel="visit", name="某甲", request="要求再审。", key="k1")
    b = services.register(staff["lian"], channel="visit", name="某甲", request="要求再审。", key="k1")
    assert a.pk == b.pk and Complaint.objects.count() == 1


def test_duty_lawyer_opinion_joins_the_filing(staff, judged, make_public):
    lawyer = make_public(lawyer=True)
    dl = services.enrol_lawyer(staff["lian"], lawyer)
    with pytest.raises(ValidationError):
        services.enrol_lawyer(staff["lian"], make_public())
    c = services.route_to_litigation(staff["lian"], _register(staff, judged), "retrial")
    services.assign_lawyer(staff["lian"], c, dl)
    with pytest.raises(PermissionDenied):
        services.submit_opinion(make_public(lawyer=True), c, "无关律师的意见。")
    services.submit_opinion(lawyer, c, "原判认定事实的主要证据未经质证，符合再审事由。")
    c.refresh_from_db()
    assert c.lawyer_opinion.startswith("原判")
    assert c.filing.data["routed"]["lawyer_opinion"] == c.lawyer_opinion


def _party_user(judged, make_public):
    u = make_public()
    judged.a.user = u
    judged.a.save()
    return u


def test_post_judgment_question_answered_joins_the_efile(staff, judged, make_public, settings):
    from xiezhi.dossier.models import Entry

    settings.POST_JUDGMENT_ANSWER_WORKING_DAYS = 5
    u = _party_user(judged, make_public)
    q = services.ask_question(u, judged, "为什么不支持利息？", key="q1")
    assert services.ask_question(u, judged, "为什么不支持利息？", key="q1").pk == q.pk
    assert q.due_on > timezone.localdate()
    with pytest.raises(PermissionDenied):
        services.answer_question(staff["other_judge"], q, mode="written", answer="答复。")
    with pytest.raises(ValidationError):
        services.answer_question(staff["judge"], q, mode="meeting", answer="答复。")
    q = services.answer_question(staff["judge"], q, mode="written", answer="利息约定不明，依法不予支持。")
    assert q.answered_at and q.answered_by == staff["judge"]
    assert Entry.objects.filter(dossier__case=judged, source=f"complaints.PostJudgmentQuestion:{q.pk}").exists()
    ev = CaseEvent.objects.get(case=judged, code="pjq_answered")
    assert ev.public_to_parties


def test_only_parties_ask(staff, judged, make_public):
    with pytest.raises(PermissionDenied):
        services.ask_question(make_public(), judged, "问题？")


def test_the_competent_courts_clerk_sees_where_a_routed_filing_came_from(client, staff, judged, make_public, court,
                                                                        make_staff):
    """The retrial filing a complaint became shows its original case and the duty lawyer's opinion on the
    review page of the court that decides it (filing.services.lodge keeps them under data["routed"])."""
    lawyer = make_public(lawyer=True)
    dl = services.enrol_lawyer(staff["lian"], lawyer)
    c = services.route_to_litigation(staff["lian"], _register(staff, judged), "retrial")
    services.assign_lawyer(staff["lian"], c, dl)
    services.submit_opinion(lawyer, c, "原判认定事实的主要证据未经质证，符合再审事由。")
    upper_clerk = make_staff(["filing_judge"], "filing", court_=court.parent, name="中院立案法官")
    client.force_login(upper_clerk)
    body = client.get(f"/staff/filings/{c.filing_id}/").content.decode()
    assert judged.number in body and "原判认定事实的主要证据未经质证" in body
    from django.core.exceptions import PermissionDenied as Denied
    from xiezhi.filing.services import lodge

    with pytest.raises(Denied):  # only filing staff lodge a filing for a party
        lodge(make_public(), court, {"parties": []}, type_code="民申")
