"""Pages of 国家司法救助: the staff list (/staff/assistance/) for the filing judges and the approvers,
the counter form (/staff/assistance/new/), one application's page with its steps and the POSTs; the
applicant's side on the portal (/portal/assistance/, /portal/assistance/new/, one page each)."""
from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.models import Case
from xiezhi.law import assistance as law
from xiezhi.site.access import public_required, staff_required
from xiezhi.site.http import errors_of, parse_date, run_action

from . import selectors, services
from .models import ORIGIN_KINDS, AssistanceApplication
from .models import FeeRelief as FeeReliefModel

S = AssistanceApplication.State


def _get(request, pk):
    app = (AssistanceApplication.objects.select_related("court", "origin_case", "assistance_case", "decided_by")
           .filter(pk=pk).first())
    if app is None or not selectors.may_see(request.user, app):
        raise deny(request, case=app.origin_case if app else None, detail=f"司法救助申请 {pk}")
    return app


def _form_context(request, form=None):
    return {"categories": [(n, law.category_basis(n)) for n in law.CATEGORIES], "origin_kinds": ORIGIN_KINDS,
            "form": form or {}, "key": uuid.uuid4().hex}


def _origin_case(court, number):
    number = (number or "").strip()
    if not number:
        return None
    case = Case.objects.filter(court=court, number=number).first()
    if case is None:
        raise ValidationError(_("本院没有案号为 %(number)s 的案件。") % {"number": number})
    return case


def _submit(request, court, template, done, extra=None):
    p = request.POST
    try:
        app = services.apply(
            request.user, court, category=p.get("category"), origin_kind=p.get("origin_kind", ""),
            facts=p.get("facts", ""), amount_asked=p.get("amount_asked", ""), bank_account=p.get("bank_account", ""),
            origin_case=_origin_case(court, p.get("origin_number")), applicant_name=p.get("applicant_name", ""),
            applicant_id_number=p.get("applicant_id_number", ""), applicant_phone=p.get("applicant_phone", ""),
            compensation=p.get("compensation") or None, files=request.FILES.getlist("files"), key=p.get("key", ""))
    except ValidationError as exc:
        return render(request, template, {**_form_context(request, p), **(extra or {}), "errors": errors_of(exc)},
                      status=400)
    return redirect(done, app.pk)


# ---- staff --------------------------------------------------------------------------------

@staff_required(*services.STAFF_ROLES)
def staff_list(request):
    from . import fee_relief

    apps = selectors.annotate(selectors.for_staff(request.user)[:300])
    return render(request, "assistance/list.html", {
        "apps": apps, "can_record": services.is_handler(request.user, request.user.court),
        "reliefs": fee_relief.pending_for_staff(request.user)[:100]})


@staff_required(*services.HANDLER_ROLES)
def staff_new(request):
    if request.method == "POST":
        return _submit(request, request.user.court, "assistance/new.html", "assistance:detail")
    return render(request, "assistance/new.html", _form_context(request))


@staff_required(*services.STAFF_ROLES)
def detail(request, pk):
    app = _get(request, pk)
    record(request, AuditEntry.Action.READ, case=app.assistance_case or app.origin_case, detail=f"司法救助申请 {pk}")
    user, cap, cap_error = request.user, None, ""
    try:
        cap = services.cap_for(app)
    except ValidationError as exc:
        cap_error = " ".join(errors_of(exc))
    return render(request, "assistance/detail.html", {
        "a": app, "evidence": app.evidence.all(), "overdue": selectors.overdue(app), "cap": cap, "cap_error": cap_error,
        "category_basis": law.category_basis(app.category),
        "can_handle": services.is_handler(user, app.court), "can_decide": services.is_approver(user, app.court),
        "today": timezone.localdate()})


