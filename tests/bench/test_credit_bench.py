"""Smoke test of the public-search bench (bench/credit_bench.py): a few hundred rows made by the same
INSERT … SELECT as the million-row run are stored as the product stores them (ID numbers hashed by
enforcement.public.id_hash and masked by law.enforcement_credit.mask_id_number, valid resident ID
numbers), and the sampled queries find them through the selector. No timings here."""
import pytest
from django.db import connection

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the bench generates rows in PostgreSQL SQL"),
    pytest.mark.django_db(transaction=True),
]


def test_generated_rows_are_stored_as_the_product_stores_them():
    from bench.credit_bench import generate, sample_queries
    from xiezhi.enforcement import credit
    from xiezhi.enforcement.models import PublicCreditRecord
    from xiezhi.enforcement.public import id_hash
    from xiezhi.law.enforcement_credit import mask_id_number
    from xiezhi.law.identity import validate_resident_id

    generate(600)
    assert PublicCreditRecord.objects.count() == 600
    assert generate(600) == 0.0  # a second run with the same size adds nothing
    queries = sample_queries(600, 10)
    assert {s: len(qs) for s, qs in queries.items()} == dict.fromkeys(queries, 10)
    for number in queries["ID number"]:
        assert validate_resident_id(number), number
        (row,) = credit.public_records(query=number)
        assert row.id_hash == id_hash(number) and row.id_shown == mask_id_number(number, True)
    for code in queries["credit code"]:
        (row,) = credit.public_records(query=code)
        assert row.id_shown == code and row.name.endswith("有限公司")
    for shape in ("name exact", "name prefix"):
        for q in queries[shape]:
            assert any(r.name.startswith(q) for r in credit.public_records(query=q)), (shape, q)
    assert set(PublicCreditRecord.objects.values_list("kind", flat=True)) == {"dishonest", "restricted", "zhongben"}
