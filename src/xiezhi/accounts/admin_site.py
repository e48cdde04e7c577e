"""The Django admin's sign-in door, guarded like the others (security review F5): the same
per-account-and-address throttle with a growing delay and the same LOGIN / LOGIN_FAILED audit
rows as /staff/login/ (accounts.ratelimit). Installed as the default admin site by
accounts.apps.CourtAdminConfig (settings.INSTALLED_APPS)."""
from django.contrib import admin
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError

from . import ratelimit

DOOR = "admin"


class ThrottledAdminAuthenticationForm(AdminAuthenticationForm):
    def clean(self):
        from .models import User

        username = (self.data.get("username") or "").strip()[:150]
        account = User.objects.filter(username=username).first() if username else None
        if ratelimit.is_locked(self.request, username):
            ratelimit.audit_failure(self.request, DOOR, username, account, locked=True)
            raise ValidationError(ratelimit.locked_message(self.request, username), code="locked")
        try:
            data = super().clean()
        except ValidationError:
            ratelimit.record_failure(self.request, username)
            ratelimit.audit_failure(self.request, DOOR, username, account)
            raise
        ratelimit.clear(self.request, username)
        return data


class CourtAdminSite(admin.AdminSite):
    login_form = ThrottledAdminAuthenticationForm
