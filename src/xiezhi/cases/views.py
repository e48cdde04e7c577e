"""Pages of cases: the staff workbench, case search and the case page with its sections
(法院内网), and the parties' dashboard and case page (诉讼服务网)."""
import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.law.timelimits import DEDUCTION_KINDS
from xiezhi.site.access import public_required, staff_required
from xiezhi.site.http import BadInput, parse_date, run_action

from . import selectors
from . import services as case_services
from .events import label, summary
from .models import CaseLink, CaseStatus, DeadlineState, Notification
from .panels import panel_for, panel_keys
from .selectors import case_for_request

PAGE = 50
# The case search counts its matches up to here: enough for any search by a name or a case
# number, while a search as broad as one character (王) stops counting instead of counting the
# whole court. Also keeps the count's plan cheap, so PostgreSQL does not JIT-compile it.
SEARCH_COUNT_CAP = 1000


class SearchPaginator(Paginator):
    """The case search's pages, with as few passes over the matches as possible: each pass
    evaluates the whole search. The requested page is read with one row more; when it is the
    last page (the usual case for a name or a case number) its rows give the count and no count
    query runs. Otherwise the count stops at `cap`; `more` then tells the page there were more
    matches (shown as "more than 1,000"; the pages reach the first 1,000)."""

    def __init__(self, object_list, per_page, cap):
        super().__init__(object_list, per_page)
        self.cap = cap
        self._more = False

    @cached_property
    def count(self):
        n = self.object_list.values("pk")[: self.cap + 1].count()  # ordered like the page: planned like it
        self._more = n > self.cap
        return min(n, self.cap)

    @property
    def more(self) -> bool:
        """More matches than `cap` (asked after the count, which finds it out)."""
        return self.count == self.cap and self._more

    def get_page(self, number):
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        bottom = (number - 1) * self.per_page
        if bottom + self.per_page <= self.cap:
            rows = list(self.object_list[bottom:bottom + self.per_page + 1])
            if len(rows) > self.per_page:
                return self._get_page(rows[:self.per_page], number, self)
            if rows or number == 1:
                self.__dict__["count"] = bottom + len(rows)  # the last page: no count query
                return self._get_page(rows, number, self)
        return super().get_page(number)  # past the end: the last page, as Paginator does


def _search_date(value):
    """A date filter of the case search: a malformed one is ignored, like an empty one."""
    try:
        return parse_date(value)
    except ValidationError:
        return None


# ---- 法院内网 (staff) -------------------------------------------------------------------------

@staff_required()
def workbench(request):
    user = request.user
    mine = selectors.my_open_cases(user)
    cases = list(mine.order_by("limit_end", "id")[:PAGE])
    counts = mine.aggregate(total=Count("id"), near=Count("id", filter=Q(deadline_state=DeadlineState.NEAR)),
                            overdue=Count("id", filter=Q(deadline_state=DeadlineState.OVERDUE)))
    queue = None
    if user.has_role("filing_judge") and user.court_id:
        # read through the court's relation: cases does not import filing (filing stands on cases)
        queue = user.court.filings.filter(status="submitted").count()  # FilingStatus.SUBMITTED
    notes = list(Notification.objects.filter(user=user, read_at__isnull=True).order_by("-created_at")[:8])
    return render(request, "cases/workbench.html", {"cases": cases, "counts": counts, "queue": queue,
                                                    "notes": notes, "today": timezone.localdate()})


# column -> the order it sorts by (案号 by year and serial, so 10号 follows 9号)
SORTS = {"number": ("year", "serial"), "title": ("title",), "cause": ("cause__name",),
         "judge": ("judge__real_name",), "filed": ("filed_on",), "status": ("status",), "limit": ("limit_end",)}
DEFAULT_SORT = "-filed"


