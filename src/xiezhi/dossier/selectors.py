"""Reads of the e-file, filtered by what the user may see."""
from __future__ import annotations

import re

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from xiezhi.cases.selectors import can_view_case, visible_cases
from xiezhi.law.dossier import Paper, running_pages

from .models import AccessRequest, Dossier, Entry, Page, PageNote


# What the reader and the case-page panel show of an entry: not the file name, hash or size.
LIGHT_FIELDS = ("id", "dossier_id", "section", "item_order", "kind", "item_title", "title", "pages", "ocr_state",
                "supersedes_id")


def catalogue(dossier: Dossier, *, light: bool = False, with_progress: bool = False) -> list[Entry]:
    """Entries in catalogue order with .first_page/.last_page (running, per volume) and .current
    (False once a correction superseded it; superseded papers keep no page numbers). One query
    whatever the size of the e-file. light: only the columns the reader and the panel show.
    with_progress: also .pages_total/.pages_done (OCR progress, see progress_of)."""
    qs = Entry.objects.filter(dossier=dossier).annotate(
        is_superseded=Exists(Entry.objects.filter(supersedes=OuterRef("pk"))))
    if light:
        qs = qs.only(*LIGHT_FIELDS)
    if with_progress:
        qs = qs.annotate(pages_total=Count("page_set"), pages_done=Count("page_set", filter=Q(page_set__done=True)))
    entries = list(qs.order_by("section", "item_order", "id"))
    papers = [Paper(e.pk, e.section, e.item_order, e.pk, e.pages if not e.is_superseded else 0) for e in entries]
    ranges = running_pages(papers)
    order = {p.key: i for i, p in enumerate(sorted(papers, key=lambda p: (("main", "side").index(p.section),
                                                                            p.item_order, p.seq)))}
    for e in entries:
        e.current = not e.is_superseded
        e.first_page, e.last_page = ranges[e.pk]
    entries.sort(key=lambda e: order[e.pk])
    pos = 1
    for e in entries:
        e.position = None
        if e.current and e.first_page:
            e.position, pos = pos, pos + e.pages
    return entries


def progress_of(entries: list[Entry]) -> dict:
    """OCR progress over every page of the e-file, from catalogue(..., with_progress=True)."""
    total = sum(e.pages_total for e in entries)
    done = sum(e.pages_done for e in entries)
    return {"total": total, "done": done, "percent": int(100 * done / total) if total else 100}


def sequence(entries: list[Entry]) -> list[tuple[Entry, int, int]]:
    """(entry, page within entry, running page in its volume) for every numbered page, in order."""
    out = []
    for e in entries:
        if e.current and e.first_page:
            out.extend((e, n, e.first_page + n - 1) for n in range(1, e.pages + 1))
    return out


def locate(entries: list[Entry], position: int):
    """The position-th page (1-based over both volumes) → (entry, n, running page) or None."""
    if position < 1:
        return None
    for e in entries:
        if e.current and e.first_page:
            if position <= e.pages:
                return e, position, e.first_page + position - 1
            position -= e.pages
    return None


def page_count(entries: list[Entry]) -> int:
    return sum(e.pages for e in entries if e.current and e.first_page)


def position_of(entries: list[Entry], entry_id: int, n: int) -> int | None:
    pos = 0
    for e in entries:
        if e.current and e.first_page:
            if e.pk == entry_id:
                return pos + n
            pos += e.pages
    return None


def progress(dossier: Dossier) -> dict:
    agg = Page.objects.filter(entry__dossier=dossier).aggregate(total=Count("id"), done=Count("id", filter=Q(done=True)))
    return {"total": agg["total"], "done": agg["done"],
            "percent": int(100 * agg["done"] / agg["total"]) if agg["total"] else 100}


def notes_for(user, page: Page):
    return PageNote.objects.filter(page=page, author=user)


def bookmarks(user, dossier: Dossier):
    return (PageNote.objects.filter(author=user, bookmark=True, page__entry__dossier=dossier)
            .select_related("page", "page__entry").defer("page__text", "page__tokens"))


def notes_and_bookmarks(user, dossier: Dossier, page: Page | None, entries: list[Entry]):
    """The user's notes on the page shown and their bookmarks in this e-file, in one query.
    Bookmarks get .entry (from the catalogue already read) and .position (link target)."""
    cond = Q(bookmark=True, page__entry__dossier=dossier)
    if page is not None:
        cond |= Q(page=page)
    rows = list(PageNote.objects.filter(cond, author=user).select_related("page")
                .only("id", "page_id", "author_id", "bookmark", "text", "created_at",
                      "page__id", "page__entry_id", "page__number"))
    by_id = {e.pk: e for e in entries}
    notes = [n for n in rows if page is not None and n.page_id == page.pk]
    marks = []
    for n in rows:
        if n.bookmark:
            n.entry = by_id.get(n.page.entry_id)
            n.position = position_of(entries, n.page.entry_id, n.page.number)
            marks.append(n)
    return notes, marks


# A search is at most this long and matches at most this many words: a 5,000-character query built
# an expression SQLite refused ("Expression tree is too large", security review F17).
MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 32


def cap_query(query: str) -> tuple[str, bool]:
    """(the query as searched, whether it was shortened to MAX_QUERY_CHARS)."""
    query = (query or "").strip()
    return (query[:MAX_QUERY_CHARS].strip(), True) if len(query) > MAX_QUERY_CHARS else (query, False)


def tokens_of(query: str) -> list[str]:
    from .text import tokenize

    words = [t for t in tokenize(cap_query(query)[0]).split() if t.strip()]
    return list(dict.fromkeys(words))[:MAX_QUERY_TOKENS]


