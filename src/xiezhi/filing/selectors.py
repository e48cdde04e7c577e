"""Reads of filings, already filtered by what the user may see (deny by default)."""
from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from .models import FilingApplication


def visible_filings(user) -> QuerySet[FilingApplication]:
    """A filer sees their own applications; the filing office, the president and the trial
    management office see their court's."""
    if not getattr(user, "is_authenticated", False):
        return FilingApplication.objects.none()
    if user.is_public_user:
        return FilingApplication.objects.filter(submitted_by=user)
    if user.is_court_staff and user.court_id and user.has_role("filing_judge", "president", "trial_management"):
        return FilingApplication.objects.filter(court_id=user.court_id)
    return FilingApplication.objects.none()


# Why a filing on the queue is held from registration for now, e.g. "诉前调解中" (the mediation app; the
# same holds as services.registration_hold, read for a whole page): the 7-day review clock is not shown
# running while it is held. Each provider takes the page's filings and returns {filing id: sentence}
# with one query, so the queue's query count stays flat however many filings a page shows.
# Registered in the provider's AppConfig.ready().
_QUEUE_HOLDS: list = []


def register_queue_hold(provider) -> None:
    if provider not in _QUEUE_HOLDS:
        _QUEUE_HOLDS.append(provider)


def queue_holds(filings) -> dict[int, list[str]]:
    """{filing id: [sentences]} for the rows of one page of the queue that are held."""
    filings = list(filings)
    out: dict[int, list[str]] = {}
    for provider in _QUEUE_HOLDS:
        for pk, text in provider(filings).items():
            out.setdefault(pk, []).append(text)
    return out


def cause_version_for(day: date) -> str:
    """案由规定: the 2025 revision applies to filings from 2026-01-01, the 2020 one before."""
    return "2025" if day >= date(2026, 1, 1) else "2020"
