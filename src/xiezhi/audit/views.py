"""The audit log page of the trial management office (审管办) and the president."""
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render

from xiezhi.site.access import staff_required

from . import selectors
from .forms import LogFilterForm

PAGE = 50


@staff_required("trial_management", "president")
def log(request):
    form = LogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.court_log(request.user, date_from=filters.get("date_from"), date_to=filters.get("date_to"),
                             person=filters.get("user", ""), case=filters.get("case", ""),
                             action=filters.get("action", ""))
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    keep = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    return render(request, "audit/log.html", {"page": page, "form": form, "keep": keep},
                  status=400 if form.is_bound and not form.is_valid() else 200)
