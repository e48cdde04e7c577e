"""Search permissions, archiving (归档: frozen, hashed, numbered) and archived-read requests."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from tests.dossier.conftest import two_page_pdf
from xiezhi.audit.models import AuditEntry
from xiezhi.cases.services import close_case
from xiezhi.cases.signals import paper_added
from xiezhi.dossier import selectors, services
from xiezhi.dossier.models import AccessRequest, Entry, Page
from xiezhi.dossier.text import tokenize

pytestmark = pytest.mark.django_db


def _give_text(case, title, page_no, text):
    page = Page.objects.get(entry__dossier__case=case, entry__title=title, number=page_no)
    page.text, page.tokens, page.done = text, tokenize(text), True
    page.save()
    return page


def test_search_finds_the_page_and_only_for_those_who_may_see_the_case(registered, make_staff):
    case = registered["case"]
    _give_text(case, "借条", 2, "今借到张三人民币伍万元整，借款人李四。")
    hits = selectors.search_dossier(registered["judge"], case, "借款人")
    assert [(h["entry"].title, h["page"].number, h["running"], h["position"]) for h in hits] == [("借条", 2, 3, 3)]
    assert ("借款人", True) in hits[0]["snippet"]
    outsider = make_staff(["judge"], "civil")
    assert selectors.search_dossier(outsider, case, "借款人") == []
    assert selectors.search_court(outsider, "借款人") == []
    assert [h["case"] for h in selectors.search_court(make_staff(["trial_management"], "management"), "借款人")] == [case]


def _close(case, judge, archive=True):
    close_case(judge, case, timezone.localdate(), "判决")
    if archive:
        services.archive_case(judge, case)
    case.refresh_from_db()


def test_with_archive_on_close_the_close_node_freezes_the_efile(registered, settings):
    settings.DOSSIER_ARCHIVE_ON_CLOSE = True
    case = registered["case"]
    _close(case, registered["judge"], archive=False)
    assert case.status == "archived" and case.dossier.frozen
    assert list(case.events.values_list("code", flat=True))[-2:] == ["closed", "archived"]


def test_archiving_freezes_and_hashes_the_efile(registered):
    case, judge = registered["case"], registered["judge"]
    _close(case, judge, archive=False)
    assert not case.dossier.frozen  # by default the clerk archives once the file is complete
    c = Client()
    c.force_login(judge)
    assert c.post(f"/staff/dossier/cases/{case.pk}/archive/").status_code == 302
    case.refresh_from_db()
    d = case.dossier
    d.refresh_from_db()
    assert d.frozen and case.status == "archived"
    assert d.archive_number == f"（{date.today().year}）豫0222民初档1号"
    assert d.retention == "long" and len(d.manifest_sha256) == 64 and len(d.manifest) == 2
    ev = case.events.get(code="archived")
    assert ev.payload["archive_number"] == d.archive_number
    assert services.verify_archive(d) == []
    # read-only: no new paper from another app, no upload
    with pytest.raises(ValidationError) as exc:
        paper_added.send(sender=None, case=case, file=ContentFile(two_page_pdf("late"), name="l.pdf"),
                         title="送达回证", kind="receipt", source="delivery.Receipt:9", created_by=judge)
    assert "已归档" in exc.value.messages[0]
    # a changed file fails verification
    entry = Entry.objects.get(dossier=d, title="借条")
    with open(entry.file.path, "ab") as fh:
        fh.write(b"x")
    assert any("借条" in p for p in services.verify_archive(d))


def test_archive_needs_a_closed_case_and_the_right_role(registered, make_staff):
    case = registered["case"]
    with pytest.raises(ValidationError):
        services.archive_case(registered["judge"], case)
    with pytest.raises(PermissionDenied):
        services.archive_case(make_staff(["clerk"], "civil"), case)  # not on the case's team


def test_reading_an_archived_efile_needs_an_approved_time_limited_request(registered, make_staff):
    case, judge = registered["case"], registered["judge"]
    _close(case, judge)
    c = Client()
    c.force_login(judge)
    resp = c.get(f"/staff/dossier/cases/{case.pk}/")
    assert resp.status_code == 403 and "提交查阅申请" in resp.content.decode()
    assert AuditEntry.objects.filter(case=case, user=judge, action="denied").exists()
    assert selectors.search_dossier(judge, case, "借条") == []
    c.post(f"/staff/dossier/cases/{case.pk}/request/", {"reason": "再审审查需要"})
    req = AccessRequest.objects.get(requester=judge)
    with pytest.raises(PermissionDenied):  # a judge cannot approve
        services.decide_access(make_staff(["judge"], "civil"), req, approve=True)
    head = make_staff(["division_head"], "civil")
    case.division = head.division
    case.save(update_fields=["division"])
    h = Client()
    h.force_login(head)
    assert "再审审查需要" in h.get("/staff/dossier/requests/").content.decode()
    h.post(f"/staff/dossier/requests/{req.pk}/decide/", {"approve": "1", "days": "3"})
    req.refresh_from_db()
    assert req.status == "approved" and req.decided_by == head
    assert timedelta(days=2) < req.expires_at - timezone.now() <= timedelta(days=3)
    resp = c.get(f"/staff/dossier/cases/{case.pk}/")
    assert resp.status_code == 200
    read = AuditEntry.objects.filter(case=case, user=judge, action="read").last()
    assert case.dossier.archive_number in read.detail
    req.expires_at = timezone.now() - timedelta(minutes=1)
    req.save()
    assert c.get(f"/staff/dossier/cases/{case.pk}/").status_code == 403


def test_notes_and_bookmarks_are_private_to_their_author(registered, make_staff):
    case, judge = registered["case"], registered["judge"]
    page = Page.objects.get(entry__dossier__case=case, entry__title="借条", number=1)
    c = Client()
    c.force_login(judge)
    c.post(f"/staff/dossier/pages/{page.pk}/note/", {"text": "借条落款日期存疑", "bookmark": "1"})
    assert "借条落款日期存疑" in c.get(f"/staff/dossier/cases/{case.pk}/?p=2").content.decode()
    president = make_staff(["president"], "management")
    p = Client()
    p.force_login(president)
    assert "借条落款日期存疑" not in p.get(f"/staff/dossier/cases/{case.pk}/?p=2").content.decode()
    assert list(selectors.bookmarks(president, case.dossier)) == []