def _search(request):
    g = request.GET
    qs = selectors.search_cases(request.user, q=g.get("q", ""), status=g.get("status", ""),
                                cause=g.get("cause", ""), date_from=_search_date(g.get("from")),
                                date_to=_search_date(g.get("to")),
                                deadline=g.get("deadline", ""), mine=g.get("mine") == "1")
    sort = g.get("order", DEFAULT_SORT)
    if sort.lstrip("-") not in SORTS:
        sort = DEFAULT_SORT
    desc = sort.startswith("-")
    fields = [("-" if desc else "") + f for f in SORTS[sort.lstrip("-")]]
    return qs.order_by(*fields, "-id" if desc else "id"), sort


@staff_required()
def case_list(request):
    g = request.GET
    qs, sort = _search(request)
    page = SearchPaginator(qs, PAGE, SEARCH_COUNT_CAP).get_page(g.get("page"))
    query = g.copy()
    query.pop("page", None)
    unsorted = query.copy()
    unsorted.pop("order", None)
    # each column header: sorts by it, ascending first, the other way when it is the sort already
    sorts = {key: ("-" + key if sort == key else key) for key in SORTS}
    return render(request, "cases/case_list.html", {
        "page": page, "g": g, "statuses": CaseStatus.choices, "deadlines": DeadlineState.choices,
        "query": query.urlencode(), "unsorted": unsorted.urlencode(), "sort": sort, "sorts": sorts,
        "today": timezone.localdate()})


@staff_required()
def case_export(request):
    """The search result as an Excel workbook: the same filters and order as the page, capped
    at export.EXPORT_CAP rows, streamed from a temporary file, and audited (who exported what)."""
    from django.http import FileResponse

    from .export import write_workbook

    qs, sort = _search(request)
    out, n, more = write_workbook(qs, timezone.localdate())
    criteria = _criteria(request.GET, sort)
    record(request, AuditEntry.Action.DOWNLOAD,
           detail=(_("导出案件查询结果 %(n)s 件") % {"n": n}) + (f"（{criteria}）" if criteria else ""))
    resp = FileResponse(out, as_attachment=True, content_type=XLSX,
                        filename=f"{_('案件查询')}-{timezone.localdate():%Y%m%d}.xlsx")
    resp["X-Export-Rows"] = str(n)
    return resp


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _criteria(g, sort: str) -> str:
    """The search's conditions in words, for the audit log: 案号或当事人 张三；状态 已结案；排序 案号 升序."""
    columns = {"number": _("案号"), "title": _("案件名称"), "cause": _("案由"), "judge": _("承办人"),
               "filed": _("立案日期"), "status": _("状态"), "limit": _("审限届满日")}
    shown = {
        "q": (_("案号或当事人"), lambda v: v), "cause": (_("案由"), lambda v: v),
        "status": (_("状态"), lambda v: dict(CaseStatus.choices).get(v, v)),
        "deadline": (_("审限"), lambda v: dict(DeadlineState.choices).get(v, v)),
        "from": (_("立案日期从"), lambda v: v), "to": (_("至"), lambda v: v),
        "mine": (_("仅我承办"), lambda v: ""),
    }
    parts = [f"{shown[k][0]} {shown[k][1](v)}".strip() for k, v in g.items() if v and k in shown]
    parts.append(f"{_('排序')} {columns[sort.lstrip('-')]} {_('降序') if sort.startswith('-') else _('升序')}")
    return "；".join(parts)


@staff_required()
def case_detail(request, pk):
    case = case_for_request(request, pk)
    record(request, AuditEntry.Action.READ, case=case)
    events = list(case.events.select_related("actor").order_by("seq"))
    tl = case_services.time_limit_status(case, events)
    filing = getattr(case, "filing", None)  # the application the case was registered from, if any
    links = list(CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case)).select_related("from_case", "to_case"))
    return render(request, "cases/case_detail.html", {
        "case": case, "events": [(e, label(e.code), summary(e.code, e.payload)) for e in events], "tl": tl,
        "parties": case.parties.all().order_by("id"), "fees": case.fees.all(),
        "files": filing.files.filter(removed_at__isnull=True) if filing else [],
        "links": [(lk.get_kind_display(), lk.to_case if lk.from_case_id == case.pk else lk.from_case) for lk in links],
        "deduction_kinds": [(k, v[0]) for k, v in DEDUCTION_KINDS.items()],
        "can_extend": request.user.has_role("president"),
        "can_mark_foreign": case.procedure_id is not None and case.procedure.case_kind == "civil" and selectors.can_manage_case(
            request.user, case, "filing_judge", "judge", "division_head", "president"),
        "can_manage": selectors.can_manage_case(request.user, case, "judge", "division_head", "president"),
        "today": timezone.localdate(),
        "panel_keys": panel_keys(),
    })


