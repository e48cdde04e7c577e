"""执行结案 (issue 11 items 9–11): how an enforcement case was closed (`EnforcementClosing`), the facts
an officer records for the 终本 conditions that no other record shows (`ClosingFact`), the re-searches
a 终本 case is owed for five years (`RescanDue`, 终本规定 第九条) and the consolidated plan of a
natural person's debts across the platform (`DebtPlan`, `DebtPlanItem`, 个人债务集中清理)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["EnforcementClosing", "ClosingFact", "RescanDue", "DebtPlan", "DebtPlanItem"]


class EnforcementClosing(models.Model):
    class Method(models.TextChoices):
        PAID = "paid", _("执行完毕")
        TERMINATED = "terminated", _("终结执行")
        NOT_ENFORCED = "not_enforced", _("不予执行")
        ZHONGBEN = "zhongben", _("终结本次执行程序")

    case = models.OneToOneField("cases.Case", verbose_name=_("执行案件"), on_delete=models.CASCADE,
                                related_name="enforcement_closing")
    method = models.CharField(_("结案方式"), max_length=20, choices=Method.choices)
    closed_on = models.DateField(_("结案日期"))
    ground = models.CharField(_("法定事由"), max_length=20, blank=True)
    basis = models.CharField(_("依据"), max_length=200)
    reason = models.TextField(_("结案理由"), blank=True)
    unpaid = models.DecimalField(_("未履行金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    document = models.ForeignKey("documents.GeneratedDocument", verbose_name=_("结案裁定书"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    facts = models.JSONField(_("结案时的条件"), default=dict, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                  related_name="+")
    closed_at = models.DateTimeField(_("办理时间"))

    class Meta:
        verbose_name = _("执行结案")
        verbose_name_plural = _("执行结案")
        ordering = ["-closed_on", "id"]

    def __str__(self):
        return f"{self.case_id} {self.get_method_display()}"


class ClosingFact(models.Model):
    """A fact of the 终本 conditions the officer records (a missing debtor searched for, an
    obstruction punished, leads checked …): one row per case and kind."""

    class Kind(models.TextChoices):
        REPORT_VERIFIED = "report_verified", _("已核查被执行人报告的财产情况")
        REPORT_RECORDED = "report_recorded", _("财产报告、核实及处罚情况已记录入卷")
        REPORT_BREACH = "report_breach", _("被执行人逾期报告、拒绝报告或者虚假报告")
        REPORT_BREACH_SANCTIONED = "report_breach_sanctioned", _("已对违反报告财产制度的行为采取强制措施")
        DISHONEST_REQUIRED = "dishonest_required", _("被执行人符合纳入失信被执行人名单的条件")
        LEADS_GIVEN = "leads_given", _("申请执行人或者其他人提供了财产线索")
        LEADS_CHECKED = "leads_checked", _("已核查所提供的财产线索")
        ONSITE_NEEDED = "onsite_needed", _("有网络执行查控系统无法查询的财产类型")
        ONSITE_DONE = "onsite_done", _("已到实地进行必要调查")
        DEBTOR_MISSING = "debtor_missing", _("被执行人下落不明")
        DEBTOR_SEARCHED = "debtor_searched", _("已依法查找被执行人")
        OBSTRUCTION = "obstruction", _("被执行人或者其他人妨害执行")
        OBSTRUCTION_SANCTIONED = "obstruction_sanctioned", _("已采取罚款、拘留等强制措施或者启动刑事责任追究程序")

    case = models.ForeignKey("cases.Case", verbose_name=_("执行案件"), on_delete=models.CASCADE,
                             related_name="closing_facts")
    kind = models.CharField(_("事项"), max_length=30, choices=Kind.choices)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("记录人"), on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("记录时间"))

    class Meta:
        verbose_name = _("终本条件事实")
        verbose_name_plural = _("终本条件事实")
        ordering = ["case", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "kind"], name="closing_fact_once")]


class RescanDue(models.Model):
    """One of the ten re-searches a 终本 case is owed (终本规定 第九条). Claimed by the daily job
    (claimed_at), its search sent (batch), then settled when the answers are in (ran_at, result)."""

    class Result(models.TextChoices):
        NOTHING = "nothing", _("未发现可供执行的财产")
        FOUND = "found", _("发现可供执行的财产")
        FAILED = "failed", _("查询未完成")

    case = models.ForeignKey("cases.Case", verbose_name=_("终本案件"), on_delete=models.CASCADE,
                             related_name="rescans")
    seq = models.PositiveSmallIntegerField(_("次序"))
    due_on = models.DateField(_("应查询日期"))
    claimed_at = models.DateTimeField(_("开始查询时间"), null=True, blank=True)
    batch = models.ForeignKey("enforcement.SearchBatch", verbose_name=_("查询批次"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    ran_at = models.DateTimeField(_("查询完成时间"), null=True, blank=True)
    result = models.CharField(_("查询结果"), max_length=10, choices=Result.choices, blank=True)
    assets_found = models.PositiveIntegerField(_("新发现财产数"), default=0)
    notice_sent_at = models.DateTimeField(_("告知申请执行人时间"), null=True, blank=True)
    resumed_case = models.ForeignKey("cases.Case", verbose_name=_("恢复执行案件"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("终本定期查询")
        verbose_name_plural = _("终本定期查询")
        ordering = ["case", "seq"]
        indexes = [models.Index(fields=["due_on"], condition=Q(claimed_at__isnull=True), name="rescan_due_open")]
        constraints = [models.UniqueConstraint(fields=["case", "seq"], name="rescan_once_per_seq")]


class DebtPlan(models.Model):
    """个人债务集中清理: one natural person's enforcement cases handled together; the money available
    shared pro rata among them (law.debt_plan)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("拟定")
        EXECUTED = "executed", _("已执行")

    court = models.ForeignKey("courts.Court", verbose_name=_("制定法院"), on_delete=models.PROTECT, related_name="+")
    id_number = models.CharField(_("被执行人身份证号码"), max_length=40, db_index=True)
    debtor_name = models.CharField(_("被执行人"), max_length=200)
    available = models.DecimalField(_("可供分配金额（元）"), max_digits=16, decimal_places=2)
    note = models.CharField(_("说明"), max_length=500, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("制定人"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("制定时间"))
    executed_at = models.DateTimeField(_("执行时间"), null=True, blank=True)
    executed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("执行人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("个人债务清理方案")
        verbose_name_plural = _("个人债务清理方案")
        ordering = ["-id"]
        constraints = [models.CheckConstraint(condition=Q(available__gte=0), name="debt_plan_available_not_negative")]


class DebtPlanItem(models.Model):
    plan = models.ForeignKey(DebtPlan, verbose_name=_("方案"), on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey("cases.Case", verbose_name=_("执行案件"), on_delete=models.PROTECT, related_name="+")
    creditor = models.ForeignKey("cases.Party", verbose_name=_("申请执行人"), on_delete=models.PROTECT,
                                 related_name="+")
    outstanding = models.DecimalField(_("未履行金额（元）"), max_digits=16, decimal_places=2)
    settlement = models.DecimalField(_("和解金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    share = models.DecimalField(_("分配金额（元）"), max_digits=16, decimal_places=2)
    paid = models.BooleanField(_("已发放"), default=False)

    class Meta:
        verbose_name = _("清理方案案件")
        verbose_name_plural = _("清理方案案件")
        ordering = ["plan", "id"]
        constraints = [models.UniqueConstraint(fields=["plan", "case"], name="debt_plan_case_once")]
