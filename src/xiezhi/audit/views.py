"""The audit log page of the trial management office (审管办) and the president."""
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from xiezhi.site.access import staff_required

from .models import AuditEntry

PAGE = 50


@staff_required("trial_management", "president")
def log(request):
    g = request.GET
    qs = AuditEntry.objects.select_related("user", "case").filter(
        Q(case__court_id=request.user.court_id) | Q(user__court_id=request.user.court_id))
    if g.get("case"):
        qs = qs.filter(case__number__contains=g["case"].strip())
    if g.get("user"):
        qs = qs.filter(Q(user__real_name__contains=g["user"]) | Q(user__username__contains=g["user"]))
    if g.get("action"):
        qs = qs.filter(action=g["action"])
    page = Paginator(qs.order_by("-at"), PAGE).get_page(g.get("page"))
    return render(request, "audit/log.html", {"page": page, "g": g, "actions": AuditEntry.Action.choices})
