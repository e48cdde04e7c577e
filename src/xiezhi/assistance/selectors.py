"""Who sees which 司法救助 application, and the clocks shown on the pages."""
from __future__ import annotations

from django.utils import timezone

from .models import AssistanceApplication
from .services import STAFF_ROLES, S

OPEN_STATES = (S.APPLIED, S.ACCEPTED, S.INVESTIGATED, S.REVIEWED)


def may_see_staff(user, app) -> bool:
    return (getattr(user, "is_court_staff", False) and user.court_id == app.court_id and user.has_role(*STAFF_ROLES))


def may_see(user, app) -> bool:
    if getattr(user, "is_public_user", False):
        return app.applicant_id == user.pk
    return may_see_staff(user, app)


def for_staff(user):
    return (AssistanceApplication.objects.filter(court_id=user.court_id)
            .select_related("origin_case", "assistance_case").order_by("-created_at"))


def for_applicant(user):
    return (AssistanceApplication.objects.filter(applicant=user)
            .select_related("origin_case", "assistance_case").order_by("-created_at"))


def for_origin_case(case):
    return AssistanceApplication.objects.filter(origin_case=case).select_related("assistance_case").order_by("pk")


def overdue(app, today=None) -> bool:
    """The decision is late: 10 working days after acceptance passed with no approval or refusal."""
    today = today or timezone.localdate()
    return app.state in OPEN_STATES and app.approval_due is not None and today > app.approval_due


def annotate(apps):
    today = timezone.localdate()
    apps = list(apps)
    for a in apps:
        a.is_overdue = overdue(a, today)
    return apps
