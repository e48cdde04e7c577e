"""诉前调解 in a browser, the two ways it ends (issue 12, "Done when"):

1. a filing diverted to pre-suit mediation, mediated online and judicially confirmed: the clerk offers
   mediation on the filing's review page, the plaintiff consents and chooses a mediator on the portal, the
   mediator signs, schedules an online session (a video room from the simulator) and puts a proposal, both
   parties accept it on the portal, the mediator records the agreement from it, the clerk makes it a
   诉前调确 application and registers it, and the judge confirms the agreement by ruling;
2. a failed mediation becomes a registered case with its materials: the papers shared in the room are in
   the case's e-file — except the concession marked under 特邀调解规定 第二十二条."""
import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from tests.browser.test_filing_journey import DEMO_PASSWORD, login_public, login_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def video(settings):
    """The video-conference simulator as a real local HTTP service."""
    from xiezhi.mediation import video_simulator

    server, url = video_simulator.start()
    settings.VIDEO_URL, settings.VIDEO_ADAPTER = url, ""
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def world(court, make_staff, make_public, pdf_bytes):
    from django.utils import timezone

    from xiezhi.courts.models import Cause
    from xiezhi.filing import services as fs
    from xiezhi.filing.selectors import cause_version_for
    from xiezhi.mediation.models import MediationOrganisation, Mediator, SuitableCauseList

    cause = Cause.objects.get(kind="civil", version=cause_version_for(timezone.localdate()), name="民间借贷纠纷")
    lst = SuitableCauseList.objects.create(court=court, version="2026-1", valid_from=date(2026, 1, 1))
    lst.causes.add(cause)
    org = MediationOrganisation.objects.create(court=court, name="通许县人民调解委员会驻法院工作室", kind="peoples")
    mediator = make_staff(["mediator"], "service", name="孙调解")
    Mediator.objects.create(user=mediator, court=court, organisation=org, enrolled_on=date(2025, 1, 1))
    plaintiff, defendant = make_public(), make_public()
    f = fs.new_draft(plaintiff, court)
    f = fs.save_draft(plaintiff, f, {"parties": [
        {"role": "plaintiff", "kind": "natural", "name": plaintiff.real_name, "id_number": plaintiff.id_number,
         "address": "河南省通许县城关镇", "phone": plaintiff.phone, "gender": "男", "ethnicity": "汉族"},
        {"role": "defendant", "kind": "natural", "name": defendant.real_name, "address": "河南省通许县玉皇庙镇",
         "phone": defendant.phone, "gender": "女", "ethnicity": "汉族"}],
        "claims": "1. 判令被告偿还借款本金10000元。", "facts": "被告向原告借款，到期未还。", "amount": "10000",
        "cause_id": cause.pk})
    fs.add_evidence(plaintiff, f, SimpleUploadedFile("借条.pdf", pdf_bytes, "application/pdf"), kind="evidence",
                    title="借条")
    return {"filing": fs.submit(plaintiff, f), "clerk": make_staff(["filing_judge"], "filing", name="林立安"),
            "judge": make_staff(["judge"], "civil", name="张正义"), "mediator": mediator,
            "plaintiff": plaintiff, "defendant": defendant}


def _divert_and_start(browser, desktop, phone, base, w):
    """Clerk offers mediation; the plaintiff consents and chooses the mediator; the mediator signs."""
    clerk = desktop.new_page()
    login_staff(clerk, base, w["clerk"])
    clerk.goto(f"{base}/staff/filings/{w['filing'].pk}/")
    clerk.click("text=建议诉前调解")
    expect(clerk).to_have_url(re.compile(r"/staff/mediation/\d+/$"))
    expect(clerk.locator("h1")).to_contain_text("民诉前调")

    party = phone.new_page()
    login_public(party, base, w["plaintiff"])
    party.goto(f"{base}/portal/mediation/")
    party.locator("a", has_text="民诉前调").first.click()
    party.click("#consent button[value=yes]")
    expect(party.locator("#med-state")).to_contain_text("同意调解")
    party.click("#choose button")
    expect(party.locator("#med-state")).to_contain_text("已委派调解员")

    med_ctx = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    med = med_ctx.new_page()
    med.goto(f"{base}/staff/login/")
    med.fill("#username", w["mediator"].username)
    med.fill("#password", DEMO_PASSWORD)
    # the mediator lands on 我的调解, not on the workbench
    med.click("button[type=submit]")
    expect(med).to_have_url(re.compile(r"/staff/mediation/mine/$"))
    med.locator("a", has_text="民诉前调").first.click()
    med.click("button:has-text('签收')")
    expect(med.locator("dl.facts")).to_contain_text("调解中")
    return clerk, party, med


