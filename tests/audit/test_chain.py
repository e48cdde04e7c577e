"""The audit log is tamper-evident (security review F23): a hash chain over the rows,
`xiezhi audit_verify` that finds a changed, deleted or inserted row, and no UPDATE or DELETE for
the application (the model, and on PostgreSQL a trigger)."""
import pytest
from django.core.management import call_command
from django.db import connection, transaction

from xiezhi.audit.models import GENESIS, AppendOnlyError, AuditEntry, ChainHead
from xiezhi.audit.services import record, verify_chain

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(make_staff):
    user = make_staff(["judge"])
    return [record(user, AuditEntry.Action.READ, detail=f"row {i}") for i in range(5)], user


def _verify():
    try:
        call_command("audit_verify")
    except SystemExit as exc:
        return exc.code
    return 0


def test_rows_form_a_chain_and_the_command_accepts_it(rows, capsys):
    entries, _user = rows
    assert entries[0].prev_hash == GENESIS or entries[0].prev_hash  # after any earlier row of the test DB
    for before, after in zip(entries, entries[1:]):
        assert after.prev_hash == before.row_hash and len(after.row_hash) == 64
    assert ChainHead.objects.get(pk=1).last_hash == entries[-1].row_hash
    assert _verify() == 0
    assert "哈希链校验通过" in capsys.readouterr().out


def test_the_application_cannot_change_or_delete_a_row(rows):
    entry = rows[0][2]
    entry.detail = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(detail="changed")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()


def _raw(sql, params):
    """Write past the model, as someone with database access would (on PostgreSQL with the
    append-only trigger switched off first, which only the table's owner can do)."""
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred FK checks pending before the ALTER
            cur.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_append_only")
        cur.execute(sql, params)
        if connection.vendor == "postgresql":
            cur.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_append_only")


def test_verify_finds_a_tampered_row(rows, capsys):
    entry = rows[0][2]
    _raw("UPDATE audit_auditentry SET detail = %s WHERE id = %s", ["nothing to see", entry.pk])
    assert _verify() == 1
    err = capsys.readouterr().err
    assert f"第 {entry.pk} 条：本条哈希不符" in err and "校验失败" in err


def test_verify_finds_a_deleted_row(rows, capsys):
    entry = rows[0][2]
    _raw("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert _verify() == 1
    assert f"第 {rows[0][3].pk} 条：前一条哈希不符" in capsys.readouterr().err


def test_verify_finds_a_row_rehashed_by_someone_who_knows_the_formula(rows, capsys):
    """Changing a row and recomputing its own hash still breaks the link of the next row."""
    entry = rows[0][2]
    entry.detail = "rewritten"
    _raw("UPDATE audit_auditentry SET detail = %s, row_hash = %s WHERE id = %s",
         [entry.detail, entry.compute_hash(), entry.pk])
    n, problems = verify_chain()
    assert (rows[0][3].pk, "前一条哈希不符：其前有记录被删除、插入或修改") in problems


@pytest.mark.postgres
def test_postgresql_refuses_update_and_delete_of_audit_rows(rows):
    from django.db import DatabaseError

    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's")
    entry = rows[0][0]
    for sql in ("UPDATE audit_auditentry SET detail = 'x' WHERE id = %s", "DELETE FROM audit_auditentry WHERE id = %s"):
        with pytest.raises(DatabaseError, match="append-only"):
            with transaction.atomic(), connection.cursor() as cur:
                cur.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).detail == "row 0"
