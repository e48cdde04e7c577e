"""诉讼服务网 (public portal): home, my filings and drafts, online filing, my cases."""
import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from xiezhi.audit.models import AuditEntry, record
from xiezhi.cases import selectors
from xiezhi.cases.events import label, summary
from xiezhi.cases.models import Case, Notification, PartyKind, PartyRole
from xiezhi.courts.models import Cause, Court
from xiezhi.filing import services as filing_services
from xiezhi.filing.models import EvidenceFile, FeeAssessment, FilingApplication, FilingStatus
from xiezhi.filing.services import cause_version_for, visible_filings

from .access import anyone, public_required
from .forms import parse_filing_form


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


@anyone
def home(request):
    if getattr(request.user, "is_court_staff", False):
        return redirect("web:workbench")
    return render(request, "portal/home.html", {})


@public_required
def portal(request):
    filings = visible_filings(request.user).select_related("court", "case").order_by("-updated_at")[:50]
    cases = (selectors.visible_cases(request.user).select_related("court", "cause", "procedure")
             .order_by("-filed_on")[:50])
    notes = Notification.objects.filter(user=request.user).order_by("-created_at")[:10]
    return render(request, "portal/dashboard.html", {"filings": filings, "cases": cases, "notes": notes})


def _default_court():
    return Court.objects.filter(case_code="豫0222").first() or Court.objects.filter(case_code__regex=r"\d{4}$").first()


@public_required
@require_POST
def filing_new(request):
    if not request.user.verified_at:
        messages.info(request, _("网上立案须先完成实名认证（人民法院在线诉讼规则 第七条）。"))
        return redirect("/portal/verify/?next=/portal/")
    court = Court.objects.filter(pk=request.POST.get("court")).first() or _default_court()
    filing = filing_services.new_draft(request.user, court)
    return redirect("web:filing_edit", pk=filing.pk)


def _my_filing(request, pk) -> FilingApplication:
    filing = visible_filings(request.user).filter(pk=pk).select_related("court", "case", "cause").first()
    if filing is None:
        raise Http404
    return filing


def _causes():
    from django.utils import timezone

    version = cause_version_for(timezone.localdate())
    return Cause.objects.filter(kind="civil", version=version, level__gte=3, active=True).order_by("name")


@public_required
@require_http_methods(["GET", "POST"])
def filing_edit(request, pk):
    filing = _my_filing(request, pk)
    if filing.status not in filing_services.EDITABLE:
        return redirect("web:filing_detail", pk=filing.pk)
    problems: list[str] = []
    if request.method == "POST":
        data = parse_filing_form(request.POST, filing.data)
        try:
            filing = filing_services.save_draft(request.user, filing, data)
            if request.POST.get("action") == "submit":
                filing_services.submit(request.user, filing)
                messages.success(request, _("立案申请已提交，法院将在7日内审查。"))
                return redirect("web:filing_detail", pk=filing.pk)
            messages.success(request, _("草稿已保存。"))
            return redirect("web:filing_edit", pk=filing.pk)
        except ValidationError as exc:
            problems = _errors(exc)
            filing.data = data  # show what was typed, nothing lost
    files = filing.files.filter(removed_at__isnull=True)
    parties = filing.data.get("parties") or []
    if not parties:
        parties = [{"role": "plaintiff", "kind": "natural"}, {"role": "defendant", "kind": "natural"}]
    return render(request, "portal/filing_edit.html", {
        "filing": filing, "files": files, "parties": parties, "problems": problems,
        "causes": _causes(), "roles": [(v, l) for v, l in PartyRole.choices if v in ("plaintiff", "defendant", "third_party")],
        "kinds": PartyKind.choices, "evidence_kinds": EvidenceFile.Kind.choices,
        "status_problems": filing_services.complaint_problems(filing) if filing.status == FilingStatus.DRAFT else [],
    }, status=400 if problems else 200)


@public_required
@require_POST
def filing_autosave(request, pk):
    """Autosave endpoint for the filing form (JSON in, JSON out)."""
    filing = _my_filing(request, pk)
    try:
        body = json.loads(request.body or b"{}")
        revision = body.get("revision")
        filing = filing_services.save_draft(request.user, filing, body.get("data") or {},
                                            int(revision) if revision is not None else None)
    except (ValueError, TypeError):
        return JsonResponse({"error": _("提交的内容格式不正确。")}, status=400)
    except ValidationError as exc:
        return JsonResponse({"error": "；".join(_errors(exc))}, status=409)
    return JsonResponse({"revision": filing.draft_revision, "fee": filing.fee_estimate,
                         "saved_at": filing.updated_at.isoformat()})


@public_required
@require_POST
def filing_upload(request, pk):
    filing = _my_filing(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("请选择要上传的文件。"))
    else:
        try:
            filing_services.add_evidence(request.user, filing, upload, kind=request.POST.get("kind", "evidence"),
                                         title=request.POST.get("title", ""), purpose=request.POST.get("purpose", ""))
            messages.success(request, _("材料已上传：%(name)s") % {"name": upload.name})
        except ValidationError as exc:
            messages.error(request, "；".join(_errors(exc)))
    return redirect(f"/portal/filings/{filing.pk}/#evidence")


@public_required
@require_POST
def filing_remove_file(request, pk, file_pk):
    filing = _my_filing(request, pk)
    ev = get_object_or_404(EvidenceFile, pk=file_pk, filing=filing, removed_at__isnull=True)
    try:
        filing_services.remove_evidence(request.user, ev)
    except ValidationError as exc:
        messages.error(request, "；".join(_errors(exc)))
    return redirect(f"/portal/filings/{filing.pk}/#evidence")


@public_required
def filing_detail(request, pk):
    filing = _my_filing(request, pk)
    if filing.status == FilingStatus.DRAFT:
        return redirect("web:filing_edit", pk=filing.pk)
    return render(request, "portal/filing_detail.html", {
        "filing": filing, "files": filing.files.filter(removed_at__isnull=True),
        "events": filing.events.all()})


@public_required
def case_detail(request, pk):
    try:
        case = selectors.case_for_page(request.user, pk)
    except Case.DoesNotExist:
        raise Http404
    record(request, AuditEntry.Action.READ, case=case, detail="portal")
    events = list(selectors.public_events(case).select_related("actor"))
    from xiezhi.cases.services import time_limit_status

    tl = time_limit_status(case, list(case.events.all()))
    nodes = [{"label": label(e.code), "at": e.at, "summary": summary(e.code, e.payload)} for e in events]
    return render(request, "portal/case_detail.html", {
        "case": case, "nodes": nodes, "tl": tl,
        "parties": case.parties.filter(left_case_at__isnull=True).order_by("id"),
        "fees": case.fees.all(),
    })


@public_required
@require_POST
def fee_pay(request, pk):
    fa = get_object_or_404(FeeAssessment, pk=pk)
    try:
        filing_services.pay_fee(request.user, fa)
        messages.success(request, _("缴费成功。"))
    except PermissionDenied:
        raise Http404
    except ValidationError as exc:
        messages.error(request, "；".join(_errors(exc)))
    return redirect("web:portal_case", pk=fa.case_id)


@public_required
@require_POST
def notifications_read(request):
    from django.utils import timezone

    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("web:portal")


@public_required
def evidence_file(request, pk):
    """A filer opens a file they uploaded."""
    from django.http import FileResponse

    ev = get_object_or_404(EvidenceFile.objects.select_related("filing"), pk=pk, removed_at__isnull=True,
                           filing__submitted_by=request.user)
    resp = FileResponse(ev.file.open("rb"), content_type=ev.content_type, filename=ev.original_name)
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp
