"""执行立案与分段集约 (issue 11 items 1–2): the enforcement facts of a case (`EnforcementFile`),
the teams that handle one stage each (`EnforcementTeam`, 分段集约), and the interruptions and
suspensions of the application period (执行程序解释 第十九条至第二十一条, 民诉解释 第四百六十六条)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["EnforcementFile", "EnforcementTeam", "PeriodBreak", "STAGE_ORDER"]


class Stage(models.TextChoices):
    FILING = "filing", _("立案")
    SEARCH = "search", _("查控")
    DISPOSAL = "disposal", _("处置")
    CLOSING = "closing", _("结案")
    CLOSED = "closed", _("已结")


# 分段集约: a case moves forward one stage at a time (立案 → 查控 → 处置 → 结案 → 已结)
STAGE_ORDER = [s.value for s in Stage]


class EnforcementTeam(models.Model):
    """A team of the 执行局 that serves one stage (立案组, 查控组 — the central unit running
    network searches as batch work —, 处置组, 结案组)."""

    Stage = Stage
    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT,
                              related_name="enforcement_teams")
    name = models.CharField(_("团队名称"), max_length=100)
    stage = models.CharField(_("负责阶段"), max_length=10, choices=Stage.choices)
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("团队负责人"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("团队成员"), blank=True,
                                     related_name="enforcement_teams")

    class Meta:
        verbose_name = _("执行团队")
        verbose_name_plural = _("执行团队")
        ordering = ["court", "id"]
        constraints = [models.UniqueConstraint(fields=["court", "name"], name="enf_team_name_once")]

    def __str__(self):
        return self.name


class EnforcementFile(models.Model):
    """The enforcement facts of one enforcement case (执, 执恢, 执保)."""

    Stage = Stage

    class Kind(models.TextChoices):
        FIRST = "执", _("首次执行")
        RESUMED = "执恢", _("恢复执行")
        PRESERVATION = "执保", _("财产保全执行")

    class Basis(models.TextChoices):
        PLATFORM = "platform", _("本院判决、裁定、调解书")
        ARBITRATION = "arbitration", _("仲裁裁决")
        NOTARIAL = "notarial", _("公证债权文书")
        OTHER_COURT = "other_court", _("他院法律文书")

    case = models.OneToOneField("cases.Case", verbose_name=_("执行案件"), on_delete=models.CASCADE,
                                related_name="enforcement")
    kind = models.CharField(_("执行类型"), max_length=4, choices=Kind.choices)
    basis_kind = models.CharField(_("执行依据类型"), max_length=20, choices=Basis.choices)
    source_case = models.ForeignKey("cases.Case", verbose_name=_("执行依据案件"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="enforcement_files")
    basis_number = models.CharField(_("执行依据文书编号"), max_length=100)
    basis_title = models.CharField(_("执行依据文书"), max_length=200, blank=True)
    issuing_body = models.CharField(_("作出机构"), max_length=200, blank=True)
    effective_on = models.DateField(_("生效日期"))
    due_on = models.DateField(_("履行期限届满日"), null=True, blank=True)
    installments = models.JSONField(_("分期履行期限"), default=list, blank=True)
    applied_on = models.DateField(_("申请执行日期"))
    window_end = models.DateField(_("申请执行期间届满日"))
    window_basis = models.JSONField(_("期间依据"), default=list)
    late = models.BooleanField(_("超过申请执行期间"), default=False)
    late_reason = models.TextField(_("超期登记理由"), blank=True)
    amount = models.DecimalField(_("申请执行标的额"), max_digits=16, decimal_places=2, null=True, blank=True)
    fee_assessed = models.DecimalField(_("执行申请费（核定）"), max_digits=14, decimal_places=2, null=True, blank=True)
    fee_basis = models.CharField(_("申请费依据"), max_length=200, blank=True)
    stage = models.CharField(_("执行阶段"), max_length=10, choices=Stage.choices, default=Stage.FILING)
    stage_since = models.DateTimeField(_("进入本阶段时间"))
    team = models.ForeignKey(EnforcementTeam, verbose_name=_("承办团队"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="files")
    key = models.CharField(_("操作编号"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("执行案件信息")
        verbose_name_plural = _("执行案件信息")
        indexes = [models.Index(fields=["stage", "team"], name="enf_file_stage_team")]
        constraints = [
            # a retried click opens one case: the key is unique where given
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="enf_file_key_once"),
            models.CheckConstraint(condition=Q(late=False) | ~Q(late_reason=""), name="enf_file_late_has_reason"),
        ]

    def __str__(self):
        return f"{self.case_id} {self.get_stage_display()}"


class PeriodBreak(models.Model):
    """A 中止 or 中断 of the application period recorded on the enforcement case."""

    class Kind(models.TextChoices):
        SUSPENSION = "suspension", _("中止")
        INTERRUPTION = "interruption", _("中断")

    file = models.ForeignKey(EnforcementFile, verbose_name=_("执行案件信息"), on_delete=models.CASCADE,
                             related_name="period_breaks")
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    started_on = models.DateField(_("开始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    reason = models.CharField(_("事由"), max_length=500)
    basis = models.CharField(_("依据"), max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("记录人"), on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("记录时间"))

    class Meta:
        verbose_name = _("申请执行期间中止、中断")
        verbose_name_plural = _("申请执行期间中止、中断")
        ordering = ["file", "started_on", "id"]
