"""Writes to the e-file: filing papers, supersedes, notes, archiving and archived-read requests."""
from __future__ import annotations

import hashlib
import io
import json
import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case, can_view_case
from xiezhi.cases.counters import next_value
from xiezhi.cases.services import append_event, lock_case
from xiezhi.celery import run_after_commit
from xiezhi.law import dossier as rules
from xiezhi.site.uploads import MAX_IMAGE_PIXELS, check_image_pixels, clean_filename, image_pixels
from xiezhi.storage import store_once

from .models import (
    AccessRequest,
    CatalogueItem,
    Dossier,
    Entry,
    Page,
    PageNote,
    RetentionRule,
)
from .selectors import can_read_dossier, catalogue

log = logging.getLogger(__name__)

UPLOAD_ROLES = ("judge", "assistant", "clerk", "filing_judge")
ARCHIVE_ROLES = ("clerk", "judge", "division_head", "trial_management")
APPROVER_ROLES = ("division_head", "trial_management")
CATALOGUE_VERSION = "2026"
PDF_TYPES = ("application/pdf",)
IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}


# ---------------------------------------------------------------- content checks


def inspect(data: bytes, *, strict: bool) -> tuple[str, int]:
    """(content_type, pages) judged from the bytes, not the name. strict: refuse anything that is
    not a readable PDF or PNG/JPEG image, with a message the uploader understands."""
    limit = settings.DOSSIER_MAX_UPLOAD_BYTES
    if len(data) == 0:
        raise ValidationError(_("文件为空。"))
    if len(data) > limit:
        raise ValidationError(_("文件超过 %(mb)s MB，请分册上传。") % {"mb": limit // (1024 * 1024)})
    if data[:5] == b"%PDF-":
        from pypdf import PdfReader

        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise ValidationError(_("PDF 文件已加密，请上传未加密的文件。"))
            pages = len(reader.pages)
        except ValidationError:
            raise
        except Exception:
            if not strict:  # a paper another app produced is kept even if unreadable (0 pages)
                return "application/octet-stream", 0
            raise ValidationError(_("PDF 文件已损坏，无法读取。"))
        if pages == 0:
            raise ValidationError(_("PDF 文件没有页面。"))
        if pages > settings.DOSSIER_MAX_PAGES:
            raise ValidationError(_("PDF 页数过多，请分册上传。"))
        return "application/pdf", pages
    from PIL import Image

    pixels = image_pixels(data)
    if pixels is not None and pixels > MAX_IMAGE_PIXELS:
        # never decoded by the worker (security review F24): refused from a person, kept as a file otherwise
        if strict:
            check_image_pixels(data)
        return "application/octet-stream", 0
    try:
        with Image.open(io.BytesIO(data)) as im:
            fmt = im.format
            im.verify()
        if fmt in IMAGE_TYPES:
            return IMAGE_TYPES[fmt], 1
    except Exception:
        if strict and data[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1"):
            raise ValidationError(_("图片文件已损坏，无法读取。"))
    if strict:
        raise ValidationError(_("只能上传 PDF 或 JPG、PNG 图片。"))
    return "application/octet-stream", 0


# ---------------------------------------------------------------- filing papers


def dossier_for(case: Case) -> Dossier:
    d, _created = Dossier.objects.get_or_create(case=case, defaults={"catalogue_version": CATALOGUE_VERSION})
    return d


def _ensure_reference(version: str) -> None:
    """The tables come from a data migration; a database flushed since (transactional tests,
    a restored dump without them) is refilled from the CSV files."""
    if not CatalogueItem.objects.filter(version=version).exists() or \
            not RetentionRule.objects.filter(version=version).exists():
        from .reference import load

        load()


def catalogue_item(version: str, kind: str) -> CatalogueItem:
    _ensure_reference(version)
    item = CatalogueItem.objects.filter(version=version, kind=kind).first()
    return item or CatalogueItem.objects.get(version=version, kind="other")


def frozen_error():
    return ValidationError(_("该案电子卷宗已归档，不能再添加或更正材料。"))


def file_paper(case: Case, *, data: bytes, name: str, title: str, kind: str, source: str, created_by=None,
               supersedes: Entry | None = None, strict: bool = False) -> Entry:
    """File one paper into the case's e-file (电子卷宗随案生成). Idempotent per (source, content):
    the same paper from the same source is filed once. Never overwrites."""
    content_type, pages = inspect(data, strict=strict)
    sha = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        lock_case(case)
        dossier = dossier_for(case)
        if dossier.frozen:
            raise frozen_error()
        existing = Entry.objects.filter(dossier=dossier, source=source, sha256=sha).first()
        if existing:
            return existing
        if supersedes is not None:
            if supersedes.dossier_id != dossier.id:
                raise ValidationError(_("被更正的材料不属于本案。"))
            if Entry.objects.filter(supersedes=supersedes).exists():
                raise ValidationError(_("该材料已被更正，请更正最新的版本。"))
            kind = supersedes.kind
        item = catalogue_item(dossier.catalogue_version, kind)
        entry = Entry(dossier=dossier, section=item.section, item_order=item.order, kind=item.kind,
                      item_title=item.title, title=title[:200] or item.title, content_type=content_type,
                      size=len(data), sha256=sha, pages=pages, source=source[:120], supersedes=supersedes,
                      created_by=created_by,
                      ocr_state=Entry.OcrState.PENDING if pages else Entry.OcrState.DONE)
        ext = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}.get(content_type, "")
        if not ext and "." in name:
            ext = "." + name.rsplit(".", 1)[1][:8].lower()
        store_once(entry.file, "dossier", sha, data, ext)
        entry.save()
        Page.objects.bulk_create([Page(entry=entry, number=n) for n in range(1, pages + 1)])
        append_event(case, "dossier_filed", created_by,
                     {"entry": entry.pk, "title": entry.title, "item": item.title, "pages": pages,
                      "supersedes": supersedes.pk if supersedes else None})
        if pages:
            enqueue(entry.pk)
    return entry


def enqueue(entry_id: int) -> None:
    """OCR and renders of a new entry's pages, after commit: on a worker, or without one (the embedded
    demo) in a thread of this process, since a long scan takes minutes. Pages left pending (the broker
    was down, a worker died) are picked up by the scheduled xiezhi.dossier.tasks.process_pending."""
    run_after_commit("xiezhi.dossier.tasks.process_entry", entry_id, in_thread=True)


def upload(actor, case: Case, f, *, title: str, kind: str, supersedes: Entry | None = None) -> Entry:
    """A staff member adds a scan or file to the e-file (the request only queues OCR)."""
    if not can_manage_case(actor, case, *UPLOAD_ROLES):
        raise PermissionDenied(_("您无权向该案卷宗添加材料。"))
    data, name = f.read(), clean_filename(getattr(f, "name", ""))
    return file_paper(case, data=data, name=name, title=title or name,
                      kind=kind, source=f"upload:{actor.pk}:{hashlib.sha256(data).hexdigest()[:12]}",
                      created_by=actor, supersedes=supersedes, strict=True)


FILING_KINDS = {"complaint": "complaint", "identity": "identity", "authority": "authority",
                "evidence": "evidence", "other": "other"}


def file_registration_uploads(case: Case, actor=None) -> list[Entry]:
    """On 立案: the filing's uploads (起诉状, 证据 …) enter the e-file."""
    from django.apps import apps

    EvidenceFile = apps.get_model("filing", "EvidenceFile")
    out = []
    for ev in EvidenceFile.objects.filter(filing__case=case, removed_at__isnull=True).order_by("uploaded_at", "id"):
        with ev.file.open("rb") as fh:
            data = fh.read()
        try:
            out.append(file_paper(case, data=data, name=ev.original_name, title=ev.title, kind=FILING_KINDS.get(
                ev.kind, "other"), source=f"filing.EvidenceFile:{ev.pk}", created_by=actor or ev.uploaded_by))
        except ValidationError:
            log.warning("filing upload %s of case %s not filed", ev.pk, case.pk)
    return out


# ---------------------------------------------------------------- notes


def add_note(actor, page: Page, *, text: str = "", bookmark: bool = False) -> PageNote:
    case = page.entry.dossier.case
    if not (getattr(actor, "is_court_staff", False) and can_read_dossier(actor, case)):
        raise PermissionDenied(_("您无权查阅该案卷宗。"))
    if not text.strip() and not bookmark:
        raise ValidationError(_("请填写批注或设为书签。"))
    return PageNote.objects.create(page=page, author=actor, text=text.strip()[:2000], bookmark=bookmark)


# ---------------------------------------------------------------- archive


def _file_sha(entry: Entry) -> str:
    h = hashlib.sha256()
    with entry.file.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def build_manifest(dossier: Dossier) -> list[dict]:
    rows = []
    for e in catalogue(dossier):
        rows.append({"entry": e.pk, "section": e.section, "item": e.item_title, "title": e.title,
                     "sha256": _file_sha(e), "pages": e.pages, "first": e.first_page, "last": e.last_page,
                     "supersedes": e.supersedes_id, "current": e.current})
    return rows


def manifest_hash(manifest: list[dict]) -> str:
    return hashlib.sha256(json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":")).encode()).hexdigest()


def retention_table(version: str = CATALOGUE_VERSION) -> dict[str, str]:
    _ensure_reference(version)
    return dict(RetentionRule.objects.filter(version=version).values_list("type_code", "retention"))


def archive_case(actor, case: Case) -> Dossier:
    """归档: freeze the e-file, hash every file and the manifest, give the archive number and
    retention period, and append the "archived" node."""
    if actor is not None and not can_manage_case(actor, case, *ARCHIVE_ROLES):
        raise PermissionDenied(_("您无权将该案归档。"))
    with transaction.atomic():
        case = Case.objects.select_for_update(of=("self",)).select_related("court", "case_type").get(pk=case.pk)
        last_code = case.events.order_by("-seq").values_list("code", flat=True).first()
        if case.status == "archived" or last_code == "archived":
            return dossier_for(case)  # archived by the first of two clicks: the same dossier, no second node
        if case.status != "closed" and last_code != "closed":
            raise ValidationError(_("只有已结案的案件可以归档。"))
        dossier = dossier_for(case)
        if dossier.frozen:
            return dossier
        for e in dossier.entries.all():
            if _file_sha(e) != e.sha256:
                raise ValidationError(_("材料“%(title)s”与归入时的哈希不一致，不能归档。") % {"title": e.title})
        manifest = build_manifest(dossier)
        year = timezone.localdate().year
        type_code = case.case_type.type_code
        # archives made before the counter existed count as drawn (at_least); the upsert row lock
        # serialises two clerks archiving cases of the same court, type and year
        before = (Dossier.objects.filter(case__court_id=case.court_id, case__case_type__type_code=type_code,
                                         archived_at__year=year).aggregate(m=Max("archive_serial"))["m"] or 0)
        dossier.archive_serial = next_value("archive", case.court_id, year, type_code, at_least=before)
        dossier.archive_number = rules.archive_number(
            settings.DOSSIER_ARCHIVE_NUMBER_FORMAT, year=year,
            court_code=case.court.case_code, type_code=type_code, serial=dossier.archive_serial)
        dossier.retention = rules.retention_for(type_code, retention_table(dossier.catalogue_version))
        dossier.manifest = manifest
        dossier.manifest_sha256 = manifest_hash(manifest)
        dossier.archived_at = timezone.now()
        dossier.archived_by = actor
        dossier.save()
        append_event(case, "archived", actor, {"archive_number": dossier.archive_number,
                                               "retention": dossier.retention,
                                               "manifest_sha256": dossier.manifest_sha256})
    return dossier


def verify_archive(dossier: Dossier) -> list[str]:
    """Problems found re-hashing an archived e-file against its manifest (empty list = intact)."""
    problems = []
    if manifest_hash(dossier.manifest) != dossier.manifest_sha256:
        problems.append(_("归档清单已被改动。"))
    entries = {e.pk: e for e in dossier.entries.all()}
    for row in dossier.manifest:
        e = entries.get(row["entry"])
        if e is None:
            problems.append(_("材料“%(title)s”缺失。") % {"title": row["title"]})
        elif _file_sha(e) != row["sha256"]:
            problems.append(_("材料“%(title)s”的内容已被改动。") % {"title": row["title"]})
    if set(entries) - {row["entry"] for row in dossier.manifest}:
        problems.append(_("卷宗中有归档后加入的材料。"))
    return problems


def request_access(actor, case: Case, reason: str) -> AccessRequest:
    if not can_view_case(actor, case):
        raise PermissionDenied(_("您无权查阅该案。"))
    dossier = Dossier.objects.filter(case=case, archived_at__isnull=False).first()
    if dossier is None:
        raise ValidationError(_("该案尚未归档，无需申请。"))
    if not reason.strip():
        raise ValidationError(_("请填写查阅理由。"))
    return AccessRequest.objects.create(dossier=dossier, requester=actor, reason=reason.strip()[:300])


def decide_access(actor, req: AccessRequest, *, approve: bool, days: int = 7) -> AccessRequest:
    case = req.dossier.case
    if not can_manage_case(actor, case, *APPROVER_ROLES):
        raise PermissionDenied(_("只有庭长或审管办可以审批档案查阅申请。"))
    if req.requester_id == actor.pk:
        raise PermissionDenied(_("不能审批自己的申请。"))
    if req.status != AccessRequest.Status.PENDING:
        raise ValidationError(_("该申请已审批。"))
    days = max(1, min(int(days), 30))
    req.status = AccessRequest.Status.APPROVED if approve else AccessRequest.Status.REFUSED
    req.decided_by, req.decided_at = actor, timezone.now()
    req.expires_at = req.decided_at + timedelta(days=days) if approve else None
    req.save()
    return req