def _match(qs, query: str):
    words = tokens_of(query)
    if not words:
        return qs.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        # alias, not annotate: the tsvector is matched (by the GIN index of migration 0002), never selected
        return qs.alias(_v=SearchVector("tokens", config="simple")).filter(
            _v=SearchQuery(" ".join(words), config="simple", search_type="plain"))
    cond = Q()
    for w in words:
        cond &= Q(text__icontains=w)
    return qs.filter(cond)


def snippet(text: str, query: str, width: int = 40) -> list[tuple[str, bool]]:
    """The text around the first hit, split into (piece, is_hit) for highlighting in the template."""
    words = [w for w in {query.strip(), *tokens_of(query)} if w]
    flat = re.sub(r"\s+", " ", text)
    pos = min((flat.find(w) for w in words if flat.find(w) >= 0), default=0)
    start = max(0, pos - width)
    part = flat[start:pos + width * 2]
    pattern = re.compile("(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")
    return [(piece, bool(pattern.fullmatch(piece))) for piece in pattern.split(part) if piece]


def search_entries(entries: list[Entry], query: str, *, offset: int = 0,
                   limit: int = 200) -> tuple[int, int, list[dict]]:
    """Full-text search over the current papers of one catalogue (already read and permitted):
    (number of pages hit, offset used, hits[offset:offset + limit] in reading order); an offset
    past the end shows the last hits. Two queries whatever the size of the e-file: the ids of
    every page hit (no text), then the text of the hits shown."""
    current = {e.pk: e for e in entries if e.current}
    if not query.strip() or not current:
        return 0, 0, []
    found = list(_match(Page.objects.filter(entry_id__in=list(current)), query)
                 .values_list("id", "entry_id", "number").order_by()) if tokens_of(query) else []
    starts, pos = {}, 0
    for e in entries:
        if e.current and e.first_page:
            starts[e.pk] = pos
            pos += e.pages
    rows = []
    for pid, entry_id, number in found:
        e = current[entry_id]
        position = starts[entry_id] + number if entry_id in starts and number <= e.pages else None
        rows.append((position or 0, entry_id, number, pid, position))
    rows.sort()
    if offset >= len(rows):
        offset = max(0, (len(rows) - 1) // limit * limit)
    shown = rows[offset:offset + limit]
    texts = dict(Page.objects.filter(id__in=[r[3] for r in shown]).order_by().values_list("id", "text")) if shown else {}
    hits = []
    for _key, entry_id, number, pid, position in shown:
        e = current[entry_id]
        page = Page(id=pid, entry_id=entry_id, number=number, text=texts.get(pid, ""))
        hits.append({"page": page, "entry": e, "running": (e.first_page or 1) + number - 1, "position": position,
                     "snippet": snippet(page.text, query)})
    return len(rows), offset, hits


def search_dossier(user, case, query: str, limit: int = 200) -> list[dict]:
    """Full-text search in one case's e-file; nothing for a user who may not read it."""
    if not query.strip():
        return []
    dossier = Dossier.objects.filter(case=case).only("id", "archived_at").first()
    if dossier is None or not can_read_dossier(user, case, dossier=dossier):
        return []
    return search_entries(catalogue(dossier, light=True), query, limit=limit)[2]


def readable_dossiers(user):
    """E-files the user may read now: of visible cases, not archived or with an approved, unexpired request."""
    approved = AccessRequest.objects.filter(dossier=OuterRef("pk"), requester=user, status="approved",
                                            expires_at__gt=timezone.now())
    return Dossier.objects.filter(case__in=visible_cases(user)).filter(Q(archived_at__isnull=True) | Exists(approved))


def search_court(user, query: str, limit: int = 100) -> list[dict]:
    """Court-wide e-file search for staff: only the cases they may see."""
    if not query.strip():
        return []
    pages = (_match(Page.objects.filter(entry__dossier__in=readable_dossiers(user), entry__superseded_by__isnull=True),
                   query).select_related("entry", "entry__dossier__case")
             .defer("tokens", "entry__dossier__manifest")  # the archive manifest can be large
             .order_by("-entry__dossier_id", "entry_id", "number")[:limit])
    return [{"page": p, "entry": p.entry, "case": p.entry.dossier.case, "snippet": snippet(p.text, query)}
            for p in pages]


def pending_requests(user):
    """Archive-read requests this user may decide."""
    if not user.has_role("division_head", "trial_management"):
        return AccessRequest.objects.none()
    return (AccessRequest.objects.filter(status="pending", dossier__case__in=visible_cases(user))
            .exclude(requester=user).select_related("dossier__case", "requester"))


def upload_kinds(dossier: Dossier):
    from .models import CatalogueItem

    return CatalogueItem.objects.filter(version=dossier.catalogue_version).order_by("section", "order")


def can_read_dossier(user, case: Case, *, dossier: Dossier | None = None, case_visible: bool = False) -> bool:
    """Open e-file: whoever can see the case. Archived e-file: only with an approved, unexpired request.
    dossier: the case's e-file when the caller has read it already; case_visible=True when the
    caller got the case through visible_cases(user) (saves the queries, not the check)."""
    if not case_visible and not can_view_case(user, case):
        return False
    d = dossier if dossier is not None else Dossier.objects.filter(case=case).only("archived_at").first()
    if d is None or not d.frozen:
        return True
    return AccessRequest.objects.filter(dossier=d, requester=user, status=AccessRequest.Status.APPROVED,
                                        expires_at__gt=timezone.now()).exists()
