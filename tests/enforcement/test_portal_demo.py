"""The demo's parties' side of enforcement: the demo lawyer acts for the applicant of an open 执 case and
sees its nodes, a pending clue and a message exchange; the officer reaches the clue queue and the unread
message from /staff/enforcement/mine/; a second run adds nothing."""
import pytest
from django.test import Client
from django.urls import reverse

from tests.helpers import row_counts
from xiezhi.demo.seed import seed_cases, seed_enforcement, seed_people
from xiezhi.demo.seed_parties import seed_parties

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_libreoffice(monkeypatch, pdf_bytes, tmp_path, settings):
    from xiezhi.documents import convert

    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(convert, "docx_to_pdf", lambda data, timeout=0: pdf_bytes)


def test_demo_lawyer_sees_the_enforcement_case_and_the_officer_the_queue(court):
    users = seed_people(court)
    seed_cases(court, users, n=160)
    seed_enforcement(court, users)
    case = seed_parties(court, users)
    assert case is not None
    counts = row_counts()
    assert seed_parties(court, users) == case
    assert row_counts() == counts  # a second `make demo` adds nothing
    lawyer = Client()
    lawyer.force_login(users["13800000001"])
    detail = lawyer.get(reverse("cases:portal_detail", args=[case.pk])).content.decode()
    assert reverse("enforcement_portal:case", args=[case.pk]) in detail
    page = lawyer.get(reverse("enforcement_portal:case", args=[case.pk])).content.decode()
    assert "发出执行通知书、报告财产令" in page and "待核实" in page
    assert "网络查控已发起" in page
    officer = Client()
    officer.force_login(users["enforcer"])
    mine = officer.get(reverse("enforcement:mine")).content.decode()
    assert reverse("enforcement:clues") in mine and reverse("enforcement:inbox") in mine
    assert "咸平路" in officer.get(reverse("enforcement:clues")).content.decode()
    assert "请一并关注" in officer.get(reverse("enforcement:inbox")).content.decode()
