"""An enforcement case walked through a real Chromium, the way the 执行局 works it (issue 11 "Done when"):

the enforcement officer registers an application on an arbitration award (执行立案) → searches every
body on the network (网络查控: the simulator of the banks, registries and platforms runs as a local
HTTP service; the answers come in through the scheduled poll job) → freezes the bank deposit found
and deducts it, the money landing on the books → the reference
price of the debtor's car is fixed by network inquiry and the first online auction is planned within the
limits the page shows (网拍规定 第十条、第十二条、第十七条), announced, run and sold → the price comes in
on the books → the officer pays the applicant out of it → the books balance."""
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.conftest import DEMO_PASSWORD
from tests.enforcement.linkage_fixtures import DEBTOR_ID, run_until_settled, simulator  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAIT = 30_000


def login(page, base, user, lands_on):
    page.goto(f"{base}/staff/login/")
    page.fill("#username", user.username)
    page.fill("#password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(lands_on))


def _panel(page, selector):
    loc = page.locator(selector)
    expect(loc).to_be_visible(timeout=WAIT)
    return loc


def _open(page, summary: str):
    """The panels keep their forms folded in <details>: open the one named `summary`."""
    page.locator("summary", has_text=summary).first.click()


def _ok(page):
    expect(page.locator("ul.messages")).to_be_visible(timeout=WAIT)
    expect(page.locator("ul.errorlist")).to_have_count(0)


def register_on_arbitration_award(page, base, debtor_id: str) -> str:
    """执行立案 on an outside basis; returns the case page URL."""
    page.goto(f"{base}/staff/enforcement/new/?mode=outside")
    page.select_option("#basis_kind", "arbitration")
    page.fill("#document_no", "（2026）汴仲裁字第88号")
    page.fill("#issuing_body", "开封仲裁委员会")
    page.fill("#applicant_name", "河南通达建材有限公司")
    page.select_option("#applicant_kind", "legal")
    page.fill("#debtor_name", "王建国")
    page.fill("#debtor_id", debtor_id)
    page.fill("#effective_on", (timezone.localdate() - timedelta(days=40)).isoformat())
    page.fill("#amount", "80000")
    page.click("#intake-outside button")
    expect(page).to_have_url(re.compile(r"/staff/cases/\d+/$"))
    return page.url


def search_freeze_and_deduct(page) -> None:
    """查控: one click sends a search order to each body; the poll job brings the answers in."""
    _panel(page, "#linkage-search").locator("button").click()
    _ok(page)
    run_until_settled()  # the scheduled poll_linkage job, as often as the bodies need
    page.reload()
    row = _panel(page, "#linkage-assets tr:has-text('VIEW-DEPOSIT')")
    row.locator("input[name=amount]").fill("30000")
    row.get_by_role("button", name="冻结").click()
    _ok(page)
    run_until_settled()
    page.reload()
    row = _panel(page, "#linkage-assets tr:has-text('VIEW-DEPOSIT')")
    expect(row).to_contain_text("已冻结")
    row.locator("input[name=amount]").fill("30000")
    row.get_by_role("button", name="扣划").click()
    _ok(page)
    run_until_settled()
    page.reload()
    expect(_panel(page, "#linkage-assets tr:has-text('VIEW-DEPOSIT')")).to_contain_text("已扣划")
    expect(_panel(page, "#money-balance")).to_contain_text("30000")


def sell_the_car(page) -> None:
    """参考价 by network inquiry, round one planned at the page's minimums, announced, run and sold."""
    today = timezone.localdate()
    _panel(page, "#enforcement-disposal")
    _open(page, "确定处置参考价")
    form = _panel(page, "#valuation-form")
    form.locator("#val-desc").fill("被执行人名下小型轿车一辆")
    form.locator("#val-kind").select_option("movable")
    form.locator("#val-method").select_option("network")
    results = form.locator("input[name=results]")
    for n, price in enumerate(("60000", "62000", "64000")):
        results.nth(n).fill(price)
    form.locator("#val-on").fill((today - timedelta(days=30)).isoformat())
    form.locator("button").click()
    _ok(page)
    card = _panel(page, "#enforcement-disposal .card").first
    expect(card).to_contain_text("62000")
    # the limits the page shows before saving: opening ≥ 70 % of 62,000 (网拍规定 第十条)
    _open(page, "安排第一次拍卖")
    expect(card.locator("[id^=limits-]")).to_contain_text("43400")
    card.locator("input[name=platform]").fill("人民法院诉讼资产网")
    notice = today - timedelta(days=20)
    start = notice + timedelta(days=16)
    card.locator("input[name=notice_on]").fill(notice.isoformat())
    card.locator("input[name=starts_at]").fill(f"{start.isoformat()}T10:00")
    card.locator("input[name=ends_at]").fill(f"{(start + timedelta(days=1)).isoformat()}T10:00")
    card.locator("form[action$='auctions/add/'] button, form:has(input[name=platform]) button").first.click()
    _ok(page)
    row = _panel(page, "#enforcement-disposal tr[id^=auction-]")
    row.get_by_role("button", name="发布公告").click()
    _ok(page)
    _panel(page, "#enforcement-disposal tr[id^=auction-]").get_by_role("button", name="开始竞价").click()
    _ok(page)
    row = _panel(page, "#enforcement-disposal tr[id^=auction-]")
    row.locator("input[name=winning_bid]").fill("50000")
    row.locator("input[name=bidder_name]").fill("刘某某")
    row.locator("input[name=ended_on]").last.fill((start + timedelta(days=1)).isoformat())
    row.get_by_role("button", name="登记成交").click()
    _ok(page)
    _panel(page, "#enforcement-disposal tr[id^=auction-]").get_by_role("button", name="成交价款到账").click()
    _ok(page)
    expect(_panel(page, "#money-balance")).to_contain_text("80000")


def pay_the_applicant(page, amount: str) -> None:
    _open(page, "发放执行款")
    form = _panel(page, "#money-pay-out")
    value = form.locator("#payout-party option", has_text="河南通达建材有限公司").get_attribute("value")
    form.locator("#payout-party").select_option(value)
    form.locator("#payout-amount").fill(amount)
    form.locator("button").click()
    _ok(page)


def test_an_enforcement_case_from_application_to_money_paid_out(live_server, desktop, court, make_staff, simulator):  # noqa: F811
    from xiezhi.cases.models import Case
    from xiezhi.enforcement import selectors

    sim = simulator(max_delay=0)
    sim.add_asset(DEBTOR_ID, "icbc", identifier="VIEW-DEPOSIT-0001", value="30000.00")
    officer = make_staff(["enforcement"], "enforcement", name="执行员甲")
    base = live_server.url
    page = desktop.new_page()
    login(page, base, officer, r"/staff/enforcement/mine/$")
    url = register_on_arbitration_award(page, base, DEBTOR_ID)
    case = Case.objects.get(pk=int(url.rstrip("/").rsplit("/", 1)[1]))
    assert case.case_type.type_code == "执"

    search_freeze_and_deduct(page)
    sell_the_car(page)
    pay_the_applicant(page, "80000")
    balance = selectors.case_balance(case)
    assert (balance.received, balance.paid_out, balance.on_hand) == (Decimal("80000"), Decimal("80000"), Decimal("0"))
    expect(_panel(page, "#money-reconciled")).to_be_visible()
