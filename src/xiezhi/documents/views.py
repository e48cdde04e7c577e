from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import anyone, staff_required
from xiezhi.site.http import file_response, run_action

from . import selectors, services
from .convert import ConversionError
from .forms import CodeForm, GenerateForm, UploadForm


@staff_required()
@require_POST
def generate(request, case_pk):
    case = case_for_request(request, case_pk)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择文书种类。"))
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


@staff_required("judge", "division_head", "president")
@require_POST
def sign_off(request, pk):
    """签发: the presiding judge (then, where the court asks, the 庭长 or 院长) approves the final text."""
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
