"""Issue 3, "a summary case converted to ordinary procedure keeps the right time limit", walked
in a real browser.

The rule (domain §3.1, counting rules: "Summary → ordinary: count from the original filing date
(民诉解释 Art. 258) ✅"; 民诉解释 第二百五十八条第三款 "案件转为普通程序审理的，审理期限自人民法院
立案之日计算"): after the conversion the ordinary 6 months (民事诉讼法 第一百五十二条) run from the
FILING date, not from the conversion, and the days already used stay used.

The case is filed on the 31st of a past month so that both limits hit month ends (民法典
第二百零二条: no corresponding day → the last day of the month), e.g. filed 10-31 → summary
limit 01-31, ordinary limit 04-30 (not 05-28, which would be six months from a conversion on 11-28)."""
import calendar
import re
from datetime import datetime, time, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_filing_journey import login_public, login_staff
from tests.helpers import complaint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]




def plus_months(d, n):
    """Independent of the law module: the corresponding day n months on, or the month's last day."""
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    return d.replace(year=y, month=m, day=min(d.day, calendar.monthrange(y, m)[1]))


def last_31st(on_or_before):
    d = on_or_before
    while d.day != 31:
        d -= timedelta(days=1)
    return d


def field(page, scope, label):
    """The <dd> after the <dt> reading `label` in a definition list."""
    return page.locator(f"{scope} dt", has_text=label).first.locator("xpath=following-sibling::dd[1]")


@pytest.fixture
def summary_case(court, make_staff, make_public, pdf_bytes):
    """A litigant files online; the filing clerk registers it under summary procedure and draws
    the judge at random — all on a past day (the clock is set back while the services run:
    a test cannot wait weeks, and the timeline is append-only)."""
    from datetime import timezone as dt_timezone
    from itertools import count
    from unittest import mock

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from xiezhi.filing import services as fs
    from xiezhi.trial import services as ts

    clerk = make_staff(["filing_judge"], "filing", name="林立安")
    judge = make_staff(["judge"], "civil", name="张正义")
    litigant = make_public()
    today = timezone.localdate()
    filed_on = last_31st(today - timedelta(days=20))  # 20–81 days ago: inside the 3-month summary limit
    start = timezone.make_aware(datetime.combine(filed_on, time(9, 0))).astimezone(dt_timezone.utc)
    ticks = count()
    with mock.patch("django.utils.timezone.now", lambda: start + timedelta(seconds=next(ticks))):
        data = complaint(plaintiff_name=litigant.real_name, plaintiff_id=litigant.id_number)
        data["parties"][0]["phone"] = litigant.phone
        filing = fs.new_draft(litigant, court)
        fs.save_draft(litigant, filing, data)
        fs.add_evidence(litigant, filing, SimpleUploadedFile("借条.pdf", pdf_bytes, content_type="application/pdf"),
                        title="借条")
        fs.submit(litigant, filing)
        case = fs.register(clerk, filing, procedure_code="civil_summary")
        ts.assign_random(clerk, case)
    case.refresh_from_db()
    assert case.filed_on == filed_on
    assert case.procedure.limit_code == "civil_summary" and case.judge_id == judge.pk
    return {"case": case, "judge": judge, "clerk": clerk, "litigant": litigant, "filed_on": filed_on, "today": today}


