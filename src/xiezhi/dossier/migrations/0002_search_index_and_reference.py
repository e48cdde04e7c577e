from django.db import migrations


def gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX IF NOT EXISTS dossier_page_tokens_gin ON dossier_page "
                              "USING gin (to_tsvector('simple'::regconfig, COALESCE(tokens, '')))")


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS dossier_page_tokens_gin")


def load_reference(apps, schema_editor):
    from xiezhi.dossier.reference import load

    load(apps)


class Migration(migrations.Migration):
    dependencies = [("dossier", "0001_initial")]
    operations = [
        migrations.RunPython(gin_index, drop_gin_index),
        migrations.RunPython(load_reference, migrations.RunPython.noop),
    ]
