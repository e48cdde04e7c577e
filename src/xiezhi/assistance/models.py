"""国家司法救助 (issue 12 item 6): the application, its evidence, and the province's monthly average
wage (`WageBase`) the 36-month cap is counted on. The rules themselves are in xiezhi.law.assistance."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from xiezhi.law import assistance as law

__all__ = ["WageBase", "AssistanceApplication", "AssistanceEvidence", "FeeRelief"]

ORIGIN_KINDS = [
    ("criminal", _("刑事")), ("civil", _("民事")), ("administrative", _("行政")), ("compensation", _("国家赔偿")),
    ("enforcement", _("执行")), ("petition", _("涉诉信访")), ("other", _("其他")),
]


class WageBase(models.Model):
    """上一年度职工月平均工资 of one province and year (司救意见: the base of the aid amount). One row per
    province and year, edited in the admin: the figure and its source are kept as published, a new
    year is a new row, so an approval made last year still reads the figure it was made on."""

    province = models.CharField(_("省份（高院代字）"), max_length=4)
    year = models.PositiveIntegerField(_("年度"))
    monthly_wage = models.DecimalField(_("职工月平均工资（元）"), max_digits=12, decimal_places=2)
    source = models.CharField(_("公布机关与文号"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("职工月平均工资")
        verbose_name_plural = _("职工月平均工资")
        constraints = [models.UniqueConstraint(fields=["province", "year"], name="uniq_wage_base_province_year")]

    def __str__(self):
        return f"{self.province} {self.year}: {self.monthly_wage}"


class AssistanceApplication(models.Model):
    class State(models.TextChoices):
        APPLIED = "applied", _("已申请")
        ACCEPTED = "accepted", _("已立案")
        INVESTIGATED = "investigated", _("已调查")
        REVIEWED = "reviewed", _("已合议")
        APPROVED = "approved", _("已批准")
        REFUSED = "refused", _("不予救助")
        PAID = "paid", _("已发放")

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT, related_name="+")
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("申请人账户"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="assistance_applications")
    applicant_name = models.CharField(_("申请人"), max_length=100)
    applicant_id_number = models.CharField(_("身份证号码"), max_length=40)
    applicant_phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    origin_case = models.ForeignKey("cases.Case", verbose_name=_("原案件"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="assistance_applications")
    origin_kind = models.CharField(_("原案件类别"), max_length=20, choices=ORIGIN_KINDS)
    category = models.PositiveSmallIntegerField(_("救助对象类别"),
                                                choices=[(n, f"第三条第{n}项") for n in law.CATEGORIES])
    facts = models.TextField(_("申请事实与理由"))
    amount_asked = models.DecimalField(_("申请救助金额（元）"), max_digits=12, decimal_places=2)
    bank_account = models.CharField(_("收款账户"), max_length=100)
    compensation = models.DecimalField(_("依法应当判决的赔偿数额（元）"), max_digits=14, decimal_places=2, null=True,
                                       blank=True)
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.APPLIED)
    applied_on = models.DateField(_("申请日期"))
    assistance_case = models.OneToOneField("cases.Case", verbose_name=_("司法救助案件"), null=True, blank=True,
                                           on_delete=models.PROTECT, related_name="assistance")
    accepted_on = models.DateField(_("立案日期"), null=True, blank=True)
    approval_due = models.DateField(_("审批期限届满日"), null=True, blank=True)
    investigation = models.TextField(_("调查情况"), blank=True)
    review_opinion = models.TextField(_("合议庭意见"), blank=True)
    approved_amount = models.DecimalField(_("批准救助金额（元）"), max_digits=12, decimal_places=2, null=True,
                                          blank=True)
    cap_amount = models.DecimalField(_("一般上限（元）"), max_digits=14, decimal_places=2, null=True, blank=True)
    exceptional_reason = models.TextField(_("突破一般上限的理由"), blank=True)
    refused_reason = models.TextField(_("不予救助理由"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审批人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("审批日期"), null=True, blank=True)
    paid_amount = models.DecimalField(_("发放金额（元）"), max_digits=12, decimal_places=2, null=True, blank=True)
    paid_on = models.DateField(_("救助金到位日期"), null=True, blank=True)
    voucher = models.CharField(_("发放凭证号"), max_length=100, blank=True)
    notice_due = models.DateField(_("通知领取期限届满日"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("录入人"), on_delete=models.PROTECT,
                                   related_name="+")
    key = models.CharField(_("提交编号"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("司法救助申请")
        verbose_name_plural = _("司法救助申请")
        ordering = ["-created_at"]
        constraints = [
            # 司救意见 第一条、第二条: one aid per applicant per case; a double submission hits this and
            # the service returns the row the first one made
            models.UniqueConstraint(fields=["origin_case", "applicant_id_number"], condition=Q(origin_case__isnull=False),
                                    name="uniq_assistance_per_applicant_case"),
            # the form's one-time key: a double click of an application without an originating case
            models.UniqueConstraint(fields=["key"], condition=~Q(key=""), name="uniq_assistance_key"),
        ]

    def __str__(self):
        return f"{self.applicant_name} {self.get_state_display()}"


class AssistanceEvidence(models.Model):
    """困难证明等材料, checked like every upload (filing.uploads.check_upload)."""

    application = models.ForeignKey(AssistanceApplication, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("文件"), upload_to="assistance/")
    original_name = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("困难证明材料")
        verbose_name_plural = _("困难证明材料")


class FeeRelief(models.Model):
    """诉讼费用的司法救助 asked by a party for one fee assessment (交费办法 第四十四条至第五十一条). The
    decision changes the assessment only through the filing services (change_fee / change_fee_due)."""

    class Form(models.TextChoices):
        DEFER = "defer", _("缓交")
        REDUCE = "reduce", _("减交")
        EXEMPT = "exempt", _("免交")

    class State(models.TextChoices):
        REQUESTED = "requested", _("待决定")
        GRANTED = "granted", _("准予")
        PARTLY = "partly", _("部分准予")
        REFUSED = "refused", _("不予准许")

    # asked with the complaint (交费办法 第四十八条: 应当在起诉或者上诉时提交书面申请), a request names the
    # filing; when the clerk registers it, the request is bound to the fee then assessed and decided
    assessment = models.ForeignKey("filing.FeeAssessment", verbose_name=_("诉讼费用"), on_delete=models.CASCADE,
                                   related_name="reliefs", null=True, blank=True)
    filing = models.ForeignKey("filing.FilingApplication", verbose_name=_("立案申请"), on_delete=models.CASCADE,
                               related_name="fee_reliefs", null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("申请人账户"), on_delete=models.PROTECT,
                                     related_name="+")
    form = models.CharField(_("救助方式"), max_length=10, choices=Form.choices)
    reasons = models.TextField(_("申请理由"))
    proof = models.FileField(_("证明材料"), upload_to="assistance/", blank=True)
    state = models.CharField(_("状态"), max_length=12, choices=State.choices, default=State.REQUESTED)
    amount_before = models.DecimalField(_("原应交金额"), max_digits=14, decimal_places=2)
    amount_after = models.DecimalField(_("决定后应交金额"), max_digits=14, decimal_places=2, null=True, blank=True)
    due_after = models.DateField(_("缓交至"), null=True, blank=True)
    decision_reason = models.TextField(_("决定理由"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("决定人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("诉讼费用缓减免")
        verbose_name_plural = _("诉讼费用缓减免")
        constraints = [
            # one open request per fee: a double click makes one
            models.UniqueConstraint(fields=["assessment"], condition=Q(state="requested"),
                                    name="uniq_open_fee_relief"),
            models.UniqueConstraint(fields=["filing"], condition=Q(state="requested", assessment__isnull=True),
                                    name="uniq_open_fee_relief_at_filing"),
            models.CheckConstraint(condition=Q(assessment__isnull=False) | Q(filing__isnull=False),
                                   name="fee_relief_has_fee_or_filing"),
        ]
