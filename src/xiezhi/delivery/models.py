"""送达: documents served on parties, per (document, party, method), with the legal service date.

The "document" is generic (a title, a stored file, a kind and a case): generated documents
(xiezhi.documents) and uploads arrive here as bytes, so this app imports no other helper's app."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    COMPLAINT_COPY = "complaint_copy", _("起诉状副本")
    ACCEPTANCE = "acceptance", _("受理通知书")
    RESPONSE = "response", _("应诉通知书")
    EVIDENCE_NOTICE = "evidence_notice", _("举证通知书")
    SUMMONS = "summons", _("传票")
    PANEL_NOTICE = "panel_notice", _("合议庭组成人员通知书")
    NOTICE = "notice", _("其他通知书")
    JUDGMENT = "judgment", _("判决书")
    RULING = "ruling", _("裁定书")
    MEDIATION = "mediation", _("调解书")
    OTHER = "other", _("其他诉讼文书")


class ServedDocument(models.Model):
    """待送达的诉讼文书. Files are evidence: stored by SHA-256, never overwritten."""

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="served_documents")
    title = models.CharField(_("文书名称"), max_length=200)
    kind = models.CharField(_("文书类型"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("文件"), upload_to="delivery/%Y/%m/")
    filename = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveIntegerField(_("大小"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    source = models.CharField(_("来源"), max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("制作人"), on_delete=models.PROTECT)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("送达文书")
        verbose_name_plural = _("送达文书")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.title


class ServiceStatus(models.TextChoices):
    PENDING = "pending", _("待送达")
    SENDING = "sending", _("发送中")  # claimed by a worker: the e-mail/SMS is leaving now
    SENT = "sent", _("已发送")
    SERVED = "served", _("已送达")
    FAILED = "failed", _("失败")


class ServiceMethod(models.TextChoices):
    PORTAL = "portal", _("诉讼服务平台")
    SMS = "sms", _("短信")
    EMAIL = "email", _("电子邮件")
    DIRECT = "direct", _("直接送达")
    LEFT = "left", _("留置送达")
    POSTAL = "postal", _("邮寄送达")
    PUBLIC_NOTICE = "public_notice", _("公告送达")


class ServiceRecord(models.Model):
    """One (document, recipient, method). The recipient is a Party row: a party, or the agent
    who receives for it (民事诉讼法 第八十八条; 民诉解释 第一百三十二条)."""

    document = models.ForeignKey(ServedDocument, verbose_name=_("文书"), on_delete=models.PROTECT,
                                 related_name="records")
    party = models.ForeignKey("cases.Party", verbose_name=_("受送达人"), on_delete=models.PROTECT,
                              related_name="service_records")
    method = models.CharField(_("送达方式"), max_length=20, choices=ServiceMethod.choices)
    status = models.CharField(_("状态"), max_length=10, choices=ServiceStatus.choices, default=ServiceStatus.PENDING)
    address = models.CharField(_("送达地址"), max_length=300, blank=True)
    address_confirmed = models.BooleanField(_("确认的送达地址"), default=True)
    claimed_at = models.DateTimeField(_("开始发送时间"), null=True, blank=True)  # the claim of the current send
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("到达时间"), null=True, blank=True)
    read_at = models.DateTimeField(_("阅知时间"), null=True, blank=True)
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    basis = models.CharField(_("依据"), max_length=300, blank=True)
    external_id = models.CharField(_("通道消息编号"), max_length=100, blank=True, db_index=True)
    failure = models.CharField(_("失败原因"), max_length=300, blank=True)
    notice_published_on = models.DateField(_("发出公告日期"), null=True, blank=True)
    abroad = models.BooleanField(_("境外当事人"), default=False)
    served_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("送达人"), on_delete=models.PROTECT,
                                  related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("送达记录")
        verbose_name_plural = _("送达记录")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["document", "party", "method"], name="uniq_service_per_method")]
        indexes = [models.Index(fields=["method", "status"])]


class ServiceReceipt(models.Model):
    """送达凭证: the channel's report or a scanned signed 送达回证 (电子送达凭证具有送达回证效力,
    在线诉讼规则 第三十一条第三款)."""

    class Kind(models.TextChoices):
        SMTP_ACCEPTED = "smtp", _("邮件服务器接收回执")
        SMS_REPORT = "sms_report", _("短信状态报告")
        PORTAL_ARRIVAL = "portal_arrival", _("平台到达记录")
        PORTAL_READ = "portal_read", _("平台阅知回执")
        LINK_READ = "link_read", _("短信链接阅知记录")
        SIGNED = "signed", _("签收的送达回证")
        POSTAL = "postal", _("邮寄回执")
        NOTICE = "notice", _("公告凭证")

    record = models.ForeignKey(ServiceRecord, on_delete=models.PROTECT, related_name="receipts")
    kind = models.CharField(_("凭证类型"), max_length=20, choices=Kind.choices)
    at = models.DateTimeField(_("时间"))
    detail = models.JSONField(_("内容"), default=dict, blank=True)
    file = models.FileField(_("扫描件"), upload_to="delivery/receipts/%Y/%m/", blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("送达凭证")
        verbose_name_plural = _("送达凭证")
        ordering = ["at", "id"]


class AddressConfirmation(models.Model):
    """送达地址确认书 (民诉解释 第一百三十六条; 在线诉讼规则 第二十九条、第三十条). A new
    confirmation supersedes the older ones of the same recipient; none is deleted."""

    party = models.ForeignKey("cases.Party", verbose_name=_("受送达人"), on_delete=models.PROTECT,
                              related_name="address_confirmations")
    consent_electronic = models.BooleanField(_("同意电子送达"), default=False)
    consent_judgments = models.BooleanField(_("同意电子送达判决书、裁定书、调解书"), default=False)
    portal = models.BooleanField(_("诉讼服务平台账户"), default=False)
    mobile = models.CharField(_("接收短信的手机号码"), max_length=20, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    postal_address = models.CharField(_("邮寄送达地址"), max_length=300, blank=True)
    confirmed_on = models.DateField(_("确认日期"))
    file = models.FileField(_("确认书扫描件"), upload_to="delivery/confirmations/%Y/%m/", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("记录人"), on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("送达地址确认书")
        verbose_name_plural = _("送达地址确认书")
        ordering = ["-recorded_at", "-id"]
