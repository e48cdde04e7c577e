"""The site's own pages: the address everybody starts from, and the error pages, each in the
layout of the person who sees it (staff keep their menu; the public keep the portal's)."""
import logging

from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .access import anyone
from .middleware import back_link

log = logging.getLogger(__name__)


@anyone
def home(request):
    """The public home page; court staff go straight to their workbench."""
    if getattr(request.user, "is_court_staff", False):
        return redirect(request.user.staff_landing())  # the 执行局 lands on its own pages
    # the court's name, address and telephone: `public_court` (courts.context, from the court's own
    # settings 地址与电话, else COURT_NAME / COURT_ADDRESS)
    return render(request, "site/home.html")


def bad_input(request, exception=None):
    """handler400: a request no page of the site sends (site.http.BadInput) is answered with its
    sentence, in the layout of whoever sent it, and a way back; never a 500, nothing written."""
    from django.core.exceptions import BadRequest

    from .http import BadInput

    if isinstance(exception, BadInput):
        problems = [exception.message]
    elif isinstance(exception, BadRequest) and str(exception):
        problems = [str(exception)]
    else:
        problems = [_("请求的内容不正确，请返回上一页重新填写。")]
    staff = getattr(getattr(request, "user", None), "is_court_staff", False)
    return render(request, "site/bad_input.html", {
        "layout": "base_staff.html" if staff else "base_public.html", "problems": problems}, status=400)


def _error_page(request, template, status, reason=""):
    response = TemplateResponse(request, template, {"back": back_link(request), "reason": reason}, status=status)
    response.render()
    return response


def permission_denied(request, exception=None):
    """403, with the guard's own sentence (该页面仅供法院工作人员使用。) when it gave one."""
    return _error_page(request, "403.html", 403, reason=str(exception or ""))


def page_not_found(request, exception=None):
    return _error_page(request, "404.html", 404)


PLAIN_500 = ('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>系统错误 · System error</title><body>'
             "<h1>系统暂时出错</h1><p>已记录该错误，请稍后重试。您填写的草稿已自动保存。</p>"
             '<p><a href="/">返回首页</a></p>'
             '<h1 lang="en">A system error occurred</h1><p lang="en">The error has been logged; please try again '
             "later. Your draft has been saved automatically.</p></body></html>")


def server_error(request):
    """The 500 page in the user's layout; when that cannot be drawn (the database is what
    failed, say), a plain page that needs nothing."""
    try:
        return _error_page(request, "500.html", 500)
    except Exception:  # noqa: BLE001 - the error page must never fail itself
        log.exception("the 500 page could not be drawn in its layout")
        return HttpResponseServerError(PLAIN_500)
