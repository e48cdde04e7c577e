"""Two tabs autosaving the same draft at the same moment on PostgreSQL: the draft row is locked, so
exactly one save lands and the other is told of the conflict (never both on one revision, never a
lost text without a word)."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.filing import services as fs
from xiezhi.filing.models import FilingApplication

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_tabs_on_one_revision_one_lands_the_other_is_a_conflict(make_public, court):
    require_postgresql()
    user = make_public()
    draft = fs.new_draft(user, court)

    def tab(name):
        return lambda: fs.save_draft(user, draft, {"claims": f"{name}窗口的请求"}, revision=0, editor=name, seq=1)

    out = at_once(tab("甲"), tab("乙"), tab("丙"))
    saved = [o for o in out if isinstance(o, FilingApplication)]
    conflicts = [o for o in out if isinstance(o, fs.DraftConflict)]
    assert len(saved) == 1 and len(conflicts) == 2, out
    draft.refresh_from_db()
    assert draft.draft_revision == 1 and draft.data["claims"] == saved[0].data["claims"]
    assert all(c.filing.data["claims"] == draft.data["claims"] for c in conflicts)


def test_one_tabs_save_sent_twice_at_once_is_applied_once(make_public, court):
    require_postgresql()
    user = make_public()
    draft = fs.new_draft(user, court)
    call = lambda: fs.save_draft(user, draft, {"claims": "同一次保存"}, revision=0, editor="A", seq=1)  # noqa: E731
    out = at_once(call, call)
    assert all(isinstance(o, FilingApplication) for o in out), out
    draft.refresh_from_db()
    assert draft.draft_revision == 1
