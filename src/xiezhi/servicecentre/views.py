"""Pages of the litigation service centre.

Public: the kiosk (/kiosk/…, a touch layout opened from the public home) and the hall display
(/centre/display/). Portal: the party's appointments (/portal/appointments/). Staff of the centre
(立案庭, filing_judge): /staff/centre/ — windows and their queue, the day's appointments, 材料收转 and
the 12368 list. Signing for papers is done by the case's own staff (any staff role; the service checks)."""
from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from xiezhi.accounts.models import User
from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record
from xiezhi.courts.selectors import public_court
from xiezhi.site.access import anyone, public_required, staff_required
from xiezhi.site.http import BadInput, errors_of, parse_date, parse_id, run_action
from xiezhi.site.throttle import count_in_window

from . import selectors, services
from .devices import DeviceError, devices
from .models import Handover, HotlineItem, Service, ServiceWindow, Ticket

CENTRE = ("filing_judge",)


def _court():
    court = public_court()
    if court is None:
        raise Http404()
    return court


# --- kiosk --------------------------------------------------------------------------------------

@anyone
def kiosk_home(request):
    return render(request, "servicecentre/kiosk_home.html", {"court": _court()})


def _print(lines: list[str]) -> str:
    """Print a receipt through the device bridge; '' when printed, else the sentence for the screen."""
    try:
        devices().print_receipt(lines)
    except DeviceError as exc:
        return str(exc)
    return ""


def _ticket_lines(court, t: Ticket, heading: str) -> list[str]:
    return [court.name, heading, t.number, t.get_service_display(),
            timezone.localtime(t.created_at).strftime("%Y-%m-%d %H:%M"),
            _("前面还有 %(n)s 人等候") % {"n": max(selectors.waiting_count(court) - 1, 0)}]


@anyone
def kiosk_ticket(request):
    court = _court()
    if request.method == "POST":
        try:
            t = services.take_ticket(court, request.POST.get("service", ""))
        except ValidationError as exc:
            messages.error(request, "；".join(errors_of(exc)))
            return redirect("servicecentre:kiosk_ticket")
        problem = _print(_ticket_lines(court, t, _("排队号")))
        return render(request, "servicecentre/kiosk_receipt.html", {"ticket": t, "problem": problem})
    return render(request, "servicecentre/kiosk_ticket.html", {"services": Service.choices})


def _read_card(request) -> dict:
    try:
        return devices().read_card()
    except DeviceError as exc:
        messages.error(request, str(exc))
        return {}


@anyone
def kiosk_checkin(request):
    court = _court()
    ctx = {"id_number": ""}
    if request.method == "POST":
        if request.POST.get("action") == "read":
            ctx["id_number"] = _read_card(request).get("id_number", "")
        else:
            try:
                t = services.check_in(court, request.POST.get("id_number", ""))
            except ValidationError as exc:
                for m in errors_of(exc):
                    messages.error(request, m)
            else:
                problem = _print(_ticket_lines(court, t, _("预约签到")))
                return render(request, "servicecentre/kiosk_receipt.html",
                              {"ticket": t, "problem": problem, "checked_in": True})
    return render(request, "servicecentre/kiosk_checkin.html", ctx)


@anyone
def kiosk_lookup(request):
    court = _court()
    ctx = {"case_number": "", "id_number": ""}
    if request.method == "POST":
        ctx["case_number"] = request.POST.get("case_number", "").strip()[:60]
        if request.POST.get("action") == "read":
            ctx["id_number"] = _read_card(request).get("id_number", "")
            return render(request, "servicecentre/kiosk_lookup.html", ctx)
        ip = request.META.get("REMOTE_ADDR", "")
        if count_in_window(f"kiosk-lookup:{ip}", 600) > settings.KIOSK_LOOKUP_LIMIT:
            messages.error(request, _("查询过于频繁，请稍后再试。"))
            return render(request, "servicecentre/kiosk_lookup.html", ctx)
        case = selectors.kiosk_lookup(court, ctx["case_number"], request.POST.get("id_number", ""))
        if case is None:
            record(request, AuditEntry.Action.DENIED, detail=f"自助终端查询 {ctx['case_number']}")
            messages.error(request, _("案号与身份证号码不匹配，无法查询。"))
            return render(request, "servicecentre/kiosk_lookup.html", ctx)
        record(request, AuditEntry.Action.READ, case=case, detail="自助终端查询案件进度")
        return render(request, "servicecentre/kiosk_case.html",
                      {"case": case, "events": selectors.kiosk_progress(case)})
    return render(request, "servicecentre/kiosk_lookup.html", ctx)


