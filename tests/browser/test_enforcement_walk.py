"""An enforcement case walked through a real Chromium, the way the 执行局 works it (issue 11 "Done when"):

1. the enforcement officer registers an application on an arbitration award (执行立案) → searches every
body on the network (网络查控: the simulator of the banks, registries and platforms runs as a local
HTTP service; the answers come in through the scheduled poll job) → freezes the bank deposit found
and deducts it, the money landing on the books → the reference
price of the debtor's car is fixed by network inquiry and the first online auction is planned within the
limits the page shows (网拍规定 第十条、第十二条、第十七条), announced, run and sold → the price comes in
on the books → the officer pays the applicant out of it → the books balance and the case closes as 执行完毕.

2. a case whose debtor has nothing: the search finds nothing; 终本 is refused while a condition of
终本规定 第一条 is missing, naming it; with it recorded the case ends in 终本 with its re-searches
scheduled; the daily job re-searches it (nothing, the applicant told), the simulator then reports a
new asset, and the next run resumes the case as 执恢."""
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

    _panel(page, "#close-paid").locator("button").click()
    _ok(page)
    expect(_panel(page, "#closing-done")).to_contain_text("执行完毕")
    case.refresh_from_db()
    assert case.enforcement.stage == "closed" and case.closed_on == timezone.localdate()


def test_a_zhongben_case_is_re_searched_by_the_job_and_resumes_on_a_new_asset(
        live_server, desktop, court, make_staff, make_public, simulator, settings):  # noqa: F811
    import json
    import urllib.request

    from tests.enforcement.closing_fixtures import NO_ASSETS_ID
    from xiezhi.cases.models import Case, Notification
    from xiezhi.documents import services as documents
    from xiezhi.enforcement import closing, credit, intake
    from xiezhi.enforcement.models_closing import RescanDue

    simulator(max_delay=0)
    officer = make_staff(["enforcement"], "enforcement", name="执行员乙")
    applicant_user = make_public()
    today = timezone.localdate()
    case = intake.open_from_outside_basis(
        officer, court, "notarial", "（2026）豫汴通证字第7号", "河南省通许县公证处", today - timedelta(days=200),
        [{"role": "enf_applicant", "name": applicant_user.real_name, "kind": "natural",
          "id_number": applicant_user.id_number},
         {"role": "judgment_debtor", "name": "李无财", "kind": "natural", "id_number": NO_ASSETS_ID}],
        amount=Decimal("60000"), applied_on=today - timedelta(days=120), key="walk-zhongben")
    Case.objects.filter(pk=case.pk).update(filed_on=today - timedelta(days=120))  # filed four months ago
    case.parties.filter(role="enf_applicant").update(user=applicant_user)  # the applicant has a portal account
    case.refresh_from_db()
    debtor = case.parties.get(role="judgment_debtor")
    for kind in ("enf_notice", "property_report_order"):  # 第一项: notice and report order sent
        documents.generate(officer, case, kind, extra_context={"basis": "（2026）豫汴通证字第7号公证债权文书"})
    credit.restrict(officer, case, debtor)  # 第二项: consumption restricted

    base = live_server.url
    page = desktop.new_page()
    login(page, base, officer, r"/staff/enforcement/mine/$")
    page.goto(f"{base}/staff/cases/{case.pk}/")
    _panel(page, "#linkage-search").locator("button").click()  # 第三项: the network search
    _ok(page)
    run_until_settled()
    page.reload()
    missing = _panel(page, "#zhongben-conditions").locator("li[data-ok='0']")
    expect(missing).to_have_count(1)  # the report's handling is not on record yet
    item = re.search(r"第[一二三四五]项", missing.inner_text()).group(0)
    _panel(page, "#close-zhongben").locator("button").click()
    expect(page.locator("ul.messages")).to_contain_text(f"终本规定 第一条{item}")
    assert Case.objects.get(pk=case.pk).enforcement.stage != "closed"
    fact = _panel(page, "#enforcement-closing form[action$='closing/fact/']")
    fact.locator("select[name=kind]").select_option("report_recorded")
    fact.locator("input[name=note]").fill("被执行人逾期未报告财产，已记录入卷")
    fact.locator("button").click()
    _ok(page)
    expect(_panel(page, "#zhongben-conditions").locator("li[data-ok='0']")).to_have_count(0)
    _panel(page, "#close-zhongben").locator("input[name=reason]").fill("穷尽财产调查措施，未发现可供执行的财产")
    _panel(page, "#close-zhongben").locator("button").click()
    _ok(page)
    expect(_panel(page, "#closing-done")).to_contain_text("终结本次执行程序")
    expect(_panel(page, "#closing-rescans").locator("tbody tr")).to_have_count(10)  # every 6 months for 5 years

    # the daily job, on the first re-search's day: nothing found, the applicant told
    RescanDue.objects.filter(case=case, seq=1).update(due_on=today)
    closing.run_due_rescans()
    run_until_settled()
    closing.run_due_rescans()
    assert RescanDue.objects.get(case=case, seq=1).result == "nothing"
    assert Notification.objects.filter(user=applicant_user, case=case, kind="zhongben_rescan").count() == 1

    # the debtor inherits a deposit; at the next re-search the simulator reports it and the case resumes
    req = urllib.request.Request(settings.LINKAGE_URL.rstrip("/") + "/world/assets", method="POST", data=json.dumps(
        {"id_number": NO_ASSETS_ID, "body": "ccb", "value": "52000.00"}).encode(),
        headers={"Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=10).close()
    RescanDue.objects.filter(case=case, seq=2).update(due_on=today)
    closing.run_due_rescans()
    run_until_settled()
    closing.run_due_rescans()
    second = RescanDue.objects.get(case=case, seq=2)
    assert second.result == "found" and second.resumed_case_id, list(RescanDue.objects.filter(case=case).values())[:3]
    page.reload()
    link = _panel(page, "#closing-rescans").locator("a[href*='/staff/cases/']")
    expect(link.first).to_be_visible()
    link.first.click()
    expect(page).to_have_url(re.compile(r"/staff/cases/\d+/$"))
    resumed = Case.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    assert resumed.case_type.type_code == "执恢" and resumed.pk != case.pk
    expect(_panel(page, "#enforcement-intake")).to_contain_text("（2026）豫汴通证字第7号")
