"""An index for the staff case search by party name (PostgreSQL only; SQLite searches by scan).

The search is a substring match (`name LIKE '%q%'`), which a btree cannot answer and which
was a sequential scan of every party (2.5 M rows at 1,000,000 cases). A GIN index over the
two-character substrings (bigrams) of the name answers it: a name containing q contains
every bigram of q, so `xiezhi_bigrams(name) @> <q's bigrams>` narrows the parties to a few
candidates and `LIKE` rechecks them. Bigrams rather than pg_trgm's trigrams because Chinese
personal names are often two characters (张伟) and a two-character pattern has no trigram:
pg_trgm would scan its whole index. See bench/results/search-2026-12-02-1000000.md.
"""
from django.db import migrations

BIGRAMS_FUNCTION = """
CREATE OR REPLACE FUNCTION xiezhi_bigrams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT substr(value, i, 2)), '{}')
    FROM generate_series(1, char_length(value) - 1) AS i
$$
"""


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BIGRAMS_FUNCTION)
        # CONCURRENTLY: an upgrade of a court with a million cases keeps filing while the index builds
        schema_editor.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS cases_party_name_bigrams ON cases_party "
                              "USING gin (xiezhi_bigrams(name))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX CONCURRENTLY IF EXISTS cases_party_name_bigrams")
        schema_editor.execute("DROP FUNCTION IF EXISTS xiezhi_bigrams(text)")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY cannot run inside a transaction
    dependencies = [("cases", "0004_generic_counter")]
    operations = [migrations.RunPython(create_index, drop_index)]
