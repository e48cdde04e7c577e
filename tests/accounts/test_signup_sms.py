"""The portal sign-up confirms the phone number with a one-time SMS code through the court's SMS
adapter (here its local simulator, a real HTTP gateway), and no longer tells a stranger whether
a number is registered (security review F9)."""
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from xiezhi.accounts.models import PhoneCode, User

pytestmark = pytest.mark.django_db

PASSWORD = "Fayuan#2026x"


@pytest.fixture(autouse=True)
def sms(settings):
    from xiezhi.delivery import sms_simulator

    cache.clear()
    server, gw, url = sms_simulator.start()
    settings.SMS_GATEWAY_URL, settings.SMS_ADAPTER = url, ""
    yield gw
    server.shutdown()
    server.server_close()
    cache.clear()


def _texts(gw, phone):
    return [m["text"] for m in gw.messages.values() if m["phone"] == phone]


def _code(gw, phone):
    return re.search(r"验证码为 (\d{6})", _texts(gw, phone)[-1]).group(1)


def _form(phone, code, **more):
    return {"phone": phone, "code": code, "real_name": "赵新", "password": PASSWORD, "password2": PASSWORD, **more}


def test_sign_up_needs_the_code_sent_to_the_phone(sms):
    c = Client()
    r = c.post("/register/", _form("13700000011", ""))
    assert "请填写短信验证码" in r.content.decode() and not User.objects.filter(phone="13700000011").exists()
    r = c.post("/register/", {"phone": "13700000011", "real_name": "赵新", "send_code": "1"})
    assert r.status_code == 200 and "验证码已发送至 13700000011" in r.content.decode()
    code = _code(sms, "13700000011")
    assert not PhoneCode.objects.filter(code_hash__contains=code).exists()  # only a hash is kept
    wrong = "000000" if code != "000000" else "111111"
    r = c.post("/register/", _form("13700000011", wrong))
    assert "验证码不正确或已失效" in r.content.decode() and not User.objects.filter(phone="13700000011").exists()
    r = c.post("/register/", _form("13700000011", code))
    assert r.status_code == 302 and r["Location"] == "/portal/verify/"
    assert User.objects.get(phone="13700000011").check_password(PASSWORD)
    # the code is used up
    c2 = Client()
    assert c2.post("/register/", _form("13700000011", code)).status_code == 200


def test_five_wrong_tries_kill_the_code_and_it_expires(sms):
    c = Client()
    c.post("/register/", {"phone": "13700000012", "send_code": "1"})
    code = _code(sms, "13700000012")
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        c.post("/register/", _form("13700000012", wrong))
    r = c.post("/register/", _form("13700000012", code))
    assert "验证码不正确或已失效" in r.content.decode() and not User.objects.filter(phone="13700000012").exists()
    # a fresh code, left 11 minutes, is dead too
    cache.clear()
    c.post("/register/", {"phone": "13700000012", "send_code": "1"})
    code = _code(sms, "13700000012")
    PhoneCode.objects.filter(phone="13700000012", used_at__isnull=True).update(
        expires_at=timezone.now() - timedelta(minutes=1))
    assert c.post("/register/", _form("13700000012", code)).status_code == 200
    assert not User.objects.filter(phone="13700000012").exists()


def test_sending_is_rate_limited(sms):
    c = Client()
    assert c.post("/register/", {"phone": "13700000013", "send_code": "1"}).status_code == 200
    r = c.post("/register/", {"phone": "13700000013", "send_code": "1"})
    assert r.status_code == 429 and "1分钟后再试" in r.content.decode()
    assert len(_texts(sms, "13700000013")) == 1
    for i in range(12):  # one address asking for many numbers
        c.post("/register/", {"phone": f"1370000010{i % 10}" if i < 10 else f"137000002{i}", "send_code": "1"})
    assert c.post("/register/", {"phone": "13700000099", "send_code": "1"}).status_code == 429


def test_a_stranger_cannot_tell_whether_a_number_is_registered(sms, make_public):
    owner = make_public()
    c = Client()
    answers = []
    for phone in (owner.phone, "13700000014"):
        r = c.post("/register/", {"phone": phone, "send_code": "1"})
        answers.append((r.status_code, r.content.decode().replace(phone, "PHONE")))
        r = c.post("/register/", _form(phone, "123456"))
        answers.append((r.status_code, r.content.decode().replace(phone, "PHONE")))

    def strip(body):  # the CSRF token differs between pages
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)

    assert [(s, strip(b)) for s, b in answers[:2]] == [(s, strip(b)) for s, b in answers[2:]]
    assert "已注册" not in "".join(b for _s, b in answers)
    # the owner's phone is told, with no code in it
    text = _texts(sms, owner.phone)[-1]
    assert "已注册" in text and not re.search(r"\d{6}", text)
    assert User.objects.filter(phone=owner.phone).count() == 1
