"""财产处置 (domain §6.5): the reference price of an asset (参考价), the online auctions of it (网络司法拍卖, round 1,
round 2, then 变卖), the distribution of the money among the creditors (分配方案) and the tasks given to outside
professionals (委托社会力量). The rules live in xiezhi.law.enforcement_disposal; the writes in disposal.py and
professionals.py. Assets are described in words: an `enforcement.Asset` (network search) does not exist yet."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["Valuation", "Auction", "DistributionPlan", "DistributionLine", "ProfessionalTask"]

ASSET_KINDS = [("movable", _("动产")), ("real_estate", _("不动产")), ("property_right", _("其他财产权"))]


class Valuation(models.Model):
    """确定财产处置参考价 (参考价规定 第二条)."""

    class Method(models.TextChoices):
        BARGAIN = "bargain", _("当事人议价")
        DIRECTED = "directed", _("定向询价")
        NETWORK = "network", _("网络询价")
        APPRAISAL = "appraisal", _("委托评估")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="valuations")
    description = models.CharField(_("财产"), max_length=300)
    asset_kind = models.CharField(_("财产类别"), max_length=20, choices=ASSET_KINDS)
    identifier = models.CharField(_("权属证号/识别号"), max_length=120, blank=True)
    method = models.CharField(_("确定方式"), max_length=12, choices=Method.choices)
    # 网络询价: each platform's result; the value is their average (参考价规定 第十三条)
    inquiry_results = models.JSONField(_("询价结果"), default=list, blank=True)
    appraiser = models.CharField(_("评估机构"), max_length=200, blank=True)
    value = models.DecimalField(_("参考价（元）"), max_digits=16, decimal_places=2)
    decided_on = models.DateField(_("确定日期"))
    objection_until = models.DateField(_("异议期限"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("处置参考价")
        verbose_name_plural = _("处置参考价")
        ordering = ["case", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(value__gt=0), name="valuation_value_positive"),
            models.UniqueConstraint(fields=["case", "key"], name="valuation_key_once_per_case"),
        ]

    def __str__(self):
        return f"{self.description} {self.value}"


class Auction(models.Model):
    """One round of an online judicial auction of a valued asset (网拍规定)."""

    class Round(models.TextChoices):
        FIRST = "1", _("第一次拍卖")
        SECOND = "2", _("再次拍卖")
        SALE = "sale", _("变卖")

    class Status(models.TextChoices):
        PLANNED = "planned", _("拟拍卖")
        ANNOUNCED = "announced", _("已公告")
        RUNNING = "running", _("竞价中")
        SOLD = "sold", _("已成交")
        FAILED = "failed", _("流拍")
        WITHDRAWN = "withdrawn", _("已撤回")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="auctions")
    valuation = models.ForeignKey(Valuation, verbose_name=_("处置参考价"), on_delete=models.PROTECT,
                                  related_name="auctions")
    round = models.CharField(_("轮次"), max_length=4, choices=Round.choices)
    previous = models.OneToOneField("self", verbose_name=_("前次拍卖"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="next_round")
    platform = models.CharField(_("拍卖平台"), max_length=100)
    opening_price = models.DecimalField(_("起拍价（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    deposit = models.DecimalField(_("保证金（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    increment = models.DecimalField(_("加价幅度（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    notice_on = models.DateField(_("公告日期"), null=True, blank=True)
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    winning_bid = models.DecimalField(_("成交价（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    bidder_name = models.CharField(_("买受人"), max_length=200, blank=True)
    # the buyer's payment, once received into the 执行款 ledger
    payment = models.OneToOneField("enforcement.MoneyMovement", verbose_name=_("成交价款到账"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="auction")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                   related_name="+")
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("网络司法拍卖")
        verbose_name_plural = _("网络司法拍卖")
        ordering = ["case", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], name="auction_key_once_per_case"),
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="auction_ends_after_start"),
            models.CheckConstraint(condition=~Q(status="sold") | Q(winning_bid__gt=0),
                                   name="auction_sold_has_a_price"),
        ]

    def __str__(self):
        return f"{self.get_round_display()} {self.valuation.description}"


class DistributionPlan(models.Model):
    """分配方案 (民诉解释 第五百零九条): made, served to the creditors, objected to within fifteen days, executed."""

    class Status(models.TextChoices):
        SERVED = "served", _("已送达")
        EXECUTED = "executed", _("已执行")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="distribution_plans")
    money = models.DecimalField(_("可分配金额（元）"), max_digits=16, decimal_places=2)
    surplus = models.DecimalField(_("剩余金额（元）"), max_digits=16, decimal_places=2, default=0)
    served_on = models.DateField(_("送达日期"))
    objection_until = models.DateField(_("异议期限"))
    objections = models.TextField(_("异议情况"), blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.SERVED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("制作时间"), auto_now_add=True)
    executed_at = models.DateTimeField(_("执行时间"), null=True, blank=True)
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("分配方案")
        verbose_name_plural = _("分配方案")
        ordering = ["case", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], name="distribution_key_once_per_case"),
        ]

    def __str__(self):
        return f"{self.case_id} {self.money}"


class DistributionLine(models.Model):
    class Kind(models.TextChoices):
        COST = "cost", _("执行费用")
        PRIORITY = "priority", _("优先受偿债权")
        ORDINARY = "ordinary", _("普通债权")

    plan = models.ForeignKey(DistributionPlan, verbose_name=_("分配方案"), on_delete=models.PROTECT,
                             related_name="lines")
    # a creditor who is a party of the case (the applicant, a joined creditor); the costs line has none
    party = models.ForeignKey("cases.Party", verbose_name=_("债权人"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    creditor_name = models.CharField(_("债权人"), max_length=200)
    kind = models.CharField(_("债权类别"), max_length=10, choices=Kind.choices)
    claim = models.DecimalField(_("债权金额（元）"), max_digits=16, decimal_places=2)
    secured = models.DecimalField(_("担保财产价值（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    share = models.DecimalField(_("分配金额（元）"), max_digits=16, decimal_places=2)
    payment = models.OneToOneField("enforcement.MoneyMovement", verbose_name=_("发放记录"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="distribution_line")

    class Meta:
        verbose_name = _("分配方案明细")
        verbose_name_plural = _("分配方案明细")
        ordering = ["plan", "id"]

    def __str__(self):
        return f"{self.creditor_name} {self.share}"


class ProfessionalTask(models.Model):
    """委托社会力量: a task given to a notary, lawyer, auditor or auction assistant."""

    class Kind(models.TextChoices):
        INVESTIGATION = "investigation", _("财产调查")
        AUCTION = "auction", _("拍卖辅助")
        SERVICE = "service", _("送达")
        AUDIT = "audit", _("审计")

    class AssigneeKind(models.TextChoices):
        NOTARY = "notary", _("公证机构")
        LAWYER = "lawyer", _("律师")
        AUDITOR = "auditor", _("审计机构")
        AUCTION_ASSISTANT = "auction_assistant", _("拍卖辅助机构")

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("已委托")
        REPORTED = "reported", _("已报告")
        ACCEPTED = "accepted", _("已验收")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="professional_tasks")
    kind = models.CharField(_("委托事项"), max_length=16, choices=Kind.choices)
    assignee_kind = models.CharField(_("受托人类别"), max_length=20, choices=AssigneeKind.choices)
    assignee_name = models.CharField(_("受托人"), max_length=100)
    organisation = models.CharField(_("所在机构"), max_length=200, blank=True)
    due_on = models.DateField(_("完成期限"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.ASSIGNED)
    report_title = models.CharField(_("报告"), max_length=200, blank=True)
    reported_at = models.DateTimeField(_("报告时间"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("验收时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                   related_name="+")
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("委托社会力量事项")
        verbose_name_plural = _("委托社会力量事项")
        ordering = ["case", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "key"], name="professional_key_once_per_case"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.assignee_name}"
