"""The case page's section "委托调解" (registered in apps.py): the entrusted mediation of a civil case,
its period and the part not counted in the trial limit; the judge's form to entrust or withdraw."""
from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case

from . import entrusted
from .models import Mediator


def case_panel(request, case: Case):
    user = request.user
    if not getattr(user, "is_court_staff", False):
        return None
    items = list(case.entrusted_mediations.select_related("mediator__user").order_by("-pk")[:5])
    may_entrust = can_manage_case(user, case, *entrusted.JUDGE_ROLES) and not case.closed_on \
        and entrusted.procedure_for(case) is not None
    if not items and not may_entrust:
        return None
    current = next((em for em in items if em.is_open), None)
    return {
        "template": "mediation/_case_panel.html",
        "items": items, "current": current, "may_entrust": may_entrust and current is None,
        "may_withdraw": may_entrust and current is not None,
        "period": entrusted.period_of(current) if current else None,
        "procedure": entrusted.procedure_for(case),
        "roster": Mediator.objects.filter(court_id=case.court_id, active=True).select_related(
            "user", "organisation") if may_entrust and current is None else [],
    }
