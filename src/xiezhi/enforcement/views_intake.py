"""Pages of 执行立案 and 分段集约: the enforcement-division head's board (/staff/enforcement/), an
officer's cases by stage (/staff/enforcement/mine/), opening a case (/staff/enforcement/new/)
and the POST that moves a case to the next stage's team."""
from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.cases.models import PARTY_ROLES, Case
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import staff_required
from xiezhi.site.http import errors_of, parse_date, parse_id, parse_ids, run_action

from . import intake
from .models_intake import EnforcementFile

BOARD_ROLES = ("enforcement", "division_head", "president")


def is_enforcement_head(user) -> bool:
    return user.has_role("president") or (user.has_role("division_head") and intake.in_enforcement_division(user))


@staff_required(*BOARD_ROLES)
def board(request):
    """The head's page: counts per stage, cases per team, stages that waited too long."""
    if not is_enforcement_head(request.user):
        if intake.in_enforcement_division(request.user) and request.user.has_role("enforcement"):
            return redirect("enforcement:mine")
        raise PermissionDenied(_("执行局工作台仅供执行局负责人使用。"))
    data = intake.head_overview(request.user)
    return render(request, "enforcement/intake/board.html", {**data, "wait_days": intake.STAGE_WAIT_DAYS})


@staff_required("enforcement", "division_head")
def mine(request):
    if not intake.in_enforcement_division(request.user):
        raise PermissionDenied(_("该页面仅供执行局人员使用。"))
    return render(request, "enforcement/intake/mine.html", {"groups": intake.my_files(request.user)})


@require_POST
@staff_required("division_head", "president")
def move(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        team = parse_id(p.get("team"), _("执行团队"))
        return intake.move_to_stage(request.user, case, p.get("stage", ""), team)

    return run_action(request, act, _("已流转执行阶段。"), reverse("enforcement:board"),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


def _source(request, number: str) -> tuple[Case | None, str]:
    number = (number or "").strip()
    if not number:
        return None, ""
    source = (Case.objects.select_related("case_type", "court").filter(court_id=request.user.court_id, number=number)
              .first())
    if source is None:
        return None, _("本院没有案号为 %(number)s 的案件。") % {"number": number}
    return source, intake.source_problem(source) or ""


def _form_dates(p):
    installments = [parse_date(x) for x in (p.get("installments") or "").replace("，", ",").split(",") if x.strip()]
    return dict(effective_on=parse_date(p.get("effective_on")), due_on=parse_date(p.get("due_on")),
                installments=installments or None)


@staff_required(*intake.OPEN_ROLES)
def new(request):
    """执行立案: from a platform case number (its parties and result shown to pick from) or from an
    outside basis. A late application comes back with the warning and a field for the reason."""
    if not intake.may_open(request.user):
        raise PermissionDenied(_("只有本院立案法官和执行人员可以办理执行立案。"))
    p = request.POST if request.method == "POST" else request.GET
    mode = p.get("mode") if p.get("mode") in ("platform", "outside") else "platform"
    source, source_problem = _source(request, p.get("source", ""))
    errors: list[str] = []
    if request.method == "POST":
        try:
            dates = _form_dates(p)
            applied_on = parse_date(p.get("applied_on"), timezone.localdate())
            if mode == "platform":
                if source is None:
                    raise ValidationError(source_problem or _("请填写执行依据的案号。"))
                case = intake.open_from_case(
                    request.user, source, parse_ids(p.getlist("applicants"), _("申请执行人")),
                    parse_ids(p.getlist("debtors"), _("被执行人")), p.get("amount"), applied_on,
                    late_reason=p.get("late_reason", ""), kind=p.get("kind", "执"), key=p.get("key", ""), **dates)
            else:
                if dates["effective_on"] is None:
                    raise ValidationError(_("请填写执行依据的生效日期。"))
                parties = [{"role": role, "name": p.get(f"{prefix}_name", ""), "kind": p.get(f"{prefix}_kind", ""),
                            "id_number": p.get(f"{prefix}_id", "")}
                           for prefix, role in (("applicant", "enf_applicant"), ("debtor", "judgment_debtor"))]
                if p.get("applicant_kind") not in (None, "", "natural", "legal", "other"):
                    raise ValidationError(_("当事人类型不正确。"))
                case = intake.open_from_outside_basis(
                    request.user, request.user.court, p.get("basis_kind", ""), p.get("document_no", ""),
                    p.get("issuing_body", ""), dates["effective_on"], parties, p.get("amount"), applied_on,
                    due_on=dates["due_on"], installments=dates["installments"], late_reason=p.get("late_reason", ""),
                    kind=p.get("kind", "执"), key=p.get("key", ""))
        except (ValidationError, PermissionDenied) as exc:
            errors = errors_of(exc)
        else:
            record(request, AuditEntry.Action.CHANGE, case=case)
            from django.contrib import messages
            messages.success(request, _("已执行立案，案号 %(number)s。") % {"number": case.number})
            return redirect("cases:detail", case.pk)
    parties = [x for x in source.parties.all() if x.role in PARTY_ROLES] if source and not source_problem else []
    closing = getattr(source, "closing", None) if source is not None and hasattr(source, "closing") else None
    return render(request, "enforcement/intake/new.html", {
        "mode": mode, "source": source, "source_problem": source_problem, "parties": parties, "closing": closing,
        "result": intake.ENFORCEABLE_DOCUMENTS.get(getattr(closing, "document_kind", ""), ""),
        "effective_on": intake.source_effective_on(source) if source and not source_problem else None,
        "bases": [(v, lbl) for v, lbl in EnforcementFile.Basis.choices if v in intake.OUTSIDE_BASES],
        "errors": errors, "p": p, "late": any("申请执行期间" in e for e in errors),
        "key": p.get("key") or uuid.uuid4().hex, "today": timezone.localdate()})
