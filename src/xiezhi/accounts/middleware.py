"""Idle expiry of a signed-in session without a session write on every request."""
import time

from django.conf import settings

RENEWED_KEY = "_renewed_at"


class SessionRenewalMiddleware:
    """A session ends after its idle time (settings.STAFF_SESSION_IDLE for staff, set at sign-in by
    accounts.apps._on_login). Saving the session renews its expiry; instead of saving on every
    request (SESSION_SAVE_EVERY_REQUEST, one UPDATE per page), the session is touched once every
    SESSION_RENEW_EVERY seconds, so the idle limit holds to within that many seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated and not session.is_empty():
            now = int(time.time())
            if now - int(session.get(RENEWED_KEY, 0)) >= settings.SESSION_RENEW_EVERY:
                session[RENEWED_KEY] = now  # marks the session modified: SessionMiddleware saves it
        return response
