"""财产调查 and the parties' side of an enforcement case: the debtor's asset report under a
报告财产令 (`AssetReport`), the applicant's asset clues (`AssetClue`), the request to the police to
locate the debtor (`DebtorSearch`) and the messages between a party and the officer
(`EnforcementMessage`)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["AssetReport", "AssetClue", "DebtorSearch", "EnforcementMessage"]


class AssetReport(models.Model):
    """One 报告财产令 to one debtor and the report it asks for (财产调查规定 第三条至第九条)."""

    class Status(models.TextChoices):
        ORDERED = "ordered", _("待报告")
        RECEIVED = "received", _("已报告")
        REFUSED = "refused", _("拒绝报告")

    class Sanction(models.TextChoices):
        NONE = "", _("无")
        FINE = "fine", _("罚款")
        DETENTION = "detention", _("拘留")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="asset_reports")
    party = models.ForeignKey("cases.Party", verbose_name=_("被执行人"), on_delete=models.PROTECT,
                              related_name="asset_reports")
    notice_document = models.ForeignKey("documents.GeneratedDocument", verbose_name=_("执行通知书"), null=True,
                                        blank=True, on_delete=models.SET_NULL, related_name="+")
    order_document = models.ForeignKey("documents.GeneratedDocument", verbose_name=_("报告财产令"), null=True,
                                       blank=True, on_delete=models.SET_NULL, related_name="+")
    ordered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                   related_name="+")
    ordered_at = models.DateTimeField(_("发出时间"))
    report_days = models.PositiveSmallIntegerField(_("报告期限（日）"))
    notice_on = models.DateField(_("收到执行通知日期"))
    due_on = models.DateField(_("报告期限届满日"))
    changes_from = models.DateField(_("财产变动报告起算日"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.ORDERED)
    items = models.JSONField(_("报告的财产"), default=list, blank=True)
    changes = models.TextField(_("财产变动情况"), blank=True)
    received_on = models.DateField(_("收到报告日期"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提交人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    via_portal = models.BooleanField(_("网上提交"), default=False)
    late = models.BooleanField(_("逾期报告"), default=False)
    false_report = models.BooleanField(_("虚假报告"), default=False)
    sanction = models.CharField(_("处罚"), max_length=10, choices=Sanction.choices, blank=True, default="")
    sanction_amount = models.DecimalField(_("罚款金额（元）"), max_digits=12, decimal_places=2, null=True, blank=True)
    sanction_days = models.PositiveSmallIntegerField(_("拘留期限（日）"), null=True, blank=True)
    sanction_decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    sanction_reference = models.CharField(_("决定书文号"), max_length=100, blank=True)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("财产报告")
        verbose_name_plural = _("财产报告")
        ordering = ["case", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], name="asset_report_key_once"),
            models.CheckConstraint(condition=Q(sanction="") | Q(sanction_decided_on__isnull=False),
                                   name="asset_report_sanction_dated"),
        ]

    def __str__(self):
        return f"{self.party_id} {self.get_status_display()}"


class AssetClue(models.Model):
    """财产线索 from the applicant (财产调查规定 第二条): checked within 7 days, 3 when urgent."""

    class Kind(models.TextChoices):
        BANK_ACCOUNT = "bank_account", _("银行账户")
        REAL_ESTATE = "real_estate", _("不动产")
        VEHICLE = "vehicle", _("车辆")
        SECURITIES = "securities", _("证券")
        PAYMENT_ACCOUNT = "payment_account", _("支付账户")
        EQUITY = "equity", _("股权")
        CLAIM = "claim", _("到期债权")
        OTHER = "other", _("其他财产")

    class Status(models.TextChoices):
        PENDING = "pending", _("待核实")
        FOUND = "found", _("核实属实")
        NOT_FOUND = "not_found", _("未核实到财产")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="asset_clues")
    party = models.ForeignKey("cases.Party", verbose_name=_("提供线索的当事人"), on_delete=models.PROTECT,
                              related_name="asset_clues")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提交人"), on_delete=models.PROTECT,
                                     related_name="+")
    kind = models.CharField(_("财产类型"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("线索内容"), max_length=2000)
    urgent = models.BooleanField(_("情况紧急"), default=False)
    submitted_at = models.DateTimeField(_("提交时间"))
    due_on = models.DateField(_("核实期限"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("核实人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(_("核实时间"), null=True, blank=True)
    result = models.CharField(_("核实结果"), max_length=500, blank=True)
    asset = models.ForeignKey("enforcement.Asset", verbose_name=_("查到的财产"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="clues")
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("财产线索")
        verbose_name_plural = _("财产线索")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="asset_clue_queue")]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], name="asset_clue_key_once"),
            models.CheckConstraint(condition=Q(status="pending") | ~Q(result=""), name="asset_clue_checked_result"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.due_on}"


class DebtorSearch(models.Model):
    """被执行人查找: a request to the police (公安机关协助查找) and its answer, filed in the e-file."""

    class Status(models.TextChoices):
        SENT = "sent", _("已发出")
        ANSWERED = "answered", _("已答复")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="debtor_searches")
    party = models.ForeignKey("cases.Party", verbose_name=_("被执行人"), on_delete=models.PROTECT,
                              related_name="debtor_searches")
    addressee = models.CharField(_("协助查找单位"), max_length=200)
    reason = models.CharField(_("查找事由"), max_length=500)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                     related_name="+")
    requested_at = models.DateTimeField(_("发出时间"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.SENT)
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    location = models.CharField(_("下落"), max_length=300, blank=True)
    travel = models.TextField(_("出行、住宿记录"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("被执行人查找")
        verbose_name_plural = _("被执行人查找")
        ordering = ["case", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "key"], name="debtor_search_key_once")]


class EnforcementMessage(models.Model):
    """A message between a party (or its agent) and the enforcement officer of the case."""
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="enforcement_messages")
    from_user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发送人"), on_delete=models.PROTECT,
                                  related_name="+")
    from_court = models.BooleanField(_("法院答复"), default=False)
    party = models.ForeignKey("cases.Party", verbose_name=_("当事人"), on_delete=models.PROTECT,
                              related_name="enforcement_messages")  # the party's thread the message is in
    text = models.TextField(_("内容"), max_length=2000)
    at = models.DateTimeField(_("时间"))
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("执行留言")
        verbose_name_plural = _("执行留言")
        ordering = ["case", "at", "id"]
        indexes = [models.Index(fields=["case"], condition=Q(read_at__isnull=True, from_court=False),
                                name="enf_message_unread")]
        constraints = [models.UniqueConstraint(fields=["case", "from_user", "key"], name="enf_message_key_once")]

    def __str__(self):
        return f"{self.case_id} {self.at:%Y-%m-%d %H:%M}"
