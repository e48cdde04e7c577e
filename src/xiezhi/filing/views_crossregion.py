"""Pages of 跨域立案 (court-domain §7.2): the collaborating court's counter form, sent and received
lists, the request's page (both courts), and the party's view on the portal."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.models import Domicile, PartyKind, PartyRole
from xiezhi.site.access import public_required, staff_required
from xiezhi.site.http import errors_of, file_response, parse_id

from . import crossregion as cr
from .forms import parse_filing_form
from .models import EvidenceFile
from .models_crossregion import CrossRegionStatus, IdType
from .views import _causes


def _request(request, pk):
    req = cr.visible_requests(request.user).filter(pk=pk).first()
    if req is None:
        raise deny(request, detail=f"跨域立案 {pk}")
    return req


@staff_required(*cr.ROLES)
def crossregion_list(request):
    """Sent (received here for another court) and received (forwarded here by another court)."""
    qs = cr.visible_requests(request.user).order_by("-received_at")
    return render(request, "filing/crossregion/list.html", {
        "sent": qs.filter(collaborating_court_id=request.user.court_id)[:100],
        "received": qs.filter(competent_court_id=request.user.court_id)[:100],
        "can_receive": request.user.has_role("filing_judge")})


@staff_required("filing_judge")
@require_http_methods(["GET", "POST"])
def crossregion_new(request):
    """The counter form of the ordinary counter filing, plus the competent court and the identity check."""
    problems = []
    data = {"parties": [{"role": "plaintiff", "kind": "natural"}, {"role": "defendant", "kind": "natural"}]}
    courts = cr.platform_courts(exclude=request.user.court)
    post = request.POST
    if request.method == "POST":
        data = parse_filing_form(post)
        court_id = parse_id(post.get("competent_court"), _("管辖法院"))
        try:
            req = cr.receive(request.user, courts.filter(pk=court_id).first() if court_id else None, data,
                             id_type=post.get("id_type", ""), id_number=post.get("id_number", "")[:32],
                             id_name=post.get("id_name", "")[:100], clerk_checked=bool(post.get("clerk_checked")))
            messages.success(request, _("已收件并核验身份，请扫描上传材料后转交管辖法院。"))
            return redirect("filing:crossregion_detail", pk=req.pk)
        except ValidationError as exc:
            problems = errors_of(exc)
    return render(request, "filing/crossregion/new.html", {
        "data": data, "parties": data.get("parties") or [], "problems": problems, "courts": courts,
        "post": post, "id_types": IdType.choices,
        "roles": [(v, l) for v, l in PartyRole.choices if v in ("plaintiff", "defendant", "third_party")],
        "kinds": PartyKind.choices, "domiciles": Domicile.choices, "causes": _causes(),
    }, status=400 if problems else 200)


@staff_required(*cr.ROLES)
def crossregion_detail(request, pk):
    req = _request(request, pk)
    record(request, AuditEntry.Action.READ, filing=req.filing)
    here = request.user.court_id
    clerk = request.user.has_role("filing_judge")
    return render(request, "filing/crossregion/detail.html", {
        "req": req, "filing": req.filing, "files": req.filing.files.filter(removed_at__isnull=True),
        "events": req.events.select_related("actor"), "steps": cr.steps(req),
        "at_collaborating": here == req.collaborating_court_id, "at_competent": here == req.competent_court_id,
        "can_scan": clerk and here == req.collaborating_court_id
        and req.status in (CrossRegionStatus.RECEIVED, CrossRegionStatus.CORRECTION),
        "clerk": clerk, "kinds": EvidenceFile.Kind.choices})


@staff_required("filing_judge")
@require_POST
def crossregion_act(request, pk):
    req = _request(request, pk)
    action = request.POST.get("action")
    try:
        if action == "scan":
            upload = request.FILES.get("file")
            if upload is None:
                raise ValidationError(_("请选择要上传的文件。"))
            cr.add_scan(request.user, req, upload, kind=request.POST.get("kind", "evidence"),
                        title=request.POST.get("title", "")[:200])
            messages.success(request, _("材料已上传：%(name)s") % {"name": upload.name})
        elif action == "forward":
            cr.forward(request.user, req)
            messages.success(request, _("已转交管辖法院审查。"))
        elif action == "mail_sent":
            cr.record_mail_sent(request.user, req, request.POST.get("tracking_no", ""))
            messages.success(request, _("已登记纸质材料寄出。"))
        elif action == "mail_received":
            cr.record_mail_received(request.user, req)
            messages.success(request, _("已签收纸质材料。"))
        else:
            messages.error(request, _("未知操作。"))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, "；".join(errors_of(exc)) if isinstance(exc, ValidationError) else str(exc))
    return redirect("filing:crossregion_detail", pk=req.pk)


@staff_required(*cr.ROLES)
def crossregion_file(request, pk, file_pk):
    """Either court opens a scanned paper (audited)."""
    req = _request(request, pk)
    ev = get_object_or_404(EvidenceFile, pk=file_pk, filing_id=req.filing_id, removed_at__isnull=True)
    record(request, AuditEntry.Action.DOWNLOAD, filing=req.filing, detail=ev.title)
    return file_response(ev.file, ev.content_type, ev.original_name, as_attachment=False)


@public_required
def portal_crossregion_list(request):
    return render(request, "filing/crossregion/portal_list.html", {
        "reqs": cr.visible_requests(request.user).order_by("-received_at")[:50]})


@public_required
def portal_crossregion_detail(request, pk):
    req = _request(request, pk)
    return render(request, "filing/crossregion/portal_detail.html", {
        "req": req, "filing": req.filing, "steps": cr.steps(req)})
