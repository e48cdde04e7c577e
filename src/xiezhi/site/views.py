"""The site's own page: the address everybody starts from."""
from django.shortcuts import redirect, render

from .access import anyone


@anyone
def home(request):
    """The public home page; court staff go straight to their workbench."""
    if getattr(request.user, "is_court_staff", False):
        return redirect("cases:workbench")
    return render(request, "site/home.html", {})
