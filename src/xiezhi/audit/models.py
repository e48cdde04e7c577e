"""Audit log: who read or changed which case (design.md principle 10).

The log is append-only and tamper-evident (security review F23): every row stores the hash of
the row before it and its own hash over its content (a hash chain, written under the one-row
chain head's lock, services.record), `xiezhi audit_verify` walks the chain, the model refuses
updates and deletes, and on PostgreSQL a trigger (migration 0004) refuses UPDATE and DELETE of
the table to anyone who connects as the application."""
import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS = "0" * 64


class AppendOnlyError(Exception):
    """An audit row was to be changed or deleted."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("the audit log is append-only")

    def delete(self):
        raise AppendOnlyError("the audit log is append-only")


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        READ = "read", _("查阅")
        CHANGE = "change", _("变更")
        DOWNLOAD = "download", _("下载")
        DENIED = "denied", _("拒绝访问")
        LOGIN = "login", _("登录")
        LOGIN_FAILED = "login_failed", _("登录失败")

    at = models.DateTimeField(_("时间"), db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("用户"), null=True, blank=True,
                             on_delete=models.PROTECT)
    action = models.CharField(_("操作"), max_length=20, choices=Action.choices)
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), null=True, blank=True, on_delete=models.PROTECT)
    filing = models.ForeignKey("filing.FilingApplication", verbose_name=_("立案申请"), null=True, blank=True,
                               on_delete=models.PROTECT)
    detail = models.CharField(_("详情"), max_length=300, blank=True)
    path = models.CharField(_("地址"), max_length=300, blank=True)
    ip = models.GenericIPAddressField(_("IP"), null=True, blank=True)
    # the account a login was tried with (also when it does not exist or is locked out)
    account = models.CharField(_("尝试的账号"), max_length=150, blank=True, db_index=True)
    prev_hash = models.CharField(_("前一条哈希"), max_length=64, blank=True)
    row_hash = models.CharField(_("本条哈希"), max_length=64, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")
        ordering = ["-at"]
        indexes = [models.Index(fields=["case", "-at"]), models.Index(fields=["user", "-at"]),
                   models.Index(fields=["action", "-at"])]

    def content(self) -> str:
        """What the row hash covers: every field but the id and the hash itself."""
        at = self.at.astimezone(__import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        return "\x1f".join(str(v) for v in (
            self.prev_hash, at, self.user_id or "", self.action, self.case_id or "", self.filing_id or "",
            self.detail, self.path, self.ip or "", self.account))

    def compute_hash(self) -> str:
        return hashlib.sha256(self.content().encode()).hexdigest()

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("the audit log is append-only")


class ChainHead(models.Model):
    """The single row (pk 1) that holds the hash of the last audit row. A writer takes its row lock
    (an UPDATE, which on SQLite also takes the database's write lock) before it reads the last hash,
    so two requests never chain onto the same row."""

    last_hash = models.CharField(max_length=64, default=GENESIS)
    rows = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("审计链")
