"""Autosaves of a judge's draft at once (PostgreSQL): the draft row is locked, so two saves based on the
same revision leave one consistent sequence — one is saved, the other refused as a conflict (not
silently overwritten) — and tabs continuing their own line of saves never interleave revisions."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.documents import drafts
from xiezhi.documents.models import DocumentDraft, DocumentDraftRevision

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def _text(n):
    return {"reasoning": [f"第{n}稿的理由。"]}


def test_two_tabs_saving_on_the_same_revision_one_wins_one_conflicts(case_setup):
    judge, case = case_setup["judge"], case_setup["case"]
    d = drafts.start_draft(judge, case, "judgment")
    outcomes = at_once(lambda: drafts.save_draft(judge, d, _text("甲"), 0, editor="tab-a", seq=1),
                       lambda: drafts.save_draft(judge, d, _text("乙"), 0, editor="tab-b", seq=1))
    saved = [o for o in outcomes if isinstance(o, DocumentDraft)]
    refused = [o for o in outcomes if isinstance(o, drafts.DraftConflict)]
    assert len(saved) == 1 and len(refused) == 1, outcomes
    d.refresh_from_db()
    assert d.revision == 1 and d.sections["reasoning"] == saved[0].sections["reasoning"]
    rev = DocumentDraftRevision.objects.get(draft=d)
    assert rev.revision == 1 and rev.sections == d.sections


def test_many_saves_at_once_leave_one_gapless_sequence(case_setup, make_staff):
    judge, case = case_setup["judge"], case_setup["case"]
    others = [make_staff(["assistant"], name=f"助理{i}") for i in range(3)]
    case.team.add(*others)
    d = drafts.start_draft(judge, case, "judgment")
    users = [judge] + others
    # each user a tab of their own that continues its own line (no base revision: last writer of a line)
    outcomes = at_once(*[(lambda u=u, i=i: drafts.save_draft(u, d, _text(i), None, editor=f"tab-{i}", seq=1))
                         for i, u in enumerate(users)])
    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    d.refresh_from_db()
    assert d.revision == len(users)
    revs = list(DocumentDraftRevision.objects.filter(draft=d).order_by("number"))
    # every user's save is its own revision, numbered 1..n, each at a distinct draft revision 1..n
    assert [r.number for r in revs] == list(range(1, len(users) + 1))
    assert [r.revision for r in revs] == list(range(1, len(users) + 1))
    assert revs[-1].sections == d.sections
