"""Reads of hearings, filtered by what the user may see."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from xiezhi.cases.selectors import can_view_case, visible_cases

from .models import Hearing, HearingStatus


def case_hearings(user, case) -> QuerySet[Hearing]:
    if not can_view_case(user, case):
        return Hearing.objects.none()
    return case.hearings.select_related("courtroom", "clerk").order_by("start")


def hearing_for_staff(user, pk: int) -> Hearing:
    return Hearing.objects.select_related("case", "case__court", "courtroom", "clerk").get(
        pk=pk, case__in=visible_cases(user))


def week_bounds(day: date):
    monday = day - timedelta(days=day.weekday())
    tz = timezone.get_current_timezone()
    return monday, datetime.combine(monday, time.min, tz), datetime.combine(monday + timedelta(days=7), time.min, tz)


def court_week(user, day: date) -> QuerySet[Hearing]:
    """The courtroom calendar of the user's court for the week of `day` (staff only; the
    calendar shows case numbers and rooms, like the court's own 开庭排期表)."""
    if not getattr(user, "is_court_staff", False) or not user.court_id:
        return Hearing.objects.none()
    _, start, end = week_bounds(day)
    return (Hearing.objects.filter(court_id=user.court_id, start__gte=start, start__lt=end)
            .exclude(status=HearingStatus.CANCELLED)
            .select_related("case", "courtroom", "case__judge").order_by("start"))


def judge_week(user, judge, day: date) -> QuerySet[Hearing]:
    if not getattr(user, "is_court_staff", False) or user.court_id != judge.court_id:
        return Hearing.objects.none()
    _, start, end = week_bounds(day)
    return (Hearing.objects.filter(slots__key=f"s:{judge.pk}", start__gte=start, start__lt=end)
            .select_related("case", "courtroom").order_by("start"))


def my_hearings(user) -> QuerySet[Hearing]:
    """The portal list: hearings of the signed-in party's or lawyer's own cases only."""
    if not getattr(user, "is_public_user", False):
        return Hearing.objects.none()
    return (Hearing.objects.filter(case__in=visible_cases(user))
            .select_related("case", "courtroom", "case__court").order_by("-start"))


def hearing_for_party(user, pk: int) -> Hearing:
    return my_hearings(user).get(pk=pk)


def hearing_context(hearing: Hearing) -> dict:
    """Everything a summons (传票) or hearing notice (出庭通知书) needs, for the documents app:

    {"case_number", "case_title", "cause", "court": {"name", "address"}, "start" (aware datetime),
     "end", "start_text" ("2026年05月06日 09时00分"), "room", "room_location", "public",
     "closed_reason", "online", "online_url", "judge", "clerk",
     "parties": [{"role", "role_label", "name", "address", "service_address", "is_party", "represents"}]}"""
    case = hearing.case
    court = case.court
    start = timezone.localtime(hearing.start)
    from xiezhi.law.hearings import CLOSED_REASONS

    return {
        "case_number": case.number, "case_title": case.title, "cause": case.cause.name if case.cause_id else "",
        "court": {"name": court.name, "address": getattr(court, "address", "") or hearing.courtroom.location},
        "start": start, "end": timezone.localtime(hearing.end), "start_text": f"{start:%Y年%m月%d日 %H时%M分}",
        "room": hearing.courtroom.name, "room_location": hearing.courtroom.location,
        "public": hearing.public,
        "closed_reason": CLOSED_REASONS.get(hearing.closed_reason, ("",))[0] if not hearing.public else "",
        "online": hearing.online, "online_url": hearing.online_url,
        "judge": case.judge.display_name if case.judge_id else "",
        "clerk": hearing.clerk.display_name if hearing.clerk_id else "",
        "parties": [{"role": p.role, "role_label": p.get_role_display(), "name": p.name, "address": p.address,
                     "service_address": p.service_address or p.address, "is_party": p.is_party,
                     "represents": p.represents.name if p.represents_id else ""}
                    for p in case.parties.filter(left_case_at__isnull=True).select_related("represents").order_by("id")],
    }
