"""View guards: deny by default. Every view in xiezhi.web declares who may reach it."""
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def public_required(view):
    """Litigants and lawyers (诉讼服务网). Staff accounts are refused."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "web:login")
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
                return redirect_to_login(request.get_full_path(), "web:staff_login")
            if not request.user.is_court_staff:
                raise PermissionDenied(_("该页面仅供法院工作人员使用。"))
            if roles and not request.user.has_role(*roles):
                raise PermissionDenied(_("您的角色无权使用该功能。"))
            return view(request, *args, **kwargs)

        wrapper.access = ("staff",) + roles
        return wrapper

    return decorator


def anyone(view):
    view.access = "anyone"
    return view
