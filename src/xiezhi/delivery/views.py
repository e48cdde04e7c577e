"""送达 pages: the party's inbox (/delivery/inbox/), the SMS link, and the staff actions behind
the case-page panel. Views stay thin; services check permissions again."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases import selectors as case_selectors
from xiezhi.cases.models import Party
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import anyone, public_required, staff_required
from xiezhi.site.http import errors_of, file_response, parse_date, parse_id, run_action

from xiezhi.law.service import RETURN_REASONS

from . import selectors, services
from .models import DocumentKind, ServedDocument, ServiceMethod, ServiceRecord

SERVERS = services.SERVERS


# ---- portal ------------------------------------------------------------------------------

@public_required
def inbox(request):
    records = list(selectors.inbox(request.user))
    return render(request, "delivery/inbox.html", {"records": records})


@public_required
def inbox_download(request, pk):
    rec = selectors.inbox(request.user).filter(pk=pk).first()
    if rec is None:
        raise deny(request, detail=f"送达信箱 {pk}")
    record(request, AuditEntry.Action.DOWNLOAD, case=rec.document.case, detail=f"送达文书 {rec.document.title}")
    services.open_document(request.user, rec)
    return file_response(rec.document.file, rec.document.content_type, rec.document.filename)


@anyone
def sms_download(request, token):
    """The link in a service SMS (the token is the capability; every opening is audited)."""
    rec = services.record_from_token(token)
    if rec is None or rec.status == "failed":
        raise deny(request, case=rec.document.case if rec else None, detail=f"短信送达链接 {token[:40]}")
    record(request, AuditEntry.Action.DOWNLOAD, case=rec.document.case,
           detail=f"短信送达链接 {rec.document.title} → {rec.party.name}")
    services.open_document(request.user if request.user.is_authenticated else None, rec)
    return file_response(rec.document.file, rec.document.content_type, rec.document.filename)


# ---- staff -------------------------------------------------------------------------------

@staff_required(*SERVERS)
def serve(request, pk):
    """Serve a document: upload a file or pick one of the case's filing uploads."""
    case = case_for_request(request, pk)
    if not case_selectors.can_manage_case(request.user, case, *SERVERS):
        raise deny(request, case=case, detail="送达")
    from xiezhi.filing.models import EvidenceFile

    from xiezhi.documents import selectors as doc_selectors
    from xiezhi.documents import services as doc_services

    uploads = EvidenceFile.objects.filter(filing__case=case, removed_at__isnull=True).order_by("id")
    generated = [d for d in doc_selectors.documents_for_case(request.user, case).order_by("-created_at")
                 if d.kind in doc_services.DELIVERY_KINDS]
    recipients = case.parties.filter(left_case_at__isnull=True).order_by("id")
    chosen = request.POST.get("generated") or request.GET.get("document") or ""
    if request.method == "POST":
        p = request.POST
        try:
            f = request.FILES.get("file")
            gen = next((d for d in generated if str(d.pk) == p.get("generated")), None) if p.get("generated") else None
            if gen is not None:
                # a document the court generated: served as its (sealed) PDF, title and kind from the document
                paper = doc_services.paper_to_serve(gen)
                parties = [x for x in recipients if str(x.pk) in p.getlist("parties")]
                services.serve(request.user, case, title=paper["title"], kind=paper["kind"],
                               file_bytes=paper["file_bytes"], filename=paper["filename"], parties=parties,
                               methods=p.getlist("methods"), source=paper["source"])
                messages.success(request, _("已发起送达。"))
                return redirect("cases:detail", pk=case.pk)
            if p.get("generated"):
                raise ValidationError(_("请选择要送达的文件。"))
            if f is not None:
                data, filename = f.read(), f.name
                source = "upload"
            elif p.get("upload"):
                ev = uploads.filter(pk=parse_id(p.get("upload"), _("案件材料"))).first()
                if ev is None:
                    raise ValidationError(_("请选择要送达的文件。"))
                with ev.file.open("rb") as fh:
                    data = fh.read()
                filename, source = ev.original_name, f"filing.EvidenceFile:{ev.pk}"
            else:
                raise ValidationError(_("请上传文件或选择案件材料。"))
            parties = [x for x in recipients if str(x.pk) in p.getlist("parties")]
            services.serve(request.user, case, title=p.get("title", ""), kind=p.get("kind", ""), file_bytes=data,
                           filename=filename, parties=parties, methods=p.getlist("methods"), source=source)
            messages.success(request, _("已发起送达。"))
            return redirect("cases:detail", pk=case.pk)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, "；".join(errors_of(exc)))
    return render(request, "delivery/serve.html", {
        "case": case, "uploads": uploads, "generated": generated, "chosen": chosen, "recipients": recipients,
        "kinds": DocumentKind.choices,
        "methods": ServiceMethod.choices, "post": request.POST if request.method == "POST" else None})


