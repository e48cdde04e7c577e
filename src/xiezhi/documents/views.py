from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry, record
from xiezhi.cases.selectors import can_manage_case, visible_cases
from xiezhi.delivery import services as delivery_services
from xiezhi.web.access import anyone, staff_required

from . import selectors, services
from .convert import ConversionError
from .forms import CodeForm, GenerateForm, UploadForm
from .kinds import KINDS


def case_panel(request, case):
    user = request.user
    if not getattr(user, "is_court_staff", False):
        return None
    docs = list(selectors.documents_for_case(user, case))
    return {"template": "documents/_case_panel.html", "documents": docs,
            "can_generate": can_manage_case(user, case, *services.MANAGE_ROLES),
            "form": GenerateForm(), "kinds": KINDS,
            "servable_kinds": set(services.DELIVERY_KINDS), "final_kinds": {k for k, v in KINDS.items() if v.final},
            "can_serve": can_manage_case(user, case, *delivery_services.SERVERS)}


@staff_required()
@require_POST
def generate(request, case_pk):
    case = get_object_or_404(visible_cases(request.user), pk=case_pk)
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
            doc = services.generate(request.user, case, form.cleaned_data["kind"], extra_context=extra,
                                    recipient=form.cleaned_data["recipient"])
        except PermissionDenied:
            raise
        except (ValidationError, ConversionError) as exc:
            messages.error(request, _("生成失败：%(err)s") % {"err": exc})
        else:
            record(request, AuditEntry.Action.CHANGE, case=case, detail=f"generate document {doc.pk}")
            messages.success(request, _("已生成%(title)s。") % {"title": doc.get_kind_display()})
    return redirect(reverse("web:case_detail", args=[case.pk]) + "#documents")


@staff_required()
@require_POST
def seal(request, pk):
    doc = selectors.document_for(request.user, pk)
    if doc is None:
        raise Http404
    try:
        services.seal_document(request.user, doc, base_url=request.build_absolute_uri("/"))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        record(request, AuditEntry.Action.CHANGE, case=doc.case, detail=f"seal document {doc.pk}")
        messages.success(request, _("已加盖电子印章。"))
    return redirect(reverse("web:case_detail", args=[doc.case_id]) + "#documents")


@staff_required()
def download(request, pk, fmt):
    doc = selectors.document_for(request.user, pk)
    if doc is None:
        raise Http404
    field, ext = {"docx": (doc.docx, "docx"), "pdf": (doc.pdf, "pdf"), "sealed": (doc.sealed_pdf, "pdf")}.get(fmt, (None, ""))
    if not field:
        raise Http404
    record(request, AuditEntry.Action.DOWNLOAD, case=doc.case, detail=f"document {doc.pk} {fmt}")
    name = f"{doc.case.number}{doc.get_kind_display()}-{doc.version}{'-签章' if fmt == 'sealed' else ''}.{ext}"
    return FileResponse(field.open("rb"), as_attachment=True, filename=name)


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
