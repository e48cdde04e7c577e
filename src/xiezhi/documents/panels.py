"""The documents section of the staff case page (registered in apps.py, order 40)."""
from xiezhi.cases.selectors import SERVICE_ROLES, can_manage_case

from . import selectors, services
from .forms import GenerateForm
from .kinds import KINDS


def case_panel(request, case):
    user = request.user
    if not getattr(user, "is_court_staff", False):
        return None
    docs = list(selectors.documents_for_case(user, case))
    return {"template": "documents/_case_panel.html", "documents": docs,
            "can_generate": can_manage_case(user, case, *services.MANAGE_ROLES),
            "form": GenerateForm(), "kinds": KINDS,
            "servable_kinds": set(services.DELIVERY_KINDS), "final_kinds": {k for k, v in KINDS.items() if v.final},
            "can_serve": can_manage_case(user, case, *SERVICE_ROLES)}
