"""The 材料收转 section of the staff case page (registered in apps.py, order 40): papers the service
centre received for this case, for its own staff to sign; unsigned after 1 working day is overdue."""
from xiezhi.cases.models import Case

from . import selectors


def case_panel(request, case: Case):
    data = selectors.case_handovers(request.user, case)
    if data is None:
        return None
    return {"template": "servicecentre/_case_panel.html", **data}
