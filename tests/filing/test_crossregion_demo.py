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


def test_lian_finds_it_in_the_queue_and_lian2_in_the_menu(court, client):
    users = seed_people(court)
    seed_crossregion(court, users)
    client.force_login(users["lian"])
    assert "跨域立案 · 协作法院 杞县人民法院" in client.get("/staff/filings/").content.decode()
    client.force_login(users["lian2"])
    home = client.get("/staff/").content.decode()
    assert 'href="/staff/filings/cross-region/"' in home
    assert "通许县人民法院" in client.get("/staff/filings/cross-region/").content.decode()
