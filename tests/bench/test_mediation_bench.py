"""Smoke test of the pre-suit mediation bench (bench/mediation_bench.py): the generated matters are valid
rows in every state, a second run adds nothing, and every page it times answers 200 with a query count
that does not grow with the data. No timings here."""
import pytest
from django.db import connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the bench runs on PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def test_generated_matters_and_flat_query_counts(settings):
    from bench.mediation_bench import MEDIATORS, generate, measure, setup_people
    from xiezhi.courts.refdata import load_all
    from xiezhi.mediation.models import MediationState, PreSuitMediation

    load_all()
    court, office, filer, mediators = setup_people()
    assert len(mediators) == MEDIATORS
    assert generate(court, office, filer, mediators, 400) == 400
    assert generate(court, office, filer, mediators, 400) == 0  # a second run adds nothing
    assert set(PreSuitMediation.objects.values_list("state", flat=True)) == set(MediationState.values)
    small = measure(office, mediators, 2)
    generate(court, office, filer, mediators, 1600)
    big = measure(office, mediators, 2)
    for page, (_p50, _p95, lo, hi) in big.items():
        assert (lo, hi) == small[page][2:], page  # queries per page do not grow with the data
