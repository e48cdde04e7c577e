"""跨域立案 pages: the collaborating court's counter form and lists, the competent court's queue mark,
the party's view; a third court and a stranger get nothing."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.helpers import valid_id
from xiezhi.courts.models import Court
from xiezhi.courts.refdata import divisions_for_basic_court
from xiezhi.filing import services as fs
from xiezhi.filing.models_crossregion import CrossRegionRequest

pytestmark = pytest.mark.django_db


def logged_in(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def world(court, make_staff, make_public):
    b, c3 = Court.objects.get(case_code="豫0221"), Court.objects.get(case_code="豫0223")
    for c in (b, c3):
        divisions_for_basic_court(c)
    return {"a": make_staff(["filing_judge"], "filing"), "b": make_staff(["filing_judge"], "filing", court_=b),
            "c": make_staff(["filing_judge"], "filing", court_=c3), "court_b": b, "party": make_public()}


def form(court_b, party):
    return {"competent_court": court_b.pk, "id_type": "resident", "id_number": party.id_number,
            "id_name": party.real_name, "party_count": "2",
            "parties-0-role": "plaintiff", "parties-0-kind": "natural", "parties-0-name": party.real_name,
            "parties-0-id_number": party.id_number, "parties-0-phone": "13912345678",
            "parties-0-address": "河南省通许县城关镇",
            "parties-1-role": "defendant", "parties-1-kind": "natural", "parties-1-name": "被告乙",
            "parties-1-address": "河南省杞县城关镇",
            "claims": "判令被告偿还借款50000元。", "facts": "被告借款到期未还。", "amount": "50000"}


def test_walk_through_the_pages(world, pdf_bytes):
    a, b = logged_in(world["a"]), logged_in(world["b"])
    assert "跨域立案" in a.get("/staff/filings/cross-region/").content.decode()
    assert world["court_b"].name in a.get("/staff/filings/cross-region/new/").content.decode()
    resp = a.post("/staff/filings/cross-region/new/", form(world["court_b"], world["party"]))
    assert resp.status_code == 302, resp.content.decode()[:2000]
    req = CrossRegionRequest.objects.get()
    url = f"/staff/filings/cross-region/{req.pk}/"
    assert resp["Location"] == url
    assert b.get(url).status_code in (403, 404)  # not forwarded yet: court B's work has not begun
    a.post(url + "act/", {"action": "scan", "kind": "complaint",
                          "file": SimpleUploadedFile("起诉状.pdf", pdf_bytes, "application/pdf")})
    a.post(url + "act/", {"action": "forward"})
    a.post(url + "act/", {"action": "forward"})
    a.post(url + "act/", {"action": "mail_sent", "tracking_no": "1100123456789"})
    queue = b.get("/staff/filings/").content.decode()
    assert "跨域立案 · 协作法院 通许县人民法院" in queue
    review = b.get(f"/staff/filings/{req.filing_id}/").content.decode()
    assert "crossregion-note" in review
    page = b.get(url).content.decode()
    assert "1100123456789" in page and "起诉状" in page
    assert b.get(url + f"files/{req.filing.files.get().pk}/").status_code == 200
    b.post(url + "act/", {"action": "mail_received"})
    fs.register(world["b"], req.filing, procedure_code="civil_ordinary")
    req.refresh_from_db()
    sent = a.get("/staff/filings/cross-region/").content.decode()
    assert req.filing.case.number in sent and "已立案" in sent
    portal = logged_in(world["party"])
    assert "我的跨域立案" in portal.get("/portal/").content.decode()
    assert f"/portal/cross-region/{req.pk}/" in portal.get("/portal/cross-region/").content.decode()
    mine = portal.get(f"/portal/cross-region/{req.pk}/").content.decode()
    assert "协作法院 通许县人民法院" in mine and "1100123456789" in mine and req.filing.case.number in mine


def test_bad_input_is_a_chinese_400(world):
    a = logged_in(world["a"])
    data = form(world["court_b"], world["party"]) | {"id_number": "410222198503150000"}
    resp = a.post("/staff/filings/cross-region/new/", data)
    assert resp.status_code == 400 and "身份证号码" in resp.content.decode()
    resp = a.post("/staff/filings/cross-region/new/", {"competent_court": "abc"})
    assert resp.status_code == 400


def test_a_third_court_and_a_stranger_see_nothing(world, make_public):
    a = logged_in(world["a"])
    a.post("/staff/filings/cross-region/new/", form(world["court_b"], world["party"]))
    req = CrossRegionRequest.objects.get()
    url = f"/staff/filings/cross-region/{req.pk}/"
    c = logged_in(world["c"])
    assert c.get(url).status_code in (403, 404)
    assert c.post(url + "act/", {"action": "forward"}).status_code in (403, 404)
    assert req.filing.title not in c.get("/staff/filings/cross-region/").content.decode()
    assert logged_in(make_public()).get(f"/portal/cross-region/{req.pk}/").status_code in (403, 404)