@anyone
def display(request):
    court = _court()
    return render(request, "servicecentre/display.html",
                  {"called": selectors.called_now(court), "waiting": selectors.waiting_count(court)})


# --- portal: appointments -----------------------------------------------------------------------

@public_required
def appointments(request):
    court = _court()
    if request.method == "POST":
        try:
            slot = services.slots()[parse_id(request.POST.get("slot"), _("时段"), required=True)]
        except (IndexError, BadInput):
            slot = None

        def act():
            if slot is None:
                raise ValidationError(_("请选择办公时间内的半小时时段。"))
            a = services.book(request.user, court, request.POST.get("service", ""),
                              parse_date(request.POST.get("day")), slot, request.POST.get("note", ""))
            record(request, AuditEntry.Action.CHANGE, detail=f"预约 {a.code}")
        return run_action(request, act, _("预约成功，请按时到诉讼服务中心，在自助服务终端签到。"),
                          "servicecentre:appointments")
    return render(request, "servicecentre/portal_appointments.html", {
        "items": selectors.my_appointments(request.user), "services": Service.choices,
        "slots": list(enumerate(services.slots())), "capacity": settings.CENTRE_SLOT_CAPACITY})


@require_POST
@public_required
def appointment_cancel(request, pk):
    a = selectors.my_appointment(request.user, pk)
    if a is None:
        raise Http404()
    return run_action(request, lambda: services.cancel(request.user, a), _("预约已取消。"),
                      "servicecentre:appointments")


# --- staff ------------------------------------------------------------------------------------

@staff_required(*CENTRE)
def centre(request):
    court = request.user.court
    return render(request, "servicecentre/centre.html", {
        "windows": [(w, selectors.window_state(w)) for w in selectors.windows(court)],
        "appointments": selectors.day_appointments(court), "waiting": selectors.waiting_count(court)})


def _window(request, n) -> ServiceWindow:
    return get_object_or_404(ServiceWindow, court=request.user.court, number=n)


@staff_required(*CENTRE)
def window(request, n):
    w = _window(request, n)
    return render(request, "servicecentre/window.html", {
        "window": w, **selectors.window_state(w),
        "others": selectors.windows(request.user.court).exclude(pk=w.pk)})


@require_POST
@staff_required(*CENTRE)
def window_action(request, n, action):
    w = _window(request, n)
    back = reverse("servicecentre:window", args=[n])
    if action == "next":
        try:
            t = services.call_next(request.user, w)
        except (ValidationError, PermissionDenied) as exc:
            for m in errors_of(exc):
                messages.error(request, m)
            return redirect(back)
        if t is None:
            messages.info(request, _("暂无等候的号码。"))
        else:
            messages.success(request, _("请 %(number)s 号到 %(window)s 号窗口") % {"number": t.number, "window": w.number})
        return redirect(back)
    t = get_object_or_404(Ticket, pk=parse_id(request.POST.get("ticket"), _("号码"), required=True), court=request.user.court)
    if action == "recall":
        return run_action(request, lambda: services.recall(request.user, w, t), _("已重新叫号。"), back)
    if action in ("done", "no_show"):
        return run_action(request, lambda: services.finish(request.user, w, t, no_show=action == "no_show"),
                          _("已办结。") if action == "done" else _("已记为过号。"), back)
    if action == "transfer":
        target = get_object_or_404(ServiceWindow, court=request.user.court, pk=parse_id(request.POST.get("target"), _("窗口"), required=True))
        return run_action(request, lambda: services.transfer(request.user, w, t, target), _("已转至其他窗口。"), back)
    raise Http404()


