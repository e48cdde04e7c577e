"""司法确认 (调解协议的司法确认, 民事诉讼法 第二百零五条、第二百零六条) and the outcomes a court's own
pre-suit mediation may take once the parties agree: 诉前调确 (a confirmation application made from it) or
诉前调书 (a case whose 调解书 the court issues).

An application is not a Case until it is accepted (司法确认规定 第四条): the filing division receives it at
the counter, decides within three days whether to accept it, and acceptance opens the 民特 / 诉前调确 case."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from xiezhi.law.confirmation import COURT_INVITED, SELF_ORGANISED


class Origin(models.TextChoices):
    COURT_INVITED = COURT_INVITED, _("人民法院邀请调解（含委派调解）")
    SELF_ORGANISED = SELF_ORGANISED, _("调解组织自行调解")


class VenueGround(models.TextChoices):
    """Why this court may take a self-organised agreement (民事诉讼法 第二百零五条第（二）项)."""
    INVITING = "inviting", _("本院邀请调解")
    DOMICILE = "domicile", _("当事人住所地在本院辖区")
    OBJECT = "object", _("标的物所在地在本院辖区")
    ORGANISATION = "organisation", _("调解组织所在地在本院辖区")


class State(models.TextChoices):
    RECEIVED = "received", _("已收到申请")
    ACCEPTED = "accepted", _("已受理")
    NOT_ACCEPTED = "not_accepted", _("不予受理")
    CONFIRMED = "confirmed", _("确认调解协议有效")
    DISMISSED = "dismissed", _("驳回申请")
    WITHDRAWN = "withdrawn", _("撤回申请")


class NotAcceptedGround(models.TextChoices):
    """民诉解释 第三百五十五条 (当事人申请司法确认调解协议，有下列情形之一的，人民法院裁定不予受理)."""
    NOT_COURT = "not_court", _("不属于人民法院受理范围的")
    NOT_VENUE = "not_venue", _("不属于收到申请的人民法院管辖的")
    STATUS = "status", _("申请确认婚姻关系、亲子关系、收养关系等身份关系无效、有效或者解除的")
    ARBITRATION = "arbitration", _("涉及适用其他特别程序、公示催告程序、破产程序审理的")
    PROPERTY = "property", _("调解协议内容涉及物权、知识产权确权的")


class DismissalGround(models.TextChoices):
    """民诉解释 第三百五十八条 (经审查，调解协议有下列情形之一的，人民法院应当裁定驳回申请)."""
    LAW = "law", _("违反法律强制性规定的")
    PUBLIC = "public", _("损害国家利益、社会公共利益、他人合法权益的")
    ORDER = "order", _("违背公序良俗的")
    VOLUNTARY = "voluntary", _("违反自愿原则的")
    UNCLEAR = "unclear", _("内容不明确的")
    OTHER = "other", _("其他不能进行司法确认的情形")


OPEN_STATES = (State.RECEIVED, State.ACCEPTED)


class ConfirmationApplication(models.Model):
    """双方当事人共同申请司法确认调解协议 (民事诉讼法 第二百零五条)."""

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT,
                              related_name="confirmation_applications")
    origin = models.CharField(_("调解来源"), max_length=20, choices=Origin.choices)
    venue_ground = models.CharField(_("管辖依据"), max_length=20, choices=VenueGround.choices)
    venue_basis = models.CharField(_("管辖依据条文"), max_length=200, blank=True)
    organisation_name = models.CharField(_("调解组织"), max_length=200)
    mediation = models.OneToOneField("mediation.PreSuitMediation", verbose_name=_("诉前调解"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="confirmation")
    agreement_text = models.TextField(_("调解协议内容"))
    agreement_scan = models.FileField(_("调解协议扫描件"), upload_to="confirmation/%Y/", blank=True)
    agreement_effective_on = models.DateField(_("调解协议生效日期"))
    window_end = models.DateField(_("申请期间届满日"))
    applicants = models.JSONField(_("申请人"), default=list)
    received_on = models.DateField(_("收到申请日期"))
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("收件人"), on_delete=models.PROTECT,
                                    related_name="+")
    received_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.RECEIVED)
    not_accepted_ground = models.CharField(_("不予受理理由"), max_length=20, choices=NotAcceptedGround.choices,
                                           blank=True)
    dismissal_ground = models.CharField(_("驳回理由"), max_length=20, choices=DismissalGround.choices, blank=True)
    decision_note = models.TextField(_("审查意见"), blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    extended = models.BooleanField(_("经院长批准延长"), default=False)
    case = models.OneToOneField("cases.Case", verbose_name=_("案件"), null=True, blank=True, on_delete=models.PROTECT,
                                related_name="confirmation")
    fee = models.DecimalField(_("案件受理费"), max_digits=14, decimal_places=2, default=0)
    fee_basis = models.CharField(_("收费依据"), max_length=200, blank=True)
    key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("司法确认申请")
        verbose_name_plural = _("司法确认申请")
        ordering = ["-received_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["key"], condition=~models.Q(key=""),
                                               name="uniq_confirmation_key")]
        indexes = [models.Index(fields=["court", "state"])]

    def __str__(self):
        return self.case.number if self.case_id else "、".join(a.get("name", "") for a in self.applicants)

    @property
    def applicant_names(self) -> str:
        return "、".join(a.get("name", "") for a in self.applicants)


class MediationOutcome(models.Model):
    """What the court made of a pre-suit mediation's agreement: one per mediation (the OneToOne is the
    backstop a double click meets)."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("诉前调确（申请司法确认）")
        DOCUMENT = "document", _("诉前调书（出具调解书）")

    mediation = models.OneToOneField("mediation.PreSuitMediation", on_delete=models.PROTECT, related_name="outcome")
    kind = models.CharField(_("处理方式"), max_length=20, choices=Kind.choices)
    application = models.OneToOneField(ConfirmationApplication, null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+")
    case = models.OneToOneField("cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("诉前调解结果处理")
        verbose_name_plural = _("诉前调解结果处理")
