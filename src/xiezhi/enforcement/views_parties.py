"""Pages of 财产调查 and of the parties' side of enforcement:

- the portal page of an enforcement case for its applicant and debtor (/portal/enforcement/cases/<pk>/,
  linked from the portal case page) with the POSTs behind it: a clue, the asset report, a message;
- the officer's queue of clues (/staff/enforcement/clues/) and unread messages
  (/staff/enforcement/messages/), linked from /staff/enforcement/mine/;
- the POSTs behind the case-page panel (report order, report entered, refusal, sanction, clue
  check, police search and its answer)."""
from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.cases.selectors import case_for_request, refuse_case
from xiezhi.site.access import public_required, staff_required
from xiezhi.site.http import parse_date, parse_id, run_action

from . import assets, portal, selectors
from .models_parties import AssetClue, AssetReport, DebtorSearch, EnforcementMessage

ROLES = assets.ROLES


# ---------------------------------------------------------------- the parties (诉讼服务网)

def _party_case(request, pk):
    """The enforcement case of a party of it, else 404 (audited like every refused case)."""
    case = case_for_request(request, pk)
    if not selectors.is_enforcement_case(case) or portal.side_party(request.user, case) is None:
        refuse_case(request, case.pk)
    return case


@public_required
def portal_case(request, pk):
    case = _party_case(request, pk)
    record(request, AuditEntry.Action.READ, case=case, detail="执行信息公开")
    return render(request, "enforcement/parties/portal_case.html", portal.page_context(request.user, case))


def _portal_post(request, pk, act, success: str):
    case = _party_case(request, pk)
    back = reverse("enforcement_portal:case", args=[case.pk])
    if portal.over_limit(request.user):
        messages.error(request, _("操作过于频繁，请稍后再试。"))
        return redirect(back)
    return run_action(request, lambda: act(case), success, back)


@require_POST
@public_required
def portal_clue(request, pk):
    p = request.POST
    return _portal_post(request, pk, lambda case: assets.submit_clue(
        request.user, case, kind=p.get("kind", ""), description=p.get("description", ""),
        urgent=p.get("urgent") == "1", key=p.get("key", "")), _("财产线索已提交，执行人员将在期限内核实。"))


@require_POST
@public_required
def portal_report(request, pk):
    p = request.POST

    def act(case):
        report = AssetReport.objects.filter(pk=parse_id(p.get("report"), _("报告财产令"), required=True),
                                            case=case).first()
        if report is None:
            raise ValidationError(_("报告财产令不存在。"))
        items = [{"category": c, "description": d, "value": v}
                 for c, d, v in zip(p.getlist("category"), p.getlist("description"), p.getlist("value"))]
        return assets.submit_report(request.user, report, items=items, changes=p.get("changes", ""), via_portal=True)

    return _portal_post(request, pk, act, _("财产报告已提交。"))


@require_POST
@public_required
def portal_message(request, pk):
    p = request.POST
    return _portal_post(request, pk, lambda case: portal.send_message(request.user, case, p.get("text", ""),
                                                                      p.get("key", "")), _("留言已发送。"))


# ---------------------------------------------------------------- the officer

# the officer's own queues (reached from /staff/enforcement/mine/); the head sees a case's clues and
# messages on its case page
@staff_required("enforcement")
def clues(request):
    return render(request, "enforcement/parties/clues.html", {"rows": assets.clue_queue(request.user)})


@staff_required("enforcement", "division_head", "president")
def batch_service(request):
    """集约送达: the central unit serves the notices and report orders of many cases at once."""
    from xiezhi.delivery.models import ServiceMethod
    from xiezhi.site.http import errors_of, parse_ids

    from .intake import in_enforcement_division

    if not (request.user.has_role("president") or in_enforcement_division(request.user)):
        raise PermissionDenied(_("集约送达仅供执行局人员使用。"))
    if request.method == "POST":
        try:
            ids = parse_ids(request.POST.getlist("reports"), _("送达事项"))
            if not ids:
                raise ValidationError(_("请选择要送达的案件。"))
            served, problems = assets.serve_in_batch(request.user, ids, request.POST.get("method", ""))
        except ValidationError as exc:
            for m in errors_of(exc):
                messages.error(request, m)
        else:
            if served:
                messages.success(request, _("已送达 %(n)s 件案件的执行通知书和报告财产令。") % {"n": served})
            for m in problems:
                messages.error(request, m)
        return redirect("enforcement:batch_service")
    return render(request, "enforcement/parties/batch_service.html", {
        "rows": assets.unserved_reports(request.user),
        "methods": [(m, label) for m, label in ServiceMethod.choices if m in assets.BATCH_METHODS]})


@staff_required("enforcement")
def inbox(request):
    return render(request, "enforcement/parties/messages.html", {"rows": portal.unread_for(request.user)})


def _case_action(request, pk, act, success: str):
    case = case_for_request(request, pk)
    if not assets.may_investigate(request.user, case):
        raise PermissionDenied(_("只有本案执行人员可以办理财产调查。"))
    back = request.POST.get("next") or ""
    if back not in (reverse("enforcement:clues"), reverse("enforcement:inbox")):
        back = reverse("cases:detail", args=[case.pk])

    def audited():
        record(request, AuditEntry.Action.CHANGE, case=case)

    return run_action(request, lambda: act(case, request.POST), success, back, on_success=audited)


