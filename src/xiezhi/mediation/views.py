"""Pages of 诉前调解: the roster (/staff/mediation/mediators/), the office's list
(/staff/mediation/), the mediator's own matters (/staff/mediation/mine/), one mediation's page with its
parties, state, period, messages and outcome forms, and the POST actions."""
from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.filing.models import FilingApplication
from xiezhi.site.access import staff_required
from xiezhi.site.http import BadInput, file_response, parse_id, run_action

from . import services
from .models import OPEN_STATES, MediationState, Mediator
from .selectors import OFFICE_ROLES, is_office, my_mediations, roster, suitable_list_on, visible_mediations

ROLES = OFFICE_ROLES + ("mediator",)
CLOSED_SHOWN = 50


@staff_required(*OFFICE_ROLES)
def office(request):
    """The filing office's list of pre-suit mediations, open ones first."""
    qs = visible_mediations(request.user).select_related("mediator__user", "cause")
    state = request.GET.get("state", "")
    if state in MediationState.values:
        items = list(qs.filter(state=state).order_by("-pk")[:200])
    else:  # the open matters (the office's work), then the latest closed ones — each an indexed read
        items = (list(qs.filter(state__in=OPEN_STATES).order_by("due_on", "pk")[:200])
                 + list(qs.exclude(state__in=OPEN_STATES).order_by("-pk")[:100]))
    return render(request, "mediation/office.html", {
        "mediations": items, "state": state, "states": MediationState.choices,
        "suitable": suitable_list_on(request.user.court, timezone.localdate())})


@staff_required(*ROLES)
def mediators(request):
    """特邀调解名册: each mediator's organisation, specialities, open matters and results."""
    return render(request, "mediation/roster.html", {"mediators": roster(request.user.court)})


@staff_required("mediator")
def mine(request):
    """The mediator's landing page: their mediations with due dates."""
    from .entrusted import mine as my_entrusted

    # every open matter (a mediator's workload), and only the latest closed ones: a mediator of many
    # years has thousands, and the landing page must not grow with them (bench/mediation_bench.py)
    mine = my_mediations(request.user)
    open_items = list(mine.filter(state__in=OPEN_STATES)[:500])
    closed = list(mine.exclude(state__in=OPEN_STATES).order_by("-closed_at", "-pk")[:CLOSED_SHOWN])
    entrusted = list(my_entrusted(request.user)[:200])
    return render(request, "mediation/mine.html", {
        "open": open_items, "closed": closed, "closed_shown": CLOSED_SHOWN,
        "entrusted": entrusted, "today": timezone.localdate()})


def _mediation(request, pk):
    m = visible_mediations(request.user).select_related("mediator__user", "filing", "cause", "court").filter(pk=pk).first()
    if m is None:
        raise deny(request, detail=f"诉前调解 {pk}")
    return m


@staff_required(*ROLES)
def detail(request, pk):
    m = _mediation(request, pk)
    record(request, AuditEntry.Action.READ, filing=m.filing, detail=f"诉前调解 {m.number}")
    user = request.user
    is_mediator = bool(m.mediator_id and m.mediator.user_id == user.pk)
    can_office = user.has_role("filing_judge") and user.court_id == m.court_id
    return render(request, "mediation/detail.html", {
        "m": m, "events": m.events.select_related("actor"), "is_mediator": is_mediator, "can_office": can_office,
        "roster": Mediator.objects.filter(court=m.court, active=True).select_related("user", "organisation")
        if can_office else [],
        "today": timezone.localdate(), **_room_context(m, user)})


