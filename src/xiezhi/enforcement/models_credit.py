"""限制消费令, 失信名单的纠正申请, and the public search rows of 执行信息公开 (domain §6.1, §6.2,
§9.1). Services in credit.py; the rules in xiezhi.law.enforcement_credit."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["ConsumptionRestriction", "CorrectionRequest", "PublicCreditRecord"]


class ConsumptionRestriction(models.Model):
    """限制消费令 (限制消费规定 第一条、第三条): one active order per debtor per case. For an
    organisation `persons` are the people the order extends to (第三条第二款): a list of
    {"role": one of law.enforcement_credit.EXTENDED_PERSONS, "name", "id_number"}. Lifting keeps
    the row with the date and the reason."""

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="consumption_restrictions")
    party = models.ForeignKey("cases.Party", verbose_name=_("被执行人"), on_delete=models.PROTECT,
                              related_name="consumption_restrictions")
    persons = models.JSONField(_("限制消费及于的人员"), default=list, blank=True)
    measures = models.JSONField(_("限制消费措施"), default=list)
    decided_on = models.DateField(_("限制消费令日期"))
    basis = models.JSONField(_("依据"), default=list)
    ordered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                   related_name="+")
    ordered_at = models.DateTimeField(_("决定时间"))
    lifted_on = models.DateField(_("解除日期"), null=True, blank=True)
    lift_reason = models.CharField(_("解除理由"), max_length=500, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("解除经办人"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    lifted_at = models.DateTimeField(_("解除时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("限制消费令")
        verbose_name_plural = _("限制消费令")
        ordering = ["case", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "party"], condition=Q(lifted_at__isnull=True),
                                    name="restriction_one_active_per_debtor"),
            models.CheckConstraint(condition=Q(lifted_at__isnull=True, lift_reason="")
                                   | (Q(lifted_at__isnull=False) & ~Q(lift_reason="")),
                                   name="restriction_lift_has_reason"),
        ]

    def __str__(self):
        return f"{self.party_id} {self.decided_on}"


class CorrectionRequest(models.Model):
    """纠正申请 (失信规定 第十二条): reviewed within 15 days of the written request (due_on); if it
    is justified the entry is corrected or deleted within three working days, else refused with a
    reason."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("待审查")
        CORRECTED = "corrected", _("理由成立，予以更正")
        DELETED = "deleted", _("理由成立，删除失信信息")
        REFUSED = "refused", _("理由不成立，驳回")

    entry = models.ForeignKey("enforcement.DishonestEntry", verbose_name=_("失信信息"), on_delete=models.PROTECT,
                              related_name="correction_requests")
    applicant = models.CharField(_("申请人"), max_length=200)
    grounds = models.TextField(_("申请理由"))
    filed_on = models.DateField(_("收到申请日期"))
    due_on = models.DateField(_("审查期限"))
    decision = models.CharField(_("审查结果"), max_length=20, choices=Decision.choices, default=Decision.PENDING)
    decision_reason = models.CharField(_("审查理由"), max_length=1000, blank=True)
    decided_on = models.DateField(_("审查日期"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审查人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), on_delete=models.PROTECT,
                                 related_name="+")
    filed_at = models.DateTimeField(_("登记时间"))

    class Meta:
        verbose_name = _("失信名单纠正申请")
        verbose_name_plural = _("失信名单纠正申请")
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["due_on"], condition=Q(decision="pending"), name="correction_pending_due")]
        constraints = [
            models.CheckConstraint(condition=Q(decision="pending", decided_on__isnull=True)
                                   | (~Q(decision="pending") & Q(decided_on__isnull=False) & ~Q(decision_reason="")),
                                   name="correction_decision_has_reason"),
        ]

    def __str__(self):
        return f"{self.entry_id} {self.applicant}"


class PublicCreditRecord(models.Model):
    """One row of 执行信息公开 (domain §9.1): a dishonest-list entry, a person under a consumption
    restriction, a 终本 case. A read model written in the same transaction as the decision it
    shows and removed when that ends, so the public search is one table with two indexes and never
    shows a deleted entry; it holds no full ID number — only the masked form to show and a hash
    to look the number up by."""

    class Kind(models.TextChoices):
        DISHONEST = "dishonest", _("失信被执行人")
        RESTRICTED = "restricted", _("限制消费人员")
        ZHONGBEN = "zhongben", _("终结本次执行程序案件")

    kind = models.CharField(_("公开类型"), max_length=20, choices=Kind.choices)
    # "<model>:<pk>[:<n>]": the decision this row shows (an order extended to several persons has one row each)
    source = models.CharField(_("来源"), max_length=60)
    name = models.CharField(_("姓名/名称"), max_length=200)
    id_hash = models.CharField(_("证件号码摘要"), max_length=64, blank=True)
    id_shown = models.CharField(_("证件号码"), max_length=40, blank=True)
    court = models.CharField(_("执行法院"), max_length=200)
    case_number = models.CharField(_("案号"), max_length=100)
    detail = models.CharField(_("公开内容"), max_length=1000, blank=True)
    decided_on = models.DateField(_("决定日期"))

    class Meta:
        verbose_name = _("执行公开信息")
        verbose_name_plural = _("执行公开信息")
        ordering = ["-decided_on", "id"]
        indexes = [
            # name = 'x' and name LIKE 'x%' (the search is by exact name or name prefix)
            models.Index(fields=["name"], name="public_credit_name", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["id_hash"], name="public_credit_id", condition=~Q(id_hash="")),
        ]
        constraints = [models.UniqueConstraint(fields=["kind", "source"], name="public_credit_once")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"
