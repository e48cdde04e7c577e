"""Case numbers under concurrency (案号规定 第三条、第九条、第十条): unique, consecutive, never reused."""
import threading

import pytest
from django.db import connection, connections

from tests.helpers import complaint
from xiezhi.cases.models import Case
from xiezhi.filing import services as fs
from xiezhi.law.casenumber import parse_case_number

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_fifty_simultaneous_registrations_get_fifty_consecutive_numbers(make_staff, court):
    if connection.vendor != "postgresql":
        pytest.skip("concurrency of the number allocator is proven on PostgreSQL (make test runs it)")
    clerks = [make_staff(["filing_judge"], "filing") for _ in range(5)]
    filings = [fs.counter_filing(clerks[i % 5], court, complaint(plaintiff_name=f"原告{i}")) for i in range(50)]
    barrier = threading.Barrier(50)
    numbers, errors = [], []

    def register(i):
        try:
            barrier.wait(timeout=30)
            case = fs.register(clerks[i % 5], filings[i], procedure_code="civil_summary")
            numbers.append(case.number)
        except Exception as exc:  # collected and asserted below
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(i,)) for i in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    serials = sorted(parse_case_number(n).serial for n in numbers)
    assert len(set(numbers)) == 50
    assert serials == list(range(serials[0], serials[0] + 50))
    assert Case.objects.filter(court=court).count() == 50


def test_a_rolled_back_registration_does_not_burn_a_number(make_staff, court):
    """A failed registration rolls its increment back, so no number is skipped."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    from django.core.exceptions import ValidationError

    clerk = make_staff(["filing_judge"], "filing")
    a = fs.counter_filing(clerk, court, complaint())
    b = fs.counter_filing(clerk, court, complaint())
    first = fs.register(clerk, a, procedure_code="civil_summary")
    with pytest.raises(ValidationError):
        fs.register(clerk, b, procedure_code="civil_summary", fee_amount=__import__("decimal").Decimal("1"),
                    fee_reason="")  # a changed fee without a reason fails after the number was drawn
    second = fs.register(clerk, b, procedure_code="civil_summary")
    assert parse_case_number(second.number).serial == parse_case_number(first.number).serial + 1
