"""立案登记 (登记立案规定 2015; 在线诉讼规则 第九条).

A FilingApplication is what a litigant, lawyer or filing clerk submits; registering it
creates the Case (xiezhi.cases). Its `data` holds the structured complaint (parties, claims,
facts, evidence list) so that a draft can be kept exactly as typed."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FilingStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待审核")
    NEEDS_CORRECTION = "correction", _("待补正")
    REGISTERED = "registered", _("已立案")
    REFUSED = "refused", _("不予立案")
    WITHDRAWN = "withdrawn", _("已撤回")


class FilingChannel(models.TextChoices):
    ONLINE = "online", _("网上立案")
    COUNTER = "counter", _("窗口立案")
    ORAL = "oral", _("口头起诉")


class FilingApplication(models.Model):
    court = models.ForeignKey("courts.Court", verbose_name=_("受理法院"), on_delete=models.PROTECT,
                              related_name="filings")
    case_type = models.ForeignKey("courts.CaseType", verbose_name=_("案件类型"), on_delete=models.PROTECT)
    channel = models.CharField(_("立案方式"), max_length=10, choices=FilingChannel.choices)
    status = models.CharField(_("状态"), max_length=12, choices=FilingStatus.choices, default=FilingStatus.DRAFT)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提交人"), on_delete=models.PROTECT,
                                     related_name="filings")
    cause = models.ForeignKey("courts.Cause", verbose_name=_("建议案由"), null=True, blank=True,
                              on_delete=models.PROTECT)
    amount = models.DecimalField(_("诉讼标的额"), max_digits=16, decimal_places=2, null=True, blank=True)
    data = models.JSONField(_("起诉内容"), default=dict, blank=True)
    fee_estimate = models.JSONField(_("诉讼费预估"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    clock_started_on = models.DateField(_("审查期间起算日"), null=True, blank=True)
    review_due_on = models.DateField(_("审查期限届满日"), null=True, blank=True)
    correction_notice = models.TextField(_("补正通知"), blank=True)
    correction_requested_at = models.DateTimeField(_("通知补正时间"), null=True, blank=True)
    corrections_count = models.PositiveSmallIntegerField(_("补正次数"), default=0)
    refusal_reasons = models.TextField(_("不予立案理由"), blank=True)
    decided_at = models.DateTimeField(_("审查决定时间"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审查人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="filing_decisions")
    case = models.OneToOneField("cases.Case", verbose_name=_("案件"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="filing")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    draft_revision = models.PositiveIntegerField(default=0)
    # the browser tab that saved last and its count of saves (xiezhi.site.drafts.decide_write)
    draft_editor = models.CharField(max_length=40, blank=True, default="")
    draft_seq = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("立案申请")
        verbose_name_plural = _("立案申请")
        indexes = [models.Index(fields=["court", "status", "review_due_on"]),
                   models.Index(fields=["submitted_by", "-updated_at"])]

    def __str__(self):
        return f"{self.get_channel_display()} #{self.pk}"

    @property
    def title(self) -> str:
        parties = self.data.get("parties") or []
        plaintiffs = [p.get("name", "") for p in parties if p.get("role") in ("plaintiff", "applicant")]
        defendants = [p.get("name", "") for p in parties if p.get("role") in ("defendant", "respondent")]
        if plaintiffs or defendants:
            return f"{'、'.join(filter(None, plaintiffs)) or '？'} 诉 {'、'.join(filter(None, defendants)) or '？'}"
        return str(_("（未填写当事人）"))


class FilingEvent(models.Model):
    """Review history of an application before it becomes a case (then CaseEvent takes over)."""

    filing = models.ForeignKey(FilingApplication, on_delete=models.CASCADE, related_name="events")
    code = models.CharField(max_length=30)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    payload = models.JSONField(default=dict, blank=True)

    LABELS = {"submitted": _("提交立案申请"), "corrected": _("提交补正材料"),
              "correction_requested": _("一次性告知补正"), "registered": _("登记立案"), "refused": _("不予立案"),
              "withdrawn": _("撤回立案申请")}

    class Meta:
        ordering = ["at", "id"]

    @property
    def label(self):
        return self.LABELS.get(self.code, self.code)


class EvidenceFile(models.Model):
    """证据及起诉材料. Files are evidence (design.md §7): stored by SHA-256, never overwritten."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("起诉状")
        IDENTITY = "identity", _("身份证明")
        AUTHORITY = "authority", _("授权委托书")
        EVIDENCE = "evidence", _("证据")
        OTHER = "other", _("其他")

    filing = models.ForeignKey(FilingApplication, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("材料类型"), max_length=20, choices=Kind.choices, default=Kind.EVIDENCE)
    title = models.CharField(_("材料名称"), max_length=200)
    purpose = models.CharField(_("证明目的"), max_length=500, blank=True)
    file = models.FileField(_("文件"), upload_to="evidence/%Y/%m/")
    original_name = models.CharField(_("原文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    pages = models.PositiveIntegerField(_("页数"), null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(_("移除时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("起诉材料")
        verbose_name_plural = _("起诉材料")
        ordering = ["uploaded_at", "id"]
        # the same file uploaded twice (parallel retries) is kept once while it is not removed
        constraints = [models.UniqueConstraint(fields=["filing", "sha256"], condition=models.Q(removed_at__isnull=True),
                                               name="uniq_live_evidence_file")]


class FeeAssessment(models.Model):
    """案件受理费: computed by xiezhi.law.fees, changed only with a recorded reason."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="fees")
    kind = models.CharField(_("费用类型"), max_length=30, default="acceptance")
    computed = models.DecimalField(_("计算金额"), max_digits=14, decimal_places=2, null=True, blank=True)
    computed_range = models.CharField(_("法定幅度"), max_length=60, blank=True)
    amount = models.DecimalField(_("应交金额"), max_digits=14, decimal_places=2)
    basis = models.CharField(_("依据"), max_length=300)
    override_reason = models.CharField(_("调整理由"), max_length=300, blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT)
    assessed_at = models.DateTimeField(auto_now_add=True)
    due_on = models.DateField(_("交费期限"), null=True, blank=True)
    paid_at = models.DateTimeField(_("交费时间"), null=True, blank=True)
    payment_ref = models.CharField(_("缴费凭证号"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("诉讼费用")
        verbose_name_plural = _("诉讼费用")


class PaymentIntent(models.Model):
    """One attempt to pay a fee, recorded (and committed) before the payment provider is called:
    a charge the provider made is never unknown to the court. The idempotency key goes to the
    provider, so a retry or a second click is the same payment, not a second charge."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待确认")
        PAID = "paid", _("已到账")
        FAILED = "failed", _("未成功")

    assessment = models.ForeignKey(FeeAssessment, verbose_name=_("诉讼费用"), on_delete=models.PROTECT,
                                   related_name="payment_intents")
    idempotency_key = models.CharField(_("幂等键"), max_length=64, unique=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    amount = models.DecimalField(_("金额"), max_digits=14, decimal_places=2)
    payer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("交费人"), null=True,
                              on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("缴费凭证号"), max_length=64, blank=True)
    message = models.CharField(_("说明"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    settled_at = models.DateTimeField(_("确认时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("缴费记录")
        verbose_name_plural = _("缴费记录")
        constraints = [
            # one attempt in flight per fee (a second click joins it) and one that succeeded
            models.UniqueConstraint(fields=["assessment"], condition=models.Q(status="pending"),
                                    name="uniq_pending_payment"),
            models.UniqueConstraint(fields=["assessment"], condition=models.Q(status="paid"),
                                    name="uniq_paid_payment"),
        ]
from .models_crossregion import CrossRegionEvent, CrossRegionRequest  # noqa: E402,F401  跨域立案 (issue 12)
