"""诉访分离 walked through a real Chromium (issue 12 items 7–8): the filing judge registers a complaint
about a case whose judgment has taken effect, sorts it as 诉 → 申请再审; the retrial application (民申)
appears in the filing queue of the court above (民事诉讼法 第二百一十条) with the case carried over, and the
complaint shows "已转入再审申请"."""
import re

import pytest
from playwright.sync_api import expect

from tests.complaints.conftest import judged, staff, upper_lian  # noqa: F401 (fixtures)
from tests.conftest import DEMO_PASSWORD
from xiezhi.complaints.models import Complaint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAIT = 30_000


def login(page, base, user):
    page.goto(f"{base}/staff/login/")
    page.fill("#username", user.username)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/staff/"))


def test_a_complaint_becomes_a_retrial_application_at_the_court_above(live_server, desktop, judged,  # noqa: F811
                                                                      staff, upper_lian):  # noqa: F811
    base = live_server.url
    page = desktop.new_page()
    login(page, base, staff["lian"])
    page.goto(f"{base}/staff/complaints/")
    page.click("#complaint-new")
    page.select_option("#c-channel", "visit")
    page.fill("#c-name", "被告乙")
    page.fill("#c-contact", "13900000000")
    page.fill("#c-case", judged.number)
    page.fill("#c-request", "判决认定事实错误，申请再审。")
    page.click("#complaint-form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/staff/complaints/\d+/$"), timeout=WAIT)
    page.select_option("#r-remedy", "retrial")
    page.click("#route-litigation button[type=submit]")
    expect(page.locator("#complaint-state")).to_have_text("已转入再审申请", timeout=WAIT)
    expect(page.locator("#complaint-filing")).to_contain_text("民申")
    comp = Complaint.objects.get()
    assert comp.filing.court == judged.court.parent

    upper = desktop.new_page()
    desktop.clear_cookies()
    login(upper, base, upper_lian)
    upper.goto(f"{base}/staff/filings/")
    link = upper.locator(f"a[href='/staff/filings/{comp.filing_id}/']")
    expect(link.first).to_be_visible(timeout=WAIT)
    link.first.click()
    expect(upper.locator("body")).to_contain_text(judged.number, timeout=WAIT)
