"""Many requests audit at once on PostgreSQL: the chain does not fork (two rows on one
predecessor) and stays verifiable — the chain head's row lock orders the writers."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record, verify_chain

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_records_make_one_unbroken_chain(make_staff):
    require_postgresql()
    user = make_staff(["judge"])
    n = 12
    outcomes = at_once(*[(lambda i=i: record(user, AuditEntry.Action.READ, detail=f"at once {i}")) for i in range(n)])
    assert [o for o in outcomes if isinstance(o, BaseException)] == []
    prevs = list(AuditEntry.objects.values_list("prev_hash", flat=True))
    assert len(prevs) == len(set(prevs))  # no fork
    checked, problems = verify_chain()
    assert problems == [] and checked == AuditEntry.objects.count() >= n
