"""Portal and counter pages through their forms, as a user posts them."""
import pytest

from tests.helpers import valid_id
from xiezhi.accounts.models import User
from xiezhi.filing.models import FilingApplication

pytestmark = pytest.mark.django_db


@pytest.fixture
def sms_code(settings):
    """The SMS simulator as the court's gateway; returns a function reading the last code sent to a number."""
    import re

    from django.core.cache import cache

    from xiezhi.delivery import sms_simulator

    cache.clear()
    server, gw, url = sms_simulator.start()
    settings.SMS_GATEWAY_URL = url
    yield lambda phone: re.search(r"验证码为 (\d{6})", [m["text"] for m in gw.messages.values()
                                                        if m["phone"] == phone][-1]).group(1)
    server.shutdown()
    server.server_close()


def test_register_verify_then_file(client, court, sms_code):
    client.post("/register/", {"phone": "13700000011", "send_code": "1"})
    resp = client.post("/register/", {"phone": "13700000011", "real_name": "赵新", "password": "Fayuan#2026x",
                                      "password2": "Fayuan#2026x", "code": sms_code("13700000011")})
    assert resp.status_code == 302 and resp["Location"] == "/portal/verify/"
    user = User.objects.get(phone="13700000011")
    assert user.kind == "public" and user.check_password("Fayuan#2026x") and not user.roles
    # filing before real-name verification is sent to verify (在线诉讼规则 第七条)
    resp = client.post("/portal/filings/new/")
    assert resp.status_code == 302 and "verify" in resp["Location"]
    resp = client.post("/portal/verify/", {"real_name": "赵新", "id_number": "410222198503150019"})
    assert resp.status_code == 400 and "身份证号码不正确" in resp.content.decode()
    resp = client.post("/portal/verify/", {"real_name": "赵新", "id_number": valid_id(5)})
    assert resp.status_code == 302
    resp = client.post("/portal/filings/new/")
    assert resp.status_code == 302 and FilingApplication.objects.filter(submitted_by=user).count() == 1


@pytest.mark.parametrize("data, message", [
    ({"phone": "12345", "real_name": "甲", "password": "Fayuan#2026x", "password2": "Fayuan#2026x"}, "11位手机号码"),
    ({"phone": "13700000012", "real_name": "甲", "password": "Fayuan#2026x", "password2": "other#2026x"}, "不一致"),
    ({"phone": "13700000013", "real_name": "甲", "password": "12345678", "password2": "12345678"}, "密码"),
    ({"phone": "13700000014", "real_name": "甲", "password": "Fayuan#2026x", "password2": "Fayuan#2026x",
      "is_lawyer": "on", "lawyer_licence": "123"}, "17位数字"),
])
def test_registration_errors_are_clear_and_keep_the_form(client, data, message):
    resp = client.post("/register/", data)
    assert resp.status_code == 200
    body = resp.content.decode()
    assert message in body and data["phone"] in body


def test_duplicate_phone_is_refused_without_saying_so(client, make_public):
    """No enumeration (security review F9): the number's owner is told by SMS, not the page."""
    u = make_public()
    resp = client.post("/register/", {"phone": u.phone, "real_name": "乙", "password": "Fayuan#2026x",
                                      "password2": "Fayuan#2026x", "code": "123456"})
    assert "验证码不正确或已失效" in resp.content.decode() and "已注册" not in resp.content.decode()
    assert User.objects.filter(phone=u.phone).count() == 1


def test_filing_form_post_keeps_what_was_typed_when_submission_fails(client, make_public, court):
    user = make_public()
    client.force_login(user)
    client.post("/portal/filings/new/")
    f = FilingApplication.objects.get(submitted_by=user)
    post = {"party_count": "2", "parties-0-role": "plaintiff", "parties-0-kind": "natural", "parties-0-name": "原告丙",
            "parties-0-id_number": valid_id(9), "parties-0-phone": "13912345678",
            "parties-1-role": "defendant", "parties-1-kind": "legal", "parties-1-name": "某某有限公司",
            "parties-1-address": "通许县", "claims": "返还货款", "facts": "", "amount": "12,000", "action": "submit"}
    resp = client.post(f"/portal/filings/{f.pk}/", post)
    assert resp.status_code == 400
    body = resp.content.decode()
    assert "请填写事实与理由" in body and "原告丙" in body and "某某有限公司" in body
    f.refresh_from_db()
    assert f.status == "draft" and f.amount == 12000 and f.data["parties"][1]["kind"] == "legal"


def test_autosave_endpoint_answers_json(client, make_public, court):
    user = make_public()
    client.force_login(user)
    client.post("/portal/filings/new/")
    f = FilingApplication.objects.get(submitted_by=user)
    url = f"/portal/filings/{f.pk}/autosave/"
    ok = client.post(url, {"revision": 0, "data": {"amount": "8000", "claims": "x"}}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["fee"]["fee"] == "50.00" and ok.json()["revision"] == 1
    bad = client.post(url, "not json", content_type="application/json")
    assert bad.status_code == 400 and "格式" in bad.json()["error"]
    stale = client.post(url, {"revision": 0, "data": {}}, content_type="application/json")
    assert stale.status_code == 409


def test_counter_filing_form_for_an_oral_complaint(client, make_staff, court):
    clerk = make_staff(["filing_judge"], "filing")
    client.force_login(clerk)
    post = {"channel": "oral", "oral_record": "当事人口述：被告欠款三万元未还。", "party_count": "2",
            "parties-0-role": "plaintiff", "parties-0-kind": "natural", "parties-0-name": "来访人丁",
            "parties-0-id_number": valid_id(11), "parties-0-phone": "13912345678",
            "parties-1-role": "defendant", "parties-1-kind": "natural", "parties-1-name": "戊",
            "parties-1-address": "通许县城关镇", "claims": "偿还欠款三万元", "facts": "", "amount": "30000"}
    resp = client.post("/staff/filings/new/", post)
    assert resp.status_code == 302
    f = FilingApplication.objects.get(submitted_by=clerk)
    assert f.channel == "oral" and f.status == "submitted" and "口述" in f.data["oral_record"]
    resp = client.post(f"/staff/filings/{f.pk}/decide/", {"action": "register", "procedure": "civil_small_claims"})
    f.refresh_from_db()
    assert f.case is not None and resp["Location"] == f"/staff/cases/{f.case.pk}/"
    assert f.case.fees.get().amount == 275  # 0.025×30000−200 = 550 (art. 13), halved for small claims (art. 16)
