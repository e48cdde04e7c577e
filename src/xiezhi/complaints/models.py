"""涉诉信访 (诉访分离) and 判后答疑.

A Complaint is one letter, visit, online message or 12368 call to the litigation service centre. It is
sorted into 诉 (a legal remedy exists: the complaint becomes a FilingApplication of that procedure's case
type at the competent court, 信访工作条例 第二十条、第二十八条第二款) or 访 (petition handling with a
deadline, reply, closing, hand-over). It has its own timeline (ComplaintEvent); a complaint about a case
also leaves internal nodes on the case timeline, never changing the case's status (a 访 never blocks it).

A PostJudgmentQuestion is a party's question after a judgment was served, answered in writing or at a
meeting by the judge; the record joins the e-file."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    VISIT = "visit", _("来访")
    LETTER = "letter", _("来信")
    ONLINE = "online", _("网上信访")
    HOTLINE = "hotline", _("12368热线")


class Kind(models.TextChoices):
    UNSORTED = "unsorted", _("待甄别")
    LITIGATION = "litigation", _("诉")
    PETITION = "petition", _("访")


class State(models.TextChoices):
    REGISTERED = "registered", _("已登记")
    ROUTED = "routed", _("已导入诉讼程序")
    HANDLING = "handling", _("信访办理中")
    REPLIED = "replied", _("已答复")
    CLOSED = "closed", _("已办结")
    HANDED_OVER = "handed_over", _("已移交")


class DutyLawyer(models.Model):
    """A lawyer on the court's roster of duty lawyers (律师参与化解和代理涉法涉诉信访): a portal account
    with a lawyer's licence."""

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT,
                              related_name="duty_lawyers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("律师"), on_delete=models.PROTECT,
                             related_name="duty_rosters")
    active = models.BooleanField(_("在册"), default=True)
    enrolled_on = models.DateField(_("入册日期"))

    class Meta:
        verbose_name = _("值班律师")
        verbose_name_plural = _("值班律师")
        constraints = [models.UniqueConstraint(fields=["court", "user"], name="uniq_duty_lawyer")]

    def __str__(self):
        return f"{self.user.display_name}（{self.user.law_firm}）"


class Complaint(models.Model):
    court = models.ForeignKey("courts.Court", verbose_name=_("登记法院"), on_delete=models.PROTECT,
                              related_name="complaints")
    channel = models.CharField(_("来源"), max_length=10, choices=Channel.choices)
    name = models.CharField(_("信访人"), max_length=100)
    contact = models.CharField(_("联系方式"), max_length=100, blank=True)
    case = models.ForeignKey("cases.Case", verbose_name=_("涉及案件"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="complaints")
    case_number = models.CharField(_("涉及案号"), max_length=60, blank=True)
    request = models.TextField(_("诉求"))
    kind = models.CharField(_("甄别结果"), max_length=10, choices=Kind.choices, default=Kind.UNSORTED)
    remedy = models.CharField(_("救济途径"), max_length=30, blank=True)
    filing = models.OneToOneField("filing.FilingApplication", verbose_name=_("导入的立案申请"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="complaint")
    state = models.CharField(_("状态"), max_length=12, choices=State.choices, default=State.REGISTERED)
    department = models.CharField(_("承办部门"), max_length=100, blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    due_on = models.DateField(_("办结期限"), null=True, blank=True)
    reply = models.TextField(_("答复意见"), blank=True)
    handed_to = models.CharField(_("移交机关"), max_length=200, blank=True)
    closing_note = models.TextField(_("办结情况"), blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    lawyer = models.ForeignKey(DutyLawyer, verbose_name=_("值班律师"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="complaints")
    lawyer_opinion = models.TextField(_("律师法律意见"), blank=True)
    lawyer_opinion_at = models.DateTimeField(_("意见提交时间"), null=True, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.PROTECT,
                                      related_name="+")
    registered_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("涉诉信访")
        verbose_name_plural = _("涉诉信访")
        constraints = [models.UniqueConstraint(fields=["court", "key"], condition=~models.Q(key=""),
                                               name="uniq_complaint_key")]
        indexes = [models.Index(fields=["court", "state"])]

    def __str__(self):
        return f"涉诉信访 #{self.pk} {self.name}"

    @property
    def is_open(self) -> bool:
        return self.state in (State.REGISTERED, State.HANDLING, State.REPLIED)


class ComplaintEvent(models.Model):
    LABELS = {
        "registered": _("登记来信来访"), "routed": _("甄别为诉，导入诉讼程序"), "petition": _("甄别为访，转办信访"),
        "replied": _("答复信访人"), "closed": _("办结"), "handed_over": _("移交其他机关"),
        "lawyer_assigned": _("指派值班律师"), "lawyer_opinion": _("律师提交法律意见"),
    }

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    code = models.CharField(max_length=20)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    payload = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    @property
    def label(self):
        return self.LABELS.get(self.code, self.code)


class PostJudgmentQuestion(models.Model):
    """判后答疑: no national primary text (domain §7.6 ⚠) — a service ticket on the case."""

    class Mode(models.TextChoices):
        WRITTEN = "written", _("书面答复")
        MEETING = "meeting", _("约见答疑")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE,
                             related_name="post_judgment_questions")
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提问人"), on_delete=models.PROTECT,
                                 related_name="+")
    question = models.TextField(_("问题"))
    asked_at = models.DateTimeField(_("提问时间"), auto_now_add=True)
    due_on = models.DateField(_("答复期限"))
    mode = models.CharField(_("答疑方式"), max_length=10, choices=Mode.choices, blank=True)
    meeting_at = models.DateTimeField(_("约见时间"), null=True, blank=True)
    meeting_place = models.CharField(_("约见地点"), max_length=200, blank=True)
    answer = models.TextField(_("答疑记录"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("答疑人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(_("答疑时间"), null=True, blank=True)
    key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("判后答疑")
        verbose_name_plural = _("判后答疑")
        ordering = ["-asked_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["asked_by", "key"], condition=~models.Q(key=""),
                                               name="uniq_pjq_key")]

    @property
    def is_open(self) -> bool:
        return self.answered_at is None
