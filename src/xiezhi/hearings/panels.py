from django.utils import timezone

from xiezhi.accounts.selectors import staff_with_role
from xiezhi.cases.selectors import can_manage_case
from xiezhi.courts.models import Courtroom
from xiezhi.law.hearings import check_postponement

from . import selectors
from .services import SCHEDULERS, closed_reason_choices, postponements_used


def case_panel(request, case):
    hearings = list(selectors.case_hearings(request.user, case))
    can_schedule = can_manage_case(request.user, case, *SCHEDULERS)
    if not hearings and not can_schedule:
        return None
    used = postponements_used(case) if hearings else 0
    check = check_postponement(case.procedure.limit_code if case.procedure_id else "", used)
    return {
        "template": "hearings/_case_panel.html", "hearings": hearings, "can_schedule": can_schedule,
        "rooms": Courtroom.objects.filter(court_id=case.court_id).order_by("name") if can_schedule else [],
        "clerks": sorted(staff_with_role(case.court_id, "clerk"), key=lambda u: u.real_name) if can_schedule else [],
        "closed_reasons": closed_reason_choices(), "postponements_used": used, "postponement_limit": check.limit,
        "can_postpone": check.allowed, "now": timezone.localtime(),
        "parties": [p for p in case.parties.all() if p.left_case_at is None and p.is_party] if can_schedule else [],
    }
