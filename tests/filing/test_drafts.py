"""Nothing typed is lost (issue 9 §3) on the server side of the online filing form: autosave is
idempotent and revision-checked, malformed input is a 400 with a Chinese sentence (never a 500),
a conflict answers with the saved version, and the filer may delete a draft or withdraw a filing."""
import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from tests.helpers import complaint
from xiezhi.filing import services as fs
from xiezhi.filing.models import FilingApplication, FilingStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def litigant(make_public):
    return make_public()


@pytest.fixture
def draft(litigant, court):
    return fs.new_draft(litigant, court)


def post(user, url, body, content_type="application/json"):
    c = Client()
    c.force_login(user)
    return c.post(url, body if isinstance(body, (str, bytes)) else json.dumps(body), content_type=content_type)


def test_a_litigants_draft_is_prefilled_from_the_account(litigant, draft):
    p = draft.data["parties"][0]
    assert (p["role"], p["name"], p["id_number"], p["phone"]) == \
        ("plaintiff", litigant.real_name, litigant.id_number, litigant.phone)


def test_the_form_shows_the_account_holder_as_plaintiff(litigant, draft):
    c = Client()
    c.force_login(litigant)
    html = c.get(f"/portal/filings/{draft.pk}/").content.decode()
    assert f'value="{litigant.id_number}"' in html and f'value="{litigant.phone}"' in html


@pytest.mark.parametrize("body", [
    b"[]", b'"x"', b"null", b"not json", b"\xff\xfe",
    b'{"data": {}, "revision": 1e309}', b'{"data": {}, "revision": NaN}', b'{"data": {}, "revision": -1}',
    b'{"data": {}, "revision": 1.5}', b'{"data": {}, "revision": true}', b'{"data": {}, "revision": "0"}',
    b'{"data": {}, "revision": 99999999999999999999}', b'{"data": {}, "seq": 1e400}',
    b'{"data": [], "revision": 0}', b'{"data": "x", "revision": 0}', b'{"data": {}, "editor": 5}',
    b'{"data": {"amount": "NaN"}, "revision": 0}', b'{"data": {"amount": "sNaN"}, "revision": 0}',
    b'{"data": {"amount": "-Infinity"}, "revision": 0}', b'{"data": {"amount": NaN}, "revision": 0}',
    b'{"data": {"amount": "1e999999"}, "revision": 0}', b'{"data": {"amount": "abc"}, "revision": 0}',
])
def test_malformed_autosave_is_a_400_with_a_chinese_message(litigant, draft, body):
    before = FilingApplication.objects.get(pk=draft.pk)
    r = post(litigant, f"/portal/filings/{draft.pk}/autosave/", body)
    assert r.status_code == 400, (body, r.status_code)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in r.json()["error"])
    after = FilingApplication.objects.get(pk=draft.pk)
    assert (after.draft_revision, after.data) == (before.draft_revision, before.data)


def test_a_bad_amount_is_named_beside_its_field(litigant, draft):
    r = post(litigant, f"/portal/filings/{draft.pk}/autosave/", {"revision": 0, "data": {"amount": "十五万"}})
    assert r.status_code == 400 and "标的额" in r.json()["fields"]["amount"]


def test_odd_shapes_inside_the_data_do_not_break_the_save(litigant, draft):
    r = post(litigant, f"/portal/filings/{draft.pk}/autosave/",
             {"revision": 0, "data": {"parties": 5, "claims": {"a": 1}, "cause_id": "x"}})
    assert r.status_code == 200


def test_a_retried_save_is_applied_once(litigant, draft):
    url = f"/portal/filings/{draft.pk}/autosave/"
    body = {"revision": 0, "editor": "tab-a", "seq": 1, "data": complaint()}
    first, again = post(litigant, url, body), post(litigant, url, body)
    assert first.status_code == again.status_code == 200
    assert first.json()["revision"] == again.json()["revision"] == 1


def test_a_tab_that_saves_again_before_the_answer_is_not_a_conflict(litigant, draft):
    """The pagehide flush leaves while the previous save is still on its way: both name base 0."""
    url = f"/portal/filings/{draft.pk}/autosave/"
    d1, d2 = complaint(), complaint()
    d2["facts"] += "最后一秒输入的字"
    assert post(litigant, url, {"revision": 0, "editor": "tab-a", "seq": 1, "data": d1}).status_code == 200
    assert post(litigant, url, {"revision": 0, "editor": "tab-a", "seq": 2, "data": d2}).status_code == 200
    # the first save arriving late again changes nothing
    assert post(litigant, url, {"revision": 0, "editor": "tab-a", "seq": 1, "data": d1}).status_code == 200
    draft.refresh_from_db()
    assert draft.data["facts"].endswith("最后一秒输入的字") and draft.draft_revision == 2


