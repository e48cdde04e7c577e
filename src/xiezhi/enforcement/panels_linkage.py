"""The 网络查控 section of the staff case page (registered in linkage_events, order 16): the
assets found for the debtors, their freeze state and the freeze / deduct / release forms, the
searches of the case — for the enforcement staff of an enforcement case only."""
import uuid

from xiezhi.cases.models import Case

from . import linkage, selectors
from .linkage_adapters import BODIES, DEDUCTIBLE
from .models_linkage import Asset, LinkageOrder


def case_panel(request, case: Case):
    if not selectors.is_enforcement_case(case) or not linkage.may_control(request.user, case):
        return None
    assets = list(Asset.objects.filter(case=case).select_related("party").order_by("party_id", "body", "id"))
    for a in assets:
        a.body_name = BODIES.get(a.body, (a.body,))[0]
        a.deductible = a.kind in DEDUCTIBLE
        a.keys = {k: uuid.uuid4().hex for k in ("freeze", "deduct", "release")}
    orders = LinkageOrder.objects.filter(case=case)
    return {
        "template": "enforcement/linkage/_case_panel.html",
        "assets": assets,
        "open_orders": orders.exclude(status__in=["answered", "failed"]).count(),
        "searches": orders.filter(kind="search").values("batch_id").distinct().count(),
        "may_search": case.status in ("registered", "in_trial"),
    }
