"""Reads of accounts."""
from __future__ import annotations

from .models import User


def staff_with_role(court, *roles: str) -> list[User]:
    """Active staff of `court` (a Court or its pk) holding any of `roles`, in pk order.

    The roles are a JSON list on the user. They are filtered here in Python, not with
    `roles__contains`, because JSONField __contains does not run on SQLite (the embedded demo's
    database); a court has tens of staff, so reading them all is cheap."""
    court_id = getattr(court, "pk", court)
    staff = (User.objects.filter(kind=User.Kind.STAFF, is_active=True, court_id=court_id)
             .select_related("division").order_by("pk"))
    return [u for u in staff if u.has_role(*roles)]
