"""The first complete journey: a lawyer files online with a PDF → the filing clerk asks for
a correction → the lawyer corrects → the clerk registers → both see the case number; the
lawyer sees the progress nodes; the judge's workbench shows the time limit."""
import re

import pytest
from playwright.sync_api import expect

from tests.helpers import valid_id
from xiezhi.demo.seed import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login_public(page, base, user):
    page.goto(f"{base}/login/")
    page.fill("#username", user.phone)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/portal/$"))


def login_staff(page, base, user):
    page.goto(f"{base}/staff/login/")
    page.fill("#username", user.username)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/staff/$"))


def test_lawyer_files_clerk_corrects_and_registers_judge_sees_limit(
        live_server, desktop, phone, court, make_staff, make_public, pdf_bytes, tmp_path, shoot):
    from xiezhi.cases.models import Case
    from xiezhi.filing.models import FilingApplication

    base = live_server.url
    clerk = make_staff(["filing_judge"], "filing", name="林立安")
    judge = make_staff(["judge"], "civil", name="张正义")
    lawyer = make_public(lawyer=True)
    pdf = tmp_path / "借条.pdf"
    pdf.write_bytes(pdf_bytes)

    # 1. the lawyer files online, on a phone
    lp = phone.new_page()
    login_public(lp, base, lawyer)
    shoot(lp, "portal-dashboard-phone")
    lp.click("#new-filing")
    expect(lp).to_have_url(re.compile(r"/portal/filings/\d+/$"))
    cards = lp.locator("#party-list .party-card")
    cards.nth(0).locator("[data-f=name]").fill("王大明")
    cards.nth(0).locator("[data-f=id_number]").fill(valid_id(3))
    cards.nth(0).locator("[data-f=phone]").fill("13912345678")
    cards.nth(1).locator("[data-f=name]").fill("李小红")
    cards.nth(1).locator("[data-f=address]").fill("河南省通许县城关镇")
    lp.fill("#amount", "150000")
    lp.fill("#claims-text", "1. 判令被告偿还借款150000元；2. 诉讼费由被告负担。")
    lp.fill("#facts-text", "被告于2025年3月向原告借款，到期未还。")
    # autosave: the draft and the fee estimate come back from the server
    expect(lp.locator("#savestate")).to_contain_text("草稿已自动保存", timeout=10000)
    expect(lp.locator("#fee-estimate")).to_contain_text("3300.00")
    filing = FilingApplication.objects.get(submitted_by=lawyer)
    assert filing.data["parties"][0]["name"] == "王大明"
    shoot(lp, "portal-filing-form-phone")
    # closing the browser loses nothing: a new page shows the saved draft
    lp.close()
    lp = phone.new_page()
    lp.goto(f"{base}/portal/filings/{filing.pk}/")
    expect(lp.locator("#facts-text")).to_have_value("被告于2025年3月向原告借款，到期未还。")
    # upload the PDF evidence (content-checked) and submit
    lp.fill("#ev-title", "借条")
    lp.set_input_files("#ev-file", str(pdf))
    lp.click("#upload-btn")
    expect(lp.locator(".messages")).to_contain_text("材料已上传")
    lp.click("#submit-filing")
    expect(lp.locator("#filing-status")).to_have_text("待审核")

    # 2. the filing clerk asks for a correction, once, in writing
    cp = desktop.new_page()
    login_staff(cp, base, clerk)
    cp.click("text=立案审查")
    expect(cp.locator("#filing-queue")).to_contain_text("王大明 诉 李小红")
    shoot(cp, "staff-filing-queue")
    cp.click("text=王大明 诉 李小红")
    shoot(cp, "staff-filing-review")
    cp.fill("#items", "请补充被告李小红的身份证号码。")
    cp.click("#correct-btn")
    expect(cp.locator("#filing-status")).to_have_text("待补正")

    # 3. the lawyer reads the notice and corrects
    lp.goto(f"{base}/portal/")
    lp.click("text=王大明 诉 李小红")
    expect(lp.locator(".notice.warn")).to_contain_text("请补充被告李小红的身份证号码")
    lp.locator("#party-list .party-card").nth(1).locator("[data-f=id_number]").fill(valid_id(4))
    lp.click("#submit-filing")
    expect(lp.locator("#filing-status")).to_have_text("待审核")

    # 4. the clerk registers: number allocated, notices issued
    cp.reload()
    cp.select_option("#procedure", "civil_ordinary")
    cp.click("#register-btn")
    number = cp.locator("#case-number").inner_text().split()[0]
    assert re.fullmatch(r"（\d{4}）豫0222民初\d+号", number)
    case = Case.objects.get(number=number)
    # the clerk draws the judge at random among the civil division's judges (only one here)
    cp.click("#assign-random")
    expect(cp.locator("#trial-panel")).to_contain_text(judge.real_name)
    shoot(cp, "staff-case-page")

    # 5. the lawyer sees the number and the progress nodes
    lp.goto(f"{base}/portal/")
    expect(lp.locator("body")).to_contain_text(number)
    lp.get_by_role("link", name=number).click()
    expect(lp.locator("#case-number")).to_have_text(number)
    progress = lp.locator("#progress")
    for node in ("收到起诉材料", "立案", "确定审理程序", "核定诉讼费用", "确定审判组织"):
        expect(progress).to_contain_text(node)
    expect(lp.locator("#time-limit")).to_contain_text(str(case.limit_end.year))
    shoot(lp, "portal-case-progress-phone")

    # 6. the judge's workbench shows the case with its time limit
    jp = desktop.new_page()
    login_staff(jp, base, judge)
    row = jp.locator("tr", has_text=number)
    expect(row).to_contain_text(case.limit_end.strftime("%Y-%m-%d"))
    shoot(jp, "staff-workbench")


def test_portal_and_calculators_fit_a_phone(live_server, phone, shoot, db):
    page = phone.new_page()
    for path, name in (("/", "portal-home-phone"), ("/tools/fees/?kind=property&amount=150000", "tools-fees-phone")):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways on a 375 px phone ({width}px)"
        shoot(page, name)
