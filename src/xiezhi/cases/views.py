"""法院内网 (staff site): workbench, case search, case page, filing queue and review,
counter filing, audit log."""
from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from xiezhi.audit.models import AuditEntry, record
from xiezhi.cases import selectors
from xiezhi.cases import services as case_services
from xiezhi.cases.events import label, summary
from xiezhi.cases.panels import panel_for, panel_keys
from xiezhi.cases.models import Case, CaseStatus, DeadlineState, Notification, PartyKind, PartyRole
from xiezhi.courts.models import Cause, Procedure
from xiezhi.courts.province import small_claims_wage
from xiezhi.filing import services as filing_services
from xiezhi.filing.models import FeeAssessment, FilingApplication, FilingChannel, FilingStatus

from .access import staff_required
from .forms import parse_filing_form

PAGE = 50


def _errors(exc):
    return [str(m) for m in exc.messages]


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@staff_required()
def workbench(request):
    user = request.user
    mine = selectors.my_open_cases(user)
    cases = list(mine.order_by("limit_end", "id")[:PAGE])
    counts = mine.aggregate(total=Count("id"), near=Count("id", filter=Q(deadline_state=DeadlineState.NEAR)),
                            overdue=Count("id", filter=Q(deadline_state=DeadlineState.OVERDUE)))
    queue = None
    if user.has_role("filing_judge"):
        queue = FilingApplication.objects.filter(court_id=user.court_id, status=FilingStatus.SUBMITTED).count()
    notes = list(Notification.objects.filter(user=user, read_at__isnull=True).order_by("-created_at")[:8])
    return render(request, "staff/workbench.html", {"cases": cases, "counts": counts, "queue": queue,
                                                    "notes": notes, "today": timezone.localdate()})


@staff_required()
def case_list(request):
    g = request.GET
    qs = selectors.search_cases(request.user, q=g.get("q", ""), status=g.get("status", ""),
                                cause=g.get("cause", ""), date_from=_date(g.get("from")), date_to=_date(g.get("to")),
                                deadline=g.get("deadline", ""), mine=g.get("mine") == "1")
    order = {"filed": "-filed_on", "limit": "limit_end", "number": "number"}.get(g.get("order"), "-filed_on")
    page = Paginator(qs.order_by(order, "-id"), PAGE).get_page(g.get("page"))
    query = g.copy()
    query.pop("page", None)
    return render(request, "staff/case_list.html", {
        "page": page, "g": g, "statuses": CaseStatus.choices, "deadlines": DeadlineState.choices,
        "query": query.urlencode(), "today": timezone.localdate()})


def _case(request, pk) -> Case:
    try:
        return selectors.case_for_page(request.user, pk)
    except Case.DoesNotExist:
        if Case.objects.filter(pk=pk).exists():
            record(request, AuditEntry.Action.DENIED, detail=f"case {pk}")
        raise Http404


@staff_required()
def case_detail(request, pk):
    case = _case(request, pk)
    record(request, AuditEntry.Action.READ, case=case)
    events = list(case.events.select_related("actor").order_by("seq"))
    tl = case_services.time_limit_status(case, events)
    from xiezhi.law.timelimits import DEDUCTION_KINDS

    from xiezhi.cases.models import CaseLink

    filing = FilingApplication.objects.filter(case=case).first()
    links = list(CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case)).select_related("from_case", "to_case"))
    return render(request, "staff/case_detail.html", {
        "case": case, "events": [(e, label(e.code), summary(e.code, e.payload)) for e in events], "tl": tl,
        "parties": case.parties.all().order_by("id"), "fees": case.fees.all(),
        "files": filing.files.filter(removed_at__isnull=True) if filing else [],
        "links": [(lk.get_kind_display(), lk.to_case if lk.from_case_id == case.pk else lk.from_case) for lk in links],
        "deduction_kinds": [(k, v[0]) for k, v in DEDUCTION_KINDS.items()],
        "can_extend": request.user.has_role("president"),
        "can_manage": selectors.can_manage_case(request.user, case, "judge", "division_head", "president"),
        "today": timezone.localdate(),
        "panel_keys": panel_keys(),
    })


