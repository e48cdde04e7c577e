"""Reads of the audit log for the trial management office (审管办) and the president."""
from django.db.models import Q

from .models import AuditEntry


def court_log(user, *, date_from=None, date_to=None, person: str = "", case: str = "", action: str = ""):
    """The rows of the user's court, newest first: rows about its cases, rows of its staff
    (refusals, failed logins against its accounts included, also during a lock-out), and rows
    that belong to no court — failed logins with an account name that does not exist, portal
    logins — which the court running the installation must see too."""
    court_id = user.court_id
    qs = AuditEntry.objects.select_related("user", "case").filter(
        Q(case__court_id=court_id) | Q(user__court_id=court_id)
        | Q(case__isnull=True, user__isnull=True) | Q(case__isnull=True, user__kind="public"))
    if date_from:
        qs = qs.filter(at__date__gte=date_from)
    if date_to:
        qs = qs.filter(at__date__lte=date_to)
    person = person.strip()
    if person:
        qs = qs.filter(Q(user__real_name__contains=person) | Q(user__username__contains=person)
                       | Q(account__contains=person))
    case = case.strip()
    if case:
        qs = qs.filter(case__number__contains=case)
    if action:
        qs = qs.filter(action=action)
    return qs.order_by("-at", "-pk")
