"""Reads of the mediation app, filtered by who asks (deny by default)."""
from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, QuerySet

from .models import OPEN_STATES, MediationState, Mediator, PreSuitMediation, SuitableCauseList

# the filing office offers and runs pre-suit mediation; the president and the trial-management
# office oversee it
OFFICE_ROLES = ("filing_judge", "president", "trial_management")


def is_office(user) -> bool:
    return user.is_court_staff and user.has_role(*OFFICE_ROLES)


def visible_mediations(user) -> QuerySet[PreSuitMediation]:
    """The office sees its court's mediations; a mediator sees the ones assigned to them; the filer of
    the filing sees theirs."""
    if not getattr(user, "is_authenticated", False):
        return PreSuitMediation.objects.none()
    if user.is_public_user:
        return PreSuitMediation.objects.filter(filing__submitted_by=user)
    if user.is_court_staff and user.court_id:
        if is_office(user):
            return PreSuitMediation.objects.filter(court_id=user.court_id)
        if user.has_role("mediator"):
            return PreSuitMediation.objects.filter(mediator__user=user)
    return PreSuitMediation.objects.none()


def my_mediations(user) -> QuerySet[PreSuitMediation]:
    """The mediator's own work, open matters first by due date."""
    return (PreSuitMediation.objects.filter(mediator__user=user).select_related("cause", "filing", "mediator__user")
            .order_by("closed_at", "due_on", "pk"))


def suitable_list_on(court, day: date) -> SuitableCauseList | None:
    return (SuitableCauseList.objects.filter(court=court, valid_from__lte=day)
            .order_by("-valid_from", "-pk").first())


def is_suitable(court, cause, day: date) -> bool:
    lst = suitable_list_on(court, day)
    return bool(cause and lst and lst.causes.filter(pk=cause.pk).exists())


def roster(court) -> list[Mediator]:
    """Each mediator with their workload (open matters) and results. The counts come from one grouped
    query over the (mediator, state) index, not a join of every mediation onto every mediator row:
    that join grew with the court's history (bench/mediation_bench.py)."""
    mediators = list(Mediator.objects.filter(court=court).select_related("user", "organisation")
                     .prefetch_related("specialities").order_by("-active", "organisation__name", "pk"))
    counts: dict[tuple[int, str], int] = {}
    for mid, state, n in (PreSuitMediation.objects.filter(mediator__in=[m.pk for m in mediators])
                          .values_list("mediator_id", "state").annotate(n=Count("id")).order_by()):
        counts[(mid, state)] = n
    for m in mediators:
        m.open_count = sum(counts.get((m.pk, s), 0) for s in OPEN_STATES)
        m.agreed_count = counts.get((m.pk, MediationState.AGREEMENT), 0)
        m.failed_count = counts.get((m.pk, MediationState.FAILED), 0)
    return mediators


def open_mediation_hold(filing) -> str | None:
    """A filing in pre-suit mediation is not registered until the mediation ends (民事诉讼法 第一百二十五条:
    mediation first; on failure the filing comes back to the clerk with everything carried over)."""
    from django.utils.translation import gettext as _

    m = PreSuitMediation.objects.filter(filing=filing, state__in=OPEN_STATES).only("number").first()
    if m is None:
        return None
    return _("该立案申请正在诉前调解（%(number)s），调解终结后才能登记立案。") % {"number": m.number}


def queue_holds(filings) -> dict[int, str]:
    """The filing queue's note for filings in an open pre-suit mediation (one query for the page)."""
    from django.utils.translation import gettext as _

    ids = [f.pk for f in filings]
    if not ids:
        return {}
    rows = PreSuitMediation.objects.filter(filing_id__in=ids, state__in=OPEN_STATES).values_list(
        "filing_id", "number", "state")
    labels = dict(MediationState.choices)
    return {fid: _("诉前调解中 · %(number)s（%(state)s）") % {"number": number, "state": labels.get(state, state)}
            for fid, number, state in rows}
