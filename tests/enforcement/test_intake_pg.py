"""Two clerks open enforcement cases at once: each gets its own 执 number (cases.counters draws
under a row lock), and the same click sent twice at once opens one case."""
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.concurrency import at_once, require_postgresql
from xiezhi.cases.models import Case
from xiezhi.enforcement import intake
from xiezhi.enforcement.models import EnforcementFile

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _open(actor, court, key=""):
    today = timezone.localdate()
    return lambda: intake.open_from_outside_basis(
        actor, court, "notarial", f"（2026）汴证字第{key or 'x'}号", "开封市公证处", today - timedelta(days=5),
        [{"role": "enf_applicant", "name": "甲"}, {"role": "judgment_debtor", "name": "乙"}], amount="10000",
        applied_on=today, key=key)


def test_two_clerks_at_once_get_different_numbers(court, staff):
    require_postgresql()
    a, b = at_once(_open(staff["lian"], court), _open(staff["enforcer"], court))
    assert isinstance(a, Case) and isinstance(b, Case), (a, b)
    assert a.number != b.number and {a.serial, b.serial} == {1, 2}


def test_the_same_click_twice_at_once_opens_one_case(court, staff):
    require_postgresql()
    a, b = at_once(_open(staff["lian"], court, "k-same"), _open(staff["lian"], court, "k-same"))
    assert isinstance(a, Case) and isinstance(b, Case), (a, b)
    assert a.pk == b.pk and EnforcementFile.objects.filter(key="k-same").count() == 1
    assert Case.objects.filter(case_type__type_code="执").count() == 1
