"""The credit section of the staff case page (限制消费令, the dishonest list, correction requests)
and its POST actions; the correction queue of the enforcement staff. Thin: services in credit.py
and dishonest.py."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case, case_for_request
from xiezhi.law import enforcement as enf_law
from xiezhi.law import enforcement_credit as law
from xiezhi.site.access import staff_required
from xiezhi.site.http import parse_date, parse_id, run_action

from . import credit, dishonest, selectors
from .models import DishonestEntry
from .models_credit import ConsumptionRestriction, CorrectionRequest

ROLES = credit.CREDIT_ROLES


def case_panel(request, case: Case):
    if not selectors.is_enforcement_case(case) or not can_manage_case(request.user, case, *ROLES):
        return None
    entries = list(DishonestEntry.objects.filter(case=case).select_related("party").order_by("-id"))
    calendar = dishonest._calendar()
    for e in entries:
        # the last day to delete a fixed-term entry whose term has ended (失信规定 第十条第二款)
        e.term_deletion_due = enf_law.deletion_due(e.ends_on, calendar) if e.ends_on and not e.deleted_at else None
    return {
        "template": "enforcement/credit/_panel.html",
        "debtors": [p for p in case.parties.all() if p.role == "judgment_debtor"],
        "entries": entries,
        "active": [e for e in entries if e.deleted_at is None],
        "restrictions": list(ConsumptionRestriction.objects.filter(case=case).select_related("party").order_by("-id")),
        "corrections": list(CorrectionRequest.objects.filter(entry__case=case).select_related("entry__party")
                            .order_by("-id")),
        "circumstances": sorted(enf_law.CIRCUMSTANCES.items()),
        "events": sorted(enf_law.DELETION_EVENTS.items()),
        "early": enf_law.EARLY_DELETION,
        "measures": sorted(law.CONSUMPTION_MEASURES.items()),
        "person_roles": sorted(law.EXTENDED_PERSONS.items()),
        "today": timezone.localdate(),
    }


def _run(request, case: Case, fn, ok: str):
    return run_action(request, fn, ok, reverse("cases:detail", args=[case.pk]) + "#panel-enforcement_credit",
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


def _years(value):
    text = (value or "").strip()
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) > 2:
        raise ValidationError(_("纳入期限应为整数年。"))
    return int(text)


@require_POST
@staff_required(*ROLES)
def list_debtor(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        party = parse_id(p.get("party"), _("被执行人"), required=True)
        circumstances = [c for c in p.getlist("circumstances") if c.isascii() and c.isdigit() and len(c) == 1]
        return dishonest.list_debtor(request.user, case, party, circumstances, aggravating=p.get("aggravating") == "1",
                                     years=_years(p.get("years")), decided_on=parse_date(p.get("decided_on")),
                                     on_application=p.get("on_application") == "1")

    return _run(request, case, act, _("已纳入失信被执行人名单。"))


def _entry(case, value) -> DishonestEntry:
    entry = DishonestEntry.objects.filter(pk=parse_id(value, _("失信信息"), required=True), case=case).first()
    if entry is None:
        raise ValidationError(_("该失信信息不属于本案。"))
    return entry


@require_POST
@staff_required(*ROLES)
def delete_entry(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        event = parse_id(p.get("event"), _("删除事由"), required=True)
        return dishonest.delete_entry(request.user, _entry(case, p.get("entry")), event,
                                      event_on=parse_date(p.get("event_on")))

    return _run(request, case, act, _("已删除失信信息。"))


@require_POST
@staff_required(*ROLES)
def restrict(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        party = parse_id(p.get("party"), _("被执行人"), required=True)
        persons = [{"role": r, "name": n, "id_number": i} for r, n, i in
                   zip(p.getlist("person_role"), p.getlist("person_name"), p.getlist("person_id")) if n.strip()]
        measures = [m for m in p.getlist("measures") if m.isascii() and m.isdigit() and len(m) == 1]
        return credit.restrict(request.user, case, party, persons, measures,
                               decided_on=parse_date(p.get("decided_on")))

    return _run(request, case, act, _("已决定限制消费。"))


@require_POST
@staff_required(*ROLES)
def lift(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        r = ConsumptionRestriction.objects.filter(pk=parse_id(p.get("restriction"), _("限制消费令"), required=True),
                                                  case=case).first()
        if r is None:
            raise ValidationError(_("该限制消费令不属于本案。"))
        return credit.lift(request.user, r, p.get("reason", ""), lifted_on=parse_date(p.get("lifted_on")))

    return _run(request, case, act, _("已解除限制消费。"))


@require_POST
@staff_required(*ROLES)
def file_correction(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        return credit.file_correction(request.user, _entry(case, p.get("entry")), p.get("applicant", ""),
                                      p.get("grounds", ""), filed_on=parse_date(p.get("filed_on")))

    return _run(request, case, act, _("已登记纠正申请。"))


@require_POST
@staff_required(*ROLES)
def decide_correction(request, pk):
    case, p = case_for_request(request, pk), request.POST

    def act():
        req = CorrectionRequest.objects.filter(pk=parse_id(p.get("request"), _("纠正申请"), required=True),
                                               entry__case=case).first()
        if req is None:
            raise ValidationError(_("该纠正申请不属于本案。"))
        return credit.decide_correction(request.user, req, p.get("decision", ""), p.get("reason", ""))

    return _run(request, case, act, _("已审查纠正申请。"))


@staff_required(*ROLES)
def corrections(request):
    """The queue of correction requests awaiting review, the earliest due first (失信规定 第十二条)."""
    return render(request, "enforcement/credit/corrections.html", {
        "rows": credit.pending_corrections(request.user), "today": timezone.localdate()})


def register_events() -> None:
    """Called from EnforcementConfig.ready(): the event kinds of credit.py and the case panel."""
    from xiezhi.cases.events import EventType, register_event_types
    from xiezhi.cases.panels import register_panel

    register_event_types({
        "consumption_restricted": EventType(gettext_lazy("限制消费"), basis=law.RESTRICTION_BASIS),
        "consumption_lifted": EventType(gettext_lazy("解除限制消费"), basis="限制消费规定 第九条"),
        "dishonest_correction_filed": EventType(gettext_lazy("失信名单纠正申请"), basis=credit.CORRECTION_BASIS),
        "dishonest_correction_decided": EventType(gettext_lazy("失信名单纠正申请审查"), basis=credit.CORRECTION_BASIS),
    }, summaries={
        "consumption_restricted": credit._restricted_summary,
        "consumption_lifted": credit._lifted_summary,
        "dishonest_correction_filed": credit._correction_filed_summary,
        "dishonest_correction_decided": credit._correction_decided_summary,
    })
    register_panel("enforcement_credit", 16, case_panel)
