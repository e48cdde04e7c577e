"""The online filing form on a phone (390×844), as a litigant meets it (issue 9 §4): prefilled from
the account, every field labelled, the cause of action found by its pinyin initials, errors beside
their fields, sections that fold, and a draft the owner can delete after confirming.
Its picture is docs/screenshots/phone-filing-form.png (XIEZHI_SCREENSHOTS=docs/screenshots)."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_filing_journey import login_public

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNLABELLED = """() => Array.from(document.querySelectorAll(
    '#filing-form input:not([type=hidden]), #filing-form select, #filing-form textarea, #evidence input, #evidence select'))
  .filter(el => el.offsetParent !== null || el.closest('details:not([open])'))
  .filter(el => !(el.labels && el.labels.length) || !el.id || !document.querySelector('label[for="' + el.id + '"]'))
  .map(el => el.name || el.id || el.outerHTML.slice(0, 80))"""


def test_the_phone_filing_form(live_server, browser, court, make_public, shoot):
    from xiezhi.filing.models import FilingApplication

    user = make_public()
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                              device_scale_factor=2, locale="zh-CN")
    try:
        page = ctx.new_page()
        base = live_server.url
        login_public(page, base, user)
        page.click("#new-filing")
        expect(page).to_have_url(re.compile(r"/portal/filings/\d+/$"))

        # prefilled from the account: the litigant is the first plaintiff
        expect(page.locator("#p0-name")).to_have_value(user.real_name)
        expect(page.locator("#p0-phone")).to_have_value(user.phone)
        expect(page.locator("#p0-id_number")).to_have_value(user.id_number)
        expect(page.locator("#p0-role")).to_have_value("plaintiff")

        # every field has its <label for>, also those of a party added on the page
        page.click("[data-add-party=third_party]")
        assert page.evaluate(UNLABELLED) == []

        # the page fits the phone: nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        # the cause of action found by its pinyin initials
        page.locator("#cause-search").press_sequentially("mjjd")
        hit = page.locator("#cause-results .cause-hit", has_text="民间借贷纠纷")
        expect(hit).to_be_visible()
        hit.click()
        expect(page.locator("#cause_id option:checked")).to_have_text("民间借贷纠纷")
        page.locator("#cause-search").press_sequentially("借贷")
        expect(page.locator("#cause-results")).to_contain_text("民间借贷纠纷")
        page.locator("#cause-search").fill("")

        page.locator("#p1-name").fill("被告乙")
        page.locator("#amount").fill("50000")
        page.locator("#facts-text").press_sequentially("被告借款五万元到期未还。")
        expect(page.locator("#savestate")).to_contain_text("草稿已自动保存", timeout=10000)
        filing = FilingApplication.objects.get(submitted_by=user)
        assert filing.cause.name == "民间借贷纠纷"

        # a bad amount is named beside the amount field as it is typed
        page.locator("#amount").fill("五万")
        expect(page.locator("#err-amount")).to_be_visible(timeout=10000)
        expect(page.locator("#err-amount")).to_contain_text("标的额")
        page.locator("#amount").fill("50000")
        expect(page.locator("#err-amount")).to_be_hidden(timeout=10000)

        # submitting an incomplete complaint: each error beside its field
        page.locator("#p2-name").fill("第三人丙")
        page.click("#submit-filing")
        expect(page.locator("#err-claims")).to_contain_text("请填写诉讼请求")
        expect(page.locator("#p1-address").locator("xpath=..")).to_contain_text("请填写被告 被告乙 的住所")
        expect(page.locator("#evidence .field-error")).to_contain_text("请至少上传一份起诉材料")

        # sections fold
        facts = page.locator("details#facts")
        page.locator("details#facts > summary").click()
        expect(facts).not_to_have_attribute("open", "")
        expect(page.locator("#facts-text")).to_be_hidden()
        page.locator("details#facts > summary").click()
        expect(page.locator("#facts-text")).to_be_visible()

        page.evaluate("window.scrollTo(0, 0)")
        shoot(page, "phone-filing-form")

        # the owner deletes the draft, after confirming
        dialogs = []
        page.once("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.click("#delete-draft")
        assert dialogs and "删除" in dialogs[0]
        assert FilingApplication.objects.filter(pk=filing.pk).exists()
        page.once("dialog", lambda d: d.accept())
        page.click("#delete-draft")
        expect(page).to_have_url(re.compile(r"/portal/$"))
        expect(page.locator(".messages")).to_contain_text("草稿已删除")
        assert not FilingApplication.objects.filter(pk=filing.pk).exists()
    finally:
        ctx.close()
