"""Audit log: who read or changed which case (design.md principle 10)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        READ = "read", _("查阅")
        CHANGE = "change", _("变更")
        DOWNLOAD = "download", _("下载")
        DENIED = "denied", _("拒绝访问")
        LOGIN = "login", _("登录")
        LOGIN_FAILED = "login_failed", _("登录失败")

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("用户"), null=True, blank=True,
                             on_delete=models.PROTECT)
    action = models.CharField(_("操作"), max_length=20, choices=Action.choices)
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), null=True, blank=True, on_delete=models.PROTECT)
    filing = models.ForeignKey("filing.FilingApplication", verbose_name=_("立案申请"), null=True, blank=True,
                               on_delete=models.PROTECT)
    detail = models.CharField(_("详情"), max_length=300, blank=True)
    path = models.CharField(_("地址"), max_length=300, blank=True)
    ip = models.GenericIPAddressField(_("IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")
        ordering = ["-at"]
        indexes = [models.Index(fields=["case", "-at"]), models.Index(fields=["user", "-at"])]