@staff_required()
def case_panel(request, pk, key):
    """One section of the case page (trial organisation, hearings, service, documents, e-file),
    fetched by the page after it has shown the case itself: the case page answers at once
    however many sections the court's apps add, and one slow section delays nobody."""
    case = case_for_request(request, pk)
    panel = panel_for(request, case, key)
    if panel is None:
        return HttpResponse("", status=204)
    return render(request, panel["template"], {"case": case, "panel": panel, "today": timezone.localdate()})


@staff_required("judge", "division_head", "president")
@require_POST
def case_deduction(request, pk):
    case = case_for_request(request, pk)
    p = request.POST
    kind = p.get("kind", "")
    if p.get("action") == "end" and not kind:  # the end button carries its kind (security review F16)
        raise BadInput(_("请选择要结束的审限扣除事由。"))

    def go():
        on = parse_date(p.get("date"), default=timezone.localdate())
        if p.get("action") == "end":
            case_services.end_deduction(request.user, case, kind, on)
        else:
            case_services.start_deduction(request.user, case, p.get("kind", ""), on, p.get("reason", ""))
    return run_action(request, go, _("审限扣除已记录，并向当事人公开。"), reverse("cases:detail", args=[case.pk]))


@staff_required("president")
@require_POST
def case_extension(request, pk):
    case = case_for_request(request, pk)
    try:
        months = int(request.POST.get("months") or 0)
    except ValueError:
        messages.error(request, _("请填写延长月数。"))
        return redirect("cases:detail", pk=case.pk)
    return run_action(request, lambda: case_services.approve_extension(request.user, case, request.POST.get("reason", ""),
                                                                       months=months),
                      _("已批准延长审限。"), reverse("cases:detail", args=[case.pk]))


@staff_required("filing_judge", "judge", "division_head", "president")
@require_POST
def case_foreign_related(request, pk):
    """认定涉外或涉港澳台民事案件 (or withdraw the finding): no statutory time limit
    (民事诉讼法 第二百八十七条; 审限规定 第二条); a node on the timeline."""
    case = case_for_request(request, pk)
    p = request.POST
    return run_action(request, lambda: case_services.set_foreign_related(request.user, case, p.get("kind", ""),
                                                                         p.get("reason", "")),
                      _("已记录涉外认定。"), reverse("cases:detail", args=[case.pk]))


@staff_required()
@require_POST
def notifications_read(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("cases:workbench")


# ---- 诉讼服务网 (parties) ----------------------------------------------------------------------

@public_required
def portal_case_detail(request, pk):
    case = case_for_request(request, pk)
    record(request, AuditEntry.Action.READ, case=case, detail="诉讼服务网")
    events = list(selectors.public_events(case).select_related("actor"))
    tl = case_services.time_limit_status(case, list(case.events.all()))
    nodes = [{"label": label(e.code), "at": e.at, "summary": summary(e.code, e.payload)} for e in events]
    return render(request, "cases/portal_case_detail.html", {
        "case": case, "nodes": nodes, "tl": tl,
        "parties": case.parties.filter(left_case_at__isnull=True).order_by("id"),
        "fees": case.fees.all(),
        # one key per page shown: a double click or a retry of this form is the same payment
        "pay_key": secrets.token_urlsafe(24),
    })


@public_required
@require_POST
def portal_notifications_read(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("filing:portal")