def _post(request, pk, fn, ok):
    m = _mediation(request, pk)
    return run_action(request, lambda: fn(m, request.POST), ok, reverse("mediation:detail", args=[m.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, filing=m.filing,
                                                detail=f"诉前调解 {m.number}"))


def _days(value) -> int:
    text = (value or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 3:
        raise BadInput(_("延长天数应为数字。"))
    return int(text)


@require_POST
@staff_required("filing_judge")
def offer(request, filing_pk):
    filing = FilingApplication.objects.filter(pk=filing_pk, court_id=request.user.court_id).first()
    if filing is None:
        raise deny(request, detail=f"立案申请 {filing_pk}")
    made = {}

    def act():
        made["m"] = services.offer(request.user, filing)

    resp = run_action(request, act, _("已建议诉前调解。"), reverse("filing:review", args=[filing.pk]))
    if "m" in made:
        record(request, AuditEntry.Action.CHANGE, filing=filing, detail=f"诉前调解 {made['m'].number}")
        resp["Location"] = reverse("mediation:detail", args=[made["m"].pk])
    return resp


@require_POST
@staff_required("filing_judge")
def consent(request, pk):
    return _post(request, pk, lambda m, p: services.consent(request.user, m, p.get("answer") == "yes"),
                 _("已记录当事人意见。"))


@require_POST
@staff_required("filing_judge")
def assign(request, pk):
    def act(m, p):
        mid = parse_id(p.get("mediator"), _("调解员"), required=True)
        mediator = get_object_or_404(Mediator, pk=mid, court_id=request.user.court_id)
        return services.assign(request.user, m, mediator, chosen_by_parties=p.get("chosen") == "1")

    return _post(request, pk, act, _("已委派调解员。"))


@require_POST
@staff_required("mediator")
def accept(request, pk):
    return _post(request, pk, lambda m, p: services.accept(request.user, m), _("已签收，调解期限开始计算。"))


@require_POST
@staff_required(*ROLES)
def extend(request, pk):
    return _post(request, pk, lambda m, p: services.extend(request.user, m, _days(p.get("days")),
                                                           p.get("reason", ""), key=p.get("key", "")[:64]),
                 _("已延长调解期限。"))


@require_POST
@staff_required("mediator")
def agreement(request, pk):
    return _post(request, pk, lambda m, p: services.record_agreement(request.user, m, p.get("text", "")),
                 _("已记录调解协议。"))


@require_POST
@staff_required("mediator")
def failure(request, pk):
    return _post(request, pk, lambda m, p: services.record_failure(request.user, m, p.get("reason", "")),
                 _("已记录调解不成，立案申请已退回立案审查。"))


@require_POST
@staff_required(*ROLES)
def withdraw(request, pk):
    return _post(request, pk, lambda m, p: services.withdraw(request.user, m, p.get("reason", "")),
                 _("已撤回调解。"))


@require_POST
@staff_required(*ROLES)
def note(request, pk):
    return _post(request, pk, lambda m, p: services.add_note(request.user, m, p.get("text", ""),
                                                             key=p.get("key", "")[:64]), _("留言已发送。"))


# ---------------------------------------------------------------- the online room (room.py)

def _room_context(m, user) -> dict:
    from . import room

    return {"sessions": m.sessions.all(), "documents": room.visible_documents(user, m),
            "proposals": room.proposals_with_answers(m), "room_key": uuid.uuid4().hex}


@require_POST
@staff_required("mediator")
def session(request, pk):
    from . import room

    def act(m, p):
        online = p.get("online", "1") == "1"
        return room.schedule_session(request.user, m, room.parse_when(p.get("starts_at", "")), online=online,
                                     place=p.get("place", ""), key=p.get("key", "")[:64])

    return _post(request, pk, act, _("已安排调解会议。"))


@require_POST
@staff_required("mediator")
def document(request, pk):
    from . import room

    def act(m, p):
        upload = request.FILES.get("file")
        if upload is None:
            raise ValidationError(_("请选择要上传的文件。"))
        return room.add_document(request.user, m, upload, title=p.get("title", ""), private=p.get("private") == "1",
                                 concession=p.get("concession") == "1")

    return _post(request, pk, act, _("材料已提交。"))


@staff_required(*ROLES)
def document_file(request, pk, doc_pk):
    from . import room

    m = _mediation(request, pk)
    doc = room.visible_documents(request.user, m).filter(pk=doc_pk).first()
    if doc is None:
        raise deny(request, detail=f"调解材料 {doc_pk}")
    record(request, AuditEntry.Action.READ, filing=m.filing, detail=f"诉前调解 {m.number} 材料 {doc.title}")
    return file_response(doc.file, doc.content_type, doc.original_name)


@require_POST
@staff_required("mediator")
def proposal(request, pk):
    from . import room

    return _post(request, pk, lambda m, p: room.propose(request.user, m, p.get("text", ""), key=p.get("key", "")[:64]),
                 _("调解方案已提出，等待当事人答复。"))


@require_POST
@staff_required("mediator")
def agreement_from(request, pk, proposal_pk):
    from . import room
    from .models import MediationProposal

    def act(m, p):
        prop = MediationProposal.objects.filter(pk=proposal_pk, mediation=m).first()
        if prop is None:
            raise ValidationError(_("调解方案不存在。"))
        return room.agreement_from(request.user, m, prop)

    return _post(request, pk, act, _("已依调解方案记录调解协议。"))
