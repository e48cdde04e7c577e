"""Plain helpers shared by tests."""
from contextlib import contextmanager


def valid_id(seed: int) -> str:
    from xiezhi.law.identity import resident_id_check_char

    body = f"41022219850315{seed % 1000:03d}"
    return body + resident_id_check_char(body)


def complaint(plaintiff_name="原告甲", plaintiff_id=None, amount="150000"):
    return {
        "parties": [
            {"role": "plaintiff", "kind": "natural", "name": plaintiff_name, "id_number": plaintiff_id or valid_id(1),
             "phone": "13912345678", "address": "河南省通许县城关镇"},
            {"role": "defendant", "kind": "natural", "name": "被告乙", "address": "河南省通许县咸平街道"},
        ],
        "claims": "1. 判令被告偿还借款150000元；2. 诉讼费由被告负担。",
        "facts": "被告于2025年向原告借款，到期未还。",
        "amount": amount,
    }


def row_counts() -> dict[str, int]:
    """Rows of every model of the project's own apps (cases, events, assignments, notifications,
    requests, audit …). AuditEntry rows of kind DENIED are left out: a refusal must write one."""
    from django.apps import apps

    from xiezhi.audit.models import AuditEntry

    counts = {}
    for model in apps.get_models():
        if not model.__module__.startswith("xiezhi."):
            continue
        qs = model.objects.all()
        if model is AuditEntry:
            qs = qs.exclude(action=AuditEntry.Action.DENIED)
        counts[model._meta.label] = qs.count()
    return counts


def assert_nothing_changed(before: dict[str, int], what: str) -> None:
    """A refused action changed no row count of any project model (see row_counts)."""
    after = row_counts()
    changed = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    assert not changed, f"{what} changed rows: {changed}"




def assert_refused(fn, text: str, exc=None) -> None:
    """`fn()` is refused with `exc` (ValidationError by default) whose message holds `text`, and
    no row of any table changed (a refusal loses nothing and writes nothing)."""
    import pytest
    from django.core.exceptions import ValidationError

    before = row_counts()
    with pytest.raises(exc or ValidationError) as info:
        fn()
    assert text in "；".join(getattr(info.value, "messages", [str(info.value)])), info.value
    assert_nothing_changed(before, text)


@contextmanager
def celery_worker(*, processes: int = 1, media_root=None, drop_env=(), **extra_env):
    """A real Celery worker on the Redis and PostgreSQL that `make test` started, as production runs
    it (a separate process reading the broker). Yields a dict whose "log" holds the worker's output
    once it has stopped; callers assert there is no Traceback in it."""
    import os
    import subprocess
    import sys

    from django.conf import settings
    from django.db import connection

    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if k not in drop_env}
    env.update(XIEZHI_REDIS_URL=os.environ["XIEZHI_REDIS_URL"],
               XIEZHI_DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}", **extra_env)
    # the worker is another process: it learns the test's files and mail relay from its environment
    env["XIEZHI_MEDIA_ROOT"] = str(media_root if media_root is not None else settings.MEDIA_ROOT)
    env.setdefault("XIEZHI_SMTP_HOST", str(settings.EMAIL_HOST))
    env.setdefault("XIEZHI_SMTP_PORT", str(settings.EMAIL_PORT))
    pool = ["--pool=solo", "--concurrency=1"] if processes == 1 else ["--pool=prefork", f"--concurrency={processes}"]
    worker = subprocess.Popen([sys.executable, "-m", "celery", "-A", "xiezhi", "worker", *pool,
                               "--loglevel=WARNING", "-Q", "celery"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    result = {"log": ""}
    try:
        yield result
    finally:
        worker.terminate()
        result["log"] = worker.communicate(timeout=30)[0].decode(errors="replace")


def assert_worker_ran_cleanly(out: str, *task_names: str) -> None:
    """A real worker's log shows no failure of the tasks this test queued. The broker is the suite's shared
    Redis: a worker may also pick up a task an earlier test queued and never ran (its rows gone with that
    test's transaction); such a task fails in the log under its own name and says nothing about this one."""
    failed = [line for line in out.splitlines() if "raised unexpected" in line]
    assert not [line for line in failed if any(name in line for name in task_names)], out
    assert "Traceback" not in out or failed, out  # every traceback is a task failure the worker reported
