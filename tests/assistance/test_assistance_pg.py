"""A double submission makes one application; two clicks on 立案 open one 司救 case (PostgreSQL)."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.assistance import services
from xiezhi.assistance.models import AssistanceApplication
from xiezhi.cases.models import Case

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_double_submission_and_double_accept(apply_for, make_public, staff):
    require_postgresql()
    party = make_public()
    out = at_once(*[lambda: apply_for(party) for _ in range(4)])
    assert all(isinstance(o, AssistanceApplication) for o in out), out
    assert AssistanceApplication.objects.count() == 1
    a = out[0]
    out = at_once(*[lambda: services.accept(staff["lian"], a) for _ in range(3)])
    assert all(isinstance(o, AssistanceApplication) for o in out), out
    assert Case.objects.filter(case_type__type_code="司救刑").count() == 1
