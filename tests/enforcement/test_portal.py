"""The parties' side of an enforcement case (执行信息公开, party part): the applicant and the debtor see the
public nodes; the applicant sees the search summary without account numbers and gives a clue; the debtor
reports; a message reaches the officer, who answers; a user of another case gets 404 (audited); refused
POSTs change nothing; a flood of POSTs is stopped."""
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.audit.models import AuditEntry
from xiezhi.enforcement import assets, portal
from xiezhi.enforcement.models import Asset, AssetClue, EnforcementMessage

pytestmark = pytest.mark.django_db


def client(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture(autouse=True)
def _media(tmp_path, settings, monkeypatch, pdf_bytes):
    from django.core.cache import cache

    from xiezhi.documents import convert

    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(convert, "docx_to_pdf", lambda data, timeout=0: pdf_bytes)
    cache.clear()


@pytest.fixture
def lawyer(case, make_public):
    """The applicant's lawyer: acts for the applicant through the agent row."""
    from xiezhi.cases.models import Party

    u = make_public(lawyer=True)
    Party.objects.filter(case=case, role="agent").update(user=u)
    return u


@pytest.fixture
def debtor_user(case, make_public):
    u = make_public()
    case.debtor.user = u
    case.debtor.save(update_fields=["user"])
    return u


def test_the_portal_case_page_links_to_the_enforcement_page(case, lawyer):
    page = client(lawyer).get(reverse("cases:portal_detail", args=[case.pk])).content.decode()
    assert reverse("enforcement_portal:case", args=[case.pk]) in page


def test_the_applicant_sees_nodes_and_the_search_summary_without_identifiers(case, lawyer, staff):
    from xiezhi.cases.services import append_event

    Asset.objects.create(case=case, party=case.debtor, kind="bank_account", body="icbc", identifier="6222SECRET01",
                         value="12000", found_at=timezone.now())
    append_event(case, "linkage_answers_received", None, {"answers": 1, "assets": 1})
    append_event(case, "linkage_frozen", None, {"body": "中国工商银行", "asset": "银行账户 6222SECRET01",
                                                "ends_on": "2027-01-01"})
    assets.request_debtor_search(staff["enforcer"], case, case.debtor, "下落不明")
    r = client(lawyer).get(reverse("enforcement_portal:case", args=[case.pk]))
    page = r.content.decode()
    assert r.status_code == 200 and 'id="search-summary"' in page
    assert "12000" in page and "6222SECRET01" not in page
    assert "网络查控反馈" in page and "网络冻结" in page and "协助查找" not in page  # the police search is not a public node
    assert 'id="clue-form"' in page


def test_the_debtor_sees_the_report_form_not_the_summary(case, debtor_user, staff):
    assets.issue_report_order(staff["enforcer"], case)
    page = client(debtor_user).get(reverse("enforcement_portal:case", args=[case.pk])).content.decode()
    assert 'class="report-form"' in page and 'id="search-summary"' not in page and 'id="clue-form"' not in page
    assert "发出执行通知书、报告财产令" in page


def test_another_user_gets_404_and_the_probe_is_audited(case, make_public, enforcement_case):
    stranger = make_public()
    other = enforcement_case()
    other.applicant.user = stranger
    other.applicant.save(update_fields=["user"])
    before = AuditEntry.objects.filter(action=AuditEntry.Action.DENIED, case=case).count()
    for url in (reverse("enforcement_portal:case", args=[case.pk]),):
        assert client(stranger).get(url).status_code == 404
    counts = row_counts()
    for name in ("clue", "message", "report"):
        r = client(stranger).post(reverse(f"enforcement_portal:{name}", args=[case.pk]),
                                  {"kind": "other", "description": "x", "text": "x", "report": "1"})
        assert r.status_code == 404
    assert_nothing_changed(counts, "a stranger's posts")
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED, case=case).count() == before + 4
    # their own case opens
    assert client(stranger).get(reverse("enforcement_portal:case", args=[other.pk])).status_code == 200


