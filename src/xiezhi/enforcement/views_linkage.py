"""Pages of 网络查控: the central unit's list of search batches with progress per body (集约查控),
a batch's page, and the POST actions behind the case panel (search, freeze, deduct, release)."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.cases.selectors import case_for_request
from xiezhi.site.access import staff_required
from xiezhi.site.http import parse_id, run_action

from . import linkage
from .models_linkage import Asset, SearchBatch


def _central_unit(user) -> None:
    # enforcement officers and the president; a division head only of the enforcement division
    if user.has_role("enforcement", "president"):
        return
    if getattr(getattr(user, "division", None), "kind", "") == "enforcement":
        return
    raise PermissionDenied(_("集约查控仅供执行部门使用。"))


def _visible_batches(user):
    return SearchBatch.objects.filter(orders__case__court_id=user.court_id).distinct()


@staff_required(*linkage.ROLES)
def batches(request):
    _central_unit(request.user)
    page = Paginator(_visible_batches(request.user).select_related("requested_by").order_by("-id"), 20).get_page(
        request.GET.get("page"))
    rows = [{"batch": b, "progress": linkage.batch_progress(b)} for b in page]
    return render(request, "enforcement/linkage/batches.html", {
        "page": page, "rows": rows, "stage_count": linkage.search_stage_cases(request.user).count()})


@staff_required(*linkage.ROLES)
def batch_detail(request, pk):
    _central_unit(request.user)
    batch = get_object_or_404(_visible_batches(request.user), pk=pk)
    cases = (batch.orders.values("case_id", "case__number").distinct().order_by("case_id"))[:200]
    return render(request, "enforcement/linkage/batch.html", {
        "batch": batch, "progress": linkage.batch_progress(batch), "cases": cases})


@require_POST
@staff_required(*linkage.ROLES)
def search_all(request):
    _central_unit(request.user)
    cases = list(linkage.search_stage_cases(request.user).filter(judge=request.user)
                 if not request.user.has_role("president", "division_head")
                 else linkage.search_stage_cases(request.user))
    return run_action(request, lambda: linkage.start_search(request.user, cases, reason="central_unit"),
                      _("已向协助单位发送网络查控查询。"), reverse("enforcement:linkage"))


def _back(case):
    return reverse("cases:detail", args=[case.pk]) + "#panel-linkage"


@require_POST
@staff_required(*linkage.ROLES)
def search_case(request, pk):
    case = case_for_request(request, pk)
    return run_action(request, lambda: linkage.start_search(request.user, case), _("已向协助单位发送网络查控查询。"),
                      _back(case), on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


def _asset_action(request, pk, act, ok):
    case, p = case_for_request(request, pk), request.POST

    def run():
        asset = Asset.objects.filter(pk=parse_id(p.get("asset"), _("财产"), required=True), case=case).first()
        if asset is None:
            raise ValidationError(_("该财产不属于本案。"))
        return act(asset, p)

    return run_action(request, run, ok, _back(case),
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, case=case))


@require_POST
@staff_required(*linkage.ROLES)
def freeze(request, pk):
    return _asset_action(request, pk, lambda a, p: linkage.freeze(request.user, a, p.get("amount"), p.get("key", "")),
                         _("冻结指令已发送。"))


@require_POST
@staff_required(*linkage.ROLES)
def deduct(request, pk):
    return _asset_action(request, pk, lambda a, p: linkage.deduct(request.user, a, p.get("amount"), p.get("key", "")),
                         _("扣划指令已发送。"))


@require_POST
@staff_required(*linkage.ROLES)
def release(request, pk):
    return _asset_action(request, pk, lambda a, p: linkage.release(request.user, a, p.get("key", "")),
                         _("解冻指令已发送。"))
