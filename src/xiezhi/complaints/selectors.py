"""Reads of the complaints app, filtered by who asks (deny by default)."""
from __future__ import annotations

from django.db.models import QuerySet

from xiezhi.cases.selectors import can_view_case

from .models import Complaint, DutyLawyer, PostJudgmentQuestion

# the litigation service centre is the filing division; the president and the trial-management office
# oversee it; a division head sees the complaints about the division's cases
OFFICE_ROLES = ("filing_judge", "president", "trial_management")
VIEW_ROLES = OFFICE_ROLES + ("division_head",)
# who answers a party's post-judgment question: the judge who handled the case and their team
ANSWER_ROLES = ("judge", "assistant")


def is_office(user) -> bool:
    return bool(getattr(user, "is_court_staff", False) and user.has_role(*OFFICE_ROLES))


def visible_complaints(user) -> QuerySet[Complaint]:
    if not getattr(user, "is_authenticated", False):
        return Complaint.objects.none()
    if user.is_public_user:
        return Complaint.objects.filter(lawyer__user=user)
    if user.is_court_staff and user.court_id:
        if is_office(user):
            return Complaint.objects.filter(court_id=user.court_id)
        if user.has_role("division_head") and user.division_id:
            return Complaint.objects.filter(court_id=user.court_id, case__division_id=user.division_id)
    return Complaint.objects.none()


def complaints_about(user, case) -> QuerySet[Complaint]:
    """The complaints about a case, for its page: the judge handling it and the leaders who can see it."""
    if not (getattr(user, "is_court_staff", False) and can_view_case(user, case)):
        return Complaint.objects.none()
    return Complaint.objects.filter(case=case).select_related("filing__court", "lawyer__user")


def roster(court) -> QuerySet[DutyLawyer]:
    return DutyLawyer.objects.filter(court=court, active=True).select_related("user").order_by("pk")


def lawyer_complaints(user) -> QuerySet[Complaint]:
    if not (getattr(user, "is_authenticated", False) and user.is_public_user and user.is_lawyer):
        return Complaint.objects.none()
    return Complaint.objects.filter(lawyer__user=user).select_related("court", "case").order_by("-pk")


def questions_for(user, case) -> QuerySet[PostJudgmentQuestion]:
    """A party sees their own questions on the case; staff who can see the case see all of them."""
    if not can_view_case(user, case):
        return PostJudgmentQuestion.objects.none()
    qs = PostJudgmentQuestion.objects.filter(case=case).select_related("asked_by", "answered_by")
    if user.is_public_user:
        return qs.filter(asked_by=user)
    return qs


def can_answer(user, case) -> bool:
    return bool(getattr(user, "is_court_staff", False) and user.has_role(*ANSWER_ROLES)
                and user.court_id == case.court_id and can_view_case(user, case))