def test_a_clue_on_the_portal_reaches_the_queue(case, lawyer, staff):
    r = client(lawyer).post(reverse("enforcement_portal:clue", args=[case.pk]),
                            {"kind": "vehicle", "description": "被执行人名下有豫B12345轿车", "urgent": "1", "key": "c1"})
    assert r.status_code == 302
    clue = AssetClue.objects.get()
    assert clue.party == case.applicant and clue.urgent and clue.submitted_by == lawyer
    page = client(staff["enforcer"]).get(reverse("enforcement:clues")).content.decode()
    assert "豫B12345" in page


def test_refused_posts_change_nothing(case, lawyer, debtor_user, staff):
    counts = row_counts()
    c = client(lawyer)
    c.post(reverse("enforcement_portal:clue", args=[case.pk]), {"kind": "gold", "description": "x"})
    c.post(reverse("enforcement_portal:clue", args=[case.pk]), {"kind": "other", "description": ""})
    c.post(reverse("enforcement_portal:message", args=[case.pk]), {"text": "   "})
    c.post(reverse("enforcement_portal:report", args=[case.pk]), {"report": "abc"})
    client(debtor_user).post(reverse("enforcement_portal:clue", args=[case.pk]), {"kind": "other", "description": "x"})
    assert_nothing_changed(counts, "refused portal posts")
    assert c.get(reverse("enforcement_portal:case", args=[case.pk])).status_code == 200


def test_a_message_reaches_the_officer_and_the_answer_the_party(case, lawyer, staff):
    client(lawyer).post(reverse("enforcement_portal:message", args=[case.pk]), {"text": "请问何时冻结？", "key": "m1"})
    officer = client(staff["enforcer"])
    inbox = officer.get(reverse("enforcement:inbox")).content.decode()
    assert "请问何时冻结？" in inbox
    assert staff["enforcer"].notifications.filter(case=case).exists()
    msg = EnforcementMessage.objects.get()
    r = officer.post(reverse("enforcement:message_answer", args=[case.pk]),
                     {"message": msg.pk, "text": "已向银行发送冻结指令。", "key": "a1",
                      "next": reverse("enforcement:inbox")})
    assert r.status_code == 302 and r.url == reverse("enforcement:inbox")
    msg.refresh_from_db()
    assert msg.read_at is not None
    assert "请问何时冻结？" not in officer.get(reverse("enforcement:inbox")).content.decode()
    page = client(lawyer).get(reverse("enforcement_portal:case", args=[case.pk])).content.decode()
    assert "已向银行发送冻结指令。" in page
    assert lawyer.notifications.filter(case=case).exists()
    # another officer may not answer
    counts = row_counts()
    r = client(staff["other_enforcer"]).post(reverse("enforcement:message_answer", args=[case.pk]),
                                             {"message": msg.pk, "text": "x"})
    assert r.status_code == 404
    assert_nothing_changed(counts, "another officer's answer")


def test_a_flood_of_posts_is_stopped(case, lawyer, monkeypatch):
    monkeypatch.setattr(portal, "PORTAL_POST_LIMIT", (2, 600))
    c = client(lawyer)
    for i in range(4):
        r = c.post(reverse("enforcement_portal:message", args=[case.pk]), {"text": f"留言{i}", "key": f"f{i}"})
        assert r.status_code == 302
    assert EnforcementMessage.objects.count() == 2


def test_the_officer_pages_are_linked_from_mine(staff):
    page = client(staff["enforcer"]).get(reverse("enforcement:mine")).content.decode()
    assert reverse("enforcement:clues") in page and reverse("enforcement:inbox") in page


def test_the_staff_case_panel_shows_the_section(case, staff):
    page = client(staff["enforcer"]).get(reverse("cases:panel", args=[case.pk, "parties"])).content.decode()
    assert 'id="enforcement-parties"' in page and 'id="report-order"' in page
    r = client(staff["enforcer"]).post(reverse("enforcement:report_order", args=[case.pk]),
                                       {"basis": "本院（2026）豫0222民初12号民事判决书", "report_days": "5", "key": "x"})
    assert r.status_code == 302 and case.asset_reports.count() == 1
