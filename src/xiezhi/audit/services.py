"""Writing the audit log (design.md principle 10). Views call record() for every read of a
case, every download, every change and every refusal; deny() records a refusal and gives the
404 to raise."""
from django.db import connection, transaction
from django.http import Http404
from django.utils import timezone

from .models import GENESIS, AuditEntry, ChainHead


def record(request_or_user, action, *, case=None, filing=None, detail="", account="", user=None):
    """One audit row. request_or_user: the request (user, path and client address are taken
    from it) or, outside a request, the acting user. `account`: the account name a login was
    tried with; `user`: the account the row is about when the request has no user (a failed login).

    The row joins the hash chain: under the chain head's row lock (taken by an UPDATE, so the
    lock is held from the first statement on PostgreSQL and SQLite alike) it stores the last
    row's hash and its own. The lock is short: record() opens its own transaction."""
    request = None
    actor = request_or_user
    if hasattr(request_or_user, "user") and hasattr(request_or_user, "META"):
        request = request_or_user
        actor = request.user
    entry = AuditEntry(
        user=actor if getattr(actor, "is_authenticated", False) else user,
        action=action, case=case, filing=filing, detail=detail[:300], account=account[:150],
        path=(request.path[:300] if request else ""),
        ip=(request.META.get("REMOTE_ADDR") or None if request else None),
    )
    # Three statements, no savepoint: the UPDATE … RETURNING takes the head's row lock (on SQLite the
    # write lock) and reads the last hash at once; a failure rolls back with the caller's transaction.
    with transaction.atomic(savepoint=False):
        prev = _lock_chain_head()
        entry.at = timezone.now()
        entry.prev_hash = prev or GENESIS
        entry.row_hash = entry.compute_hash()
        ChainHead.objects.filter(pk=1).update(last_hash=entry.row_hash)
        entry.save(force_insert=True)
    return entry


def _lock_chain_head() -> str:
    """Count one more row on the chain head and return the last row's hash, holding the head's
    lock until the transaction ends (created on first use)."""
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    for _attempt in range(2):
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET rows = rows + 1 WHERE id = 1 RETURNING last_hash")
            row = cursor.fetchone()
        if row is not None:
            return row[0]
        ChainHead.objects.get_or_create(pk=1)
    raise RuntimeError("audit chain head missing")


def deny(request, *, case=None, filing=None, detail="") -> Http404:
    """A refused read of case data: write the DENIED row and return the 404 to raise, so a
    refusal looks like a missing object to the prober but leaves a trace for the 审管办."""
    record(request, AuditEntry.Action.DENIED, case=case, filing=filing, detail=detail)
    return Http404()


def verify_chain(batch: int = 2000):
    """Walk the whole chain in id order. Returns (rows checked, problems), each problem
    (row id, sentence). A changed row breaks its own hash; a deleted or inserted row breaks the
    next row's link; a removed tail shows against the chain head."""
    problems, prev, n, last_id = [], GENESIS, 0, 0
    while True:
        rows = list(AuditEntry.objects.filter(pk__gt=last_id).order_by("pk")[:batch])
        if not rows:
            break
        for row in rows:
            n += 1
            if row.prev_hash != prev:
                problems.append((row.pk, "前一条哈希不符：其前有记录被删除、插入或修改"))
            if row.row_hash != row.compute_hash():
                problems.append((row.pk, "本条哈希不符：内容被修改"))
            prev = row.row_hash
            last_id = row.pk
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and n and head.last_hash != prev:
        problems.append((last_id, "链头哈希与最后一条记录不符：末尾的记录被删除"))
    if head is not None and head.rows and head.rows != n:
        problems.append((last_id, f"链头记录 {head.rows} 条，实有 {n} 条"))
    return n, problems
