"""Every sign-in door is guarded and every refusal leaves a trace (security review F5–F7, F10):
the admin login is throttled and audited like the staff login; the lock is per account and
client address with a growing delay (one guesser cannot lock a judge out everywhere); staff
sessions end after a working day without activity."""
import pytest
from django.core.cache import cache
from django.test import Client

from tests.conftest import DEMO_PASSWORD
from xiezhi.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def admin_user(court):
    from xiezhi.accounts.models import User

    return User.objects.create_superuser(username="root", password=DEMO_PASSWORD, kind="staff", court=court,
                                         real_name="系统管理员")


def _admin_post(client, username, password, addr="10.0.0.1"):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password,
                                                      "next": "/admin/"}, REMOTE_ADDR=addr)


def test_admin_login_is_throttled_and_audited(admin_user, settings):
    settings.LOGIN_RATE_LIMIT = (3, 300)
    c = Client()
    for _ in range(3):
        r = _admin_post(c, "root", "wrong")
        assert r.status_code == 200 and "_auth_user_id" not in c.session
    r = _admin_post(c, "root", DEMO_PASSWORD)  # the right password, during the lock
    assert r.status_code == 200 and "_auth_user_id" not in c.session
    assert "登录失败次数过多" in r.content.decode()
    failed = AuditEntry.objects.filter(action="login_failed", account="root", user=admin_user)
    assert failed.count() == 4 and failed.filter(detail="admin:locked:root").count() == 1
    assert all(f.path == "/admin/login/" and f.ip == "10.0.0.1" for f in failed)
    # another address is not locked, and a success is audited
    other = Client()
    r = _admin_post(other, "root", DEMO_PASSWORD, addr="10.0.0.2")
    assert r.status_code == 302 and other.session["_auth_user_id"] == str(admin_user.pk)
    assert AuditEntry.objects.filter(action="login", user=admin_user, detail="admin").count() == 1


def test_the_lock_grows_with_each_further_failure(make_staff, settings):
    from xiezhi.accounts import ratelimit

    settings.LOGIN_RATE_LIMIT = (3, 300)
    judge = make_staff(["judge"])

    class Req:
        META = {"REMOTE_ADDR": "10.0.0.9"}

    delays = [ratelimit.record_failure(Req, judge.username) for _ in range(6)]
    assert delays == [0, 0, 300, 600, 1200, 2400]
    assert ratelimit.locked_for(Req, judge.username) > 1200
    assert "40分钟" in ratelimit.locked_message(Req, judge.username)
    ratelimit.clear(Req, judge.username)
    assert not ratelimit.is_locked(Req, judge.username)


def test_a_guesser_elsewhere_does_not_lock_the_judge_out(make_staff, settings):
    settings.LOGIN_RATE_LIMIT = (3, 300)
    judge = make_staff(["judge"])
    guesser = Client()
    for _ in range(5):
        guesser.post("/staff/login/", {"username": judge.username, "password": "x"}, REMOTE_ADDR="203.0.113.5")
    own = Client()
    r = own.post("/staff/login/", {"username": judge.username, "password": DEMO_PASSWORD}, REMOTE_ADDR="10.1.1.1")
    assert r.status_code == 302
    # every try of the guesser, also those during its lock, is on record against the account
    assert AuditEntry.objects.filter(action="login_failed", account=judge.username, ip="203.0.113.5").count() == 5


def test_staff_sessions_end_after_a_working_day_portal_sessions_later(make_staff, make_public, settings):
    assert settings.STAFF_SESSION_IDLE == 8 * 3600
    assert settings.SESSION_SAVE_EVERY_REQUEST is False  # renewed once a minute, not written per page
    judge, lit = make_staff(["judge"]), make_public()
    staff = Client()
    signed_in = staff.post("/staff/login/", {"username": judge.username, "password": DEMO_PASSWORD})
    assert staff.session.get_expiry_age() == 8 * 3600
    assert signed_in.cookies["sessionid"]["max-age"] == 8 * 3600
    portal = Client()
    portal.post("/login/", {"username": lit.phone, "password": DEMO_PASSWORD})
    assert portal.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 3 * 24 * 3600


def test_a_session_in_use_is_renewed_once_a_minute_not_on_every_page(make_staff, monkeypatch):
    """The idle limit is kept by renewing the session while it is used; a page within the minute
    writes nothing, a page after it pushes the expiry forward."""
    import time

    judge = make_staff(["judge"])
    staff = Client()
    assert "sessionid" in staff.post("/staff/login/", {"username": judge.username, "password": DEMO_PASSWORD}).cookies
    assert "sessionid" not in staff.get("/staff/").cookies  # within the minute: no write
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    assert staff.get("/staff/").cookies["sessionid"]["max-age"] == 8 * 3600
