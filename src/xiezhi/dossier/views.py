"""Staff pages of the e-file: reader, page images, upload, notes, search, archive, archived-read requests."""
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case, case_for_request, refuse_case, visible_cases
from xiezhi.site.access import staff_required
from xiezhi.site.http import file_response, parse_id

from . import selectors, services
from .models import Dossier, Entry, Page


def _error(request, exc):
    messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))


HITS_PER_PAGE = 20


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _query(request) -> str:
    """The search words of the page, shortened (and the user told) when over the length a search takes."""
    q, shortened = selectors.cap_query(request.GET.get("q", ""))
    if shortened:
        messages.warning(request, _("检索词过长，只按前 %(n)d 个字检索。") % {"n": selectors.MAX_QUERY_CHARS})
    return q


@staff_required()
def reader(request, pk):
    """阅卷: one page of the e-file with the catalogue, the user's notes and bookmarks, and an
    in-file full-text search. A fixed number of queries whatever the size of the e-file: only the
    page shown is read with its text, and search hits are shown HITS_PER_PAGE at a time."""
    try:
        case = (visible_cases(request.user).select_related("court", "case_type", "dossier")
                .defer("dossier__manifest").get(pk=pk))
    except Case.DoesNotExist:
        refuse_case(request, pk)
    dossier = getattr(case, "dossier", None)
    if dossier is None:
        raise Http404
    if not selectors.can_read_dossier(request.user, case, dossier=dossier, case_visible=True):
        record(request, AuditEntry.Action.DENIED, case=case, detail="电子卷宗")
        return render(request, "dossier/locked.html", {"case": case, "dossier": dossier,
                                                       "requests": dossier.requests.filter(requester=request.user)},
                      status=403)
    entries = selectors.catalogue(dossier, light=True)
    total = selectors.page_count(entries)
    pos = max(1, min(_int(request.GET.get("p"), 1), total or 1))
    where = selectors.locate(entries, pos)
    page = None
    if where:
        page = (Page.objects.filter(entry_id=where[0].pk, number=where[1])
                .only("id", "entry_id", "number", "text", "image", "error", "done").order_by().first())
    q = _query(request)
    hit_total, hits, hp, hit_pages = 0, [], 1, 1
    if q:
        hit_total, offset, hits = selectors.search_entries(
            entries, q, offset=(max(1, _int(request.GET.get("hp"), 1)) - 1) * HITS_PER_PAGE, limit=HITS_PER_PAGE)
        hp, hit_pages = offset // HITS_PER_PAGE + 1, max(1, -(-hit_total // HITS_PER_PAGE))
    notes, bookmarks = selectors.notes_and_bookmarks(request.user, dossier, page, entries)
    record(request, AuditEntry.Action.READ, case=case,
           detail=f"电子卷宗 第{pos}页" + (f" 已归档 {dossier.archive_number}" if dossier.frozen else ""))
    return render(request, "dossier/reader.html", {
        "case": case, "dossier": dossier, "entries": entries, "total": total, "pos": pos, "where": where,
        "page": page, "q": q, "hits": hits, "hit_total": hit_total, "hp": hp, "hit_pages": hit_pages,
        "hit_first": (hp - 1) * HITS_PER_PAGE + 1, "hit_last": (hp - 1) * HITS_PER_PAGE + len(hits),
        "hp_prev": hp - 1 if hp > 1 else None, "hp_next": hp + 1 if hp < hit_pages else None,
        "keep": "&" + urlencode({"q": q, "hp": hp}) if q else "",
        "notes": notes, "bookmarks": bookmarks, "prev": pos - 1 if pos > 1 else None,
        "next": pos + 1 if pos < total else None,
        "can_upload": not dossier.frozen and can_manage_case(request.user, case, *services.UPLOAD_ROLES),
        "kinds": selectors.upload_kinds(dossier)})


@staff_required()
def page_image(request, pk, size):
    page = get_object_or_404(Page.objects.select_related("entry__dossier__case"), pk=pk)
    case = page.entry.dossier.case
    if not selectors.can_read_dossier(request.user, case):
        raise deny(request, case=case, detail=f"电子卷宗页 {pk}")
    name = page.thumb if size == "thumb" else page.image
    if not name:
        raise Http404
    if page.entry.dossier.frozen:
        record(request, AuditEntry.Action.READ, case=case, detail=f"电子卷宗页面 {pk}")
    from django.core.files.storage import default_storage

    resp = FileResponse(default_storage.open(name, "rb"), content_type="image/png")
    resp["Cache-Control"] = "no-store"
    return resp


