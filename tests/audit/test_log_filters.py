"""The audit log page of the trial management office filters by date range, user, case and
action, pages through the result, and shows failed logins against the account tried (F7)."""
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from xiezhi.audit import selectors
from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def log(make_staff, court):
    from tests.helpers import complaint
    from xiezhi.filing import services as fs

    tmo = make_staff(["trial_management"], "management")
    filer = make_staff(["filing_judge"], "filing")
    a, b = make_staff(["judge"], name="甲法官"), make_staff(["judge"], name="乙法官")
    case1 = fs.register(filer, fs.counter_filing(filer, court, complaint()), procedure_code="civil_summary")
    case2 = fs.register(filer, fs.counter_filing(filer, court, complaint()), procedure_code="civil_summary")
    record(a, AuditEntry.Action.READ, case=case1)
    record(a, AuditEntry.Action.DOWNLOAD, case=case2)
    record(b, AuditEntry.Action.READ, case=case2)
    record(b, AuditEntry.Action.DENIED, case=case1)
    return {"tmo": tmo, "a": a, "b": b, "case1": case1, "case2": case2}


def _ids(qs):
    return {(e.user_id, e.action, e.case_id) for e in qs if e.case_id}


def test_selector_filters(log):
    tmo, a, b, c1, c2 = log["tmo"], log["a"], log["b"], log["case1"], log["case2"]
    assert _ids(selectors.court_log(tmo, person="甲法官")) == {(a.pk, "read", c1.pk), (a.pk, "download", c2.pk)}
    assert _ids(selectors.court_log(tmo, case=c2.number)) == {(a.pk, "download", c2.pk), (b.pk, "read", c2.pk)}
    assert _ids(selectors.court_log(tmo, action="denied")) == {(b.pk, "denied", c1.pk)}
    today = timezone.localdate()
    assert len(_ids(selectors.court_log(tmo, date_from=today, date_to=today))) == 4
    assert _ids(selectors.court_log(tmo, date_from=today + timedelta(days=1))) == set()
    assert _ids(selectors.court_log(tmo, date_to=today - timedelta(days=1))) == set()


def test_page_filters_and_keeps_them_across_pages(log, monkeypatch):
    from xiezhi.audit import views

    c = Client()
    c.force_login(log["tmo"])
    r = c.get("/staff/audit/", {"user": "乙法官", "action": "denied"})
    body = r.content.decode()
    assert r.status_code == 200 and log["case1"].number in body and log["case2"].number not in body
    monkeypatch.setattr(views, "PAGE", 1)
    r = c.get("/staff/audit/", {"user": "法官", "date_from": timezone.localdate().isoformat()})
    assert "page=2" in r.content.decode() and "user=%E6%B3%95%E5%AE%98" in r.content.decode()
    r = c.get("/staff/audit/", {"date_from": "2026-02-01", "date_to": "2026-01-01"})
    assert r.status_code == 400 and "截止日期不能早于起始日期" in r.content.decode()
    r = c.get("/staff/audit/", {"date_from": "not a date"})
    assert r.status_code == 400


def test_failed_logins_are_shown_against_the_account_tried(log, settings):
    settings.LOGIN_RATE_LIMIT = (2, 300)
    judge = log["a"]
    c = Client()
    for _ in range(4):  # two failures, then two tries during the lock
        c.post("/staff/login/", {"username": judge.username, "password": "wrong"})
    c.post("/staff/login/", {"username": "nobody-here", "password": "wrong"})
    rows = AuditEntry.objects.filter(action="login_failed", account=judge.username)
    assert rows.count() == 4 and {r.user_id for r in rows} == {judge.pk}
    assert rows.filter(detail__contains="locked").count() == 2
    tmo = Client()
    tmo.force_login(log["tmo"])
    body = tmo.get("/staff/audit/", {"action": "login_failed"}).content.decode()
    assert body.count("甲法官") >= 4 and "nobody-here" in body
    body = tmo.get("/staff/audit/", {"action": "login_failed", "user": "nobody"}).content.decode()
    assert "nobody-here" in body and "甲法官" not in body
