"""The 跨域立案 demo: lian2 at 杞县 on the platform, one filing each way, the one for the demo court
in lian's queue, the demo litigant following theirs on the portal; seeding twice adds nothing."""
import pytest

from xiezhi.demo.seed import seed_people
from xiezhi.demo.seed_crossregion import seed_crossregion
from xiezhi.filing import crossregion as cr
from xiezhi.filing.models_crossregion import CrossRegionRequest
from xiezhi.filing.selectors import visible_filings

pytestmark = pytest.mark.django_db


def test_demo_world(court):  # noqa: F811  (the fixture loads the reference data)
    c = court
    users = seed_people(c)
    made = seed_crossregion(c, users)
    assert seed_crossregion(c, users) == {}
    assert CrossRegionRequest.objects.count() == 2
    lian2 = users["lian2"]
    assert visible_filings(users["lian"]).filter(pk=made["received"].filing_id, status="submitted").exists()
    assert visible_filings(lian2).filter(pk=made["sent"].filing_id, status="submitted").exists()
    assert list(cr.visible_requests(users["13800000002"])) == [made["received"]]
