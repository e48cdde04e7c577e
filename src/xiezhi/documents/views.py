from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import anyone, staff_required
from xiezhi.site.http import file_response, run_action

from . import drafts, selectors, services
from .convert import ConversionError
from .forms import CodeForm, DraftStartForm, DraftUploadForm, GenerateForm, UploadForm
from .structure import is_structured, sections_for


@staff_required()
@require_POST
def generate(request, case_pk):
    case = case_for_request(request, case_pk)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择文书种类。"))
    elif is_structured(form.cleaned_data["kind"]):
        # 判决书、裁定书、调解书 are written in the editor (documents.drafts), not from a bare form
        if not drafts.may_edit(request.user, case, form.cleaned_data["kind"]):
            raise PermissionDenied
        messages.error(request, _("裁判文书请在“裁判文书撰写”中编写后生成。"))
    else:
        try:
            extra = None
            if form.cleaned_data.get("hearing"):
                # 传票 / 出庭通知 from a scheduled hearing: time, courtroom and online link filled in
                from xiezhi.hearings.models import Hearing
                from xiezhi.hearings.selectors import hearing_context

                from .context import hearing_texts

                hearing = get_object_or_404(Hearing.objects.select_related("courtroom", "clerk", "case__court"),
                                            pk=form.cleaned_data["hearing"], case=case)
                extra = hearing_texts(hearing_context(hearing))
            extra = {**(extra or {}), **form.free_texts()} or None
            doc = services.generate(request.user, case, form.cleaned_data["kind"], extra_context=extra,
                                    recipient=form.cleaned_data["recipient"])
        except PermissionDenied:
            raise
        except (ValidationError, ConversionError) as exc:
            messages.error(request, _("生成失败：%(err)s") % {"err": exc})
        else:
            record(request, AuditEntry.Action.CHANGE, case=case, detail=f"生成文书 {doc.pk}")
            messages.success(request, _("已生成%(title)s。") % {"title": doc.get_kind_display()})
    return redirect(reverse("cases:detail", args=[case.pk]) + "#documents")


@staff_required("judge", "enforcement", "division_head", "president")
@require_POST
def sign_off(request, pk):
    """签发: the presiding judge (then, where the court asks, the 庭长 or 院长) approves the final text; the
    执行裁定书 of an enforcement case is signed off by the enforcement officer who handles it."""
    doc = selectors.document_for(request.user, pk)
    if doc is None:
        raise deny(request, detail=f"文书 {pk}")
    return run_action(request, lambda: services.sign_off(request.user, doc), _("已签发。"),
                      reverse("cases:detail", args=[doc.case_id]) + "#documents",
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=doc.case,
                                                detail=f"签发文书 {doc.pk}"))


