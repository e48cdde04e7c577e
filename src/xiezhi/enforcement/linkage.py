"""网络查控 services: searches, freezes, deductions and releases as electronic orders to the bodies
that hold assets (linkage_adapters), their answers, and the assets found.

Orders leave the building, so sending is claim-then-act (docs/architecture.md, "Writes that can be
repeated"): `send_pending` moves a set of PENDING (or TIMED_OUT) rows to SENDING in its own committed
transaction (`SKIP LOCKED`: two senders take different rows), signs them with the court's seal,
submits them, and only then records SENT with a follow-up deadline (`due_at`). A row a dead worker
left in SENDING goes back to PENDING after LINKAGE_CLAIM_MINUTES; the body recognises a re-sent order
by its `ref` (the order's key), so a repeat costs nothing.

Answers are read per body from a cursor (`LinkageCursor`), under that cursor's row lock: two pollers
of one body take turns, and an answer whose (body, answer_id) is already recorded is skipped — a body
answering twice, or a poller crashing after recording, records nothing twice. Assets are unique per
(case, debtor, body, identifier), so a partial answer completed later, or two searches finding the
same account, count it once. Orders past their deadline are marked TIMED_OUT and sent again, up to
LINKAGE_MAX_ATTEMPTS; a late answer to the first sending is still recorded.

Background work runs by task name (tasks.py): `send_linkage_orders` after a search or control order
commits, and the periodic `poll_linkage` (answers, deadlines, re-sending)."""
from __future__ import annotations

import base64
import json
import uuid
from collections import defaultdict
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from importlib import import_module

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, append_event_to_cases, lock_case
from xiezhi.celery import run_after_commit
from xiezhi.law import enforcement_control as control_law

from . import selectors
from .linkage_adapters import BODIES, DEDUCTIBLE, LinkageUnavailable, canonical
from .models_linkage import Asset, LinkageAnswer, LinkageCursor, LinkageOrder, SearchBatch

ROLES = ("enforcement", "division_head", "president")
SEND_TASK = "xiezhi.enforcement.tasks.send_linkage_orders"
SEND_CHUNK = 2000  # orders claimed (and answers read) per round trip: a central unit's run is tens of thousands
S = LinkageOrder.Status


def adapter():
    """The configured adapter: LINKAGE_ADAPTER (a dotted class path) or HTTP to LINKAGE_URL."""
    if settings.LINKAGE_ADAPTER:
        module, _, name = settings.LINKAGE_ADAPTER.rpartition(".")
        return getattr(import_module(module), name)()
    if not settings.LINKAGE_URL:
        raise LinkageUnavailable("网络查控未配置（XIEZHI_LINKAGE_URL）")
    from .linkage_adapters import HttpLinkageAdapter

    return HttpLinkageAdapter(settings.LINKAGE_URL)


def may_control(user, case: Case) -> bool:
    return can_manage_case(user, case, *ROLES)


def _check(actor, case: Case) -> None:
    if not may_control(actor, case):
        raise PermissionDenied(_("只有本案执行人员可以办理网络查控。"))
    if not selectors.is_enforcement_case(case):
        raise ValidationError(_("只有执行案件可以办理网络查控。"))
    if case.status == "archived":
        raise ValidationError(_("案件已归档，不能再办理网络查控。"))


def _clean_bodies(bodies) -> list[str]:
    if not bodies:
        return list(BODIES)
    unknown = [b for b in bodies if b not in BODIES]
    if unknown:
        raise ValidationError(_("未知的协助单位：%(b)s。") % {"b": "、".join(unknown)})
    return [b for b in BODIES if b in bodies]


# ---------------------------------------------------------------- search

