"""Pages of 涉诉信访 (/staff/complaints/: the litigation service centre's list, registration, one
complaint's page with the sorting and handling forms, the duty-lawyer roster), the judge's answer to a
post-judgment question (from the case page panel), and the portal: the duty lawyer's complaints with the
opinion form, and a party's 判后答疑 page reached from their case page."""
from __future__ import annotations

import re
import uuid
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.accounts.models import User
from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.selectors import case_for_request
from xiezhi.law.complaints import REMEDIES
from xiezhi.site.access import public_required, staff_required
from xiezhi.site.http import parse_date, parse_id, run_action

from . import selectors, services
from .models import Channel, Kind, PostJudgmentQuestion, State

OFFICE = selectors.OFFICE_ROLES
VIEW = selectors.VIEW_ROLES


@staff_required(*VIEW)
def office(request):
    """The litigation service centre's 涉诉信访 list, open ones first, with the due dates of 访 items."""
    qs = selectors.visible_complaints(request.user).select_related("case", "filing__court")
    state = request.GET.get("state", "")
    if state in State.values:
        qs = qs.filter(state=state)
    return render(request, "complaints/office.html", {
        "complaints": qs.order_by("closed_at", "due_on", "-pk")[:200], "state": state, "states": State.choices,
        "today": timezone.localdate(), "can_register": request.user.has_role("filing_judge")})


@staff_required("filing_judge")
def register(request):
    if request.method == "POST":
        p = request.POST
        made = {}

        def act():
            made["c"] = services.register(request.user, channel=p.get("channel", ""), name=p.get("name", ""),
                                          contact=p.get("contact", ""), case_number=p.get("case_number", ""),
                                          request=p.get("request", ""), key=p.get("key", ""))

        resp = run_action(request, act, _("已登记。"), reverse("complaints:register"))
        if "c" in made:
            record(request, AuditEntry.Action.CHANGE, case=made["c"].case, detail=f"涉诉信访 {made['c'].pk}")
            resp["Location"] = reverse("complaints:detail", args=[made["c"].pk])
        return resp
    return render(request, "complaints/register.html", {"channels": Channel.choices, "key": uuid.uuid4().hex})


@staff_required(*OFFICE)
def lawyers(request):
    """值班律师名册; the office enrols a lawyer by the phone number of their portal account."""
    if request.method == "POST":
        def act():
            if not request.user.has_role("filing_judge"):
                raise ValidationError(_("只有立案人员可以维护值班律师名册。"))
            user = User.objects.filter(kind=User.Kind.PUBLIC, phone=(request.POST.get("phone") or "").strip()[:20]) \
                .first()
            if user is None:
                raise ValidationError(_("没有找到该手机号码的诉讼服务网账户。"))
            services.enrol_lawyer(request.user, user)

        return run_action(request, act, _("已列入值班律师名册。"), reverse("complaints:lawyers"))
    return render(request, "complaints/lawyers.html", {"roster": selectors.roster(request.user.court),
                                                       "can_edit": request.user.has_role("filing_judge")})


def _complaint(request, pk):
    c = selectors.visible_complaints(request.user).select_related("case", "filing__court", "lawyer__user",
                                                                  "court").filter(pk=pk).first()
    if c is None:
        raise deny(request, detail=f"涉诉信访 {pk}")
    return c


@staff_required(*VIEW)
def detail(request, pk):
    c = _complaint(request, pk)
    record(request, AuditEntry.Action.READ, case=c.case, detail=f"涉诉信访 {c.pk}")
    office_user = request.user.has_role("filing_judge") and request.user.court_id == c.court_id
    return render(request, "complaints/detail.html", {
        "c": c, "events": c.events.select_related("actor"), "can_act": office_user,
        "remedies": [(k, r.label) for k, r in REMEDIES.items()], "roster": selectors.roster(c.court) if office_user
        else [], "today": timezone.localdate(), "Kind": Kind, "State": State,
        "effective_on": services.effective_on(c.case) if c.case_id else None})


