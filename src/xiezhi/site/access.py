"""View guards: deny by default. Every view of every app declares who may reach it with one of
these decorators (each sets `view.access`; tests/site/test_every_view_declares_access.py walks the
whole URL resolver and fails on a view without it)."""
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def public_required(view):
    """Litigants and lawyers (诉讼服务网). Staff accounts are refused."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "accounts:login")
        if not request.user.is_public_user:
            raise PermissionDenied(_("该页面仅供当事人和律师使用。"))
        return view(request, *args, **kwargs)

    wrapper.access = "public"
    return wrapper


def staff_required(*roles):
    """Court staff; with roles, only staff holding one of them."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), "accounts:staff_login")
            if not request.user.is_court_staff:
                raise PermissionDenied(_("该页面仅供法院工作人员使用。"))
            if roles and not request.user.has_role(*roles):
                raise PermissionDenied(_("您的角色无权使用该功能。"))
            return view(request, *args, **kwargs)

        wrapper.access = ("staff",) + roles
        return wrapper

    return decorator


def anyone(view):
    """Open to everybody, signed in or not (login pages, document verification, SMS links)."""
    view.access = "anyone"
    return view