def _row(model, case, value, label):
    row = model.objects.filter(pk=parse_id(value, label, required=True), case=case).first()
    if row is None:
        raise ValidationError(_("%(label)s不存在。") % {"label": label})
    return row


@require_POST
@staff_required(*ROLES)
def report_order(request, pk):
    def act(case, p):
        return assets.issue_report_order(request.user, case, basis=p.get("basis", ""),
                                         report_days=p.get("report_days") or 5, key=p.get("key", ""))

    return _case_action(request, pk, act, _("已制作执行通知书和报告财产令，请送达被执行人。"))


@require_POST
@staff_required(*ROLES)
def report_received(request, pk):
    def act(case, p):
        report = _row(AssetReport, case, p.get("report"), _("报告财产令"))
        items = [{"category": c, "description": d, "value": v}
                 for c, d, v in zip(p.getlist("category"), p.getlist("description"), p.getlist("value"))]
        return assets.submit_report(request.user, report, items=items, changes=p.get("changes", ""),
                                    received_on=parse_date(p.get("received_on")))

    return _case_action(request, pk, act, _("已登记财产报告。"))


@require_POST
@staff_required(*ROLES)
def report_refused(request, pk):
    return _case_action(request, pk, lambda case, p: assets.mark_refused(
        request.user, _row(AssetReport, case, p.get("report"), _("报告财产令")), p.get("note", "")),
        _("已记录拒绝报告。"))


@require_POST
@staff_required(*ROLES)
def report_sanction(request, pk):
    def act(case, p):
        decided = parse_date(p.get("decided_on"))
        if decided is None:
            raise ValidationError(_("请填写决定日期。"))
        return assets.record_sanction(request.user, _row(AssetReport, case, p.get("report"), _("报告财产令")),
                                      kind=p.get("kind", ""), decided_on=decided, amount=p.get("amount"),
                                      days=p.get("days"), reference=p.get("reference", ""),
                                      false_report=p.get("false_report") == "1", note=p.get("note", ""))

    return _case_action(request, pk, act, _("已记录处罚决定。"))


@require_POST
@staff_required(*ROLES)
def clue_check(request, pk):
    def act(case, p):
        clue = _row(AssetClue, case, p.get("clue"), _("财产线索"))
        return assets.check_clue(request.user, clue, found=p.get("found") == "1", result=p.get("result", ""),
                                 identifier=p.get("identifier", ""), value=p.get("value"))

    return _case_action(request, pk, act, _("已登记线索核实结果。"))


@require_POST
@staff_required(*ROLES)
def debtor_search(request, pk):
    return _case_action(request, pk, lambda case, p: assets.request_debtor_search(
        request.user, case, parse_id(p.get("party"), _("被执行人"), required=True), p.get("reason", ""),
        addressee=p.get("addressee", ""), key=p.get("key", "")), _("已发出协助查找请求。"))


@require_POST
@staff_required(*ROLES)
def debtor_search_answer(request, pk):
    return _case_action(request, pk, lambda case, p: assets.record_search_answer(
        request.user, _row(DebtorSearch, case, p.get("search"), _("查找请求")), location=p.get("location", ""),
        travel=p.get("travel", "")), _("已登记答复并归入电子卷宗。"))


@require_POST
@staff_required(*ROLES)
def message_answer(request, pk):
    return _case_action(request, pk, lambda case, p: portal.answer_message(
        request.user, _row(EnforcementMessage, case, p.get("message"), _("留言")), p.get("text", ""),
        p.get("key", "")), _("已答复。"))


def case_panel(request, case):
    """The 财产调查 section of the staff case page (registered in assets.register_events)."""
    import uuid

    if not selectors.is_enforcement_case(case) or not assets.may_investigate(request.user, case):
        return None
    from django.utils import timezone

    from xiezhi.law.enforcement_assets import CATEGORIES

    today = timezone.localdate()
    reports = list(AssetReport.objects.filter(case=case).select_related("party").order_by("-ordered_at", "-id"))
    for r in reports:
        r.overdue = r.status == "ordered" and today > r.due_on
    clue_rows = list(AssetClue.objects.filter(case=case).select_related("party").order_by("-submitted_at"))
    for c in clue_rows:
        c.overdue = c.status == "pending" and today > c.due_on
    return {
        "template": "enforcement/parties/_case_panel.html",
        "reports": reports, "clues": clue_rows, "categories": list(CATEGORIES.items()),
        "searches": list(DebtorSearch.objects.filter(case=case).select_related("party").order_by("-id")),
        "debtors": list(case.parties.filter(role="judgment_debtor", left_case_at__isnull=True).order_by("pk")),
        "messages": list(EnforcementMessage.objects.filter(case=case).select_related("party", "from_user")
                         .order_by("at", "id")),
        "keys": {k: uuid.uuid4().hex for k in ("order", "search", "answer")},
        "open": case.status not in ("closed", "archived") and case.closed_on is None,
    }


def register_events():
    """The timeline nodes of 财产调查 and the case-page panel (called from apps.py)."""
    from xiezhi.cases.events import EventType, register_event_types
    from xiezhi.cases.panels import register_panel

    register_event_types({code: EventType(label, public=public, basis=basis)
                          for code, (label, public, basis) in assets.EVENTS.items()}, summaries=assets.SUMMARIES)
    register_panel("parties", 17, case_panel)
