"""Shared fixtures. The suite runs on PostgreSQL under `make test` (scripts/with-services.sh
exports XIEZHI_DATABASE_URL); reference data is loaded once into the test database."""
import itertools

import pytest

DEMO_PASSWORD = "Xiezhi@2026"  # the demo password (xiezhi.demo.seed), also used by test accounts

_seq = itertools.count(1)


def pytest_configure(config):
    """Under xdist every worker has its own database but all share one Redis: give each worker its
    own Redis database for the cache, or a login lock one worker's test sets for "staff3" locks out
    another worker's "staff3" (each worker numbers its accounts alike), and one worker's
    cache.clear() (a FLUSHDB) wipes the others' rate-limit counters mid-test."""
    import os
    import re

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if worker.startswith("gw"):
        from django.conf import settings

        cache = settings.CACHES["default"]
        if "redis" in cache["BACKEND"].lower():
            db = 1 + int(worker[2:]) % 15  # Redis has databases 0-15; 0 stays the broker's
            cache["LOCATION"] = re.sub(r"(/\d+)?$", f"/{db}", cache["LOCATION"], count=1)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from xiezhi.courts.refdata import load_all

        load_all()


@pytest.fixture(scope="session", autouse=True)
def _no_writes_into_the_working_tree(request, tmp_path_factory):
    """Uploads, seal keys, static files and the demo's var/ go to a session temp dir, never to the
    repository's var/ (XIEZHI_VAR_DIR defaults to it). Tests that need their own MEDIA_ROOT still
    override it with the `settings` fixture."""
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.test import override_settings

    var = tmp_path_factory.mktemp("var")
    with override_settings(VAR_DIR=var, MEDIA_ROOT=var / "media", STATIC_ROOT=var / "static"):
        yield


@pytest.fixture(autouse=True)
def _fresh_calendar_cache(request):
    if not request.config.pluginmanager.hasplugin("django"):
        yield  # the pure law tests run without Django
        return
    from xiezhi.courts import calendar, province, refcache

    # transactional tests flush and reload reference data: forget every per-process cache
    calendar._cache = None
    refcache.clear()
    province._fee_cache.clear()
    yield


@pytest.fixture(autouse=True)
def _fast_password_hashing(request):
    """Test accounts are many; PBKDF2's deliberate slowness would dominate the suite.
    tests/site/test_security.py checks the product's own hasher setting."""
    if not request.config.pluginmanager.hasplugin("django"):
        yield
        return
    from django.conf import settings

    saved = settings.PASSWORD_HASHERS
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
    settings.PASSWORD_HASHERS = saved


@pytest.fixture
def court(db):
    from xiezhi.courts.models import Court
    from xiezhi.courts.refdata import divisions_for_basic_court

    if not Court.objects.filter(case_code="豫0222").exists():
        # a transactional test (live server, threads) starts from a flushed database
        from xiezhi.courts.refdata import load_all

        load_all()
    c = Court.objects.get(case_code="豫0222")
    divisions_for_basic_court(c)
    return c


@pytest.fixture
def make_staff(court):
    from xiezhi.accounts.models import User
    from xiezhi.courts.models import Division

    def make(roles, division_kind="civil", court_=None, name=None):
        c = court_ or court
        n = next(_seq)
        u = User.objects.create_user(username=f"staff{n}", password=DEMO_PASSWORD, kind="staff",
                                     real_name=name or f"工作人员{n}", court=c, roles=list(roles),
                                     division=Division.objects.filter(court=c, kind=division_kind).first())
        return u

    return make


@pytest.fixture
def make_public(db):
    from django.utils import timezone

    from xiezhi.accounts.models import User
    from xiezhi.law.identity import resident_id_check_char

    def make(lawyer=False, verified=True):
        n = next(_seq)
        body = f"41022219900101{n % 1000:03d}"
        idn = body + resident_id_check_char(body)
        return User.objects.create_user(
            username=f"p139{n:08d}", password=DEMO_PASSWORD, kind="public", phone=f"139{n:08d}",
            real_name=f"当事人{n}", id_number=idn, verified_at=timezone.now() if verified else None,
            is_lawyer=lawyer, lawyer_licence="14101201510123456" if lawyer else "",
            law_firm="河南通正律师事务所" if lawyer else "")

    return make


@pytest.fixture
def pdf_bytes():
    import io

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


@pytest.fixture(autouse=True)
def _in_process_jobs_finish(request):
    """Without a worker, OCR and speech-to-text run in threads (xiezhi.celery.run_after_commit): let them
    finish before the test's database is emptied under them."""
    yield
    if request.config.pluginmanager.hasplugin("django"):
        from xiezhi.celery import wait_for_in_process_jobs

        assert wait_for_in_process_jobs(), "an in-process background job did not finish"
