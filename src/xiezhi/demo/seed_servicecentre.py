"""The demo court's litigation service centre (issue 12 item 5): four windows; today's queue with
numbers waiting and called; today's appointments, 马当事 (13800000002) among them; papers the centre
received for the demo judge's case, one waiting for signature past its working day; 12368 calls open
(one overdue) and answered. Everything goes through servicecentre.services; a second run adds nothing.

The kiosk's ID-card reader and receipt printer are `xiezhi.servicecentre.device_simulator`, started in
this process when XIEZHI_KIOSK_DEVICE_URL is not set (`ensure_device_simulator`, called by the demo
command); its card is 马当事's, so the kiosk's 预约签到 and 案件查询 work with one touch."""
from __future__ import annotations

from datetime import time, timedelta

from django.conf import settings
from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.cases.models import Case
from xiezhi.courts.models import Court

WINDOWS = [(1, ["filing"]), (2, ["filing", "materials"]), (3, ["consult", "reading"]), (4, ["materials", "consult"])]


def ensure_device_simulator() -> str:
    """KIOSK_DEVICE_URL, starting the simulator of the kiosk's devices in this process when none is set."""
    if not settings.KIOSK_DEVICE_URL:
        from xiezhi.servicecentre import device_simulator

        _server, _sim, url = device_simulator.start()
        settings.KIOSK_DEVICE_URL = url
    return settings.KIOSK_DEVICE_URL


def seed_servicecentre(c: Court, users: dict[str, User]) -> dict:
    from xiezhi.servicecentre import services
    from xiezhi.servicecentre.models import Appointment, Handover, HotlineItem, ServiceWindow

    if ServiceWindow.objects.filter(court=c).exists():
        return {"windows": 0}
    lian, litigant, lawyer = users["lian"], users["13800000002"], users["13800000001"]
    windows = [ServiceWindow.objects.create(court=c, number=n, services=s) for n, s in WINDOWS]
    today = timezone.localdate()
    # today's appointments (booked on earlier days: book() takes tomorrow on, so they are written as booked)
    for i, (user, service, slot) in enumerate([(litigant, "filing", time(9, 30)), (lawyer, "reading", time(10, 0))]):
        Appointment.objects.create(court=c, user=user, service=service, day=today, slot=slot,
                                   note="民间借贷纠纷起诉" if i == 0 else "查阅案卷", code=f"DEMO{i + 1:02d}")
    services.book(litigant, c, "materials", services.working_day_after(today, 1), time(14, 0), "提交补充证据")
    # the queue: six numbers taken, two called at windows 1 and 3, one done
    for s in ["filing", "filing", "consult", "filing", "materials", "reading"]:
        services.take_ticket(c, s)
    done = services.call_next(lian, windows[0])
    services.finish(lian, windows[0], done)
    services.call_next(lian, windows[0])
    services.call_next(lian, windows[2])
    # 材料收转 for the demo judge's open case: one signed, one waiting past its day
    case = (Case.objects.filter(court=c, judge=users["judge"], closed_on__isnull=True).order_by("pk").first()
            or Case.objects.filter(court=c, judge=users["judge"]).order_by("pk").first())
    if case is not None:
        signed = services.receive_materials(lian, c, case.number, "马当事", "证据目录及证据材料", 18)
        services.sign_materials(users["judge"], signed)
        waiting = services.receive_materials(lian, c, case.number, "马当事", "补充证据：银行转账凭证", 6)
        Handover.objects.filter(pk=waiting.pk).update(due_on=today - timedelta(days=1))
    # 12368
    calls = [("王建国", "13912340001", "consult", "", "起诉民间借贷纠纷需要准备哪些材料？"),
             ("李秀兰", "13912340002", "query", case.number if case else "", "我的案件什么时候开庭？"),
             ("赵志强", "13912340003", "complaint", "", "反映窗口排队时间过长。"),
             ("陈红", "13912340004", "suggestion", "", "建议增加周末预约时段。")]
    items = [services.log_call(lian, c, caller=a, phone=b, kind=k, case_number=n, text=t) for a, b, k, n, t in calls]
    services.route(lian, items[1], users["judge"])
    services.answer(lian, items[0], "请携带起诉状、身份证明和证据材料到立案窗口，或通过诉讼服务网网上立案。")
    services.close(lian, items[0])
    services.answer(lian, items[3], "感谢建议，已转诉讼服务中心研究。")
    HotlineItem.objects.filter(pk=items[2].pk).update(due_on=today - timedelta(days=1))  # a complaint overdue
    return {"windows": len(windows)}
