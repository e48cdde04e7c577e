"""Pages of 委托调解: the judge's entrust/withdraw actions from the case page, and the mediator's page
of one entrusted mediation (/staff/mediation/entrusted/<pk>/) with acceptance, extension and outcome."""
from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import deny, record
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import staff_required
from xiezhi.site.http import parse_id, run_action

from . import entrusted
from .models import Mediator
from .views import _days

JUDGE_ROLES = entrusted.JUDGE_ROLES
ROLES = ("mediator", "judge", "division_head", "president", "assistant", "clerk")


@require_POST
@staff_required(*JUDGE_ROLES)
def entrust(request, case_pk):
    case = case_for_request(request, case_pk)

    def act():
        mid = parse_id(request.POST.get("mediator"), _("调解员"), required=True)
        mediator = get_object_or_404(Mediator, pk=mid, court_id=request.user.court_id)
        entrusted.entrust(request.user, case, mediator, request.POST.get("consent", ""))

    return run_action(request, act, _("已委托调解，调解员签收后开始计算调解期限。"),
                      reverse("cases:detail", args=[case.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case, detail="委托调解"))


def _em(request, pk):
    em = entrusted.visible_to(request.user, pk)
    if em is None:
        raise deny(request, detail=f"委托调解 {pk}")
    return em


@staff_required(*ROLES)
def detail(request, pk):
    em = _em(request, pk)
    record(request, AuditEntry.Action.READ, case=em.case, detail="委托调解")
    return render(request, "mediation/entrusted/detail.html", {
        "em": em, "case": em.case, "parties": [p for p in em.case.parties.all() if p.is_party],
        "period": entrusted.period_of(em), "is_mediator": em.mediator.user_id == request.user.pk,
        "days_left": entrusted.days_left(em), "today": timezone.localdate()})


def _post(request, pk, fn, ok):
    em = _em(request, pk)
    return run_action(request, lambda: fn(em, request.POST), ok, reverse("mediation:entrusted_detail", args=[em.pk]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=em.case, detail="委托调解"))


@require_POST
@staff_required("mediator")
def accept(request, pk):
    return _post(request, pk, lambda em, p: entrusted.accept(request.user, em), _("已签收，调解期限开始计算。"))


@require_POST
@staff_required(*ROLES)
def extend(request, pk):
    return _post(request, pk, lambda em, p: entrusted.extend(request.user, em, _days(p.get("days")),
                                                             p.get("reason", "")), _("已延长调解期限。"))


@require_POST
@staff_required("mediator")
def agreement(request, pk):
    return _post(request, pk, lambda em, p: entrusted.record_agreement(request.user, em, p.get("text", "")),
                 _("已记录调解协议，已告知承办法官。"))


@require_POST
@staff_required("mediator")
def failure(request, pk):
    return _post(request, pk, lambda em, p: entrusted.record_failure(request.user, em, p.get("reason", "")),
                 _("已记录调解不成，材料退回承办法官。"))


@require_POST
@staff_required(*JUDGE_ROLES)
def withdraw(request, pk):
    em = _em(request, pk)
    return run_action(request, lambda: entrusted.withdraw(request.user, em, request.POST.get("reason", "")),
                      _("已撤回委托调解。"), reverse("cases:detail", args=[em.case_id]),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=em.case, detail="委托调解"))