@staff_required()
@require_POST
def seal(request, pk):
    doc = selectors.document_for(request.user, pk)
    if doc is None:
        raise deny(request, detail=f"文书 {pk}")
    try:
        services.seal_document(request.user, doc, base_url=request.build_absolute_uri("/"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        record(request, AuditEntry.Action.CHANGE, case=doc.case, detail=f"签章文书 {doc.pk}")
        messages.success(request, _("已加盖电子印章。"))
    return redirect(reverse("cases:detail", args=[doc.case_id]) + "#documents")


@staff_required()
def download(request, pk, fmt):
    doc = selectors.document_for(request.user, pk)
    if doc is None:
        raise deny(request, detail=f"文书 {pk}")
    field, ext = {"docx": (doc.docx, "docx"), "pdf": (doc.pdf, "pdf"), "sealed": (doc.sealed_pdf, "pdf")}.get(fmt, (None, ""))
    if not field:
        raise Http404
    record(request, AuditEntry.Action.DOWNLOAD, case=doc.case, detail=f"下载文书 {doc.pk} {fmt}")
    name = f"{doc.case.number}{doc.get_kind_display()}-{doc.version}{'-签章' if fmt == 'sealed' else ''}.{ext}"
    return file_response(field, "", name)


@anyone
def verify(request, code=None):
    doc = selectors.by_code(code) if code else None
    if code and doc is None:
        messages.error(request, _("验证码不存在。"))
    code_form = CodeForm(initial={"code": code or ""})
    upload_form = UploadForm()
    result = None
    if request.method == "POST":
        if "code" in request.POST and "file" not in request.FILES:
            code_form = CodeForm(request.POST)
            if code_form.is_valid():
                return redirect("documents:verify_code", code=code_form.cleaned_data["code"].strip().upper())
        else:
            upload_form = UploadForm(request.POST, request.FILES)
            if upload_form.is_valid():
                data = upload_form.cleaned_data["file"].read()
                result = services.check_upload(doc, data)
                doc = result["doc"] if result["authentic"] else doc
    return render(request, "documents/verify.html", {"doc": doc, "code": code, "code_form": code_form,
                                                     "upload_form": upload_form, "result": result}, status=200)


# ---- 裁判文书编辑 (documents.drafts) ----------------------------------------------------------------

def _draft(request, pk):
    """The draft `pk` for a user who may edit it; a refusal looks like a missing page and is audited."""
    d = selectors.draft_for(request.user, pk)
    if d is None:
        raise deny(request, detail=f"文书草稿 {pk}")
    if not drafts.may_edit(request.user, d.case, d.kind):
        raise deny(request, case=d.case, detail=f"文书草稿 {pk}")
    return d


@staff_required()
@require_POST
def draft_start(request, case_pk):
    """撰写: open (or start) the case's draft of a judgment, ruling (by type) or mediation document."""
    case = case_for_request(request, case_pk)
    form = DraftStartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择文书种类。"))
        return redirect(reverse("cases:detail", args=[case.pk]) + "#documents")
    try:
        d = drafts.start_draft(request.user, case, form.cleaned_data["kind"], form.cleaned_data.get("variant") or "")
    except PermissionDenied:
        raise deny(request, case=case, detail=f"撰写 {form.cleaned_data['kind']}")
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
        return redirect(reverse("cases:detail", args=[case.pk]) + "#documents")
    return redirect("documents:draft_edit", pk=d.pk)


@staff_required()
@require_GET
def draft_edit(request, pk):
    d = _draft(request, pk)
    from .gaps import section_gaps

    sections = []
    for s in sections_for(d.kind):
        value = d.sections.get(s.code)
        sections.append({"s": s, "value": value if value is not None else ("" if s.form == "fee_burden" else []),
                         "text": "\n".join(value) if isinstance(value, list) else (value or "")})
    record(request, AuditEntry.Action.READ, case=d.case, detail=f"文书草稿 {d.pk}")
    return render(request, "documents/draft_edit.html", {
        "draft": d, "case": d.case, "locked": drafts.locked_parts(d), "sections": sections,
        "sections_json": json.dumps(d.sections, ensure_ascii=False), "gaps": section_gaps(d.kind, d.sections),
        "documents": d.documents.order_by("-version")[:5], "upload_form": DraftUploadForm(),
        "revisions": d.revisions.select_related("saved_by").order_by("-number")[:8]})


@staff_required()
@require_POST
def draft_autosave(request, pk):
    """Autosave (JSON, or a form-encoded `payload` from navigator.sendBeacon when the page is closed):
    400 for malformed input, 409 with the saved sections when someone else saved first."""
    from xiezhi.site.drafts import parse_draft_request

    d = _draft(request, pk)
    try:
        req = parse_draft_request(request)
        if not isinstance(req.payload.get("sections"), dict):
            raise ValidationError(_("草稿内容格式不正确。"))
        d = drafts.save_draft(request.user, d, req.payload["sections"], req.revision, editor=req.editor, seq=req.seq)
    except PermissionDenied as exc:
        return JsonResponse({"error": str(exc) or _("没有权限。")}, status=403)
    except drafts.DraftConflict as exc:
        return JsonResponse({"error": "；".join(exc.messages), "conflict": True, "revision": exc.draft.revision,
                             "sections": exc.draft.sections}, status=409)
    except ValidationError as exc:
        return JsonResponse({"error": "；".join(exc.messages)}, status=400)
    from .gaps import section_gaps

    return JsonResponse({"revision": d.revision, "saved_at": d.updated_at.isoformat(),
                         "gaps": section_gaps(d.kind, d.sections)})


@staff_required()
@require_POST
def draft_generate(request, pk):
    d = _draft(request, pk)
    try:
        doc = drafts.generate_from_draft(request.user, d)
    except (ValidationError, ConversionError) as exc:
        messages.error(request, _("生成失败：%(err)s") % {"err": "；".join(getattr(exc, "messages", [str(exc)]))})
        return redirect("documents:draft_edit", pk=d.pk)
    record(request, AuditEntry.Action.CHANGE, case=d.case, detail=f"生成文书 {doc.pk}（草稿 {d.pk} 第{d.revision}次保存）")
    if doc.gap_sections or doc.gaps:
        messages.warning(request, _("已生成%(title)s第%(version)s稿，但还有未完成的部分：%(names)s，不能签发。")
                         % {"title": doc.get_kind_display(), "version": doc.version,
                            "names": "、".join(doc.gap_sections) or "【待填写】"})
    else:
        messages.success(request, _("已生成%(title)s第%(version)s稿，可以签发。")
                         % {"title": doc.get_kind_display(), "version": doc.version})
    return redirect(reverse("cases:detail", args=[d.case_id]) + "#documents")


@staff_required()
@require_GET
def draft_changes(request, pk):
    """The judge's changes: the saved states of the draft and the difference between any two."""
    d = _draft(request, pk)
    revs = list(d.revisions.select_related("saved_by").order_by("-number"))
    by_number = {r.number: r for r in revs}

    def pick(name, default):
        try:
            return by_number.get(int(request.GET.get(name, "")), default)
        except ValueError:
            return default
    newer = pick("b", revs[0] if revs else None)
    older = pick("a", next((r for r in revs if newer and r.number < newer.number), None))
    diff = drafts.section_diff(d.kind, older.sections if older else {}, newer.sections if newer else {}) if newer else []
    record(request, AuditEntry.Action.READ, case=d.case, detail=f"文书草稿修改记录 {d.pk}")
    return render(request, "documents/draft_changes.html", {
        "draft": d, "case": d.case, "revisions": revs, "older": older, "newer": newer, "diff": diff,
        "title": drafts.title_of(d.kind, d.variant)})


@staff_required()
@require_GET
def draft_docx(request, pk):
    d = _draft(request, pk)
    data = drafts.to_docx(d)
    record(request, AuditEntry.Action.DOWNLOAD, case=d.case, detail=f"下载文书草稿 {d.pk} 第{d.revision}次保存")
    from django.utils.encoding import escape_uri_path

    name = f"{d.case.number}{drafts.title_of(d.kind, d.variant)}-草稿{d.revision}.docx"
    resp = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    resp["Content-Disposition"] = f"attachment; filename=\"draft.docx\"; filename*=UTF-8''{escape_uri_path(name)}"
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Cache-Control"] = "no-store"
    return resp


@staff_required()
@require_POST
def draft_upload(request, pk):
    d = _draft(request, pk)
    form = DraftUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errs in form.errors.values():
            for e in errs:
                messages.error(request, e)
        return redirect("documents:draft_edit", pk=d.pk)
    data = form.cleaned_data["file"].read()
    return run_action(request, lambda: drafts.upload_docx(request.user, d, data),
                      _("已读取上传的 Word 文件，保存为新版本（上传 Word）。"), reverse("documents:draft_edit", args=[d.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=d.case,
                                                detail=f"上传文书草稿 {d.pk}"))


@staff_required()
@require_GET
def draft_fee(request, pk):
    """The fee burden suggested by 交费办法 第二十九条 for the result the judge chose (JSON)."""
    d = _draft(request, pk)
    try:
        text = drafts.fee_suggestion(d, request.GET.get("outcome", ""), request.GET.get("claimed") or None,
                                     request.GET.get("granted") or None)
    except ValidationError as exc:
        return JsonResponse({"error": "；".join(exc.messages)}, status=400)
    return JsonResponse({"text": text})


@staff_required()
@require_GET
def citations(request):
    """The citation picker: articles of the catalogue (xiezhi.law.citations) matching `q`, as JSON."""
    from xiezhi.law.citations import search

    q = (request.GET.get("q") or "")[:100]
    return JsonResponse({"results": [a.as_dict() for a in search(q)] if q.strip() else []})
