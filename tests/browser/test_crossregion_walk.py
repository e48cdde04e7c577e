"""跨域立案 in a browser: the clerk of court A (通许) receives a complaint for court B (杞县) at the
counter, checks the party's identity, scans the complaint and forwards it; the clerk of court B finds
it in the ordinary queue marked 跨域立案 and registers it; the case is court B's with court A's
papers, and court A's list shows it registered."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_filing_journey import login_staff
from tests.helpers import valid_id

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_received_at_a_forwarded_registered_at_b(live_server, browser, desktop, court, make_staff, pdf_bytes, tmp_path):
    from xiezhi.cases.models import Case
    from xiezhi.courts.models import Court
    from xiezhi.courts.refdata import divisions_for_basic_court
    from xiezhi.filing.models_crossregion import CrossRegionRequest

    base = live_server.url
    court_b = Court.objects.get(case_code="豫0221")
    divisions_for_basic_court(court_b)
    clerk_a = make_staff(["filing_judge"], "filing", name="林立安")
    clerk_b = make_staff(["filing_judge"], "filing", court_=court_b, name="宋立诚")
    pdf = tmp_path / "起诉状.pdf"
    pdf.write_bytes(pdf_bytes)

    # 1. court A's counter: the party hands in the complaint for court B
    a = desktop.new_page()
    login_staff(a, base, clerk_a)
    a.click("text=跨域立案")
    expect(a).to_have_url(re.compile(r"/staff/filings/cross-region/$"))
    a.click("#crossregion-new")
    a.select_option("#competent_court", str(court_b.pk))
    a.fill("#id_number", valid_id(5))
    a.fill("#id_name", "王大明")
    cards = a.locator("#party-list .party-card")
    cards.nth(0).locator("[data-f=name]").fill("王大明")
    cards.nth(0).locator("[data-f=id_number]").fill(valid_id(5))
    cards.nth(0).locator("[data-f=phone]").fill("13912345678")
    cards.nth(0).locator("[data-f=address]").fill("河南省通许县城关镇")
    cards.nth(1).locator("[data-f=name]").fill("李小红")
    cards.nth(1).locator("[data-f=address]").fill("河南省杞县城关镇")
    a.fill("#amount", "50000")
    a.fill("#claims-text", "1. 判令被告偿还借款50000元；2. 诉讼费由被告负担。")
    a.fill("#facts-text", "被告于2025年3月向原告借款，到期未还。")
    a.click("#crossregion-receive")
    expect(a).to_have_url(re.compile(r"/staff/filings/cross-region/\d+/$"))
    a.select_option("#scan-kind", "complaint")
    a.set_input_files("#scan-file", str(pdf))
    a.click("#scan-upload")
    expect(a.locator("#crossregion-files")).to_contain_text("起诉状")
    a.click("#crossregion-forward")
    expect(a.locator("#crossregion-status")).to_have_text("已转管辖法院")

    # 2. court B registers it from the ordinary queue
    other = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")  # its own sign-in
    b = other.new_page()
    login_staff(b, base, clerk_b)
    b.goto(f"{base}/staff/filings/")
    row = b.locator("#filing-queue tr", has_text="跨域立案 · 协作法院 通许县人民法院")
    expect(row).to_have_count(1)
    row.locator("a").first.click()
    expect(b.locator("#crossregion-note")).to_be_visible()
    b.select_option("#procedure", "civil_ordinary")
    b.click("#register-btn")
    expect(b).to_have_url(re.compile(r"/staff/cases/\d+/"))

    req = CrossRegionRequest.objects.select_related("filing__case").get()
    case = req.filing.case
    assert case.court == court_b and "豫0221" in case.number
    assert case.filing.files.filter(kind="complaint", uploaded_by=clerk_a).exists()  # court A's papers
    assert Case.objects.filter(court=court).count() == 0

    # 3. court A's list shows it registered
    a.goto(f"{base}/staff/filings/cross-region/")
    sent = a.locator("#crossregion-sent")
    expect(sent).to_contain_text(case.number)
    expect(sent).to_contain_text("已立案")
    other.close()
