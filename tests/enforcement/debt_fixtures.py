"""Helpers of the 个人债务集中清理 tests: several enforcement cases against one natural person."""
from decimal import Decimal

import pytest

from tests.enforcement.closing_fixtures import give_file

PERSON_ID = "410222198505051234"


@pytest.fixture
def person_cases(enforcement_case):
    def make(amounts=("150000", "50000")):
        cases = []
        for a in amounts:
            c = enforcement_case()
            c.amount = Decimal(a)
            c.save(update_fields=["amount"])
            c.debtor.id_number, c.debtor.kind = PERSON_ID, "natural"
            c.debtor.save(update_fields=["id_number", "kind"])
            give_file(c, amount=a)
            cases.append(c)
        return cases

    return make