def start_search(actor, cases_or_case, bodies=None, reason: str = "") -> SearchBatch:
    """A network search of every judgment debtor of the case(s) at `bodies` (default: all eight).
    `actor` None is the system (the 终本 re-search job, reason "zhongben_rescan"); a person must be
    enforcement staff of each case. Orders are created PENDING and sent after commit."""
    cases = [cases_or_case] if isinstance(cases_or_case, (Case, int)) else list(cases_or_case)
    bodies = _clean_bodies(bodies)
    if not cases:
        raise ValidationError(_("没有需要查询的案件。"))
    case_ids = [getattr(c, "pk", c) for c in cases]
    loaded = Case.objects.select_related("case_type").in_bulk(case_ids)
    for cid in case_ids:
        if cid not in loaded:
            raise ValidationError(_("案件不存在。"))
        if actor is not None:
            _check(actor, loaded[cid])
        elif not selectors.is_enforcement_case(loaded[cid]):
            raise ValidationError(_("只有执行案件可以办理网络查控。"))
    debtors = defaultdict(list)
    for p in Party.objects.filter(case_id__in=case_ids, role="judgment_debtor").only("pk", "case_id"):
        debtors[p.case_id].append(p.pk)
    if not any(debtors.values()):
        raise ValidationError(_("案件没有被执行人，无法查询。"))
    now = timezone.now()
    with transaction.atomic():
        batch = SearchBatch.objects.create(requested_by=actor, reason=(reason or "")[:40], created_at=now,
                                           bodies=bodies, case_count=len(case_ids))
        rows = [LinkageOrder(batch=batch, case_id=cid, party_id=pid, body=b, kind=LinkageOrder.Kind.SEARCH,
                             key=f"s{batch.pk}-{pid}-{b}", requested_by=actor, created_at=now)
                for cid in case_ids for pid in debtors[cid] for b in bodies]
        LinkageOrder.objects.bulk_create(rows, batch_size=2000)
        append_event_to_cases([(cid, "linkage_search_sent", actor,
                                {"batch": batch.pk, "bodies": len(bodies), "debtors": len(debtors[cid]),
                                 "reason": batch.reason}, now) for cid in case_ids if debtors[cid]])
        run_after_commit(SEND_TASK, batch.pk)
    return batch


# ---------------------------------------------------------------- freeze / deduct / release

def _amount(value, required: bool) -> Decimal | None:
    if value in (None, "") and not required:
        return None
    try:
        amount = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(_("金额须为数字（单位：元）。"))
    if not amount.is_finite() or amount <= 0:
        raise ValidationError(_("金额须大于零。"))
    if amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("1e14"):
        raise ValidationError(_("金额最多精确到分（两位小数）。"))
    return amount


def _control(actor, asset: Asset, kind: str, amount, key: str, allowed: tuple, refusal: str) -> LinkageOrder:
    with transaction.atomic():
        case = lock_case(asset.case_id)
        _check(actor, case)
        asset = Asset.objects.select_for_update().get(pk=asset.pk)
        order_key = f"{kind[0]}{asset.pk}-{(key or uuid.uuid4().hex)[:40]}"
        earlier = LinkageOrder.objects.filter(key=order_key).first()
        if earlier is not None:  # the same form sent twice
            return earlier
        if asset.status not in allowed:
            raise ValidationError(refusal)
        if asset.orders.filter(kind__in=["freeze", "deduct", "release"],
                               status__in=[S.PENDING, S.SENDING, S.SENT, S.TIMED_OUT, S.PARTIAL]).exists():
            raise ValidationError(_("该财产已有未反馈的控制指令，请等待协助单位反馈。"))
        now = timezone.now()
        order = LinkageOrder.objects.create(case=case, party_id=asset.party_id, asset=asset, body=asset.body, kind=kind,
                                            amount=amount, key=order_key, requested_by=actor, created_at=now)
        append_event(case, "linkage_control_sent", actor,
                     {"order": order.pk, "kind": kind, "asset": str(asset), "body": BODIES[asset.body][0],
                      "amount": str(amount) if amount is not None else ""}, at=now)
        run_after_commit(SEND_TASK, None)
    return order


