"""The audit log becomes tamper-evident (security review F23): the tried account of a login, a
hash chain over the rows (the rows written so far are chained in id order), the chain head, and
on PostgreSQL a trigger that refuses UPDATE and DELETE of audit rows. SQLite (the embedded demo)
gets no trigger; the model refuses changes there, and audit_verify checks the chain."""
import datetime
import hashlib

from django.db import migrations, models

GENESIS = "0" * 64


def _content(row, prev):
    at = row.at.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return "\x1f".join(str(v) for v in (
        prev, at, row.user_id or "", row.action, row.case_id or "", row.filing_id or "",
        row.detail, row.path, row.ip or "", row.account))


def chain_existing_rows(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    ChainHead = apps.get_model("audit", "ChainHead")
    prev, n = GENESIS, 0
    for row in AuditEntry.objects.order_by("pk").iterator(chunk_size=2000):
        row_hash = hashlib.sha256(_content(row, prev).encode()).hexdigest()
        AuditEntry.objects.filter(pk=row.pk).update(prev_hash=prev, row_hash=row_hash)
        prev, n = row_hash, n + 1
    ChainHead.objects.update_or_create(pk=1, defaults={"last_hash": prev, "rows": n})


TRIGGER = """
CREATE OR REPLACE FUNCTION xiezhi_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit log is append-only: % of audit_auditentry refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_append_only ON audit_auditentry;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION xiezhi_audit_append_only();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS audit_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS xiezhi_audit_append_only();
"""


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditentry",
            name="at",
            field=models.DateTimeField(db_index=True, verbose_name="时间"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="account",
            field=models.CharField(blank=True, db_index=True, max_length=150, verbose_name="尝试的账号"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="prev_hash",
            field=models.CharField(blank=True, max_length=64, verbose_name="前一条哈希"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="row_hash",
            field=models.CharField(blank=True, max_length=64, verbose_name="本条哈希"),
        ),
        migrations.AddIndex(
            model_name="auditentry",
            index=models.Index(fields=["action", "-at"], name="audit_audit_action_664d64_idx"),
        ),
        migrations.CreateModel(
            name="ChainHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("last_hash", models.CharField(default="0000000000000000000000000000000000000000000000000000000000000000", max_length=64)),
                ("rows", models.PositiveBigIntegerField(default=0)),
            ],
            options={"verbose_name": "审计链"},
        ),
        migrations.RunPython(chain_existing_rows, migrations.RunPython.noop),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
