"""Reads of 送达, filtered by what the user may see."""
from django.db.models import QuerySet

from xiezhi.cases.selectors import can_view_case, visible_cases

from .models import ServedDocument, ServiceRecord


def inbox(user) -> QuerySet[ServiceRecord]:
    """Documents served on the signed-in party or lawyer: only records addressed to a Party row
    linked to their account, in a case they still take part in."""
    if not getattr(user, "is_public_user", False):
        return ServiceRecord.objects.none()
    return (ServiceRecord.objects.filter(party__user=user, party__left_case_at__isnull=True,
                                         method__in=("portal", "sms", "email"),
                                         document__case__in=visible_cases(user))
            .exclude(status__in=("pending", "sending", "failed")).select_related("document", "document__case", "party")
            .order_by("-created_at", "-id"))


def case_documents(user, case) -> QuerySet[ServedDocument]:
    if not can_view_case(user, case):
        return ServedDocument.objects.none()
    return ServedDocument.objects.filter(case=case).prefetch_related("records", "records__party").order_by("-created_at")
