"""Who may reach each 送达 URL (deny by default), and the staff pages doing their job."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from xiezhi.delivery import services as ds
from xiezhi.delivery.models import AddressConfirmation, ServedDocument, ServiceRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(world, make_staff, make_public):
    from xiezhi.courts.models import Court

    return {
        "anon": None, "litigant": world["litigant"], "outsider": make_public(),
        "judge": world["judge"], "clerk": world["clerk"], "filing_judge": world["filing_judge"],
        "judge_other": make_staff(["judge"]), "clerk_other": make_staff(["clerk"]),
        "president": make_staff(["president"], "management"),
        "trial_management": make_staff(["trial_management"], "management"),
        "other_court_president": make_staff(["president"], "management", court_=Court.objects.get(case_code="豫0203")),
    }


def _client(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def test_role_matrix(world, actors):
    [rec] = ds.serve(world["clerk"], world["case"], title="传票", kind="summons", file_bytes=world["pdf"],
                     filename="s.pdf", parties=[world["defendant"]], methods=["direct"])
    case, doc = world["case"], rec.document
    gets = {
        "/delivery/inbox/": {"litigant", "outsider"},
        f"/delivery/cases/{case.pk}/serve/": {"judge", "clerk"},
        f"/delivery/documents/{doc.pk}/": {"judge", "clerk", "filing_judge", "president", "trial_management"},
    }
    for path, allowed in gets.items():
        for name, user in actors.items():
            resp = _client(user).get(path)
            if name in allowed:
                assert resp.status_code == 200, (name, path, resp.status_code)
            else:
                assert resp.status_code in (302, 403, 404), (name, path, resp.status_code)
                if resp.status_code == 302:
                    assert "login" in resp["Location"]
    posts = [
        (f"/delivery/cases/{case.pk}/parties/{world['defendant'].pk}/address/",
         {"consent_electronic": "1", "mobile": "13912345678"}),
        (f"/delivery/records/{rec.pk}/record/", {"on": timezone.localdate().isoformat()}),
        (f"/delivery/records/{rec.pk}/fail/", {"reason": "查无此人"}),
        (f"/delivery/cases/{case.pk}/serve/", {"title": "x", "kind": "notice", "upload": world["upload"].pk,
                                                "parties": [world["plaintiff"].pk], "methods": ["direct"]}),
    ]
    for path, data in posts:
        for name, user in actors.items():
            if name in ("judge", "clerk"):
                continue
            before = (case.events.count(), AddressConfirmation.objects.count(), ServedDocument.objects.count())
            resp = _client(user).post(path, data)
            assert resp.status_code in (302, 403, 404), (name, path, resp.status_code)
            if resp.status_code == 302:
                assert "login" in resp["Location"]
            after = (case.events.count(), AddressConfirmation.objects.count(), ServedDocument.objects.count())
            assert before == after, f"{name} changed something through {path}"
    rec.refresh_from_db()
    assert rec.status == "pending"


def test_staff_serves_from_the_case_page(world, django_capture_on_commit_callbacks):
    c = _client(world["clerk"])
    case = world["case"]
    page = c.get(f"/staff/cases/{case.pk}/panels/delivery/").content.decode()
    assert 'id="delivery"' in page and "送达文书" in page
    # record the plaintiff's 送达地址确认书, then serve one of the filing uploads through the portal
    resp = c.post(f"/delivery/cases/{case.pk}/parties/{world['plaintiff'].pk}/address/",
                  {"consent_electronic": "1", "portal": "1", "confirmed_on": timezone.localdate().isoformat()})
    assert resp.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post(f"/delivery/cases/{case.pk}/serve/", {
            "title": "起诉状副本", "kind": "complaint_copy", "upload": world["upload"].pk,
            "parties": [world["plaintiff"].pk, world["defendant"].pk], "methods": ["portal"]})
    assert resp.status_code == 200  # the defendant has no confirmed address: refused, form shown again
    assert "未确认" in resp.content.decode() or "没有" in resp.content.decode()
    assert not ServedDocument.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post(f"/delivery/cases/{case.pk}/serve/", {
            "title": "起诉状副本", "kind": "complaint_copy", "upload": world["upload"].pk,
            "parties": [world["plaintiff"].pk], "methods": ["portal"]})
    assert resp.status_code == 302
    rec = ServiceRecord.objects.get()
    assert rec.status == "served" and rec.document.sha256 == world["upload"].sha256
    # an uploaded file, served in person and recorded with the signed receipt
    c.post(f"/delivery/cases/{case.pk}/serve/", {
        "title": "传票", "kind": "summons", "file": SimpleUploadedFile("传票.pdf", world["pdf"], "application/pdf"),
        "parties": [world["defendant"].pk], "methods": ["direct"]})
    direct = ServiceRecord.objects.get(method="direct")
    resp = c.post(f"/delivery/records/{direct.pk}/record/", {
        "on": timezone.localdate().isoformat(), "receipt": SimpleUploadedFile("回证.pdf", world["pdf"])})
    direct.refresh_from_db()
    assert direct.status == "served"
    page = c.get(f"/staff/cases/{case.pk}/panels/delivery/").content.decode()
    assert 'id="service-matrix"' in page and "起诉状副本" in page and "已送达" in page
    # the timeline shows the nodes to the parties too
    portal = _client(world["litigant"]).get(f"/portal/cases/{case.pk}/").content.decode()
    assert "送达诉讼文书" in portal
