"""The rows of 执行信息公开 (domain §9.1) and the public search over them. Written by the services
(dishonest.py, credit.py; 终本 may add its own kind) in the transaction of the decision they show,
removed when it ends."""
from __future__ import annotations

import hashlib
from datetime import date

from django.db.models import Q, QuerySet

from xiezhi.cases.models import Case
from xiezhi.law import enforcement as enf_law
from xiezhi.law import enforcement_credit as law

from .models import DishonestEntry
from .models_credit import PublicCreditRecord

#: a public search needs at least this many characters of a name (a one-character prefix would list half the country)
MIN_NAME_CHARS = 2
MAX_RESULTS = 50


def id_hash(id_number: str) -> str:
    """How a public row finds an ID number without holding it (sha256 of the normalised number)."""
    norm = law.normalise_id(id_number)
    return hashlib.sha256(norm.encode()).hexdigest() if norm else ""


def publish(kind: str, source: str, *, name: str, id_number: str, natural: bool, case: Case, detail: str,
            decided_on: date) -> PublicCreditRecord:
    """Show one decision in public (or refresh it). The extension point for other parts of 执行
    (终本 cases: kind PublicCreditRecord.Kind.ZHONGBEN, source "zhongben:<case pk>")."""
    row, _created = PublicCreditRecord.objects.update_or_create(kind=kind, source=source, defaults={
        "name": name, "id_hash": id_hash(id_number), "id_shown": law.mask_id_number(id_number, natural),
        "court": case.court.name, "case_number": case.number, "detail": detail[:1000], "decided_on": decided_on})
    return row


def withdraw(kind: str, source: str) -> int:
    """Stop showing a decision: its row and the rows of the persons it extended to ("<source>:<n>")."""
    return PublicCreditRecord.objects.filter(Q(source=source) | Q(source__startswith=source + ":"), kind=kind).delete()[0]


def publish_dishonest(entry: DishonestEntry) -> None:
    items = "、".join(f"第一条第{n}项（{enf_law.CIRCUMSTANCES[n]}）" for n in entry.circumstances)
    party = entry.party
    publish(PublicCreditRecord.Kind.DISHONEST, f"dishonest:{entry.pk}", name=party.name, id_number=party.id_number,
            natural=party.kind == "natural", case=entry.case, detail="失信情形：" + items, decided_on=entry.decided_on)


def withdraw_dishonest(entry: DishonestEntry) -> None:
    withdraw(PublicCreditRecord.Kind.DISHONEST, f"dishonest:{entry.pk}")


def public_records(records: QuerySet | None = None, query: str = "") -> list[PublicCreditRecord]:
    """The public search (执行信息公开): rows whose ID number / credit code equals `query`, or whose
    name equals or starts with it (at least MIN_NAME_CHARS characters); at most MAX_RESULTS, newest
    decision first. `records` narrows what is shown (a kind, a court); default every public row.
    Only rows of decisions in force exist, so nothing deleted or lifted is ever shown."""
    query = (query or "").strip()
    if not query:
        return []
    records = PublicCreditRecord.objects.all() if records is None else records
    hashed = id_hash(query)
    if len(query) < MIN_NAME_CHARS:
        found = records.filter(id_hash=hashed)
    else:
        found = records.filter(Q(id_hash=hashed) | Q(name__startswith=query))
    return list(found.order_by("-decided_on", "id")[:MAX_RESULTS])
