"""网络查控 (network search and control): a search run (`SearchBatch`), the electronic orders sent to
the bodies that hold assets (`LinkageOrder`), their answers (`LinkageAnswer`, one row per answer id
of a body: a duplicate answer is recorded once) and the assets found (`Asset`, one row per holder
body and identifier per debtor of a case: an asset reported in two answers is counted once)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["SearchBatch", "LinkageOrder", "LinkageAnswer", "Asset", "LinkageCursor"]


class SearchBatch(models.Model):
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发起人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")  # None: a scheduled job
    reason = models.CharField(_("查询事由"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("发起时间"))
    bodies = models.JSONField(_("查询单位"), default=list)
    case_count = models.PositiveIntegerField(_("案件数"), default=0)

    class Meta:
        verbose_name = _("网络查控批次")
        verbose_name_plural = _("网络查控批次")
        ordering = ["-id"]

    def __str__(self):
        return f"#{self.pk}"


class LinkageOrder(models.Model):
    class Kind(models.TextChoices):
        SEARCH = "search", _("查询")
        FREEZE = "freeze", _("冻结")
        DEDUCT = "deduct", _("扣划")
        RELEASE = "release", _("解冻")

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        SENDING = "sending", _("发送中")
        SENT = "sent", _("已发送")
        PARTIAL = "partial", _("部分反馈")
        ANSWERED = "answered", _("已反馈")
        TIMED_OUT = "timed_out", _("超时")
        FAILED = "failed", _("失败")

    batch = models.ForeignKey(SearchBatch, verbose_name=_("批次"), null=True, blank=True, on_delete=models.CASCADE,
                              related_name="orders")
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="linkage_orders")
    party = models.ForeignKey("cases.Party", verbose_name=_("被执行人"), on_delete=models.PROTECT,
                              related_name="linkage_orders")
    asset = models.ForeignKey("enforcement.Asset", verbose_name=_("财产"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="orders")
    body = models.CharField(_("协助单位"), max_length=20)
    kind = models.CharField(_("指令类型"), max_length=10, choices=Kind.choices)
    amount = models.DecimalField(_("金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    key = models.CharField(_("指令编号"), max_length=64, unique=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("生成时间"))
    claimed_at = models.DateTimeField(_("发送认领时间"), null=True, blank=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    due_at = models.DateTimeField(_("反馈期限"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("发送次数"), default=0)
    answered_at = models.DateTimeField(_("反馈时间"), null=True, blank=True)
    payload = models.JSONField(_("电子指令（含电子签章）"), default=dict)
    error = models.CharField(_("错误"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("网络查控指令")
        verbose_name_plural = _("网络查控指令")
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "due_at"], name="linkage_order_status_due"),
                   models.Index(fields=["batch", "body", "status"], name="linkage_order_batch_body")]

    def __str__(self):
        return self.key


class LinkageAnswer(models.Model):
    order = models.ForeignKey(LinkageOrder, verbose_name=_("指令"), on_delete=models.CASCADE, related_name="answers")
    body = models.CharField(_("协助单位"), max_length=20)
    answer_id = models.CharField(_("反馈编号"), max_length=64)
    final = models.BooleanField(_("完整反馈"), default=True)
    received_at = models.DateTimeField(_("接收时间"))
    assets = models.JSONField(_("反馈财产"), default=list)
    result = models.CharField(_("结果"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("网络查控反馈")
        verbose_name_plural = _("网络查控反馈")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["body", "answer_id"], name="linkage_answer_once_per_body")]


class Asset(models.Model):
    class Kind(models.TextChoices):
        BANK_ACCOUNT = "bank_account", _("银行账户")
        REAL_ESTATE = "real_estate", _("不动产")
        VEHICLE = "vehicle", _("车辆")
        SECURITIES = "securities", _("证券")
        PAYMENT_ACCOUNT = "payment_account", _("支付账户")
        EQUITY = "equity", _("股权")

    class Status(models.TextChoices):
        FOUND = "found", _("已查到")
        FROZEN = "frozen", _("已冻结")
        DEDUCTED = "deducted", _("已扣划")
        RELEASED = "released", _("已解冻")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="linkage_assets")
    party = models.ForeignKey("cases.Party", verbose_name=_("被执行人"), on_delete=models.PROTECT,
                              related_name="linkage_assets")
    kind = models.CharField(_("财产类型"), max_length=20, choices=Kind.choices)
    body = models.CharField(_("协助单位"), max_length=20)
    identifier = models.CharField(_("账号/权证号"), max_length=100)
    description = models.CharField(_("说明"), max_length=200, blank=True)
    value = models.DecimalField(_("价值/余额（元）"), max_digits=16, decimal_places=2, default=0)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.FOUND)
    frozen_amount = models.DecimalField(_("冻结金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    freeze_ends_on = models.DateField(_("冻结期限届满日"), null=True, blank=True)
    found_at = models.DateTimeField(_("查到时间"))
    found_by = models.ForeignKey(LinkageOrder, verbose_name=_("查询指令"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("查控财产")
        verbose_name_plural = _("查控财产")
        ordering = ["case", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "party", "body", "identifier"],
                                               name="linkage_asset_once")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.identifier}"


class LinkageCursor(models.Model):
    """How far the answers of one body have been read (the `since` of its adapter's poll)."""
    body = models.CharField(_("协助单位"), max_length=20, unique=True)
    since = models.BigIntegerField(_("已读位置"), default=0)

    class Meta:
        verbose_name = _("反馈读取位置")
        verbose_name_plural = _("反馈读取位置")
