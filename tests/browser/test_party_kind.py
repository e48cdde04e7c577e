"""A party card asks for what its kind has (issue 10 §2): a natural person's 工作单位和职务或者职业;
a legal person's 法定代表人, an unincorporated organisation's 主要负责人 (民事诉讼法 第五十一条第二款),
with the 职务. Changing the kind changes the fields; the draft keeps what was typed."""
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_filing_journey import login_public

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_party_card_follows_the_kind_of_party(live_server, desktop, court, make_public):
    from xiezhi.filing.models import FilingApplication

    user = make_public()
    page = desktop.new_page()
    login_public(page, live_server.url, user)
    page.click("#new-filing")
    expect(page).to_have_url(re.compile(r"/portal/filings/\d+/$"))
    # the plaintiff (a natural person): occupation, no representative
    expect(page.locator("#p0-occupation")).to_be_visible()
    expect(page.locator("#p0-legal_representative")).to_be_hidden()
    page.locator("#p0-occupation").fill("个体工商户")
    # the defendant becomes a bank branch: 主要负责人 and 职务, no occupation
    page.select_option("#p1-kind", "organisation")
    expect(page.locator("label[for=p1-legal_representative]")).to_have_text("主要负责人")
    expect(page.locator("#p1-occupation")).to_be_hidden()
    page.locator("#p1-name").fill("河南中原农商银行股份有限公司通许支行")
    page.locator("#p1-legal_representative").fill("汤红霞")
    page.locator("#p1-representative_title").fill("该支行行长")
    # … or a company: 法定代表人
    page.select_option("#p1-kind", "legal")
    expect(page.locator("label[for=p1-legal_representative]")).to_have_text("法定代表人")
    page.select_option("#p1-kind", "organisation")
    # the message may still be the one of the save before the last change: wait for the last change itself
    for _ in range(50):
        f = FilingApplication.objects.get(submitted_by=user)
        saved = (f.data.get("parties") or [{}, {}])[1]
        if saved.get("kind") == "organisation" and saved.get("representative_title"):
            break
        page.wait_for_timeout(200)
    expect(page.locator("#savestate")).to_contain_text("草稿已自动保存", timeout=10000)
    assert f.data["parties"][0]["occupation"] == "个体工商户"
    assert (f.data["parties"][1]["kind"], f.data["parties"][1]["representative_title"]) == ("organisation", "该支行行长")
    # reloaded, the card shows the branch's fields again
    page.reload()
    expect(page.locator("label[for=p1-legal_representative]")).to_have_text("主要负责人")
    expect(page.locator("#p1-representative_title")).to_have_value("该支行行长")
    expect(page.locator("#p1-occupation")).to_be_hidden()
