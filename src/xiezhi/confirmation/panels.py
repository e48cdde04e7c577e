"""The "司法确认" section of the staff case page (registered in apps.py): the application, its clocks and,
for the judge, the decide and withdraw forms."""
from xiezhi.cases.models import Case

from . import services
from .models import ConfirmationApplication, DismissalGround, MediationOutcome, State


def case_panel(request, case: Case):
    app = ConfirmationApplication.objects.filter(case=case).first()
    outcome = None if app else MediationOutcome.objects.filter(case=case).select_related("mediation").first()
    if app is None and outcome is None:
        return None
    user = request.user
    if not getattr(user, "is_court_staff", False):
        return None
    may = services.may_decide(user, case)
    return {
        "template": "confirmation/_case_panel.html",
        "app": app, "outcome": outcome,
        "clock": services.decision_clock(app) if app else None,
        "may_decide": may and app is not None and app.state == State.ACCEPTED,
        "may_document": may and outcome is not None and not case.closed_on,
        "grounds": DismissalGround.choices,
    }
