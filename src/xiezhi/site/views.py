"""The site's own pages: the address everybody starts from, and the answer to a bad request."""
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .access import anyone


@anyone
def home(request):
    """The public home page; court staff go straight to their workbench."""
    if getattr(request.user, "is_court_staff", False):
        return redirect("cases:workbench")
    return render(request, "site/home.html", {})


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