def _act(request, pk, fn, ok):
    app = _get(request, pk)
    return run_action(request, lambda: fn(app), ok, reverse("assistance:detail", args=[app.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE,
                                                case=app.assistance_case or app.origin_case,
                                                detail=f"司法救助申请 {app.pk}"))


@require_POST
@staff_required(*services.HANDLER_ROLES)
def accept(request, pk):
    return _act(request, pk, lambda a: services.accept(request.user, a), _("已立案。"))


@require_POST
@staff_required(*services.HANDLER_ROLES)
def investigate(request, pk):
    return _act(request, pk, lambda a: services.investigate(request.user, a, request.POST.get("notes", "")),
                _("已记录调查情况。"))


@require_POST
@staff_required(*services.HANDLER_ROLES)
def review(request, pk):
    return _act(request, pk, lambda a: services.review(request.user, a, request.POST.get("opinion", "")),
                _("已记录合议庭意见。"))


@require_POST
@staff_required(*services.APPROVER_ROLES)
def approve(request, pk):
    p = request.POST
    return _act(request, pk, lambda a: services.approve(request.user, a, p.get("amount", ""),
                                                        exceptional_reason=p.get("exceptional_reason", "")),
                _("已批准救助。"))


@require_POST
@staff_required(*services.APPROVER_ROLES)
def refuse(request, pk):
    return _act(request, pk, lambda a: services.refuse(request.user, a, request.POST.get("reason", "")),
                _("已决定不予救助。"))


@require_POST
@staff_required(*services.HANDLER_ROLES)
def pay(request, pk):
    p = request.POST

    def fn(a):
        return services.pay(request.user, a, parse_date(p.get("paid_on"), timezone.localdate()), p.get("voucher", ""),
                            p.get("amount") or None)

    return _act(request, pk, fn, _("已登记发放。"))


# ---- portal -------------------------------------------------------------------------------

@public_required
def portal_list(request):
    return render(request, "assistance/portal/list.html", {"apps": selectors.for_applicant(request.user)})


def _portal_court(number):
    """The court of the originating case (its number names it), else the platform's court."""
    from xiezhi.courts.models import Court

    case = Case.objects.filter(number=(number or "").strip()).select_related("court").first() if number else None
    if case is not None:
        return case.court
    return Court.objects.filter(case_code="豫0222").first() or Court.objects.filter(case_code__regex=r"\d{4}$").first()


@public_required
def portal_new(request):
    if request.method == "POST":
        return _submit(request, _portal_court(request.POST.get("origin_number")), "assistance/portal/new.html",
                       "assistance_portal:detail")
    return render(request, "assistance/portal/new.html", _form_context(request))


@public_required
def portal_detail(request, pk):
    app = _get(request, pk)
    return render(request, "assistance/portal/detail.html", {"a": app, "evidence": app.evidence.all()})


# ---- fee relief (缓交、减交、免交) -----------------------------------------------------------------

@public_required
def portal_fees(request):
    from . import fee_relief

    fees = list(fee_relief.my_unpaid_fees(request.user))
    for f in fees:
        f.relief_list = list(f.reliefs.order_by("-created_at"))
    filings = list(fee_relief.my_open_filings(request.user))
    for f in filings:
        f.relief_list = list(f.fee_reliefs.filter(assessment__isnull=True).order_by("-created_at"))
    return render(request, "assistance/portal/fees.html", {"fees": fees, "filings": filings,
                                                           "forms": FeeReliefModel.Form.choices})


@require_POST
@public_required
def portal_fee_relief_at_filing(request, pk):
    from xiezhi.filing.models import FilingApplication

    from . import fee_relief

    filing = FilingApplication.objects.filter(pk=pk, submitted_by=request.user).first()
    if filing is None:
        raise deny(request, detail=f"立案申请 {pk}")
    p = request.POST
    return run_action(request, lambda: fee_relief.request_at_filing(request.user, filing, p.get("form", ""),
                                                                   p.get("reasons", ""), request.FILES.get("proof")),
                      _("已提交申请，法院将在立案时一并决定。"), reverse("assistance_portal:fees"))


@require_POST
@public_required
def portal_fee_relief(request, pk):
    from xiezhi.filing.models import FeeAssessment

    from . import fee_relief

    fa = FeeAssessment.objects.filter(pk=pk).select_related("case").first()
    if fa is None or fee_relief.payer_party(request.user, fa.case) is None:
        raise deny(request, case=fa.case if fa else None, detail=f"诉讼费用 {pk}")
    p = request.POST
    return run_action(request, lambda: fee_relief.request_relief(request.user, fa, p.get("form", ""), p.get("reasons", ""),
                                                                request.FILES.get("proof")),
                      _("已提交申请，请等待法院决定。"), reverse("assistance_portal:fees"))


@require_POST
@staff_required("filing_judge", "judge", "president")
def decide_fee_relief(request, pk):
    from . import fee_relief

    r = FeeReliefModel.objects.filter(pk=pk, assessment__case__court_id=request.user.court_id).first()
    if r is None and FeeReliefModel.objects.filter(pk=pk, filing__court_id=request.user.court_id).exists():
        messages.error(request, _("立案并核定诉讼费用后才能作出决定。"))
        return redirect("assistance:list")
    if r is None:
        raise deny(request, detail=f"诉讼费用缓减免 {pk}")
    p = request.POST

    def fn():
        due = parse_date(p.get("due_on")) if p.get("due_on") else None
        return fee_relief.decide(request.user, r, p.get("outcome", ""), p.get("reason", ""),
                                 percent=p.get("percent") or None, due_on=due)

    return run_action(request, fn, _("已作出决定。"), reverse("assistance:list"),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=r.assessment.case,
                                                detail=f"诉讼费用缓减免 {r.pk}"))
