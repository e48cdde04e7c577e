"""Nothing typed is ever lost (issue 9 §3), in a real Chromium: the online filing form and the
hearing-record (笔录) editor are typed into, the page is killed mid-typing (closed without waiting
for any save), reopened, and every character is there; two tabs that both edit see both versions
and keep either; the 笔录 is saved by Ctrl+S and a quick 定稿 keeps the last word typed."""
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_filing_journey import login_public, login_staff
from tests.helpers import complaint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# typed key by key with no pause; the last characters are typed a moment before the kill
FACTS = "被告于2025年3月1日向原告借款人民币伍万元整，约定同年9月1日归还，到期后经多次催要仍未归还。"
RECORD = "审判长：现在开庭。原告陈述诉讼请求，被告答辩；双方对借条真实性无异议，最后一字是「结」"


def eventually(check, timeout=10.0):
    """The server's copy, read until it has what the browser shows (saves travel after the keystroke)."""
    import time

    end = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > end:
            return value
        time.sleep(0.2)


def _new_filing(page, base):
    page.goto(f"{base}/portal/")
    page.click("#new-filing")
    expect(page).to_have_url(re.compile(r"/portal/filings/\d+/$"))
    return page.url


def test_filing_form_keeps_every_character_when_the_page_is_killed(live_server, browser, court, make_public):
    from xiezhi.filing.models import FilingApplication

    base = live_server.url
    user = make_public()
    ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    try:
        page = ctx.new_page()
        login_public(page, base, user)
        url = _new_filing(page, base)
        page.locator("#claims-text").press_sequentially("判令被告偿还借款五万元")
        page.locator("#facts-text").press_sequentially(FACTS)
        page.close()  # killed mid-typing: no wait for the autosave, no beforeunload
        again = ctx.new_page()
        again.goto(url)
        expect(again.locator("#facts-text")).to_have_value(FACTS)
        expect(again.locator("#claims-text")).to_have_value("判令被告偿还借款五万元")
        # and the court's copy has it too (sent as the page went away, or right after reopening)
        assert eventually(lambda: FilingApplication.objects.get(submitted_by=user).data["facts"] == FACTS)

        # a whole browser context killed mid-typing (its storage gone with it): the copy the page
        # sent as it went away is on the server
        more = FACTS + "补充：被告曾于2025年10月出具还款承诺书。"
        again.locator("#facts-text").fill(FACTS)
        again.locator("#facts-text").press_sequentially("补充：被告曾于2025年10月出具还款承诺书。")
    finally:
        ctx.close()
    ctx2 = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    try:
        page = ctx2.new_page()
        login_public(page, base, user)
        page.goto(url)
        expect(page.locator("#facts-text")).to_have_value(more)
    finally:
        ctx2.close()


def test_filing_form_conflict_between_two_tabs_shows_both_and_keeps_either(live_server, desktop, court, make_public):
    from xiezhi.filing.models import FilingApplication

    base = live_server.url
    user = make_public()
    a = desktop.new_page()
    login_public(a, base, user)
    url = _new_filing(a, base)
    b = desktop.new_page()
    b.goto(url)
    a.locator("#claims-text").press_sequentially("甲窗口写的诉讼请求")
    expect(a.locator("#savestate")).to_contain_text("草稿已自动保存", timeout=10000)
    b.locator("#claims-text").press_sequentially("乙窗口写的诉讼请求")
    box = b.locator("#draft-conflict")
    expect(box).to_be_visible(timeout=10000)
    expect(box.locator("[data-mine]")).to_contain_text("乙窗口写的诉讼请求")
    expect(box.locator("[data-theirs]")).to_contain_text("甲窗口写的诉讼请求")
    b.click("#keep-mine")
    expect(box).to_be_hidden()
    expect(b.locator("#savestate")).to_contain_text("草稿已自动保存", timeout=10000)
    assert FilingApplication.objects.get(submitted_by=user).data["claims"] == "乙窗口写的诉讼请求"

    # now tab A is the stale one: it keeps the other version this time
    a.locator("#facts-text").press_sequentially("甲窗口补充的事实")
    box_a = a.locator("#draft-conflict")
    expect(box_a).to_be_visible(timeout=10000)
    expect(box_a.locator("[data-theirs]")).to_contain_text("乙窗口写的诉讼请求")
    a.click("#keep-theirs")
    expect(a.locator("#claims-text")).to_have_value("乙窗口写的诉讼请求")
    a.reload()
    expect(a.locator("#claims-text")).to_have_value("乙窗口写的诉讼请求")
    expect(a.locator("#draft-conflict")).to_be_hidden()


