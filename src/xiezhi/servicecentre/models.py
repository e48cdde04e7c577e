"""The litigation service centre (诉讼服务中心): windows and their ticket queue (取号叫号), appointments
booked on the portal (预约), papers received for a case (材料收转) and the 12368 hotline."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Service(models.TextChoices):
    FILING = "filing", _("立案")
    MATERIALS = "materials", _("材料提交")
    CONSULT = "consult", _("咨询")
    READING = "reading", _("阅卷")


# the letter in front of a ticket number, per service (A001 立案 …)
SERVICE_LETTER = {Service.FILING: "A", Service.MATERIALS: "B", Service.CONSULT: "C", Service.READING: "D"}


class ServiceWindow(models.Model):
    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT)
    number = models.PositiveIntegerField(_("窗口号"))
    services = models.JSONField(_("办理业务"), default=list)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("服务窗口")
        constraints = [models.UniqueConstraint(fields=["court", "number"], name="sc_window_unique")]
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}"

    @property
    def service_labels(self) -> list[str]:
        return [str(Service(s).label) for s in self.services if s in Service.values]


class Ticket(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("等待")
        CALLED = "called", _("已叫号")
        DONE = "done", _("已办结")
        NO_SHOW = "no_show", _("过号")

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT)
    day = models.DateField(_("日期"))
    service = models.CharField(_("业务"), max_length=20, choices=Service.choices)
    serial = models.PositiveIntegerField(_("序号"))
    number = models.CharField(_("号码"), max_length=10)
    priority = models.BooleanField(_("优先"), default=False)  # an appointment checked in
    appointment = models.OneToOneField("Appointment", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="ticket")
    state = models.CharField(_("状态"), max_length=10, choices=State.choices, default=State.WAITING)
    window = models.ForeignKey(ServiceWindow, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("取号时间"), auto_now_add=True)
    called_at = models.DateTimeField(_("叫号时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    calls = models.PositiveSmallIntegerField(_("叫号次数"), default=0)

    class Meta:
        verbose_name = _("排队号")
        constraints = [models.UniqueConstraint(fields=["court", "day", "service", "serial"], name="sc_ticket_unique")]
        indexes = [models.Index(fields=["court", "day", "state"])]


class Appointment(models.Model):
    class State(models.TextChoices):
        BOOKED = "booked", _("已预约")
        CANCELLED = "cancelled", _("已取消")
        CHECKED_IN = "checked_in", _("已签到")

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("预约人"), on_delete=models.PROTECT)
    service = models.CharField(_("业务"), max_length=20, choices=Service.choices)
    day = models.DateField(_("日期"))
    slot = models.TimeField(_("时段"))
    note = models.CharField(_("事项说明"), max_length=200, blank=True)
    state = models.CharField(_("状态"), max_length=12, choices=State.choices, default=State.BOOKED)
    code = models.CharField(_("预约码"), max_length=12, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("预约")
        ordering = ["day", "slot"]
        indexes = [models.Index(fields=["court", "day", "slot", "state"])]


class SlotLock(models.Model):
    """One row per (court, day, slot): booking locks it, so two parties cannot both take the last place."""
    court = models.ForeignKey("courts.Court", on_delete=models.CASCADE)
    day = models.DateField()
    slot = models.TimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["court", "day", "slot"], name="sc_slot_unique")]


class Handover(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="centre_handovers")
    brought_by = models.CharField(_("提交人"), max_length=100)
    items = models.CharField(_("材料名称"), max_length=300)
    pages = models.PositiveIntegerField(_("页数"))
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("接收人"), on_delete=models.PROTECT,
                                    related_name="+")
    received_at = models.DateTimeField(_("接收时间"), auto_now_add=True)
    due_on = models.DateField(_("签收期限"))
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("签收人"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(_("签收时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("材料收转")
        ordering = ["-received_at"]


class HotlineItem(models.Model):
    class Kind(models.TextChoices):
        CONSULT = "consult", _("咨询")
        QUERY = "query", _("查询")
        COMPLAINT = "complaint", _("投诉")
        SUGGESTION = "suggestion", _("建议")
        BOOKING = "booking", _("预约")

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT)
    caller = models.CharField(_("来电人"), max_length=100)
    phone = models.CharField(_("电话"), max_length=30)
    kind = models.CharField(_("类别"), max_length=12, choices=Kind.choices)
    case_number = models.CharField(_("案号"), max_length=60, blank=True)
    text = models.TextField(_("来电内容"))
    routed_to = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("承办人"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField(_("答复期限"))
    answer = models.TextField(_("答复"), blank=True)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("12368 来电")
        ordering = ["due_on", "pk"]
