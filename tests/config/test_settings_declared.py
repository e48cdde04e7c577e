"""Settings live in one place: settings.py reads the environment, everything else reads
django.conf.settings, every setting read or overridden is declared, and docs/deploy.md lists every
environment variable. A test that overrides an undeclared name would silently change nothing."""
import re
from pathlib import Path

from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
SETTINGS_PY = REPO / "src" / "xiezhi" / "settings.py"
ENV_READ = re.compile(r"os\.(environ|getenv)\b")
# passing the environment on to a child process, or choosing the settings module, is not reading a setting
ENV_PASS_ON = re.compile(r"dict\(os\.environ|\*\*os\.environ|os\.environ\.setdefault\(\"DJANGO_SETTINGS_MODULE\"")
GETATTR_DEFAULT = re.compile(r"getattr\(settings,\s*\"([A-Z0-9_]+)\"")
# Celery's own names, read by the task plumbing in xiezhi/celery.py and declared in settings.py
CELERY_NAMES = {"CELERY_TASK_ALWAYS_EAGER", "CELERY_BEAT_SCHEDULE"}
SETTING_USE = re.compile(r"\bsettings\.([A-Z][A-Z0-9_]+)\b")


def _sources(*folders):
    for folder in folders:
        yield from sorted((REPO / folder).rglob("*.py"))


def _lines(*folders):
    for path in _sources(*folders):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{path.relative_to(REPO)}:{n}", line


def test_only_settings_py_reads_the_environment():
    offenders = [where for where, line in _lines("src") if ENV_READ.search(line) and not ENV_PASS_ON.search(line)
                 and not where.startswith("src/xiezhi/settings.py")]
    assert offenders == []


def test_no_setting_is_read_with_a_private_default():
    offenders = [where for where, line in _lines("src", "bench")
                 for name in GETATTR_DEFAULT.findall(line) if name not in CELERY_NAMES]
    assert offenders == []


def test_every_setting_read_or_overridden_is_declared():
    missing = [f"{where} settings.{name}" for where, line in _lines("src", "bench", "tests")
               for name in SETTING_USE.findall(line) if not hasattr(settings, name)]
    assert missing == []


def test_deploy_doc_lists_every_environment_variable():
    variables = set(re.findall(r"\"(XIEZHI_[A-Z0-9_]+)\"", SETTINGS_PY.read_text(encoding="utf-8")))
    doc = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert len(variables) > 30
    assert sorted(v for v in variables if f"`{v}`" not in doc) == []
