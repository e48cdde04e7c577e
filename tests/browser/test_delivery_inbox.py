"""送达 in the browser: the clerk records the plaintiff's 送达地址确认书 and serves a filing
upload through the portal from the case page; the litigant finds it in 我的送达 on a phone and
downloads it, which records the read receipt."""
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from tests.browser.test_filing_journey import login_public, login_staff
from tests.helpers import complaint

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_serves_through_the_portal_and_the_litigant_reads_it(
        live_server, desktop, phone, court, make_staff, make_public, pdf_bytes, settings, shoot):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # no worker in this test: dispatch in the request
    from xiezhi.cases.services import assign_judge
    from xiezhi.delivery.models import ServiceRecord
    from xiezhi.filing import services as fs

    lit = make_public()
    filing_judge, judge, clerk = make_staff(["filing_judge"], "filing"), make_staff(["judge"]), make_staff(["clerk"])
    filing = fs.save_draft(lit, fs.new_draft(lit, court), complaint(plaintiff_name=lit.real_name,
                                                                   plaintiff_id=lit.id_number))
    fs.add_evidence(lit, filing, SimpleUploadedFile("起诉状.pdf", pdf_bytes, "application/pdf"), kind="complaint")
    fs.submit(lit, filing)
    case = fs.register(filing_judge, filing, procedure_code="civil_ordinary")
    assign_judge(filing_judge, case, judge)
    case.team.add(clerk)
    plaintiff = case.parties.get(role="plaintiff")
    base = live_server.url

    cp = desktop.new_page()
    login_staff(cp, base, clerk)
    cp.goto(f"{base}/staff/cases/{case.pk}/")
    cp.locator("#delivery summary", has_text="送达地址确认书").click()
    form = cp.locator(f'form[action$="/parties/{plaintiff.pk}/address/"]')
    form.locator('input[name="consent_electronic"]').check()
    form.locator('input[name="portal"]').check()
    form.locator("button").click()
    expect(cp.locator("ul.messages")).to_contain_text("已记录送达地址确认书")
    cp.click("#serve-link")
    cp.fill("#title", "起诉状副本")
    cp.select_option("#kind", "complaint_copy")
    cp.select_option("#upload", index=1)
    cp.check(f'input[name="parties"][value="{plaintiff.pk}"]')
    cp.check('input[name="methods"][value="portal"]')
    cp.click("#serve-btn")
    expect(cp).to_have_url(re.compile(rf"/staff/cases/{case.pk}/$"))
    expect(cp.locator("#service-matrix")).to_contain_text("已送达")
    shoot(cp, "staff-service-matrix")

    lp = phone.new_page()
    login_public(lp, base, lit)
    lp.goto(f"{base}/delivery/inbox/")
    expect(lp.locator("#inbox")).to_contain_text("起诉状副本")
    shoot(lp, "portal-inbox-phone")
    with lp.expect_download() as dl:
        lp.click("#inbox a.doc-link")
    assert open(dl.value.path(), "rb").read() == pdf_bytes
    rec = ServiceRecord.objects.get()
    assert rec.status == "served" and rec.read_at is not None
