"""A clerk who opens a page that does not exist, or one her role may not use, stays in the staff
layout with her menu, and can go on from there (issue 9 §4). The screenshot is
docs/screenshots/staff-error-page.png (XIEZHI_SCREENSHOTS=docs/screenshots)."""
import pytest
from playwright.sync_api import expect

from tests.browser.test_filing_journey import login_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_on_a_missing_or_refused_page_keeps_her_menu(live_server, desktop, court, make_staff, shoot):
    clerk = make_staff(["clerk"], name="赵书记")
    page = desktop.new_page()
    login_staff(page, live_server.url, clerk)
    resp = page.goto(f"{live_server.url}/staff/cases/999999/")
    assert resp.status == 404
    expect(page.locator("h1")).to_have_text("页面不存在")
    menu = page.locator("nav.sidenav")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="庭审日历")).to_be_visible()
    expect(menu.get_by_role("link", name="卷宗全文检索")).to_be_visible()
    shoot(page, "staff-error-page")
    # the audit log is not the clerk's: refused, still in her layout, and the menu leads on
    resp = page.goto(f"{live_server.url}/staff/audit/")
    assert resp.status == 403
    expect(page.locator("h1")).to_have_text("无权访问")
    page.get_by_role("link", name="返回我的工作台").click()
    expect(page).to_have_url(f"{live_server.url}/staff/")