def freeze(actor, asset: Asset, amount=None, key: str = "") -> LinkageOrder:
    """冻结（查封）: an order to the holder body; the asset is frozen when the body confirms."""
    amount = _amount(amount, required=False)
    if amount is not None and asset.kind in DEDUCTIBLE and amount > asset.value:
        raise ValidationError(_("冻结金额不能超过账户余额 %(v)s 元。") % {"v": asset.value})
    return _control(actor, asset, "freeze", amount, key, (Asset.Status.FOUND, Asset.Status.RELEASED),
                    _("只有已查到或已解冻的财产可以冻结。"))


def deduct(actor, asset: Asset, amount, key: str = "") -> LinkageOrder:
    """扣划 frozen money; the body's confirmation records the amount as a receipt of the case."""
    amount = _amount(amount, required=True)
    if asset.kind not in DEDUCTIBLE:
        raise ValidationError(_("只有银行存款和支付账户资金可以扣划。"))
    if asset.frozen_amount is not None and amount > asset.frozen_amount:
        raise ValidationError(_("扣划金额不能超过冻结金额 %(v)s 元。") % {"v": asset.frozen_amount})
    return _control(actor, asset, "deduct", amount, key, (Asset.Status.FROZEN,), _("只有已冻结的财产可以扣划。"))


def release(actor, asset: Asset, key: str = "") -> LinkageOrder:
    """解冻（解除查封）."""
    return _control(actor, asset, "release", None, key, (Asset.Status.FROZEN,), _("只有已冻结的财产可以解冻。"))


# ---------------------------------------------------------------- sending

def _signer(court):
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from xiezhi.documents.seal import ensure_court_key

    key_path, cert_path = ensure_court_key(court)
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    cert = cert_path.read_text()

    def sign(order: dict) -> dict:
        sig = key.sign(canonical(order), ec.ECDSA(hashes.SHA256()))
        return {**order, "seal": {"alg": "ES256", "signature": base64.b64encode(sig).decode(), "cert": cert}}

    return sign


def _message(order: LinkageOrder, court_code: str, id_number: str, name: str) -> dict:
    asset = order.asset
    return {"ref": order.key, "kind": order.kind, "body": order.body, "court": court_code,
            "case": order.case_id, "debtor": {"name": name, "id_number": id_number},
            "asset": {"kind": asset.kind, "identifier": asset.identifier} if asset else None,
            "amount": str(order.amount) if order.amount is not None else None,
            "issued_at": order.created_at.isoformat()}


def _claim(batch_id=None, limit: int = SEND_CHUNK) -> list[LinkageOrder]:
    """Move up to `limit` sendable rows to SENDING, in their own transaction (claim, then act)."""
    now = timezone.now()
    with transaction.atomic():
        qs = LinkageOrder.objects.filter(status__in=[S.PENDING, S.TIMED_OUT])
        if batch_id is not None:
            qs = qs.filter(batch_id=batch_id)
        ids = list(qs.order_by("id").select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit])
        if not ids:
            return []
        LinkageOrder.objects.filter(pk__in=ids).update(status=S.SENDING, claimed_at=now)
    return list(LinkageOrder.objects.filter(pk__in=ids, status=S.SENDING, claimed_at=now)
                .select_related("case__court", "party", "asset"))


