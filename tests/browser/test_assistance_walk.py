"""国家司法救助 walked through a real Chromium: the party applies on the portal, the filing judge
accepts and records the investigation and the panel's opinion, the approver is refused an amount above
the cap (the Chinese error names it) and approves one within it, the payment is recorded, and the party
sees 已发放."""
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_filing_journey import login_public, login_staff
from xiezhi.assistance.models import AssistanceApplication, WageBase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WAIT = 30_000


def test_assistance_from_portal_to_paid(live_server, desktop, court, make_staff, make_public):
    base = live_server.url
    WageBase.objects.create(province="豫", year=timezone.localdate().year - 1, monthly_wage="6000.00")
    lian = make_staff(["filing_judge"], "filing", name="立案法官")
    head = make_staff(["division_head"], "filing", name="立案庭庭长")
    party = make_public()
    page = desktop.new_page()

    login_public(page, base, party)
    page.click("#apply-assistance-home")
    page.select_option("select[name=origin_kind]", "criminal")
    page.select_option("select[name=category]", "1")
    page.fill("textarea[name=facts]", "被犯罪侵害致重伤，加害人无赔偿能力，生活困难。")
    page.fill("input[name=amount_asked]", "50000")
    page.fill("input[name=bank_account]", "6222 0000 1111 2222")
    page.click("#submit-assistance")
    expect(page.locator("#assistance-state")).to_have_text("已申请", timeout=WAIT)
    a = AssistanceApplication.objects.get()
    page.context.clear_cookies()

    login_staff(page, base, lian)
    page.goto(f"{base}/staff/assistance/")
    page.click(f"a[href='/staff/assistance/{a.pk}/']")
    page.click("#accept-form button")
    expect(page.locator("#assistance-clock")).to_be_visible(timeout=WAIT)
    page.fill("#investigate-form textarea", "走访核实：生活困难属实")
    page.click("#investigate-form button")
    page.fill("#review-form textarea", "合议庭意见：给予救助")
    page.click("#review-form button")
    expect(page.locator("#assistance-state")).to_have_text("已合议", timeout=WAIT)
    page.context.clear_cookies()

    login_staff(page, base, head)
    page.goto(f"{base}/staff/assistance/{a.pk}/")
    page.fill("#approve-form input[name=amount]", "300000")
    page.click("#approve-form button")
    expect(page.locator("ul.messages")).to_contain_text("216000.00", timeout=WAIT)
    page.fill("#approve-form input[name=amount]", "50000")
    page.click("#approve-form button")
    expect(page.locator("#assistance-state")).to_have_text("已批准", timeout=WAIT)
    page.context.clear_cookies()

    login_staff(page, base, lian)
    page.goto(f"{base}/staff/assistance/{a.pk}/")
    page.fill("#pay-form input[name=voucher]", "PZ-001")
    page.click("#pay-form button")
    expect(page.locator("#assistance-paid")).to_be_visible(timeout=WAIT)
    page.context.clear_cookies()

    login_public(page, base, party)
    page.goto(f"{base}/portal/assistance/")
    expect(page.locator("table")).to_contain_text("已发放", timeout=WAIT)
    expect(page).to_have_url(re.compile("/portal/assistance/$"))