def test_judge_converts_summary_case_to_ordinary_and_the_limit_still_runs_from_filing(
        live_server, desktop, phone, summary_case, shoot):
    from xiezhi.cases.models import Case
    from xiezhi.courts import refcache
    from xiezhi.law.timelimits import compute_time_limit

    base = live_server.url
    case, judge, litigant = summary_case["case"], summary_case["judge"], summary_case["litigant"]
    filed_on, today = summary_case["filed_on"], summary_case["today"]
    days_used = (today - filed_on).days

    # what the law module says, and the same figures worked out independently
    summary = compute_time_limit("civil_summary", filed_on, today=today)
    ordinary = compute_time_limit("civil_summary", filed_on, converted=[(today, "civil_ordinary")], today=today)
    assert summary.limit_end == plus_months(filed_on, 3)  # 民事诉讼法 第一百六十四条
    assert ordinary.limit_end == plus_months(filed_on, 6)  # 第一百五十二条 + 民诉解释 第二百五十八条第三款
    assert ordinary.limit_end != plus_months(today, 6)  # not six months from the conversion
    assert summary.days_used == ordinary.days_used == days_used
    summary_end, ordinary_end = summary.limit_end.strftime("%Y-%m-%d"), ordinary.limit_end.strftime("%Y-%m-%d")
    summary_name, ordinary_name = refcache.procedure("civil_summary").name, refcache.procedure("civil_ordinary").name

    # 1. the assigned judge logs in and opens the case: summary procedure, 3 months from filing
    jp = desktop.new_page()
    jp.on("dialog", lambda d: d.accept())  # the "确定裁定转为普通程序？" confirmation
    login_staff(jp, base, judge)
    expect(jp.locator("tr", has_text=case.number)).to_contain_text(summary_end)  # the workbench row
    jp.goto(f"{base}/staff/cases/{case.pk}/")
    expect(field(jp, "", "立案日期")).to_have_text(filed_on.strftime("%Y-%m-%d"))
    expect(field(jp, "", "审理程序")).to_have_text(summary_name)
    deadline = jp.locator("#deadline")
    expect(jp.locator("#limit-end")).to_have_text(summary_end)
    expect(field(jp, "#deadline", "已用天数")).to_have_text(f"{days_used} 天")
    expect(deadline).to_contain_text("民事诉讼法 第一百六十四条")

    # the conversion form says what the limit will be before the judge rules
    trial = jp.locator("#trial-panel")
    trial.locator("#convert summary").click()
    expect(jp.locator("#convert-limit-end")).to_have_text(ordinary_end)
    expect(jp.locator("#convert-preview")).to_contain_text(filed_on.strftime("%Y-%m-%d"))
    expect(jp.locator("#convert-preview")).to_contain_text(f"{days_used} 天")
    shoot(jp, "staff-trial-conversion-form")

    # 2. no reason → nothing happens: the browser refuses an empty field, the server a blank one
    jp.click("#convert-btn")
    assert jp.eval_on_selector("#convert-reason", "el => el.validity.valueMissing")
    expect(jp).to_have_url(re.compile(rf"/staff/cases/{case.pk}/$"))
    jp.fill("#convert-reason", "   ")
    jp.click("#convert-btn")
    expect(jp.locator(".messages")).to_contain_text("程序转换须载明理由。")
    expect(jp.locator("#limit-end")).to_have_text(summary_end)
    expect(field(jp, "", "审理程序")).to_have_text(summary_name)
    expect(jp.locator("#timeline")).not_to_contain_text("程序转换")
    case.refresh_from_db()
    assert case.procedure.limit_code == "civil_summary" and case.limit_end == summary.limit_end
    assert not case.events.filter(code="procedure_converted").exists()
    shoot(jp, "staff-trial-conversion-no-reason")

    # 3. with a reason: converted by the judge's ruling (no approval step: 民诉解释 第二百五十八条)
    jp.locator("#trial-panel #convert summary").click()
    jp.fill("#convert-reason", "被告下落不明需公告送达，案情复杂")
    jp.click("#convert-btn")
    expect(jp.locator(".messages")).to_contain_text("已转换审理程序。")
    expect(field(jp, "", "审理程序")).to_have_text(ordinary_name)
    expect(jp.locator("#limit-end")).to_have_text(ordinary_end)
    expect(field(jp, "#deadline", "已用天数")).to_have_text(f"{days_used} 天")
    expect(field(jp, "#deadline", "剩余天数")).to_have_text(f"{(ordinary.limit_end - today).days} 天")
    expect(deadline).to_contain_text("民事诉讼法 第一百五十二条")
    expect(deadline).to_contain_text("民诉解释 第二百五十八条")
    node = jp.locator("#timeline tr", has_text="程序转换")
    expect(node).to_have_count(1)
    expect(node).to_contain_text(f"转为{ordinary_name}（被告下落不明需公告送达，案情复杂）")
    expect(node).to_contain_text(judge.real_name)
    expect(node).to_contain_text("✓")  # shown to the parties
    expect(jp.locator("#trial-panel")).to_be_visible()
    expect(jp.locator("#convert")).to_have_count(0)  # an ordinary case is not converted again
    shoot(jp, "staff-trial-converted")

    case = Case.objects.select_related("procedure").get(pk=case.pk)
    assert case.procedure.limit_code == "civil_ordinary"
    assert case.filed_on == filed_on and case.limit_end == ordinary.limit_end
    ev = case.events.get(code="procedure_converted")
    assert ev.actor_id == judge.pk and ev.payload["on"] == today.isoformat()

    # the workbench list shows the new limit too
    jp.goto(f"{base}/staff/")
    expect(jp.locator("tr", has_text=case.number)).to_contain_text(ordinary_end)

    # 4. the party, on a phone, sees the new procedure, the conversion node and the limit
    lp = phone.new_page()
    login_public(lp, base, litigant)
    lp.get_by_role("link", name=case.number).click()
    expect(lp.locator("#case-number")).to_have_text(case.number)
    expect(field(lp, "", "审理程序")).to_have_text(ordinary_name)
    expect(lp.locator("#time-limit")).to_contain_text(f"届满日 {ordinary_end}")
    expect(lp.locator("#time-limit")).to_contain_text(f"已用 {days_used} 天")
    expect(lp.locator("#progress")).to_contain_text(f"程序转换：转为{ordinary_name}（被告下落不明需公告送达，案情复杂）")
    width = lp.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the portal case page scrolls sideways on a 375 px phone ({width}px)"
    shoot(lp, "portal-case-converted-phone")
