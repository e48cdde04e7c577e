"""Trusted-proxy handling (xiezhi.site.proxy and the block at the end of settings.py): the client's
address and scheme come from X-Forwarded-* only when the immediate peer is a trusted proxy."""
import os
import subprocess
import sys

import pytest
from django.test import Client

from tests.conftest import DEMO_PASSWORD
from xiezhi.site.proxy import client_address

NGINX = "127.0.0.1"
PROXIED = {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": "127.0.0.1:8443"}
BEHIND_NGINX = {"TRUSTED_PROXIES": [NGINX, "::1"], "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}


# -- the address rule ---------------------------------------------------------------------

@pytest.mark.parametrize("peer, xff, proxies, expected", [
    # no proxy configured: the header is never believed
    ("127.0.0.1", "203.0.113.7", [], "127.0.0.1"),
    # a client that reaches gunicorn itself cannot choose its address
    ("198.51.100.9", "203.0.113.7", ["127.0.0.1"], "198.51.100.9"),
    # nginx appended the address it saw
    ("127.0.0.1", "203.0.113.7", ["127.0.0.1"], "203.0.113.7"),
    # a spoofed entry stays left of the hop nginx appended: the rightmost untrusted hop wins
    ("127.0.0.1", "10.9.9.9, 203.0.113.7", ["127.0.0.1"], "203.0.113.7"),
    # a chain of trusted hops (load balancer 10.0.0.2 → nginx), CIDR notation
    ("127.0.0.1", "1.1.1.1, 203.0.113.7, 10.0.0.2", ["127.0.0.1", "10.0.0.0/8"], "203.0.113.7"),
    # every hop trusted: the leftmost is the client
    ("127.0.0.1", "10.0.0.5, 10.0.0.6", ["127.0.0.1", "10.0.0.0/8"], "10.0.0.5"),
    # a malformed hop ends the walk at the last trusted one
    ("127.0.0.1", "203.0.113.7, not-an-ip", ["127.0.0.1"], "127.0.0.1"),
    # no header at all from the proxy
    ("127.0.0.1", "", ["127.0.0.1"], "127.0.0.1"),
    # IPv6, ports and IPv4-mapped peers
    ("::1", "2001:db8::7", ["::1"], "2001:db8::7"),
    ("127.0.0.1", "[2001:db8::7]:4431", ["127.0.0.1"], "2001:db8::7"),
    ("127.0.0.1", "203.0.113.7:52311", ["127.0.0.1"], "203.0.113.7"),
    ("::ffff:127.0.0.1", "203.0.113.7", ["127.0.0.1"], "203.0.113.7"),
])
def test_client_address(peer, xff, proxies, expected):
    assert client_address(peer, xff, proxies) == expected


# -- through Django: audit log, login limit, HTTPS redirect, CSRF ------------------------

def _failed_login(client, username, **meta):
    return client.post("/staff/login/", {"username": username, "password": "wrong"}, **meta)


def test_audit_log_records_the_client_behind_a_trusted_proxy(make_staff, settings):
    from xiezhi.audit.models import AuditEntry

    for k, v in BEHIND_NGINX.items():
        setattr(settings, k, v)
    judge = make_staff(["judge"])
    _failed_login(Client(), judge.username, **PROXIED, HTTP_X_FORWARDED_FOR="203.0.113.7")
    # the same header from a peer that is not a proxy is a lie and is ignored
    _failed_login(Client(), judge.username, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="203.0.113.8")
    ips = list(AuditEntry.objects.filter(action="login_failed", detail__endswith=judge.username)
               .order_by("pk").values_list("ip", flat=True))
    assert ips == ["203.0.113.7", "198.51.100.9"]


@pytest.mark.parametrize("trusted", [True, False])
def test_login_limit_counts_each_client_behind_the_proxy(make_staff, settings, trusted):
    settings.LOGIN_RATE_LIMIT = (3, 300)
    if trusted:
        for k, v in BEHIND_NGINX.items():
            setattr(settings, k, v)
    else:
        settings.TRUSTED_PROXIES = []
    judge = make_staff(["judge"])
    attacker = {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(3):
        assert _failed_login(Client(), judge.username, **attacker).status_code == 400
    judge_client = Client()
    resp = judge_client.post("/staff/login/", {"username": judge.username, "password": DEMO_PASSWORD},
                             REMOTE_ADDR=NGINX, HTTP_X_FORWARDED_FOR="198.51.100.20")
    if trusted:  # the judge at another address is not locked out by the attacker
        assert resp.status_code == 302
        assert "_auth_user_id" in judge_client.session
    else:  # without the setting every client is nginx: one attacker locks everybody out
        assert "登录失败次数过多" in resp.content.decode()


def test_https_redirect_believes_only_the_trusted_proxy(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    # before: no proxy settings, every request through nginx looks like http → redirected for ever
    settings.TRUSTED_PROXIES = []
    settings.SECURE_PROXY_SSL_HEADER = None
    assert Client().get("/staff/login/", **PROXIED).status_code == 301
    for k, v in BEHIND_NGINX.items():
        setattr(settings, k, v)
    assert Client().get("/staff/login/", **PROXIED).status_code == 200
    # a direct client claiming https is still sent to https
    resp = Client().get("/staff/login/", **{**PROXIED, "REMOTE_ADDR": "198.51.100.9"})
    assert resp.status_code == 301 and resp["Location"].startswith("https://")


def _csrf_login(judge):
    c = Client(enforce_csrf_checks=True)
    c.get("/staff/login/", **PROXIED)
    token = c.cookies["csrftoken"].value
    return c, c.post("/staff/login/", {"username": judge.username, "password": DEMO_PASSWORD,
                                       "csrfmiddlewaretoken": token},
                     **PROXIED, HTTP_ORIGIN="https://127.0.0.1:8443", HTTP_X_FORWARDED_FOR="203.0.113.7")


def test_post_passes_the_csrf_origin_check_behind_the_proxy(make_staff, settings):
    judge = make_staff(["judge"])
    settings.TRUSTED_PROXIES = []
    settings.SECURE_PROXY_SSL_HEADER = None
    _c, resp = _csrf_login(judge)
    assert resp.status_code == 403  # before: the https Origin does not match an http request
    for k, v in BEHIND_NGINX.items():
        setattr(settings, k, v)
    c, resp = _csrf_login(judge)
    assert resp.status_code == 302 and resp["Location"] == "/staff/"
    assert "_auth_user_id" in c.session


def _settings_with(env: dict) -> dict:
    code = ("import json, xiezhi.settings as s; print(json.dumps({'origins': s.CSRF_TRUSTED_ORIGINS "
            "if hasattr(s, 'CSRF_TRUSTED_ORIGINS') else None, 'ssl_header': getattr(s, 'SECURE_PROXY_SSL_HEADER', None), "
            "'first_middleware': s.MIDDLEWARE[0]}))")
    base = {k: v for k, v in os.environ.items() if not k.startswith("XIEZHI_")}
    out = subprocess.run([sys.executable, "-c", code], env={**base, **env}, capture_output=True, text=True, check=True)
    import json

    return json.loads(out.stdout)


def test_settings_derive_the_trusted_origins_from_the_allowed_hosts():
    s = _settings_with({"XIEZHI_TRUSTED_PROXIES": "127.0.0.1", "XIEZHI_PUBLIC_PORT": "8443",
                        "XIEZHI_ALLOWED_HOSTS": "court.example,.example.org"})
    assert s["origins"] == ["https://court.example:8443", "https://*.example.org:8443"]
    assert s["ssl_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert s["first_middleware"] == "xiezhi.site.proxy.TrustedProxyMiddleware"
    s = _settings_with({"XIEZHI_TRUSTED_PROXIES": "127.0.0.1", "XIEZHI_ALLOWED_HOSTS": "court.example"})
    assert s["origins"] == ["https://court.example"]  # 443 is not written
    s = _settings_with({"XIEZHI_ALLOWED_HOSTS": "court.example"})
    assert s["ssl_header"] is None and not s["origins"]  # no proxy configured: nothing is believed