@staff_required()
def case_panel(request, pk, key):
    """One section of the case page (trial organisation, hearings, service, documents, e-file),
    fetched by the page after it has shown the case itself: the case page answers at once
    however many sections the court's apps add, and one slow section delays nobody."""
    case = _case(request, pk)
    panel = panel_for(request, case, key)
    if panel is None:
        return HttpResponse("", status=204)
    return render(request, panel["template"], {"case": case, "panel": panel, "today": timezone.localdate()})


@staff_required("judge", "division_head", "president")
@require_POST
def case_deduction(request, pk):
    case = _case(request, pk)
    try:
        if request.POST.get("action") == "end":
            case_services.end_deduction(request.user, case, request.POST["kind"],
                                        _date(request.POST.get("date")) or timezone.localdate())
        else:
            case_services.start_deduction(request.user, case, request.POST.get("kind", ""),
                                          _date(request.POST.get("date")) or timezone.localdate(),
                                          request.POST.get("reason", ""))
        messages.success(request, _("审限扣除已记录，并向当事人公开。"))
    except ValidationError as exc:
        messages.error(request, "；".join(_errors(exc)))
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    return redirect("web:case_detail", pk=case.pk)


@staff_required("president")
@require_POST
def case_extension(request, pk):
    case = _case(request, pk)
    try:
        months = int(request.POST.get("months") or 0)
        case_services.approve_extension(request.user, case, request.POST.get("reason", ""), months=months)
        messages.success(request, _("已批准延长审限。"))
    except (ValueError, ValidationError) as exc:
        messages.error(request, "；".join(_errors(exc)) if isinstance(exc, ValidationError) else _("请填写延长月数。"))
    return redirect("web:case_detail", pk=case.pk)


@staff_required("filing_judge", "judge", "president")
@require_POST
def fee_change(request, pk):
    fa = get_object_or_404(FeeAssessment.objects.select_related("case"), pk=pk)
    _case(request, fa.case_id)
    try:
        amount = Decimal(request.POST.get("amount", ""))
        filing_services.change_fee(request.user, fa, amount, request.POST.get("reason", ""))
        messages.success(request, _("诉讼费用已调整。"))
    except InvalidOperation:
        messages.error(request, _("请填写正确的金额。"))
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, "；".join(_errors(exc)) if isinstance(exc, ValidationError) else str(exc))
    return redirect("web:case_detail", pk=fa.case_id)


# ---- filing queue -------------------------------------------------------------------------

@staff_required("filing_judge", "president", "trial_management")
def filing_queue(request):
    status = request.GET.get("status", FilingStatus.SUBMITTED)
    qs = filing_services.visible_filings(request.user).exclude(status=FilingStatus.DRAFT)
    if status:
        qs = qs.filter(status=status)
    qs = qs.select_related("submitted_by", "case", "cause").order_by("review_due_on", "submitted_at")
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    return render(request, "staff/filing_queue.html", {
        "page": page, "status": status, "today": timezone.localdate(),
        "statuses": [c for c in FilingStatus.choices if c[0] != FilingStatus.DRAFT]})


