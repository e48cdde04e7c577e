"""Pages of 司法确认: the filing division's list (/staff/confirmation/) with the clocks, the counter form
(/staff/confirmation/new/), one application (/staff/confirmation/<pk>/) with accept / not-accept / withdraw,
the judge's decision (posted from the case page's 司法确认 section), the choice made from an agreed pre-suit
mediation (/staff/confirmation/from-mediation/<pk>/), and the parties' list on the portal
(/portal/confirmation/)."""
from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.accounts.selectors import staff_with_role
from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import public_required, staff_required
from xiezhi.site.http import errors_of, parse_date, parse_id, run_action

from . import services
from .models import ConfirmationApplication, MediationOutcome, NotAcceptedGround, Origin, VenueGround
from .selectors import LIST_ROLES, filing_board, outcome_of, visible_applications

RECEIVE_ROLES = services.FILING_ROLES
MAX_SCAN = 20 * 1024 * 1024
SCAN_TYPES = (".pdf", ".jpg", ".jpeg", ".png")


@staff_required(*LIST_ROLES)
def board(request):
    """立案庭的司法确认工作台: received (3-day acceptance clock), accepted (15-day target, 30-day limit), done."""
    return render(request, "confirmation/board.html", {**filing_board(request.user),
                                                       "may_receive": services.may_receive(request.user,
                                                                                           request.user.court_id),
                                                       "today": timezone.localdate()})


def _scan(request):
    f = request.FILES.get("scan")
    if not f:
        return None
    if f.size > MAX_SCAN:
        raise ValidationError(_("调解协议扫描件不能超过 20MB。"))
    if not f.name.lower().endswith(SCAN_TYPES):
        raise ValidationError(_("调解协议扫描件应为 PDF、JPG 或 PNG 文件。"))
    return f


def _applicants(post) -> list[dict]:
    names, ids, phones, addresses = (post.getlist(k) for k in ("name", "id_number", "phone", "address"))
    rows = []
    for i, name in enumerate(names[:10]):
        rows.append({"name": name, "id_number": ids[i] if i < len(ids) else "", "phone": phones[i] if i < len(phones)
                     else "", "address": addresses[i] if i < len(addresses) else ""})
    return rows


@staff_required(*RECEIVE_ROLES)
def new(request):
    """窗口收取人民调解委员会等调解组织送来的、双方当事人共同提出的司法确认申请."""
    form = request.POST if request.method == "POST" else {}
    if request.method == "POST":
        try:
            app = services.receive(
                request.user, request.user.court, origin=request.POST.get("origin", ""),
                venue_ground=request.POST.get("venue_ground", ""),
                organisation_name=request.POST.get("organisation_name", ""),
                agreement_text=request.POST.get("agreement_text", ""),
                agreement_effective_on=parse_date(request.POST.get("agreement_effective_on")),
                received_on=parse_date(request.POST.get("received_on")),
                applicants=_applicants(request.POST), scan=_scan(request), key=request.POST.get("key", ""))
        except (ValidationError, PermissionDenied) as exc:
            for m in errors_of(exc):
                messages.error(request, m)
        else:
            record(request, AuditEntry.Action.CHANGE, detail=f"司法确认申请 {app.pk}")
            messages.success(request, _("已登记司法确认申请，请在三日内决定是否受理。"))
            return redirect("confirmation:detail", app.pk)
    rows = _applicants(request.POST) if request.method == "POST" else []
    rows += [{}] * max(0, 3 - len(rows))
    return render(request, "confirmation/new.html", {
        "form": form, "rows": rows, "origins": Origin.choices, "grounds": VenueGround.choices,
        "key": uuid.uuid4().hex, "today": timezone.localdate()})


def _app(request, pk) -> ConfirmationApplication:
    app = visible_applications(request.user).select_related("case", "court", "mediation").filter(pk=pk).first()
    if app is None:
        raise deny(request, detail=f"司法确认申请 {pk}")
    return app


@staff_required(*LIST_ROLES, "judge")
def detail(request, pk):
    app = _app(request, pk)
    record(request, AuditEntry.Action.READ, detail=f"司法确认申请 {app.pk}")
    may_receive = services.may_receive(request.user, app.court_id)
    return render(request, "confirmation/detail.html", {
        "app": app, "may_receive": may_receive, "acceptance_due": services.acceptance_due(app),
        "clock": services.decision_clock(app), "not_accepted_grounds": NotAcceptedGround.choices,
        "judges": staff_with_role(app.court_id, "judge") if may_receive else [],
        "may_extend": request.user.has_role("president") and app.state == "accepted" and not app.extended})


