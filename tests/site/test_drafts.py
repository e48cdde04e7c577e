"""The rule every autosaved draft follows (xiezhi.site.drafts.decide_write): a typist's own saves
never conflict with each other, a retried or overtaken save changes nothing, and a save based on an
older revision by anyone else is a conflict (so nobody's words are silently overwritten)."""
import pytest

from xiezhi.site.drafts import CONFLICT, SAVE, SKIP, decide_write


@pytest.mark.parametrize("case, current, request_, same, expected", [
    ("first save of a tab on the current revision", (3, "", 0), (3, "A", 1), False, SAVE),
    ("a later save of the tab that saved last, still on the old base", (4, "A", 1), (3, "A", 2), False, SAVE),
    ("the same save of that tab again (its answer was lost)", (4, "A", 2), (3, "A", 2), False, SKIP),
    ("an older save of that tab arriving after a newer one", (5, "A", 3), (3, "A", 2), False, SKIP),
    ("another tab based on an older revision", (4, "A", 1), (3, "B", 1), False, CONFLICT),
    ("another tab based on a revision the server never had", (4, "A", 1), (9, "B", 1), False, CONFLICT),
    ("a save without a tab id, repeated with the same text", (4, "", 0), (3, "", None), True, SKIP),
    ("a save without a tab id, on an older revision, other text", (4, "", 0), (3, "", None), False, CONFLICT),
    ("a plain form post without a revision", (4, "A", 1), (None, "", None), False, SAVE),
])
def test_decide_write(case, current, request_, same, expected):
    rev, ed, sq = current
    r, e, s = request_
    assert decide_write(current_revision=rev, current_editor=ed, current_seq=sq, revision=r, editor=e, seq=s,
                        same_content=same) == expected, case
