from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


def _on_login(sender, request, user, **kwargs):
    """Every door (portal, staff, admin): a staff session ends after a working day without activity
    (settings.STAFF_SESSION_IDLE, renewed while in use by accounts.middleware.SessionRenewalMiddleware); a
    litigant's keeps SESSION_COOKIE_AGE. The admin's successful sign-in is audited here (the
    portal and staff doors audit their own)."""
    from django.conf import settings

    if request is None or not hasattr(request, "session"):
        return
    staff = getattr(user, "kind", "") == "staff"
    request.session.set_expiry(settings.STAFF_SESSION_IDLE if staff else settings.SESSION_COOKIE_AGE)
    if request.path.startswith("/admin/"):
        from .ratelimit import audit_success

        audit_success(request, "admin")


class AccountsConfig(AppConfig):
    name = "xiezhi.accounts"
    verbose_name = _("账户与角色")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_on_login, dispatch_uid="xiezhi.accounts.session_expiry")


class CourtAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin whose login door is throttled and audited (admin_site.CourtAdminSite)."""

    default = False
    default_site = "xiezhi.accounts.admin_site.CourtAdminSite"