def _post(request, pk, fn, ok):
    c = _complaint(request, pk)
    return run_action(request, lambda: fn(c, request.POST), ok, reverse("complaints:detail", args=[c.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=c.case,
                                                detail=f"涉诉信访 {c.pk}"))


@require_POST
@staff_required("filing_judge")
def litigation(request, pk):
    return _post(request, pk, lambda c, p: services.route_to_litigation(
        request.user, c, p.get("remedy", ""), to_original=p.get("to_original") == "1",
        effective=parse_date(p.get("effective_on")), served=parse_date(p.get("served_on"))),
        _("已导入诉讼程序。"))


@require_POST
@staff_required("filing_judge")
def petition(request, pk):
    return _post(request, pk, lambda c, p: services.route_to_petition(request.user, c, p.get("department", "")),
                 _("已转信访办理。"))


@require_POST
@staff_required("filing_judge")
def reply(request, pk):
    return _post(request, pk, lambda c, p: services.reply(request.user, c, p.get("text", "")), _("已记录答复。"))


@require_POST
@staff_required("filing_judge")
def close(request, pk):
    return _post(request, pk, lambda c, p: services.close(request.user, c, p.get("note", "")), _("已办结。"))


@require_POST
@staff_required("filing_judge")
def hand_over(request, pk):
    return _post(request, pk, lambda c, p: services.hand_over(request.user, c, p.get("body", ""), p.get("note", "")),
                 _("已移交。"))


@require_POST
@staff_required("filing_judge")
def assign_lawyer(request, pk):
    def act(c, p):
        lid = parse_id(p.get("lawyer"), _("值班律师"), required=True)
        lawyer = get_object_or_404(selectors.roster(request.user.court), pk=lid)
        return services.assign_lawyer(request.user, c, lawyer)

    return _post(request, pk, act, _("已指派值班律师。"))


_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _meeting_at(p):
    day = parse_date(p.get("meeting_date"))
    if day is None:
        return None
    m = _TIME.match((p.get("meeting_time") or "").strip())
    if not m:
        raise ValidationError(_("约见时间格式应为 时:分，例如 09:30。"))
    return timezone.make_aware(datetime(day.year, day.month, day.day, int(m.group(1)), int(m.group(2))))


@require_POST
@staff_required(*selectors.ANSWER_ROLES)
def answer(request, pk):
    q = PostJudgmentQuestion.objects.filter(pk=pk).select_related("case").first()
    if q is None:
        raise deny(request, detail=f"判后答疑 {pk}")
    case = case_for_request(request, q.case_id)
    p = request.POST
    return run_action(request, lambda: services.answer_question(
        request.user, q, mode=p.get("mode", ""), answer=p.get("answer", ""), meeting_at=_meeting_at(p),
        meeting_place=p.get("meeting_place", "")), _("已记录答疑，答疑记录已归入电子卷宗。"),
        reverse("cases:detail", args=[case.pk]),
        on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case, detail=f"判后答疑 {q.pk}"))


# ---------------------------------------------------------------- 诉讼服务网

@public_required
def portal_lawyer(request):
    """The duty lawyer's complaints with the opinion form (lawyers only: a litigant has no duty here)."""
    if not request.user.is_lawyer:
        raise PermissionDenied(_("该页面仅供律师使用。"))
    return render(request, "complaints/portal_lawyer.html",
                  {"complaints": selectors.lawyer_complaints(request.user)})


@require_POST
@public_required
def portal_opinion(request, pk):
    c = selectors.lawyer_complaints(request.user).filter(pk=pk).first()
    if c is None:
        raise deny(request, detail=f"涉诉信访 {pk}")
    return run_action(request, lambda: services.submit_opinion(request.user, c, request.POST.get("text", "")),
                      _("法律意见已提交。"), reverse("complaints:portal_lawyer"))


@public_required
def portal_questions(request, case_pk):
    """判后答疑 from the party's case page: their questions, the answers, and the form to ask."""
    case = case_for_request(request, case_pk)
    if request.method == "POST":
        return run_action(request, lambda: services.ask_question(request.user, case, request.POST.get("question", ""),
                                                                 key=request.POST.get("key", "")),
                          _("已提交，法官将在期限内答复。"), reverse("complaints:portal_questions", args=[case.pk]),
                          on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case, detail="判后答疑"))
    record(request, AuditEntry.Action.READ, case=case, detail="判后答疑")
    return render(request, "complaints/portal_questions.html", {
        "case": case, "questions": selectors.questions_for(request.user, case), "key": uuid.uuid4().hex})