def send_pending(batch_id=None, link=None, limit: int | None = None) -> int:
    """Send what is PENDING (of one batch, or all); returns the number of orders sent."""
    link = link or adapter()
    signers: dict = {}
    sent = 0
    follow_up = timedelta(hours=settings.LINKAGE_FOLLOW_UP_HOURS)
    while limit is None or sent < limit:
        claimed = _claim(batch_id, SEND_CHUNK)
        if not claimed:
            break
        by_body = defaultdict(list)
        down = False  # a body unreachable: this run stops, its orders wait for the next one
        for o in claimed:
            court = o.case.court
            if court.pk not in signers:
                signers[court.pk] = _signer(court)
            o.payload = signers[court.pk](_message(o, court.code or str(court.pk), o.party.id_number, o.party.name))
            by_body[o.body].append(o)
        for body, orders in by_body.items():
            try:
                acks = {a.get("ref"): a for a in link.submit(body, [o.payload for o in orders])}
            except LinkageUnavailable as exc:
                # not sent: back to PENDING for the next run; the body would recognise a repeat anyway
                LinkageOrder.objects.filter(pk__in=[o.pk for o in orders], status=S.SENDING).update(
                    status=S.PENDING, error=str(exc)[:300])
                down = True
                continue
            now = timezone.now()
            for o in orders:
                ack = acks.get(o.key) or {"accepted": False, "error": "协助单位未确认收到"}
                o.status = S.SENT if ack.get("accepted") else S.FAILED
                o.error = "" if ack.get("accepted") else str(ack.get("error", ""))[:300]
            _record_sent(orders, now, now + follow_up)
            sent += sum(o.status == S.SENT for o in orders)
        if down:
            break
    return sent


def _record_sent(orders: list[LinkageOrder], now, due) -> None:
    """One UPDATE for a sent chunk: payload, attempts and error always; status and deadlines only of
    rows still SENDING under this claim (a row a fast body answered meanwhile is not set back)."""
    if connection.vendor != "postgresql":  # the embedded demo (SQLite): the same, row by row
        for o in orders:
            LinkageOrder.objects.filter(pk=o.pk).update(payload=o.payload, attempts=F("attempts") + 1, error=o.error)
            LinkageOrder.objects.filter(pk=o.pk, status=S.SENDING).update(status=o.status, sent_at=now, due_at=due)
        return
    table = LinkageOrder._meta.db_table
    values = ", ".join(["(%s, %s, %s, %s)"] * len(orders))
    params = []
    for o in orders:
        params += [o.pk, json.dumps(o.payload, ensure_ascii=False), o.status, o.error]
    sql = (f"UPDATE {table} AS o SET payload = v.payload::jsonb, attempts = o.attempts + 1, error = v.error, "
           f"status = CASE WHEN o.status = %s THEN v.status ELSE o.status END, "
           f"sent_at = CASE WHEN o.status = %s THEN %s ELSE o.sent_at END, "
           f"due_at = CASE WHEN o.status = %s THEN %s ELSE o.due_at END "
           f"FROM (VALUES {values}) AS v(id, payload, status, error) WHERE o.id = v.id::bigint")
    with connection.cursor() as cur:
        cur.execute(sql, [S.SENDING, S.SENDING, now, S.SENDING, due] + params)


def expire_overdue(now=None) -> int:
    """Orders past their follow-up deadline: TIMED_OUT (sent again by the next send) or, after
    LINKAGE_MAX_ATTEMPTS sendings, FAILED. Claims left in SENDING by a dead worker go back to PENDING."""
    now = now or timezone.now()
    stale = now - timedelta(minutes=settings.LINKAGE_CLAIM_MINUTES)
    LinkageOrder.objects.filter(status=S.SENDING, claimed_at__lt=stale).update(status=S.PENDING)
    overdue = LinkageOrder.objects.filter(status__in=[S.SENT, S.PARTIAL], due_at__lt=now)
    failed = overdue.filter(attempts__gte=settings.LINKAGE_MAX_ATTEMPTS).update(
        status=S.FAILED, error="多次发送均未获反馈")
    return overdue.update(status=S.TIMED_OUT) + failed


# ---------------------------------------------------------------- answers

def poll_answers(link=None, bodies=None, limit: int = SEND_CHUNK) -> int:
    """Read every body's new answers; returns the number of answers recorded (duplicates skipped)."""
    link = link or adapter()
    recorded = 0
    for body in _clean_bodies(bodies):
        LinkageCursor.objects.get_or_create(body=body)
        while True:
            with transaction.atomic():
                cursor = LinkageCursor.objects.select_for_update().get(body=body)
                answers, nxt = link.poll(body, cursor.since, limit)
                recorded += _record_answers(body, answers)
                cursor.since = max(cursor.since, nxt)
                cursor.save(update_fields=["since"])
            if len(answers) < limit:
                break
    return recorded


