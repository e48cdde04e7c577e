"""The embedded profile (SQLite demo) makes a random SECRET_KEY on first run and keeps it in the
var directory with mode 600, instead of the fixed public string every demo shared (security
review F2: SMS links signed with it were forged)."""
import os
import stat
import subprocess
import sys

PRINT_KEY = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"


def _start(var_dir, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("XIEZHI_", "DJANGO_"))}
    base.update(DJANGO_SETTINGS_MODULE="xiezhi.settings", XIEZHI_VAR_DIR=str(var_dir), **env)
    out = subprocess.run([sys.executable, "-c", PRINT_KEY], env=base, capture_output=True, text=True, timeout=120,
                         cwd=var_dir.parent)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_first_run_makes_a_private_random_key_and_later_runs_keep_it(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    key = _start(one)
    assert key != "embedded-demo-not-secret" and len(key) >= 50
    path = one / "secret_key"
    assert path.read_text().strip() == key
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _start(one) == key  # sessions and links survive a restart
    assert _start(two) != key  # every installation has its own


def test_an_explicit_key_wins_and_nothing_is_written(tmp_path):
    key = "x" * 10 + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
    assert _start(tmp_path, XIEZHI_SECRET_KEY=key) == key
    assert not (tmp_path / "secret_key").exists()
