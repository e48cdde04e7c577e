"""The demo court's 涉诉信访 and 判后答疑: sorted both ways, a lawyer's opinion, one answered and one open
question; the demo filing judge reaches them from the menu."""
import pytest

from xiezhi.complaints.models import Complaint, PostJudgmentQuestion
from xiezhi.demo.seed import DEMO_PASSWORD, seed_people
from xiezhi.demo.seed_complaints import seed_complaints

pytestmark = pytest.mark.django_db


def test_demo_complaints(court, client):
    users = seed_people(court)
    seed_complaints(court, users)
    seed_complaints(court, users)  # a second `make demo` adds nothing
    cs = Complaint.objects.filter(court=court)
    assert cs.count() == 3
    routed = cs.get(state="routed")
    assert routed.filing.case_type.type_code == "民申" and routed.filing.court == court
    assert routed.filing.data["routed"]["lawyer_opinion"] == routed.lawyer_opinion
    assert cs.filter(state="handling", due_on__isnull=False).exists() and cs.filter(state="closed").exists()
    qs = PostJudgmentQuestion.objects.filter(case=routed.case)
    assert qs.filter(answered_at__isnull=False).count() == 1 and qs.filter(answered_at__isnull=True).count() == 1
    assert client.login(username="lian", password=DEMO_PASSWORD)
    html = client.get("/staff/complaints/").content.decode()
    assert f"/staff/complaints/{routed.pk}/" in html
    assert "已转入再审申请" in client.get(f"/staff/complaints/{routed.pk}/").content.decode()
    assert f"/staff/filings/{routed.filing_id}/" in client.get("/staff/filings/").content.decode()
