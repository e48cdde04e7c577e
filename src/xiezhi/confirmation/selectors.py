"""Reads of 司法确认, filtered by who asks (deny by default)."""
from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import ConfirmationApplication, MediationOutcome, State

# the filing division works the list; the president and trial management oversee it
LIST_ROLES = ("filing_judge", "division_head", "president", "trial_management")


def visible_applications(user) -> QuerySet[ConfirmationApplication]:
    """Court staff of the listing roles see their court's applications; a judge those of their cases; a
    party those they apply in (by their account on the case, or as filer of the pre-suit mediation)."""
    if not getattr(user, "is_authenticated", False):
        return ConfirmationApplication.objects.none()
    if user.is_public_user:
        return ConfirmationApplication.objects.filter(
            Q(case__parties__user=user) | Q(mediation__filing__submitted_by=user)).distinct()
    if user.is_court_staff and user.court_id:
        qs = ConfirmationApplication.objects.filter(court_id=user.court_id)
        if user.has_role(*LIST_ROLES):
            return qs
        if user.has_role("judge"):
            return qs.filter(case__judge=user)
    return ConfirmationApplication.objects.none()


def filing_board(user) -> dict:
    """The filing division's list by stage, with the clocks (司法确认规定 第四条、第五条; 民事诉讼法 第一百八十七条)."""
    from .services import acceptance_due, decision_clock

    qs = visible_applications(user).select_related("case", "case__judge").order_by("received_on", "pk")
    received = [(a, acceptance_due(a)) for a in qs.filter(state=State.RECEIVED)]
    accepted = [(a, decision_clock(a)) for a in qs.filter(state=State.ACCEPTED)]
    done = list(qs.exclude(state__in=[State.RECEIVED, State.ACCEPTED]).order_by("-decided_on", "-pk")[:100])
    return {"received": received, "accepted": accepted, "done": done}


def outcome_of(mediation) -> MediationOutcome | None:
    return MediationOutcome.objects.filter(mediation=mediation).select_related("application__case", "case").first()
