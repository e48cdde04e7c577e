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


def cause_version_for(day: date) -> str:
    """案由规定: the 2025 revision applies to filings from 2026-01-01, the 2020 one before."""
    return "2025" if day >= date(2026, 1, 1) else "2020"
