"""XIEZHI_PROFILE=production refuses unsafe defaults at start-up, naming the variable to set.

Each case starts a fresh interpreter with a controlled environment: settings are read once per
process, so only a subprocess shows what a server started with that environment would do."""
import os
import subprocess
import sys

import pytest

SECRET = "k3y-" + "abcdefghij0123456789" * 3  # 64 characters, not a real secret
SAFE = {
    "XIEZHI_PROFILE": "production",
    "XIEZHI_SECRET_KEY": SECRET,
    # nothing connects to these during start-up: settings only parse them
    "XIEZHI_DATABASE_URL": "postgres://xiezhi@127.0.0.1:5432/xiezhi",
    "XIEZHI_REDIS_URL": "redis://127.0.0.1:6379/0",
    "XIEZHI_ALLOWED_HOSTS": "court.example",
    # the court's own adapters (only named here: nothing imports them at start-up)
    "XIEZHI_PAYMENT_ADAPTER": "court_adapters.Payment",
    "XIEZHI_IDENTITY_ADAPTER": "court_adapters.Identity",
}
SETUP = "import django; django.setup(); print('started')"
VARIABLES = ("XIEZHI_DATABASE_URL", "XIEZHI_REDIS_URL", "XIEZHI_SECRET_KEY", "XIEZHI_DEBUG",
             "XIEZHI_PAYMENT_ADAPTER", "XIEZHI_IDENTITY_ADAPTER")


def run(env: dict, *args: str, tmp_path) -> subprocess.CompletedProcess:
    # a server's environment: none of ours, nor the test suite's DJANGO_ALLOW_ASYNC_UNSAFE (tests/browser)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("XIEZHI_", "DJANGO_"))}
    base.update(DJANGO_SETTINGS_MODULE="xiezhi.settings", XIEZHI_VAR_DIR=str(tmp_path), PYTHONUNBUFFERED="1")
    base.update({k: v for k, v in env.items() if v is not None})
    return subprocess.run([sys.executable, *args], env=base, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)


@pytest.mark.parametrize("change, variable", [
    ({"XIEZHI_DATABASE_URL": None}, "XIEZHI_DATABASE_URL"),  # the default: embedded SQLite
    ({"XIEZHI_DATABASE_URL": "sqlite:////srv/xiezhi/db.sqlite3"}, "XIEZHI_DATABASE_URL"),
    ({"XIEZHI_REDIS_URL": None}, "XIEZHI_REDIS_URL"),
    ({"XIEZHI_REDIS_URL": ""}, "XIEZHI_REDIS_URL"),
    ({"XIEZHI_SECRET_KEY": None}, "XIEZHI_SECRET_KEY"),
    ({"XIEZHI_SECRET_KEY": "short-secret"}, "XIEZHI_SECRET_KEY"),
    ({"XIEZHI_SECRET_KEY": "a" * 60}, "XIEZHI_SECRET_KEY"),  # long but not random
    ({"XIEZHI_DEBUG": "1"}, "XIEZHI_DEBUG"),
    ({"XIEZHI_PAYMENT_ADAPTER": None}, "XIEZHI_PAYMENT_ADAPTER"),  # the demo payment adapter by default
    ({"XIEZHI_PAYMENT_ADAPTER": "xiezhi.filing.adapters.DemoPaymentAdapter"}, "XIEZHI_PAYMENT_ADAPTER"),
    ({"XIEZHI_IDENTITY_ADAPTER": None}, "XIEZHI_IDENTITY_ADAPTER"),
    ({"XIEZHI_SECRET_KEY": "k3y-" + "abcdefghij" * 4 + "01234"}, "XIEZHI_SECRET_KEY"),  # 49 characters
], ids=["no-database-url", "sqlite-url", "no-redis", "empty-redis", "no-secret", "short-secret",
        "one-letter-secret", "debug", "demo-payment", "demo-payment-named", "demo-identity", "49-characters"])
def test_production_refuses_an_unsafe_setting_and_names_it(change, variable, tmp_path):
    out = run({**SAFE, **change}, "-c", SETUP, tmp_path=tmp_path)
    assert out.returncode != 0
    assert "started" not in out.stdout
    assert "ImproperlyConfigured: XIEZHI_PROFILE=production refuses to start" in out.stderr
    named = [v for v in VARIABLES if f"  - {v}:" in out.stderr]
    assert named == [variable]  # exactly the variable that is wrong, nothing else


def test_every_problem_is_listed_in_one_message_by_the_xiezhi_command(tmp_path):
    out = run({"XIEZHI_PROFILE": "production", "XIEZHI_DEBUG": "1"}, "-m", "xiezhi.manage", "check",
              tmp_path=tmp_path)
    assert out.returncode == 1
    assert "Traceback" not in out.stderr  # one clear message, not a stack trace
    assert out.stderr.startswith("xiezhi: XIEZHI_PROFILE=production refuses to start")
    for variable in VARIABLES:
        assert f"  - {variable}:" in out.stderr
    assert "PostgreSQL" in out.stderr and "docs/deploy.md" in out.stderr


def test_make_serve_may_rehearse_production_with_the_demo_adapters(tmp_path):
    env = {**SAFE, "XIEZHI_PAYMENT_ADAPTER": None, "XIEZHI_IDENTITY_ADAPTER": None,
           "XIEZHI_DEMO_ADAPTERS_IN_PRODUCTION": "1"}
    assert run(env, "-c", SETUP, tmp_path=tmp_path).stdout.strip() == "started"


def test_the_safe_environment_starts_and_the_embedded_demo_needs_nothing(tmp_path):
    assert run(SAFE, "-c", SETUP, tmp_path=tmp_path).stdout.strip() == "started"
    assert run({}, "-c", SETUP, tmp_path=tmp_path).stdout.strip() == "started"  # XIEZHI_PROFILE unset


def test_production_with_postgresql_and_redis_passes_the_deploy_check(tmp_path):
    database, redis = os.environ.get("XIEZHI_DATABASE_URL", ""), os.environ.get("XIEZHI_REDIS_URL", "")
    if not database.startswith("postgres") or not redis:
        pytest.skip("needs the PostgreSQL and Redis of scripts/with-services.sh (make test)")
    env = {**SAFE, "XIEZHI_DATABASE_URL": database, "XIEZHI_REDIS_URL": redis}
    out = run(env, "-m", "xiezhi.manage", "check", "--deploy", "--database", "default", tmp_path=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "ERROR" not in out.stderr + out.stdout
