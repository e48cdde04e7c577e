"""跨域立案 (cross-region filing; court-domain §7.2, practice ☑).

The party goes to a nearby court on the platform (the 协作法院). Its filing clerk checks who the
party is and the form of the papers, scans them and forwards the filing; the 管辖法院 (the
competent court) reviews it in its ordinary filing queue and registers or refuses it. Jurisdiction
does not change: the FilingApplication is the competent court's from the start (filing.court), and
it is registered through the ordinary filing.services.register. The paper originals follow by court
mail with a tracking number."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CrossRegionStatus(models.TextChoices):
    RECEIVED = "received", _("协作法院已收件")
    FORWARDED = "forwarded", _("已转管辖法院")
    CORRECTION = "correction", _("退回补正")
    REGISTERED = "registered", _("已立案")
    REFUSED = "refused", _("不予受理")
    WITHDRAWN = "withdrawn", _("已撤回")


class IdType(models.TextChoices):
    RESIDENT = "resident", _("居民身份证")
    PASSPORT = "passport", _("护照")
    HMT = "hmt", _("港澳台居民居住证/通行证")
    USCC = "uscc", _("统一社会信用代码")
    OTHER = "other", _("其他证件")


class CrossRegionRequest(models.Model):
    filing = models.OneToOneField("filing.FilingApplication", verbose_name=_("立案申请"), on_delete=models.PROTECT,
                                  related_name="crossregion")
    collaborating_court = models.ForeignKey("courts.Court", verbose_name=_("协作法院"), on_delete=models.PROTECT,
                                            related_name="+")
    competent_court = models.ForeignKey("courts.Court", verbose_name=_("管辖法院"), on_delete=models.PROTECT,
                                        related_name="+")
    status = models.CharField(_("状态"), max_length=12, choices=CrossRegionStatus.choices,
                              default=CrossRegionStatus.RECEIVED)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("收件人"), on_delete=models.PROTECT,
                                    related_name="+")
    received_at = models.DateTimeField(_("收件时间"))
    # who came to the counter, as checked by the collaborating court's clerk
    id_type = models.CharField(_("证件类型"), max_length=10, choices=IdType.choices, default=IdType.RESIDENT)
    id_number = models.CharField(_("证件号码"), max_length=32, db_index=True)
    id_name = models.CharField(_("姓名/名称"), max_length=100)
    identity_checked_by = models.CharField(_("身份核验方式"), max_length=100)
    forwarded_at = models.DateTimeField(_("转交时间"), null=True, blank=True)
    forwarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("转交人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    decision_at = models.DateTimeField(_("管辖法院决定时间"), null=True, blank=True)
    mail_tracking_no = models.CharField(_("法院专递单号"), max_length=40, blank=True)
    mail_sent_at = models.DateTimeField(_("纸质材料寄出时间"), null=True, blank=True)
    mail_received_at = models.DateTimeField(_("纸质材料签收时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("跨域立案")
        verbose_name_plural = _("跨域立案")
        indexes = [models.Index(fields=["collaborating_court", "status"]),
                   models.Index(fields=["competent_court", "status"])]

    def __str__(self):
        return f"{self.collaborating_court} → {self.competent_court} #{self.pk}"


class CrossRegionEvent(models.Model):
    """What happened to a cross-region filing, at either court (append-only)."""

    request = models.ForeignKey(CrossRegionRequest, on_delete=models.CASCADE, related_name="events")
    code = models.CharField(max_length=30)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    payload = models.JSONField(default=dict, blank=True)

    LABELS = {"received": _("协作法院收件并核验身份"), "scanned": _("扫描上传材料"), "forwarded": _("转交管辖法院"),
              "correction_requested": _("管辖法院通知补正"), "registered": _("管辖法院登记立案"),
              "refused": _("管辖法院不予受理"), "withdrawn": _("撤回"), "mail_sent": _("纸质材料寄出"),
              "mail_received": _("纸质材料签收")}

    class Meta:
        ordering = ["at", "id"]

    @property
    def label(self):
        return self.LABELS.get(self.code, self.code)