@staff_required("filing_judge", "president", "trial_management")
def filing_review(request, pk):
    filing = filing_services.visible_filings(request.user).exclude(status=FilingStatus.DRAFT) \
        .select_related("court", "cause", "submitted_by", "case").filter(pk=pk).first()
    if filing is None:
        raise Http404
    record(request, AuditEntry.Action.READ, filing=filing)
    from xiezhi.law.smallclaims import procedure_suggestion

    suggestion = None
    wage = small_claims_wage(filing.court.province_abbr, timezone.localdate())
    if wage and filing.amount is not None:
        suggestion = procedure_suggestion(filing.amount, wage[1])
    procedures = Procedure.objects.filter(case_kind="civil", active=True)
    return render(request, "staff/filing_review.html", {
        "filing": filing, "files": filing.files.filter(removed_at__isnull=True), "events": filing.events.all(),
        "problems": filing_services.complaint_problems(filing), "procedures": procedures,
        "suggestion": suggestion, "wage": wage,
        "suggestion_label": {"small_claims": _("小额诉讼程序"), "summary": _("简易程序"),
                             "ordinary": _("普通程序")}.get(getattr(suggestion, "procedure", ""), ""), "today": timezone.localdate(),
        "causes": Cause.objects.filter(kind="civil", version=filing_services.cause_version_for(timezone.localdate()),
                                       level__gte=3).order_by("name"),
        "can_decide": request.user.has_role("filing_judge"),
    })


@staff_required("filing_judge")
@require_POST
def filing_decide(request, pk):
    filing = filing_services.visible_filings(request.user).filter(pk=pk).first()
    if filing is None:
        raise Http404
    action = request.POST.get("action")
    try:
        if action == "register":
            fee_amount = request.POST.get("fee_amount", "").strip()
            cause = Cause.objects.filter(pk=request.POST.get("cause_id") or None).first()
            case = filing_services.register(
                request.user, filing, procedure_code=request.POST.get("procedure", ""), cause=cause,
                fee_amount=Decimal(fee_amount) if fee_amount else None, fee_reason=request.POST.get("fee_reason", ""))
            messages.success(request, _("已立案，案号 %(number)s。") % {"number": case.number})
            return redirect("web:case_detail", pk=case.pk)
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
        messages.error(request, "；".join(_errors(exc)))
    return redirect("web:filing_review", pk=filing.pk)


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
            return redirect("web:filing_review", pk=filing.pk)
        except ValidationError as exc:
            problems = _errors(exc)
    return render(request, "staff/counter_filing.html", {
        "data": data, "parties": data.get("parties") or [], "problems": problems, "channel": channel,
        "roles": [(v, l) for v, l in PartyRole.choices if v in ("plaintiff", "defendant", "third_party")],
        "kinds": PartyKind.choices,
        "causes": Cause.objects.filter(kind="civil", version=filing_services.cause_version_for(timezone.localdate()),
                                       level__gte=3).order_by("name"),
    }, status=400 if problems else 200)


@staff_required("trial_management", "president")
def audit_log(request):
    g = request.GET
    qs = AuditEntry.objects.select_related("user", "case").filter(
        Q(case__court_id=request.user.court_id) | Q(user__court_id=request.user.court_id))
    if g.get("case"):
        qs = qs.filter(case__number__contains=g["case"].strip())
    if g.get("user"):
        qs = qs.filter(Q(user__real_name__contains=g["user"]) | Q(user__username__contains=g["user"]))
    if g.get("action"):
        qs = qs.filter(action=g["action"])
    page = Paginator(qs.order_by("-at"), PAGE).get_page(g.get("page"))
    return render(request, "staff/audit_log.html", {"page": page, "g": g, "actions": AuditEntry.Action.choices})


@staff_required()
@require_POST
def notifications_read(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("web:workbench")


@staff_required()
def evidence_file(request, pk):
    """Open an uploaded file: allowed to staff who may see its case or review its filing.
    Every opening is audited."""
    from django.http import FileResponse

    from xiezhi.filing.models import EvidenceFile

    ev = get_object_or_404(EvidenceFile.objects.select_related("filing"), pk=pk, removed_at__isnull=True)
    filing = ev.filing
    allowed = (filing.case_id and selectors.can_view_case(request.user, filing.case)) or \
        filing_services.visible_filings(request.user).filter(pk=filing.pk).exists()
    if not allowed:
        raise Http404
    record(request, AuditEntry.Action.DOWNLOAD, case=filing.case, filing=filing, detail=ev.title)
    resp = FileResponse(ev.file.open("rb"), content_type=ev.content_type, as_attachment=False,
                        filename=ev.original_name)
    resp["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp
