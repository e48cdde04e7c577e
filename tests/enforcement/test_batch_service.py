"""集约送达 (issue 11 item 2): the central unit sees every notice and report order made and not yet
served and serves them in one go; a case served twice (a double click, the case page at the same time)
is served once; nothing is listed once served; a trial judge is refused."""
import pytest
from django.test import Client
from django.urls import reverse

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.delivery.models import ServedDocument
from xiezhi.enforcement import assets

pytestmark = pytest.mark.django_db


@pytest.fixture
def ordered(enforcement_case, staff, settings, django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    cases = [enforcement_case() for _ in range(2)]
    reports = []
    for n, case in enumerate(cases):
        with django_capture_on_commit_callbacks(execute=True):
            reports += assets.issue_report_order(staff["enforcer"], case, basis="本院（2026）豫0222民初12号民事判决书",
                                                 key=f"order-{n}")
    return reports


def test_the_central_unit_serves_many_cases_once(ordered, staff, django_capture_on_commit_callbacks):
    c = Client()
    c.force_login(staff["enforcer"])
    url = reverse("enforcement:batch_service")
    html = c.get(url).content.decode()
    assert all(r.case.number in html for r in ordered)
    form = {"reports": [r.pk for r in ordered], "method": "postal"}
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):  # a double click
            assert c.post(url, form).status_code == 302
    assert ServedDocument.objects.filter(case__in=[r.case for r in ordered]).count() == 4  # two papers per case
    assert assets.unserved_reports(staff["enforcer"]) == []
    assert "没有待送达" in c.get(url).content.decode()


def test_a_bad_method_and_a_judge_change_nothing(ordered, staff):
    url = reverse("enforcement:batch_service")
    c = Client()
    c.force_login(staff["enforcer"])
    before = row_counts()
    c.post(url, {"reports": [ordered[0].pk], "method": "public_notice"})
    assert_nothing_changed(before, "a batch by a method the central unit does not use")
    judge = Client()
    judge.force_login(staff["judge"])
    assert judge.get(url).status_code == 403
    assert judge.post(url, {"reports": [ordered[0].pk], "method": "postal"}).status_code == 403
    assert_nothing_changed(before, "a batch by a trial judge")
