"""The 司法救助 section of the originating case's staff page."""
from __future__ import annotations

from . import selectors


def case_panel(request, case):
    user = request.user
    if not getattr(user, "is_court_staff", False) or user.court_id != case.court_id:
        return None
    apps = selectors.annotate(selectors.for_origin_case(case))
    if not apps:
        return None
    return {"template": "assistance/_panel.html", "apps": apps,
            "may_open": user.has_role(*selectors.STAFF_ROLES)}
