"""The production profile served as `make serve` serves it (scripts/serve.sh: nginx ends TLS and
proxies to gunicorn), on this test's PostgreSQL and Redis: a judge logs in through https with
Debian's Chromium, lands on the workbench and submits a POST form (the CSRF origin check passes
behind the proxy), and the audit log and the login limit see each client's own address, never
nginx's.

Before the trusted-proxy settings this failed at the first page (Chromium: too many redirects,
the app saw http for ever) or, with XIEZHI_SSL_REDIRECT=0, at the first POST (403 CSRF)."""
import re

import pytest
from django.db import connection
from playwright.sync_api import expect

from bench.stack import Client, Stack, database_url
from tests.conftest import DEMO_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 3  # XIEZHI_LOGIN_ATTEMPTS for this stack


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    import os

    if connection.vendor != "postgresql" or not os.environ.get("XIEZHI_REDIS_URL"):
        pytest.skip("needs PostgreSQL and Redis (scripts/with-services.sh)")
    with django_db_blocker.unblock():
        db_url = database_url(connection.settings_dict)  # the test database, as pytest-django named it
    s = Stack(tmp_path_factory.mktemp("serve"), db_url, os.environ["XIEZHI_REDIS_URL"], gunicorn_workers=2,
              env={"XIEZHI_LOGIN_ATTEMPTS": str(ATTEMPTS), "XIEZHI_NGINX_WORKERS": "1"})
    s.start()
    yield s
    s.stop()


@pytest.fixture
def judge(make_staff, settings):
    # the stack checks passwords with the product's hasher, not the suite's fast one
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    return make_staff(["judge"], "civil", name="承办法官代理")


def test_a_judge_logs_in_through_nginx_and_posts_a_form(stack, browser, judge, shoot):
    from xiezhi.audit.models import AuditEntry
    from xiezhi.cases.models import Notification

    note = Notification.objects.create(user=judge, text="测试提醒：请查看新分配的案件")
    # Chromium connects from 127.0.0.1, a trusted proxy address in this stack: it plays a client
    # behind an upstream load balancer that reported 203.0.113.7.
    ctx = browser.new_context(ignore_https_errors=True, locale="zh-CN", viewport={"width": 1366, "height": 900},
                              extra_http_headers={"X-Forwarded-For": "203.0.113.7"})
    try:
        page = ctx.new_page()
        resp = page.goto(f"{stack.base_url}/staff/login/")
        assert resp.status == 200 and page.url.startswith("https://")
        page.fill("#username", judge.username)
        page.fill("#password", DEMO_PASSWORD)
        page.click("button[type=submit]")
        expect(page).to_have_url(re.compile(r"^https://.*/staff/$"))
        expect(page.locator("h1")).to_contain_text("我的工作台")
        cookies = {c["name"]: c for c in ctx.cookies()}
        assert cookies["sessionid"]["secure"] and cookies["csrftoken"]["secure"]
        # a POST form with its CSRF token: the https Origin matches the trusted origin
        page.click("text=全部标为已读")
        expect(page).to_have_url(re.compile(r"/staff/$"))
        note.refresh_from_db()
        assert note.read_at is not None
        shoot(page, "serve-workbench-through-nginx")
    finally:
        ctx.close()
    login = AuditEntry.objects.filter(user=judge, action="login").latest("pk")
    assert login.ip == "203.0.113.7"


def test_the_login_limit_and_the_audit_log_see_each_client_not_nginx(stack, judge):
    from xiezhi.audit.models import AuditEntry

    # a client that connects from 127.0.0.2 (not a proxy) and lies in X-Forwarded-For: nginx
    # appends 127.0.0.2, and that is the address the app records — not the lie, not nginx's 127.0.0.1
    liar = Client(stack.base_url, source="127.0.0.2", forwarded_for="198.51.100.2")
    assert liar.login(judge.username, "wrong").status == 400
    failed = AuditEntry.objects.filter(action="login_failed", detail__endswith=f":{judge.username}").latest("pk")
    assert failed.ip == "127.0.0.2"

    # behind a trusted upstream, two clients are limited separately
    attacker = Client(stack.base_url, forwarded_for="198.51.100.66")
    for _ in range(ATTEMPTS):
        assert attacker.login(judge.username, "wrong").status == 400
    locked = attacker.login(judge.username, DEMO_PASSWORD)
    assert "登录失败次数过多" in locked.text
    judge_client = Client(stack.base_url, forwarded_for="198.51.100.20")
    resp = judge_client.login(judge.username, DEMO_PASSWORD)
    assert resp.status == 302 and resp.headers["Location"] == "/staff/"
    assert judge_client.get("/staff/").status == 200
    ips = set(AuditEntry.objects.filter(detail__endswith=f":{judge.username}", action="login_failed")
              .values_list("ip", flat=True))
    assert ips == {"127.0.0.2", "198.51.100.66"}
    assert AuditEntry.objects.filter(user=judge, action="login").latest("pk").ip == "198.51.100.20"
