"""The pages: the filing judge registers and routes a complaint; the retrial application lands in the
upper court's filing queue; access guards; the party's 判后答疑 page and the judge's answer on the case page."""
import pytest
from django.test import Client

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.complaints.models import Complaint, PostJudgmentQuestion

pytestmark = pytest.mark.django_db


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def test_register_route_and_the_upper_court_queue(staff, judged, upper_lian):
    c = _client(staff["lian"])
    r = c.post("/staff/complaints/new/", {"channel": "visit", "name": "被告乙", "case_number": judged.number,
                                          "request": "要求再审。", "key": "abc"})
    comp = Complaint.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/staff/complaints/{comp.pk}/"
    r = c.post(f"/staff/complaints/{comp.pk}/litigation/", {"remedy": "retrial"})
    assert r.status_code == 302
    page = c.get(f"/staff/complaints/{comp.pk}/").content.decode()
    assert "已转入再审申请" in page
    queue = _client(upper_lian).get("/staff/filings/").content.decode()
    comp.refresh_from_db()
    assert f"/staff/filings/{comp.filing_id}/" in queue
    # the case page shows the complaint to the judge
    assert "case-complaints" in _client(staff["judge"]).get(f"/staff/cases/{judged.pk}/panels/complaints/").content.decode()


def test_guards(staff, judged, make_public):
    comp = Complaint.objects.create(court=judged.court, channel="visit", name="某甲", request="x",
                                    registered_by=staff["lian"])
    judge = _client(staff["judge"])
    assert judge.get("/staff/complaints/").status_code == 403
    public = make_public()
    before = row_counts()
    assert judge.post(f"/staff/complaints/{comp.pk}/petition/", {"department": "监察室"}).status_code == 403
    assert _client(staff["president"]).post(f"/staff/complaints/{comp.pk}/petition/",
                                            {"department": "监察室"}).status_code == 403
    assert _client(public).get("/staff/complaints/").status_code in (302, 403)
    assert_nothing_changed(before, "refused complaint posts")
    assert _client(staff["president"]).get(f"/staff/complaints/{comp.pk}/").status_code == 200


def test_party_asks_and_judge_answers(staff, judged, make_public):
    u = make_public()
    judged.a.user = u
    judged.a.save()
    party = _client(u)
    assert f"/portal/cases/{judged.pk}/questions/" in party.get(f"/portal/cases/{judged.pk}/").content.decode()
    r = party.post(f"/portal/cases/{judged.pk}/questions/", {"question": "为什么不支持利息？", "key": "k"})
    assert r.status_code == 302
    q = PostJudgmentQuestion.objects.get()
    assert f"pjq-{q.pk}" in _client(staff["judge"]).get(f"/staff/cases/{judged.pk}/panels/complaints/").content.decode()
    r = _client(staff["judge"]).post(f"/staff/questions/{q.pk}/answer/", {
        "mode": "meeting", "meeting_date": "2026-01-05", "meeting_time": "09:30", "meeting_place": "第一答疑室",
        "answer": "当面解释了利息的认定。"})
    assert r.status_code == 302
    q.refresh_from_db()
    assert q.meeting_place == "第一答疑室"
    assert "当面解释了利息的认定" in party.get(f"/portal/cases/{judged.pk}/questions/").content.decode()
    # another portal user does not see the case's questions page
    assert _client(make_public()).get(f"/portal/cases/{judged.pk}/questions/").status_code == 404


def test_lawyer_portal(staff, judged, make_public):
    from xiezhi.complaints import services

    lawyer = make_public(lawyer=True)
    dl = services.enrol_lawyer(staff["lian"], lawyer)
    comp = services.register(staff["lian"], channel="visit", name="某甲", request="要求再审。")
    services.assign_lawyer(staff["lian"], comp, dl)
    c = _client(lawyer)
    assert f"lawyer-complaint-{comp.pk}" in c.get("/portal/complaints/").content.decode()
    assert c.post(f"/portal/complaints/{comp.pk}/opinion/", {"text": "建议引导申请再审。"}).status_code == 302
    comp.refresh_from_db()
    assert comp.lawyer_opinion == "建议引导申请再审。"
    assert _client(make_public()).get("/portal/complaints/").status_code == 403  # a litigant has no duty roster
    assert _client(make_public(lawyer=True)).post(f"/portal/complaints/{comp.pk}/opinion/",
                                                  {"text": "x"}).status_code == 404
