"""Pages of filing (立案): the parties' online filing and fee payment (诉讼服务网), and the
filing office's queue, review, decision and counter filing (法院内网)."""
import json
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.models import Domicile, Notification, PartyKind, PartyRole
from xiezhi.cases.selectors import can_view_case, case_for_request, visible_cases
from xiezhi.courts.models import Cause, Court, Procedure
from xiezhi.courts.province import small_claims_wage
from xiezhi.law.smallclaims import procedure_suggestion
from xiezhi.site.access import public_required, staff_required
from xiezhi.site.drafts import parse_draft_request
from xiezhi.site.http import errors_of, file_response, parse_id

from . import services as filing_services
from .forms import parse_filing_form
from .pinyin import initials
from .models import EvidenceFile, FeeAssessment, FilingApplication, FilingChannel, FilingStatus
from .selectors import cause_version_for, queue_holds, visible_filings

PAGE = 50


def _causes():
    """The civil causes of action in force today (案由规定), at the level a filing names, each with
    its pinyin initials (`py`) for the search box of the filing form."""
    causes = list(Cause.objects.filter(kind="civil", version=cause_version_for(timezone.localdate()), level__gte=3,
                                       active=True).order_by("name"))
    for c in causes:
        c.py = initials(c.name)
    return causes


# ---- 诉讼服务网 (parties) ----------------------------------------------------------------------

@public_required
def portal(request):
    """The party's dashboard: my filings and drafts, my cases, my notifications."""
    filings = visible_filings(request.user).select_related("court", "case").order_by("-updated_at")[:50]
    cases = visible_cases(request.user).select_related("court", "cause", "procedure").order_by("-filed_on")[:50]
    notes = Notification.objects.filter(user=request.user).order_by("-created_at")[:10]
    return render(request, "filing/portal_dashboard.html", {"filings": filings, "cases": cases, "notes": notes})


def _default_court():
    return Court.objects.filter(case_code="豫0222").first() or Court.objects.filter(case_code__regex=r"\d{4}$").first()


@public_required
@require_POST
def filing_new(request):
    if not request.user.verified_at:
        messages.info(request, _("网上立案须先完成实名认证（人民法院在线诉讼规则 第七条）。"))
        return redirect("/portal/verify/?next=/portal/")
    court_id = parse_id(request.POST.get("court"), _("受理法院"))
    court = (Court.objects.filter(pk=court_id).first() if court_id else None) or _default_court()
    filing = filing_services.new_draft(request.user, court)
    return redirect("filing:edit", pk=filing.pk)


def _my_filing(request, pk) -> FilingApplication:
    filing = visible_filings(request.user).filter(pk=pk).select_related("court", "case", "cause").first()
    if filing is None:
        raise deny(request, detail=f"立案申请 {pk}")
    return filing


