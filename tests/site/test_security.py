"""Security defaults that tests elsewhere relax for speed."""
import importlib


def test_product_hashes_passwords_with_a_slow_hash(monkeypatch):
    monkeypatch.delenv("XIEZHI_FAST_HASHER", raising=False)
    import xiezhi.settings as s

    s = importlib.reload(s)
    assert s.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.PBKDF2PasswordHasher"


def test_pages_are_chinese_even_for_an_english_browser_until_the_user_switches(client, db):
    resp = client.get("/staff/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "法院工作人员登录" in resp.content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/staff/login/"})
    resp = client.get("/staff/login/")
    assert "法院工作人员登录" not in resp.content.decode()
    assert resp["Content-Language"] == "en"
