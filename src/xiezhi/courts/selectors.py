"""Reads of court settings for pages."""
import logging

from django.conf import settings

from .models import Court

log = logging.getLogger(__name__)


def public_court() -> Court | None:
    """The court the public site presents: settings.COURT_CASE_CODE, or the court whose full
    name (or name) is settings.COURT_NAME."""
    qs = Court.objects.select_related("parent__parent__parent").filter(active=True)
    if settings.COURT_CASE_CODE:
        return qs.filter(case_code=settings.COURT_CASE_CODE).order_by("-version").first()
    name = settings.COURT_NAME
    names = {name, name.split("省", 1)[-1], name.split("自治区", 1)[-1]}
    candidates = list(qs.filter(name__in=names))
    return next((c for c in candidates if c.full_name == name), None) or \
        next((c for c in candidates if c.name == name), None) or (candidates[0] if len(candidates) == 1 else None)


def public_contact() -> dict:
    """Name, address, telephone, hours and hotline for the public pages: the court's own settings,
    the deployment's settings where the court has not set them (or the database cannot answer)."""
    try:
        court = public_court()
    except Exception as exc:  # noqa: BLE001 - a footer never breaks a page (the 500 page included)
        log.warning("the public court could not be read: %s", exc)
        court = None
    return {
        "name": court.full_name if court else settings.COURT_NAME,
        "address": (court.address if court else "") or settings.COURT_ADDRESS,
        "phone": court.phone if court else "",
        "hours": settings.COURT_HOURS,
        "hotline": settings.COURT_HOTLINE,
    }