@staff_required(*CENTRE)
def materials(request):
    court = request.user.court
    if request.method == "POST":
        p = request.POST

        def act():
            h = services.receive_materials(request.user, court, p.get("case_number", ""), p.get("brought_by", ""),
                                           p.get("items", ""), p.get("pages"))
            record(request, AuditEntry.Action.CHANGE, case=h.case, detail=f"材料收转 {h.items}")
        return run_action(request, act, _("材料已接收，已转承办人员签收。"), "servicecentre:materials")
    rows = list(selectors.centre_handovers(court))
    for h in rows:
        h.overdue = selectors.is_overdue(h)
    return render(request, "servicecentre/materials.html", {"rows": rows})


@require_POST
@staff_required()
def material_sign(request, pk):
    h = get_object_or_404(Handover.objects.select_related("case"), pk=pk)

    def act():
        services.sign_materials(request.user, h)
        record(request, AuditEntry.Action.CHANGE, case=h.case, detail=f"签收材料 {h.items}")
    return run_action(request, act, _("已签收。"), reverse("cases:detail", args=[h.case_id]))


@staff_required(*CENTRE)
def hotline(request):
    court = request.user.court
    if request.method == "POST":
        p = request.POST

        def act():
            item = services.log_call(request.user, court, caller=p.get("caller", ""), phone=p.get("phone", ""),
                                     kind=p.get("kind", ""), text=p.get("text", ""),
                                     case_number=p.get("case_number", ""))
            record(request, AuditEntry.Action.CHANGE, detail=f"12368 登记 {item.pk}")
        return run_action(request, act, _("来电已登记。"), "servicecentre:hotline")
    today = timezone.localdate()
    items = list(selectors.hotline_items(court))
    for i in items:
        i.overdue = i.closed_at is None and i.due_on < today
    return render(request, "servicecentre/hotline.html", {"items": items, "kinds": HotlineItem.Kind.choices})


@staff_required()
def hotline_mine(request):
    """12368 calls the centre passed to this staff member, open ones, by deadline."""
    today = timezone.localdate()
    items = list(selectors.routed_to_me(request.user))
    for i in items:
        i.overdue = i.due_on < today
    return render(request, "servicecentre/hotline_mine.html", {"items": items})


@staff_required()
def hotline_item(request, pk):
    item = get_object_or_404(HotlineItem.objects.select_related("routed_to"), pk=pk, court=request.user.court)
    if item.routed_to_id != request.user.pk and not request.user.has_role(*CENTRE):
        raise PermissionDenied(_("您的角色无权使用该功能。"))
    return render(request, "servicecentre/hotline_item.html", {
        "item": item, "overdue": item.closed_at is None and item.due_on < timezone.localdate(),
        "staff": User.objects.filter(kind="staff", court=request.user.court, is_active=True).order_by("pk")[:200],
        "may_route": request.user.has_role(*CENTRE)})


@require_POST
@staff_required()
def hotline_action(request, pk, action):
    item = get_object_or_404(HotlineItem, pk=pk, court=request.user.court)
    back = reverse("servicecentre:hotline_item", args=[pk])
    if action == "route":
        to = User.objects.filter(pk=parse_id(request.POST.get("to"), _("承办人"), required=True)).first()
        fn, done = (lambda: services.route(request.user, item, to)), _("已转承办人。")
    elif action == "answer":
        fn, done = (lambda: services.answer(request.user, item, request.POST.get("answer", ""))), _("已答复。")
    elif action == "close":
        fn, done = (lambda: services.close(request.user, item)), _("已办结。")
    else:
        raise Http404()
    return run_action(request, fn, done, back,
                      on_success=lambda: record(request, AuditEntry.Action.CHANGE, detail=f"12368 {action} {pk}"))
