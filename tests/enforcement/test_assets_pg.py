"""The repeatable writes of 财产调查 and the portal at once (PostgreSQL): the same clue sent twice at once is
one clue, the same message one message, two officers checking one clue check it once, and two sanctions
on one report record one."""
import pytest
from django.utils import timezone

from tests.concurrency import at_once, one_done_rest_refused, require_postgresql
from xiezhi.enforcement import assets, portal
from xiezhi.enforcement.models import AssetClue, AssetReport, EnforcementMessage

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def applicant_user(case, make_public):
    u = make_public()
    case.applicant.user = u
    case.applicant.save(update_fields=["user"])
    return u


def test_the_same_clue_twice_at_once_is_one_clue(case, applicant_user):
    require_postgresql()
    a, b = at_once(*[lambda: assets.submit_clue(applicant_user, case, kind="vehicle", description="豫B1", key="k")] * 2)
    assert isinstance(a, AssetClue) and a.pk == b.pk and AssetClue.objects.count() == 1
    assert case.events.filter(code="asset_clue_submitted").count() == 1


def test_the_same_message_twice_at_once_is_one_message(case, applicant_user):
    require_postgresql()
    a, b = at_once(*[lambda: portal.send_message(applicant_user, case, "你好", key="m")] * 2)
    assert isinstance(a, EnforcementMessage) and a.pk == b.pk and EnforcementMessage.objects.count() == 1


def test_a_clue_is_checked_once(case, applicant_user, staff):
    require_postgresql()
    clue = assets.submit_clue(applicant_user, case, kind="other", description="x")
    one_done_rest_refused(at_once(
        lambda: assets.check_clue(staff["enforcer"], clue, found=False, result="甲"),
        lambda: assets.check_clue(staff["enforcer"], clue, found=False, result="乙")), "已核实")
    assert case.events.filter(code="asset_clue_checked").count() == 1


def test_one_sanction_per_report(case, staff, monkeypatch, pdf_bytes, tmp_path, settings):
    require_postgresql()
    from xiezhi.documents import convert

    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setattr(convert, "docx_to_pdf", lambda data, timeout=0: pdf_bytes)
    [r] = assets.issue_report_order(staff["enforcer"], case)
    assets.mark_refused(staff["enforcer"], r, "拒绝")
    today = timezone.localdate()
    one_done_rest_refused(at_once(
        lambda: assets.record_sanction(staff["enforcer"], r, kind="fine", amount="1000", decided_on=today),
        lambda: assets.record_sanction(staff["enforcer"], r, kind="detention", days=3, decided_on=today)),
        "已记录处罚")
    assert AssetReport.objects.get().sanction in ("fine", "detention")