@staff_required(*SERVERS)
@require_POST
def confirm_address(request, pk, party_pk):
    case = case_for_request(request, pk)
    party = get_object_or_404(Party, pk=party_pk, case=case)
    p = request.POST
    scan = request.FILES.get("scan")
    return run_action(request, lambda: services.confirm_addresses(
        request.user, party, consent_electronic=p.get("consent_electronic") == "1",
        consent_judgments=p.get("consent_judgments") == "1", portal=p.get("portal") == "1",
        mobile=p.get("mobile", ""), email=p.get("email", ""), postal_address=p.get("postal_address", ""),
        confirmed_on=parse_date(p.get("confirmed_on")), scan=scan.read() if scan else None,
        scan_name=scan.name if scan else ""), _("已记录送达地址确认书。"), reverse("cases:detail", args=[case.pk]))


def _record(request, pk) -> ServiceRecord:
    rec = get_object_or_404(ServiceRecord.objects.select_related("document", "document__case", "party"), pk=pk)
    case_for_request(request, rec.document.case_id)
    return rec


@staff_required(*SERVERS)
@require_POST
def record_service(request, pk):
    """Record a paper service (signed receipt / 留置 / postal receipt) or a public notice."""
    rec = _record(request, pk)
    p = request.POST
    scan = request.FILES.get("receipt")
    data = scan.read() if scan else None

    def go():
        on = parse_date(p.get("on"))
        if on is None:
            raise ValidationError(_("请填写日期。"))
        if rec.method == "public_notice":
            services.record_public_notice(request.user, rec, published_on=on, abroad=p.get("abroad") == "1",
                                          scan=data, scan_name=scan.name if scan else "")
        else:
            services.record_paper_service(request.user, rec, on=on, receipt=data,
                                          receipt_name=scan.name if scan else "", note=p.get("note", ""))
    return run_action(request, go, _("已记录送达情况。"), reverse("cases:detail", args=[rec.document.case_id]))


@staff_required(*SERVERS)
@require_POST
def record_posting(request, pk):
    """交邮: the posting date of a postal service (closes a case served by post, 审限规定 第十条; starts
    the three months of postal service abroad, 民事诉讼法 第二百八十三条)."""
    rec = _record(request, pk)

    def go():
        posted_on = parse_date(request.POST.get("posted_on"))
        if posted_on is None:
            raise ValidationError(_("请填写交邮日期。"))
        services.record_posting(request.user, rec, posted_on=posted_on)
    return run_action(request, go, _("已记录交邮日期。"), reverse("cases:detail", args=[rec.document.case_id]))


@staff_required(*SERVERS)
@require_POST
def record_returned_post(request, pk):
    """邮件退回: deemed served on the return date where the confirmed address was wrong or the
    recipient refused (法院专递规定 第十一条); otherwise the service failed."""
    rec = _record(request, pk)
    scan = request.FILES.get("scan")
    data = scan.read() if scan else None

    def go():
        returned_on = parse_date(request.POST.get("returned_on"))
        if returned_on is None:
            raise ValidationError(_("请填写退回日期。"))
        reason = request.POST.get("reason", "")
        if reason not in RETURN_REASONS:
            raise ValidationError(_("请选择退回原因。"))
        services.record_returned_post(request.user, rec, returned_on=returned_on, reason=reason,
                                      scan=data, scan_name=scan.name if scan else "")
    return run_action(request, go, _("已记录邮件退回。"), reverse("cases:detail", args=[rec.document.case_id]))


@staff_required(*SERVERS)
@require_POST
def mark_failed(request, pk):
    rec = _record(request, pk)
    return run_action(request, lambda: services.mark_failed(request.user, rec, request.POST.get("reason", "")),
                      _("已记录送达未成功。"), reverse("cases:detail", args=[rec.document.case_id]))


@staff_required()
def document_file(request, pk):
    doc = get_object_or_404(ServedDocument, pk=pk)
    case_for_request(request, doc.case_id)
    record(request, AuditEntry.Action.DOWNLOAD, case=doc.case, detail=f"送达文书 {doc.title}")
    return file_response(doc.file, doc.content_type, doc.filename)
