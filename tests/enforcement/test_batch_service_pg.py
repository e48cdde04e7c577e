"""集约送达 twice at once (the batch page in two tabs, or the batch page and the case page): the case row
is locked before "already served?" is asked, so each report's papers are served once."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.delivery.models import ServedDocument
from xiezhi.enforcement import assets

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_batches_at_once_serve_each_case_once(enforcement_case, staff, settings):
    require_postgresql()
    settings.CELERY_TASK_ALWAYS_EAGER = True
    cases = [enforcement_case() for _ in range(3)]
    reports = [r for n, case in enumerate(cases) for r in assets.issue_report_order(
        staff["enforcer"], case, basis="本院（2026）豫0222民初12号民事判决书", key=f"order-{n}")]
    ids = [r.pk for r in reports]
    outcomes = at_once(*[(lambda: assets.serve_in_batch(staff["enforcer"], ids, "postal")) for _ in range(3)])
    assert sum(served for served, _problems in outcomes) == 3, outcomes
    assert all(not problems for _served, problems in outcomes), outcomes
    assert ServedDocument.objects.filter(case__in=cases).count() == 6  # notice + order, once per case
