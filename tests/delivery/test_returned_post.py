"""Recording the posting and the return of a letter from the case page (issue 9 §1.8):
a letter returned because the confirmed address was wrong or the recipient refused is deemed served
on the return date (最高人民法院关于以法院专递方式邮寄送达民事诉讼文书的若干规定 第十一条);
returned for another reason, the service failed and must be made another way."""
from django.test import Client
from django.utils import timezone

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.cases.models import CaseEvent
from xiezhi.delivery import services as ds
from xiezhi.delivery.models import ServiceRecord


def _postal(world):
    ds.confirm_addresses(world["clerk"], world["defendant"], consent_electronic=False,
                         postal_address="河南省通许县城关镇人民路1号")
    return ds.serve(world["clerk"], world["case"], title="应诉通知书", kind="response", file_bytes=world["pdf"],
                    filename="notice.pdf", parties=[world["defendant"]], methods=["postal"])[0]


def _clerk(world):
    c = Client()
    c.force_login(world["clerk"])
    return c


def test_the_case_page_offers_posting_and_return_for_a_letter(world):
    rec = _postal(world)
    html = _clerk(world).get(f"/staff/cases/{world['case'].pk}/panels/delivery/").content.decode()
    assert f"/delivery/records/{rec.pk}/posted/" in html and f"/delivery/records/{rec.pk}/returned/" in html
    assert "受送达人或其指定的代收人拒绝签收" in html


def test_a_refused_letter_is_served_on_its_return_date(world):
    """法院专递规定 第十一条: refused → deemed served the day the post office returned it."""
    rec = _postal(world)
    client = _clerk(world)
    posted = returned = timezone.localdate()  # the case was filed today
    r = client.post(f"/delivery/records/{rec.pk}/posted/", {"posted_on": posted.isoformat()})
    assert r.status_code == 302
    r = client.post(f"/delivery/records/{rec.pk}/returned/", {"returned_on": returned.isoformat(), "reason": "refused"})
    assert r.status_code == 302
    rec.refresh_from_db()
    assert rec.status == "served" and rec.served_on == returned
    codes = list(CaseEvent.objects.filter(case=world["case"]).values_list("code", flat=True))
    assert "document_posted" in codes and "document_served" in codes


def test_a_letter_returned_for_another_reason_is_a_failed_service(world):
    rec = _postal(world)
    r = _clerk(world).post(f"/delivery/records/{rec.pk}/returned/",
                           {"returned_on": timezone.localdate().isoformat(), "reason": "other"})
    assert r.status_code == 302
    rec.refresh_from_db()
    assert rec.status == "failed" and rec.served_on is None


def test_a_return_without_a_reason_or_date_changes_nothing(world):
    rec = _postal(world)
    client = _clerk(world)
    before = row_counts()
    for data in ({"returned_on": timezone.localdate().isoformat(), "reason": "lost"}, {"reason": "refused"},
                 {"returned_on": "2026-13-45", "reason": "refused"}):
        r = client.post(f"/delivery/records/{rec.pk}/returned/", data)
        assert r.status_code in (302, 400)  # back to the case page with the message, or the 400 page
    assert_nothing_changed(before, "bad return")
    assert ServiceRecord.objects.get(pk=rec.pk).status == rec.status