def test_diverted_mediated_online_and_confirmed(live_server, browser, desktop, phone, world, video):
    from xiezhi.confirmation.models import ConfirmationApplication
    from xiezhi.mediation.models import PreSuitMediation

    base, w = live_server.url, world
    clerk, party, med = _divert_and_start(browser, desktop, phone, base, w)

    # the online room: a video session and a proposal
    when = (date.today() + timedelta(days=2)).isoformat() + "T09:30"
    med.fill("#room input[name=starts_at]", when)
    med.select_option("#room select[name=online]", "1")
    med.click("#room button:has-text('安排调解会议')")
    expect(med.locator("#room")).to_contain_text("进入视频会议室")
    med.fill("#room textarea[name=text]", "被告于2027年1月31日前偿还原告借款本金10000元，原告放弃利息。")
    med.click("#room button:has-text('提出调解方案')")
    expect(med.locator("#room")).to_contain_text("原告放弃利息")

    # each party sees their own video link and accepts the proposal on the portal
    party.reload()
    expect(party.locator("#room")).to_contain_text("原告放弃利息")
    expect(party.locator("#room a", has_text="视频")).to_have_count(1)
    party.click("#room button[value=accept]")
    other = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True,
                                locale="zh-CN").new_page()
    login_public(other, base, w["defendant"])
    other.goto(f"{base}/portal/mediation/")
    other.locator("a", has_text="民诉前调").first.click()
    other.click("#room button[value=accept]")

    # the mediator records the agreement from the accepted proposal
    med.reload()
    med.click("button:has-text('依此方案记录调解协议')")
    expect(med.locator("dl.facts")).to_contain_text("调解成功")
    m = PreSuitMediation.objects.get()
    assert m.state == "agreement" and "原告放弃利息" in m.result_note

    # 诉前调确: the clerk turns the agreement into a confirmation application and registers it
    clerk.goto(f"{base}/staff/mediation/{m.pk}/")
    clerk.click("#mediation-outcome a")  # choose the judge on the outcome page
    clerk.check("input[name=kind][value=confirmation]")
    clerk.click("#content form button.primary")
    expect(clerk.locator("body")).to_contain_text("司法确认")
    app = ConfirmationApplication.objects.get()
    if app.case_id is None:  # received: the clerk accepts it on its page
        clerk.goto(f"{base}/staff/confirmation/{app.pk}/")
        clerk.select_option("#accept select[name=judge]", str(w["judge"].pk))
        clerk.click("#accept button.primary")
    app.refresh_from_db()
    assert app.case is not None and "诉前调确" in app.case.number
    assert app.case.parties.count() >= 2  # the parties carried over, nobody typed them again

    # the judge confirms the agreement by ruling from the case page
    judge = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN").new_page()
    login_staff(judge, base, w["judge"])
    judge.goto(f"{base}/staff/cases/{app.case_id}/")
    panel = judge.locator("#confirmation-panel")
    panel.locator("textarea[name=reasoning]").fill("申请人达成的调解协议系双方真实意思表示，不违反法律规定。")
    panel.locator("button[value=confirmed]").click()
    expect(judge.locator("#confirmation-panel")).to_contain_text("确认")
    app.refresh_from_db()
    assert app.state == "confirmed"
    assert app.case.documents.filter(kind="ruling").exists()


def test_failed_mediation_becomes_a_registered_case_with_its_materials(
        live_server, browser, desktop, phone, world, pdf_bytes, tmp_path):
    from xiezhi.filing.models import FilingApplication

    base, w = live_server.url, world
    clerk, party, med = _divert_and_start(browser, desktop, phone, base, w)
    shared, concession = tmp_path / "还款记录.pdf", tmp_path / "让步方案.pdf"
    shared.write_bytes(pdf_bytes)
    concession.write_bytes(pdf_bytes + b"\n%concession\n")  # another file: the room keeps one copy of the same bytes
    room = med.locator("#room form[enctype]")
    room.locator("input[name=title]").fill("还款记录")
    room.locator("input[name=file]").set_input_files(str(shared))
    room.locator("button").click()
    room = med.locator("#room form[enctype]")
    room.locator("input[name=title]").fill("原告让步方案")
    room.locator("input[name=file]").set_input_files(str(concession))
    room.locator("input[name=concession]").check()
    room.locator("button").click()
    expect(med.locator("#room")).to_contain_text("不作为诉讼证据")
    failure = med.locator("form[action$='/failure/']")
    failure.locator("input[name=reason]").fill("双方分歧较大，被告拒绝还款")
    failure.locator("button").click()
    expect(med.locator("dl.facts")).to_contain_text("调解不成")

    # back in the clerk's queue as it was submitted: registered without typing anything again
    clerk.goto(f"{base}/staff/filings/{w['filing'].pk}/")
    clerk.select_option("#procedure", "civil_summary")
    clerk.click("#register-btn")
    expect(clerk).to_have_url(re.compile(r"/staff/cases/\d+/"))
    case = FilingApplication.objects.get(pk=w["filing"].pk).case
    assert case.claims.startswith("1. 判令被告偿还借款本金10000元")
    assert case.events.filter(code="pre_suit_mediation_failed").exists()
    expect(clerk.locator("body")).to_contain_text("调解不成")
    from xiezhi.dossier.models import Entry

    titles = set(Entry.objects.filter(dossier__case=case).values_list("title", flat=True))
    assert "还款记录" in titles and "借条" in titles, titles
    assert "原告让步方案" not in titles