def _post(request, pk, fn, ok):
    app = _app(request, pk)
    return run_action(request, lambda: fn(app), ok, reverse("confirmation:detail", args=[app.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, detail=f"司法确认申请 {app.pk}"))


def _judge(request):
    from xiezhi.accounts.models import User

    pk = parse_id(request.POST.get("judge"), _("承办法官"))
    return User.objects.filter(pk=pk).first() if pk else None


@require_POST
@staff_required(*RECEIVE_ROLES)
def accept(request, pk):
    return _post(request, pk, lambda app: services.accept(request.user, app, judge=_judge(request)),
                 _("已受理，案件已立案。"))


@require_POST
@staff_required(*RECEIVE_ROLES)
def not_accept(request, pk):
    return _post(request, pk, lambda app: services.not_accept(request.user, app, request.POST.get("ground", ""),
                                                              request.POST.get("note", "")), _("已决定不予受理。"))


@require_POST
@staff_required(*RECEIVE_ROLES, "judge")
def withdraw(request, pk):
    return _post(request, pk, lambda app: services.withdraw(request.user, app, request.POST.get("reason", "")),
                 _("已准许撤回申请。"))


@require_POST
@staff_required("president")
def extend(request, pk):
    return _post(request, pk, lambda app: services.extend(request.user, app, request.POST.get("reason", "")),
                 _("已批准延长审查期限十日。"))


@require_POST
@staff_required("judge", "division_head", "president")
def decide(request, pk):
    app = _app(request, pk)
    outcome = request.POST.get("outcome", "")
    to = reverse("cases:detail", args=[app.case_id]) if app.case_id else reverse("confirmation:detail", args=[app.pk])
    return run_action(request, lambda: services.decide(request.user, app, outcome, ground=request.POST.get("ground", ""),
                                                       reasoning=request.POST.get("reasoning", "")),
                      _("已生成民事裁定书，请签发、盖章并送达。"), to,
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=app.case,
                                                detail=f"司法确认裁定 {outcome}"))


@require_POST
@staff_required("judge", "division_head", "president")
def mediation_document(request, case_pk):
    case = case_for_request(request, case_pk)
    return run_action(request, lambda: services.mediation_document(request.user, case),
                      _("已生成民事调解书，请签发、盖章并送达。"), reverse("cases:detail", args=[case.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case, detail="诉前调书 调解书"))


@staff_required(*RECEIVE_ROLES)
def from_mediation(request, mediation_pk):
    """诉前调确 or 诉前调书 for an agreed pre-suit mediation: GET shows the choice, POST makes it (once)."""
    from xiezhi.mediation.models import PreSuitMediation

    m = PreSuitMediation.objects.filter(pk=mediation_pk, court_id=request.user.court_id).first()
    if m is None or not services.may_use_mediation(request.user, m):
        raise deny(request, detail=f"诉前调解 {mediation_pk}")
    if request.method == "POST":
        try:
            outcome = services.from_mediation(request.user, m, request.POST.get("kind", ""), judge=_judge(request))
        except (ValidationError, PermissionDenied) as exc:
            for msg in errors_of(exc):
                messages.error(request, msg)
            return redirect("confirmation:from_mediation", m.pk)
        record(request, AuditEntry.Action.CHANGE, filing=m.filing, detail=f"诉前调解 {m.number} {outcome.kind}")
        if outcome.application_id:
            messages.success(request, _("已作为诉前调确申请登记，双方当事人和调解协议已带入。"))
            return redirect("confirmation:detail", outcome.application_id)
        messages.success(request, _("已立案为诉前调书案件。"))
        return redirect("cases:detail", outcome.case_id)
    return render(request, "confirmation/from_mediation.html", {
        "m": m, "outcome": outcome_of(m), "kinds": MediationOutcome.Kind.choices,
        "judges": staff_with_role(m.court_id, "judge")})


@public_required
def portal_list(request):
    """The parties' own confirmation applications and their state."""
    items = list(visible_applications(request.user).select_related("case", "court")[:200])
    return render(request, "confirmation/portal_list.html", {"items": items})