@staff_required()
def entry_file(request, pk):
    entry = get_object_or_404(Entry.objects.select_related("dossier__case"), pk=pk)
    case = entry.dossier.case
    if not selectors.can_read_dossier(request.user, case):
        raise deny(request, case=case, detail=f"电子卷宗材料 {pk}")
    record(request, AuditEntry.Action.DOWNLOAD, case=case, detail=f"电子卷宗材料 {entry.pk}")
    # litigant-supplied PDFs among them: the same sandbox as every other served file (review F27)
    return file_response(entry.file, entry.content_type, entry.title, as_attachment=False)


@staff_required(*services.UPLOAD_ROLES)
@require_POST
def upload(request, pk):
    case = case_for_request(request, pk)
    f = request.FILES.get("file")
    if f is None:
        messages.error(request, _("请选择文件。"))
        return redirect("dossier:reader", pk=case.pk)
    sup_id = parse_id(request.POST.get("supersedes"), _("被更正的材料"))
    sup = Entry.objects.filter(pk=sup_id, dossier__case=case).first() if sup_id else None
    try:
        entry = services.upload(request.user, case, f, title=request.POST.get("title", "").strip(),
                                kind=request.POST.get("kind", "other"), supersedes=sup)
    except (ValidationError, PermissionDenied) as exc:
        _error(request, exc)
        return redirect("dossier:reader", pk=case.pk)
    record(request, AuditEntry.Action.CHANGE, case=case, detail=f"上传电子卷宗材料 {entry.pk}")
    messages.success(request, _("已归入卷宗，文字识别在后台进行。"))
    return redirect("dossier:reader", pk=case.pk)


@staff_required()
@require_POST
def note(request, pk):
    page = get_object_or_404(Page.objects.select_related("entry__dossier__case"), pk=pk)
    case = page.entry.dossier.case
    try:
        services.add_note(request.user, page, text=request.POST.get("text", ""),
                          bookmark=request.POST.get("bookmark") == "1")
    except PermissionDenied:
        raise Http404
    except ValidationError as exc:
        _error(request, exc)
    entries = selectors.catalogue(page.entry.dossier, light=True)
    return redirect(f"/staff/dossier/cases/{case.pk}/?p={selectors.position_of(entries, page.entry_id, page.number) or 1}")


@staff_required()
def search(request):
    q = _query(request)
    hits = selectors.search_court(request.user, q) if q else []
    if q:
        record(request, AuditEntry.Action.READ, detail=f"卷宗全文检索 {q}"[:300])
    return render(request, "dossier/search.html", {"q": q, "hits": hits})


@staff_required(*services.ARCHIVE_ROLES)
@require_POST
def archive(request, pk):
    case = case_for_request(request, pk)
    try:
        d = services.archive_case(request.user, case)
        messages.success(request, _("已归档，档案号 %(n)s。") % {"n": d.archive_number})
    except (ValidationError, PermissionDenied) as exc:
        _error(request, exc)
    return redirect("cases:detail", pk=case.pk)


@staff_required()
def verify(request, pk):
    case = case_for_request(request, pk)
    if not can_manage_case(request.user, case, *services.ARCHIVE_ROLES):
        raise deny(request, case=case, detail="核验归档卷宗")
    dossier = get_object_or_404(Dossier, case=case, archived_at__isnull=False)
    problems = services.verify_archive(dossier)
    record(request, AuditEntry.Action.READ, case=case, detail="核验归档卷宗")
    return render(request, "dossier/verify.html", {"case": case, "dossier": dossier, "problems": problems})


@staff_required()
@require_POST
def request_access(request, pk):
    case = case_for_request(request, pk)
    try:
        services.request_access(request.user, case, request.POST.get("reason", ""))
        messages.success(request, _("查阅申请已提交，待庭长或审管办审批。"))
    except (ValidationError, PermissionDenied) as exc:
        _error(request, exc)
    return redirect("dossier:reader", pk=case.pk)


@staff_required("division_head", "trial_management")
def requests(request):
    return render(request, "dossier/requests.html", {"pending": selectors.pending_requests(request.user)})


@staff_required("division_head", "trial_management")
@require_POST
def decide(request, pk):
    req = get_object_or_404(selectors.pending_requests(request.user), pk=pk)
    try:
        services.decide_access(request.user, req, approve=request.POST.get("approve") == "1",
                               days=int(request.POST.get("days") or 7))
        record(request, AuditEntry.Action.CHANGE, case=req.dossier.case, detail=f"审批卷宗查阅申请 {req.pk}")
    except (ValidationError, PermissionDenied, ValueError) as exc:
        _error(request, exc if not isinstance(exc, ValueError) else ValidationError(_("天数无效。")))
    return redirect("dossier:requests")