def _record_answers(body: str, answers: list[dict]) -> int:
    ids = [str(a.get("answer_id", "")) for a in answers if a.get("answer_id")]
    known = set(LinkageAnswer.objects.filter(body=body, answer_id__in=ids).values_list("answer_id", flat=True))
    fresh, seen = [], set()
    for a in answers:
        aid = str(a.get("answer_id", ""))
        if aid and aid not in known and aid not in seen:  # a body's duplicate: recorded once
            seen.add(aid)
            fresh.append(a)
    if not fresh:
        return 0
    orders = LinkageOrder.objects.select_related("asset").in_bulk([str(a.get("ref", "")) for a in fresh],
                                                                  field_name="key")
    # Two pollers (of different bodies) may write to the same cases: every case row they will append
    # events to is locked here, in ascending id, so they queue instead of deadlocking
    case_ids = sorted({o.case_id for o in orders.values()})
    list(Case.objects.select_for_update().filter(pk__in=case_ids).order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    rows, new_assets, per_case = [], [], defaultdict(lambda: [0, 0])
    settled = {S.ANSWERED: [], S.PARTIAL: []}
    for a in fresh:
        order = orders.get(str(a.get("ref", "")))
        if order is None or order.body != body:
            continue  # not ours: never recorded against another order
        rows.append(LinkageAnswer(order=order, body=body, answer_id=str(a["answer_id"]), final=bool(a.get("final")),
                                  received_at=now, assets=a.get("assets") or [], result=str(a.get("result", ""))[:20]))
        if order.kind == "search":
            per_case[order.case_id][0] += 1
            for found in a.get("assets") or []:
                new_assets.append(_asset_row(order, body, found, now))
            settled[S.ANSWERED if a.get("final") else S.PARTIAL].append(order.pk)
        else:
            _apply_control(order, a, now)
    LinkageAnswer.objects.bulk_create(rows, batch_size=1000)
    # a final answer closes the order; a partial one never reopens a closed order
    if settled[S.ANSWERED]:
        LinkageOrder.objects.filter(pk__in=settled[S.ANSWERED]).update(status=S.ANSWERED, answered_at=now)
    if settled[S.PARTIAL]:
        LinkageOrder.objects.filter(pk__in=settled[S.PARTIAL]).exclude(status=S.ANSWERED).update(
            status=S.PARTIAL, answered_at=now)
    if new_assets:
        before = _asset_count(new_assets)
        Asset.objects.bulk_create(new_assets, ignore_conflicts=True, batch_size=1000)
        after = _asset_count(new_assets)
        for cid, n in after.items():
            per_case[cid][1] = n - before.get(cid, 0)
    append_event_to_cases([(cid, "linkage_answers_received", None, {"answers": n_answers, "assets": n_assets}, now)
                           for cid, (n_answers, n_assets) in per_case.items()])
    return len(rows)


def _asset_count(rows) -> dict:
    cases = {r.case_id for r in rows}
    return dict(Asset.objects.filter(case_id__in=cases).values_list("case_id").annotate(n=Count("id")))


def _asset_row(order: LinkageOrder, body: str, found: dict, now) -> Asset:
    kind = found.get("kind") if found.get("kind") in Asset.Kind.values else BODIES[body][2]
    try:
        value = Decimal(str(found.get("value", "0"))).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        value = Decimal("0.00")
    return Asset(case_id=order.case_id, party_id=order.party_id, kind=kind, body=body,
                 identifier=str(found.get("identifier", ""))[:100], description=str(found.get("description", ""))[:200],
                 value=value, found_at=now, found_by=order)


def _settle(order: LinkageOrder, status: str, now) -> None:
    # a final answer closes the order; a partial one never reopens a closed order
    qs = LinkageOrder.objects.filter(pk=order.pk)
    if status == S.PARTIAL:
        qs = qs.exclude(status=S.ANSWERED)
    qs.update(status=status, answered_at=now)


def _apply_control(order: LinkageOrder, a: dict, now) -> None:
    asset = Asset.objects.select_for_update().get(pk=order.asset_id)
    if a.get("result") != "ok":
        LinkageOrder.objects.filter(pk=order.pk).update(status=S.FAILED, answered_at=now,
                                                        error=str(a.get("error", "协助单位拒绝"))[:300])
        append_event(order.case, "linkage_control_refused", None,
                     {"order": order.pk, "kind": order.kind, "asset": str(asset),
                      "error": str(a.get("error", ""))[:200]}, at=now, refresh=False)
        return
    _settle(order, S.ANSWERED, now)
    amount = Decimal(str(a.get("amount") or "0"))
    payload = {"order": order.pk, "asset": str(asset), "body": BODIES[order.body][0], "amount": str(amount)}
    if order.kind == "freeze":
        asset.status = Asset.Status.FROZEN
        asset.frozen_amount = amount if asset.kind in DEDUCTIBLE else None
        asset.freeze_ends_on = control_law.freeze_ends_on(asset.kind, timezone.localdate(now))
        payload["ends_on"] = asset.freeze_ends_on.isoformat()
        code = "linkage_frozen"
    elif order.kind == "deduct":
        asset.status = Asset.Status.DEDUCTED
        asset.value = max(Decimal("0"), asset.value - amount)
        code = "linkage_deducted"
    else:
        asset.status = Asset.Status.RELEASED
        asset.frozen_amount, asset.freeze_ends_on = None, None
        code = "linkage_released"
    asset.save(update_fields=["status", "frozen_amount", "freeze_ends_on", "value"])
    append_event(order.case, code, None, payload, at=now, refresh=False)
    if order.kind == "deduct" and amount > 0:
        from . import services

        # idempotent by key: the answer recorded twice (it cannot be: answer ids are unique) would
        # still be one receipt
        services.receive(order.requested_by, order.case, amount, BODIES[order.body][0], key=f"linkage-{order.pk}",
                         note=_("网络查控扣划（%(asset)s）") % {"asset": asset.identifier})


# ---------------------------------------------------------------- the periodic job

def run_poll(link=None) -> dict:
    """poll_linkage: answers first (a late answer beats its timeout), then deadlines, then sending."""
    link = link or adapter()
    answers = poll_answers(link)
    expired = expire_overdue()
    sent = send_pending(link=link)
    return {"answers": answers, "timed_out": expired, "sent": sent}


def batch_progress(batch: SearchBatch) -> list[dict]:
    """Per body: how many orders are in each state."""
    counts = defaultdict(dict)
    for body, status, n in (batch.orders.values_list("body", "status").annotate(n=Count("id"))
                            .order_by("body", "status")):
        counts[body][status] = n
    out = []
    for body in batch.bodies:
        c = counts.get(body, {})
        out.append({"body": body, "name": BODIES.get(body, (body,))[0], "total": sum(c.values()),
                    "waiting": c.get(S.PENDING, 0) + c.get(S.SENDING, 0), "sent": c.get(S.SENT, 0),
                    "answered": c.get(S.ANSWERED, 0), "partial": c.get(S.PARTIAL, 0),
                    "timed_out": c.get(S.TIMED_OUT, 0), "failed": c.get(S.FAILED, 0)})
    return out


def search_stage_cases(user):
    """Enforcement cases of the user's court open for search (the 查控 stage: open 执 cases)."""
    from xiezhi.cases.selectors import visible_cases

    return (visible_cases(user).filter(case_type__type_code__startswith="执",
                                       status__in=["registered", "in_trial"])
            .exclude(case_type__type_code__in=["执异", "执复"]))