def test_a_beacon_sent_when_the_page_closes_is_saved(litigant, draft):
    """navigator.sendBeacon cannot set the CSRF header: it posts a form with the token and the JSON."""
    c = Client(enforce_csrf_checks=True)
    c.force_login(litigant)
    c.get(f"/portal/filings/{draft.pk}/")
    token = c.cookies["csrftoken"].value
    payload = json.dumps({"revision": 0, "editor": "tab-a", "seq": 1, "data": {"claims": "关页前的最后一句"}})
    r = c.post(f"/portal/filings/{draft.pk}/autosave/", {"csrfmiddlewaretoken": token, "payload": payload})
    assert r.status_code == 200
    draft.refresh_from_db()
    assert draft.data["claims"] == "关页前的最后一句"


def test_another_tab_gets_a_conflict_with_the_saved_version(litigant, draft):
    url = f"/portal/filings/{draft.pk}/autosave/"
    assert post(litigant, url, {"revision": 0, "editor": "A", "seq": 1, "data": {"claims": "甲窗口"}}).status_code == 200
    r = post(litigant, url, {"revision": 0, "editor": "B", "seq": 1, "data": {"claims": "乙窗口"}})
    assert r.status_code == 409 and r.json()["conflict"] is True
    assert r.json()["data"]["claims"] == "甲窗口" and r.json()["revision"] == 1
    # keeping mine: saved again on the revision just shown
    assert post(litigant, url, {"revision": 1, "editor": "B", "seq": 2, "data": {"claims": "乙窗口"}}).status_code == 200
    draft.refresh_from_db()
    assert draft.data["claims"] == "乙窗口"


def test_a_plain_form_post_from_a_stale_page_keeps_what_was_typed_and_shows_both(litigant, draft):
    fs.save_draft(litigant, draft, {"claims": "另一窗口保存的请求"}, revision=0)
    c = Client()
    c.force_login(litigant)
    r = c.post(f"/portal/filings/{draft.pk}/", {"revision": "0", "party_count": "0", "claims": "本页输入的请求",
                                               "facts": "", "amount": "", "action": "save"})
    assert r.status_code == 409
    html = r.content.decode()
    assert "本页输入的请求" in html and "另一窗口保存的请求" in html and 'id="conflict-data"' in html


def test_errors_are_shown_beside_their_fields_after_a_failed_submission(litigant, draft):
    c = Client()
    c.force_login(litigant)
    r = c.post(f"/portal/filings/{draft.pk}/", {
        "party_count": "2", "parties-0-role": "plaintiff", "parties-0-kind": "natural", "parties-0-name": "原告",
        "parties-0-phone": "123", "parties-1-role": "defendant", "parties-1-kind": "natural", "parties-1-name": "被告",
        "claims": "", "facts": "x", "amount": "", "action": "submit"})
    assert r.status_code == 400
    html = r.content.decode()
    # the phone error sits in the plaintiff's phone field, the claims error under the claims box
    phone_field = html.split('id="p0-phone"', 1)[1].split("</div>", 1)[0]
    assert "有效手机号码" in phone_field
    claims_field = html.split('id="err-claims"', 1)[1].split("</p>", 1)[0]
    assert "请填写诉讼请求" in claims_field


def test_the_owner_deletes_a_draft_but_nobody_else_can(litigant, draft, make_public):
    stranger = make_public()
    c = Client()
    c.force_login(stranger)
    assert c.post(f"/portal/filings/{draft.pk}/delete/").status_code == 404
    assert FilingApplication.objects.filter(pk=draft.pk).exists()
    c.force_login(litigant)
    assert c.post(f"/portal/filings/{draft.pk}/delete/").status_code == 302
    assert not FilingApplication.objects.filter(pk=draft.pk).exists()


def test_a_submitted_filing_is_withdrawn_not_deleted_and_the_history_keeps_it(litigant, draft, pdf_bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    f = fs.save_draft(litigant, draft, complaint(plaintiff_name=litigant.real_name, plaintiff_id=litigant.id_number))
    fs.add_evidence(litigant, f, SimpleUploadedFile("借条.pdf", pdf_bytes, "application/pdf"))
    f = fs.submit(litigant, f)
    with pytest.raises(ValidationError, match="只能撤回"):
        fs.delete_draft(litigant, f)
    c = Client()
    c.force_login(litigant)
    assert c.post(f"/portal/filings/{f.pk}/delete/").status_code == 302
    assert FilingApplication.objects.get(pk=f.pk).status == FilingStatus.SUBMITTED
    c.post(f"/portal/filings/{f.pk}/withdraw/", {"reason": "已与被告和解"})
    c.post(f"/portal/filings/{f.pk}/withdraw/")  # twice: one withdrawal
    f.refresh_from_db()
    assert f.status == FilingStatus.WITHDRAWN and f.review_due_on is None
    ev = f.events.filter(code="withdrawn")
    assert ev.count() == 1 and ev.get().payload["reason"] == "已与被告和解" and ev.get().actor == litigant


def test_cause_of_action_is_found_by_its_pinyin_initials(litigant, draft):
    from xiezhi.filing.pinyin import initials

    assert initials("民间借贷纠纷") == "mjjdjf"
    c = Client()
    c.force_login(litigant)
    html = c.get(f"/portal/filings/{draft.pk}/").content.decode()
    assert 'data-py="mjjdjf">民间借贷纠纷</option>' in html