@pytest.fixture
def hearing(court, make_staff, make_public):
    from xiezhi.cases.services import assign_judge
    from xiezhi.courts.models import Courtroom
    from xiezhi.filing import services as fs
    from xiezhi.hearings import services as hs

    filer = make_staff(["filing_judge"], "filing")
    judge = make_staff(["judge"], name="王法官")
    clerk = make_staff(["clerk"], name="赵书记员")
    lit = make_public()
    case = fs.register(filer, fs.counter_filing(filer, court, complaint(plaintiff_name=lit.real_name,
                                                                        plaintiff_id=lit.id_number)),
                       procedure_code="civil_ordinary")
    assign_judge(filer, case, judge)
    case.team.add(clerk)
    room = Courtroom.objects.get_or_create(court=court, name="第一审判庭", defaults={"location": "二楼"})[0]
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=3)
    h = hs.schedule_hearing(judge, case, room, start, start + timedelta(hours=1), clerk=clerk)
    return h, clerk


def test_hearing_record_keeps_every_character_when_the_page_is_killed(live_server, desktop, hearing):
    from xiezhi.hearings.models import Transcript

    h, clerk = hearing
    base = live_server.url
    page = desktop.new_page()
    login_staff(page, base, clerk)
    url = f"{base}/staff/hearings/{h.pk}/record/"
    page.goto(url)
    page.locator("#record-lines textarea").first.press_sequentially(RECORD)
    page.close()  # killed mid-typing
    again = desktop.new_page()
    again.goto(url)
    expect(again.locator("#record-lines textarea").first).to_have_value(RECORD)
    assert eventually(lambda: (Transcript.objects.get(hearing=h).lines or [{}])[0].get("text") == RECORD)

    # Ctrl+S saves at once
    again.locator("#add-line").click()
    again.locator("#record-lines textarea").nth(1).press_sequentially("原告：坚持诉请")
    again.keyboard.press("Control+s")
    expect(again.locator("#savestate")).to_contain_text("已自动保存", timeout=10000)
    assert Transcript.objects.get(hearing=h).lines[1]["text"] == "原告：坚持诉请"

    # a quick 定稿 right after the last keystroke keeps that keystroke
    again.locator("#record-lines textarea").nth(1).press_sequentially("。被告：同意调解")
    again.once("dialog", lambda d: d.accept())
    again.locator("#finalise-form button").click()
    expect(again.locator(".badge.ok")).to_contain_text("已定稿", timeout=10000)
    tr = Transcript.objects.get(hearing=h)
    assert tr.status == "final" and tr.lines[1]["text"] == "原告：坚持诉请。被告：同意调解"


def test_hearing_record_conflict_between_two_tabs_shows_both(live_server, desktop, hearing):
    from xiezhi.hearings.models import Transcript

    h, clerk = hearing
    base = live_server.url
    a = desktop.new_page()
    login_staff(a, base, clerk)
    url = f"{base}/staff/hearings/{h.pk}/record/"
    a.goto(url)
    b = desktop.new_page()
    b.goto(url)
    a.locator("#record-lines textarea").first.press_sequentially("甲窗口的记录")
    a.keyboard.press("Control+s")
    expect(a.locator("#savestate")).to_contain_text("已自动保存", timeout=10000)
    b.locator("#record-lines textarea").first.press_sequentially("乙窗口的记录")
    b.keyboard.press("Control+s")
    box = b.locator("#draft-conflict")
    expect(box).to_be_visible(timeout=10000)
    expect(box.locator("[data-mine]")).to_contain_text("乙窗口的记录")
    expect(box.locator("[data-theirs]")).to_contain_text("甲窗口的记录")
    b.click("#keep-mine")
    expect(b.locator("#savestate")).to_contain_text("已自动保存", timeout=10000)
    assert Transcript.objects.get(hearing=h).lines[0]["text"] == "乙窗口的记录"