def _revision_field(post) -> int | None:
    value = (post.get("revision") or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def _seq_field(post) -> int | None:
    value = (post.get("seq") or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def _describe(data: dict) -> str:
    """A draft as plain text, for the view of two versions (the same lines as filing/form.js shows)."""
    out = [" ".join(filter(None, [p.get("name") or "—", p.get("id_number"), p.get("phone")]))
           for p in data.get("parties") or [] if isinstance(p, dict)]
    if data.get("amount"):
        out.append(f"{_('诉讼标的额')}：{data['amount']}")
    out.append(f"{_('诉讼请求')}：{data.get('claims') or ''}")
    out.append(f"{_('事实与理由')}：{data.get('facts') or ''}")
    return "\n".join(out)


def _field_errors(pairs) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for field, message in pairs:
        out.setdefault(field, []).append(message)
    return out


@public_required
@require_http_methods(["GET", "POST"])
def filing_edit(request, pk):
    filing = _my_filing(request, pk)
    if filing.status not in filing_services.EDITABLE:
        return redirect("filing:detail", pk=filing.pk)
    problems: list[str] = []
    field_errors: dict[str, list[str]] = {}
    conflict = None
    if request.method == "POST":
        data = parse_filing_form(request.POST, filing.data)
        try:
            filing = filing_services.save_draft(request.user, filing, data, _revision_field(request.POST),
                                                editor=request.POST.get("editor", "")[:40],
                                                seq=_seq_field(request.POST))
            if request.POST.get("action") == "submit":
                try:
                    filing_services.submit(request.user, filing)
                except ValidationError:
                    field_errors = _field_errors(filing_services.complaint_field_problems(filing))
                    raise
                messages.success(request, _("立案申请已提交，法院将在7日内审查。"))
                return redirect("filing:detail", pk=filing.pk)
            messages.success(request, _("草稿已保存。"))
            return redirect("filing:edit", pk=filing.pk)
        except filing_services.DraftConflict as exc:
            # another tab saved first: show what this page sent beside the saved version; saving
            # again (now based on the saved revision) keeps this page's text
            problems = errors_of(exc)
            conflict = exc.filing.data
            filing.draft_revision = exc.filing.draft_revision
            filing.data = data
        except ValidationError as exc:
            problems = errors_of(exc)
            if hasattr(exc, "error_dict"):
                field_errors = _field_errors((k, m) for k, ms in exc.message_dict.items() for m in ms)
            filing.data = data  # show what was typed, nothing lost
    files = filing.files.filter(removed_at__isnull=True)
    parties = [dict(p) for p in filing.data.get("parties") or []]
    if not parties:
        parties = [{"role": "plaintiff", "kind": "natural"}]
    if not any(p.get("role") in ("defendant", "respondent") for p in parties):
        parties.append({"role": "defendant", "kind": "natural"})  # a complaint names a defendant (民事诉讼法 第一百二十二条)
    for i, p in enumerate(parties):
        p["errors"] = {k.split("-", 2)[2]: v for k, v in field_errors.items() if k.startswith(f"parties-{i}-")}
    return render(request, "filing/filing_edit.html", {
        "filing": filing, "files": files, "parties": parties, "problems": problems, "field_errors": field_errors,
        "conflict": conflict, "conflict_theirs": _describe(conflict) if conflict is not None else "",
        "conflict_mine": _describe(filing.data) if conflict is not None else "",
        "causes": _causes(), "roles": [(v, l) for v, l in PartyRole.choices if v in ("plaintiff", "defendant", "third_party")],
        "kinds": PartyKind.choices, "domiciles": Domicile.choices, "evidence_kinds": EvidenceFile.Kind.choices,
        "status_problems": filing_services.complaint_problems(filing) if filing.status == FilingStatus.DRAFT else [],
    }, status=(409 if conflict is not None else 400) if problems else 200)


@public_required
@require_POST
def filing_autosave(request, pk):
    """Autosave endpoint for the filing form (JSON in, JSON out; also a form-encoded `payload` sent
    by navigator.sendBeacon when the page is closed). 400 for malformed input, 409 with the saved
    version when another tab saved first."""
    filing = _my_filing(request, pk)
    if filing.status not in filing_services.EDITABLE:
        return JsonResponse({"error": _("该申请已提交，不能再修改。")}, status=409)
    try:
        req = parse_draft_request(request)
        data = req.payload.get("data")
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ValidationError(_("提交的内容格式不正确。"))
        filing = filing_services.save_draft(request.user, filing, data, req.revision, editor=req.editor, seq=req.seq)
    except filing_services.DraftConflict as exc:
        return JsonResponse({"error": "；".join(errors_of(exc)), "conflict": True,
                             "revision": exc.filing.draft_revision, "data": exc.filing.data,
                             "saved_at": exc.filing.updated_at.isoformat()}, status=409)
    except PermissionDenied:
        raise Http404
    except ValidationError as exc:
        body = {"error": "；".join(errors_of(exc))}
        if hasattr(exc, "error_dict"):
            body["fields"] = {k: "；".join(v) for k, v in exc.message_dict.items()}
        return JsonResponse(body, status=400)
    return JsonResponse({"revision": filing.draft_revision, "fee": filing.fee_estimate,
                         "saved_at": filing.updated_at.isoformat()})


@public_required
@require_POST
def filing_delete(request, pk):
    """The filer deletes a draft the court has never received."""
    filing = _my_filing(request, pk)
    try:
        filing_services.delete_draft(request.user, filing)
    except ValidationError as exc:
        for m in errors_of(exc):
            messages.error(request, m)
        return redirect("filing:detail", pk=filing.pk)
    messages.success(request, _("草稿已删除。"))
    return redirect("filing:portal")


@public_required
@require_POST
def filing_withdraw(request, pk):
    """The filer withdraws a filing the court has not yet decided."""
    filing = _my_filing(request, pk)
    try:
        filing_services.withdraw(request.user, filing, request.POST.get("reason", ""))
        messages.success(request, _("立案申请已撤回。"))
    except ValidationError as exc:
        for m in errors_of(exc):
            messages.error(request, m)
    return redirect("filing:detail", pk=filing.pk)


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
            messages.error(request, "；".join(errors_of(exc)))
    return redirect(f"/portal/filings/{filing.pk}/#evidence")


@public_required
@require_POST
def filing_remove_file(request, pk, file_pk):
    filing = _my_filing(request, pk)
    ev = get_object_or_404(EvidenceFile, pk=file_pk, filing=filing, removed_at__isnull=True)
    try:
        filing_services.remove_evidence(request.user, ev)
    except ValidationError as exc:
        messages.error(request, "；".join(errors_of(exc)))
    return redirect(f"/portal/filings/{filing.pk}/#evidence")


@public_required
def filing_detail(request, pk):
    filing = _my_filing(request, pk)
    if filing.status == FilingStatus.DRAFT:
        return redirect("filing:edit", pk=filing.pk)
    return render(request, "filing/filing_detail.html", {
        "filing": filing, "files": filing.files.filter(removed_at__isnull=True),
        "events": filing.events.all()})


@public_required
@require_POST
def fee_pay(request, pk):
    fa = get_object_or_404(FeeAssessment, pk=pk)
    try:
        filing_services.pay_fee(request.user, fa, idempotency_key=request.POST.get("idempotency_key", "")[:64])
        messages.success(request, _("缴费成功。"))
    except PermissionDenied:
        raise deny(request, detail=f"诉讼费 {pk}")
    except ValidationError as exc:
        messages.error(request, "；".join(errors_of(exc)))
    return redirect("cases:portal_detail", pk=fa.case_id)


@public_required
def portal_file(request, pk):
    """A filer opens a file they uploaded."""
    ev = get_object_or_404(EvidenceFile.objects.select_related("filing"), pk=pk, removed_at__isnull=True)
    if ev.filing.submitted_by_id != request.user.pk:
        raise deny(request, filing=ev.filing, detail=f"起诉材料 {pk}")
    return file_response(ev.file, ev.content_type, ev.original_name, as_attachment=False)


# ---- 法院内网 (staff) -------------------------------------------------------------------------

@staff_required("filing_judge", "president", "trial_management")
def filing_queue(request):
    status = request.GET.get("status", FilingStatus.SUBMITTED)
    qs = visible_filings(request.user).exclude(status=FilingStatus.DRAFT)
    if status:
        qs = qs.filter(status=status)
    qs = qs.select_related("submitted_by", "case", "cause", "crossregion__collaborating_court").order_by("review_due_on", "submitted_at")
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    holds = queue_holds(page.object_list)
    for f in page.object_list:
        f.holds = holds.get(f.pk, [])
    return render(request, "filing/filing_queue.html", {
        "page": page, "status": status, "today": timezone.localdate(),
        "statuses": [c for c in FilingStatus.choices if c[0] != FilingStatus.DRAFT]})


@staff_required("filing_judge", "president", "trial_management")
def filing_review(request, pk):
    filing = visible_filings(request.user).exclude(status=FilingStatus.DRAFT) \
        .select_related("court", "cause", "submitted_by", "case", "crossregion__collaborating_court").filter(pk=pk).first()
    if filing is None:
        raise deny(request, detail=f"立案申请 {pk}")
    record(request, AuditEntry.Action.READ, filing=filing)
    suggestion = None
    wage = small_claims_wage(filing.court.province_abbr, timezone.localdate())
    if wage and filing.amount is not None:
        suggestion = procedure_suggestion(filing.amount, wage[1])
    procedures = Procedure.objects.filter(case_kind="civil", active=True)
    return render(request, "filing/filing_review.html", {
        "filing": filing, "files": filing.files.filter(removed_at__isnull=True), "events": filing.events.all(),
        "problems": filing_services.complaint_problems(filing), "procedures": procedures,
        "suggestion": suggestion, "wage": wage,
        "suggestion_label": {"small_claims": _("小额诉讼程序"), "summary": _("简易程序"),
                             "ordinary": _("普通程序")}.get(getattr(suggestion, "procedure", ""), ""), "today": timezone.localdate(),
        "causes": _causes(),
        "can_decide": request.user.has_role("filing_judge"),
        "held": filing_services.registration_hold(filing) if filing.status == FilingStatus.SUBMITTED else None,
    })


@staff_required("filing_judge")
@require_POST
def filing_decide(request, pk):
    filing = visible_filings(request.user).filter(pk=pk).first()
    if filing is None:
        raise deny(request, detail=f"立案申请 {pk}")
    action = request.POST.get("action")
    try:
        if action == "register":
            fee_amount = request.POST.get("fee_amount", "").strip()
            cause_id = parse_id(request.POST.get("cause_id"), _("案由"))
            cause = Cause.objects.filter(pk=cause_id).first() if cause_id else None
            case = filing_services.register(
                request.user, filing, procedure_code=request.POST.get("procedure", ""), cause=cause,
                fee_amount=Decimal(fee_amount) if fee_amount else None, fee_reason=request.POST.get("fee_reason", ""))
            messages.success(request, _("已立案，案号 %(number)s。") % {"number": case.number})
            return redirect("cases:detail", pk=case.pk)
        if action == "correct":
            items = request.POST.get("items", "").splitlines()
            filing_services.request_correction(request.user, filing, items)
            messages.success(request, _("已一次性书面通知补正。"))
        elif action == "refuse":
            filing_services.refuse(request.user, filing, request.POST.get("reasons", ""))
            messages.success(request, _("已作出不予立案决定。"))
        else:
            messages.error(request, _("未知操作。"))
    except InvalidOperation:
        messages.error(request, _("请填写正确的金额。"))
    except ValidationError as exc:
        messages.error(request, "；".join(errors_of(exc)))
    return redirect("filing:review", pk=filing.pk)


@staff_required("filing_judge")
@require_http_methods(["GET", "POST"])
def counter_filing(request):
    problems = []
    data = {"parties": [{"role": "plaintiff", "kind": "natural"}, {"role": "defendant", "kind": "natural"}]}
    channel = request.POST.get("channel", FilingChannel.COUNTER)
    if request.method == "POST":
        data = parse_filing_form(request.POST)
        try:
            filing = filing_services.counter_filing(request.user, request.user.court, data,
                                                    channel=channel if channel in FilingChannel.values else "counter")
            messages.success(request, _("已登记收到材料，请审查立案。"))
            return redirect("filing:review", pk=filing.pk)
        except ValidationError as exc:
            problems = errors_of(exc)
    return render(request, "filing/counter_filing.html", {
        "data": data, "parties": data.get("parties") or [], "problems": problems, "channel": channel,
        "roles": [(v, l) for v, l in PartyRole.choices if v in ("plaintiff", "defendant", "third_party")],
        "kinds": PartyKind.choices, "domiciles": Domicile.choices,
        "causes": _causes(),
    }, status=400 if problems else 200)


@staff_required("filing_judge", "judge", "president")
@require_POST
def fee_change(request, pk):
    fa = get_object_or_404(FeeAssessment.objects.select_related("case"), pk=pk)
    case_for_request(request, fa.case_id)
    try:
        amount = Decimal(request.POST.get("amount", ""))
        filing_services.change_fee(request.user, fa, amount, request.POST.get("reason", ""))
        messages.success(request, _("诉讼费用已调整。"))
    except InvalidOperation:
        messages.error(request, _("请填写正确的金额。"))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, "；".join(errors_of(exc)))
    return redirect("cases:detail", pk=fa.case_id)


@staff_required()
def staff_file(request, pk):
    """Open an uploaded file: allowed to staff who may see its case or review its filing.
    Every opening is audited."""
    ev = get_object_or_404(EvidenceFile.objects.select_related("filing"), pk=pk, removed_at__isnull=True)
    filing = ev.filing
    allowed = (filing.case_id and can_view_case(request.user, filing.case)) or \
        visible_filings(request.user).filter(pk=filing.pk).exists()
    if not allowed:
        raise deny(request, case=filing.case, filing=filing, detail=f"起诉材料 {pk}")
    record(request, AuditEntry.Action.DOWNLOAD, case=filing.case, filing=filing, detail=ev.title)
    return file_response(ev.file, ev.content_type, ev.original_name, as_attachment=False)
