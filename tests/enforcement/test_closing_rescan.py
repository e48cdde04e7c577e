"""终本 dynamic management (终本规定 第九条): the daily job claims the due re-searches, searches through
the simulator of the eight bodies (a real local HTTP service), records the result, tells the
applicant, and resumes the case as 执恢 when a new disposable asset appears."""
import json
import urllib.request
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.enforcement.closing_fixtures import NO_ASSETS_ID, give_file, zhongben_done
from tests.enforcement.linkage_fixtures import run_until_settled, simulator  # noqa: F401 (fixture)
from xiezhi.cases.models import Case, Notification
from xiezhi.enforcement import closing
from xiezhi.enforcement.models_closing import RescanDue
from xiezhi.enforcement.models_linkage import SearchBatch

pytestmark = pytest.mark.django_db


@pytest.fixture
def zhongben_case(case, staff, make_public):
    case.debtor.id_number = NO_ASSETS_ID
    case.debtor.save(update_fields=["id_number"])
    case.applicant.user = make_public()
    case.applicant.save(update_fields=["user"])
    give_file(case)
    zhongben_done(case, staff["enforcer"])
    return case


def _add_asset(settings, body="icbc", value="88000.00"):
    req = urllib.request.Request(settings.LINKAGE_URL.rstrip("/") + "/world/assets", method="POST",
                                 data=json.dumps({"id_number": NO_ASSETS_ID, "body": body, "value": value}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def test_nothing_found_is_recorded_and_the_applicant_told_then_a_new_asset_resumes_the_case(
        zhongben_case, simulator, settings):
    case = zhongben_case
    simulator(max_delay=1)
    assert closing.run_due_rescans() == {"settled": 0, "started": 1}
    assert closing.run_due_rescans()["started"] == 0  # claimed once: a second run starts nothing
    run_until_settled()
    assert closing.run_due_rescans()["settled"] == 1
    first = RescanDue.objects.get(case=case, seq=1)
    assert first.result == "nothing" and first.ran_at and first.notice_sent_at
    assert Notification.objects.filter(user=case.applicant.user, case=case, kind="zhongben_rescan").count() == 1
    assert closing.run_due_rescans() == {"settled": 0, "started": 0}  # settled once

    _add_asset(settings)
    RescanDue.objects.filter(case=case, seq=2).update(due_on=timezone.localdate() - timedelta(days=1))
    assert closing.run_due_rescans()["started"] == 1
    run_until_settled()
    closing.run_due_rescans()
    second = RescanDue.objects.get(case=case, seq=2)
    assert second.result == "found" and second.assets_found == 1
    resumed = second.resumed_case
    assert resumed is not None and resumed.case_type.type_code == "执恢"
    assert case.events.filter(code="zhongben_resumed").count() == 1
    assert resumed.events.filter(code="zhongben_resumed").count() == 1
    assert Notification.objects.filter(user=case.applicant.user, kind="zhongben_rescan").count() == 2
    # a resumed case is no longer searched as 终本
    RescanDue.objects.filter(case=case, seq=3).update(due_on=timezone.localdate())
    assert closing.run_due_rescans()["started"] == 0
    assert SearchBatch.objects.filter(reason="zhongben_rescan").count() == 2
    assert Case.objects.filter(case_type__type_code="执恢").count() == 1


def test_two_nothing_found_make_deletion_event_4_available(zhongben_case, simulator):
    case = zhongben_case
    simulator(max_delay=0)
    RescanDue.objects.filter(case=case, seq=2).update(due_on=timezone.localdate())
    closing.run_due_rescans()  # one search for both overdue rows
    run_until_settled()
    closing.run_due_rescans()
    assert closing.nothing_found_twice(case)
    assert SearchBatch.objects.filter(reason="zhongben_rescan").count() == 1
