"""审判: routing (繁简分流), assignment (分案), trial organisation (合议庭), extension requests,
closing and appeal windows. The case timeline stays the truth for what the parties see; these
rows keep how each decision was made (candidates, seed, reason, approver)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

User = settings.AUTH_USER_MODEL


class RoutingProposal(models.Model):
    """繁简分流建议 (民事诉讼法 第一百六十五条、第一百六十条; 民诉解释 第二百五十七条)."""

    case = models.OneToOneField("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="routing")
    suggested = models.CharField(_("建议程序"), max_length=20)
    suggested_code = models.CharField(_("建议程序代码"), max_length=40)
    reason = models.TextField(_("建议理由"))
    basis = models.CharField(_("依据"), max_length=300)
    exclusions = models.JSONField(_("排除情形"), default=list, blank=True)
    wage_year = models.PositiveIntegerField(_("工资年度"), null=True, blank=True)
    wage = models.DecimalField(_("就业人员年平均工资"), max_digits=14, decimal_places=2, null=True, blank=True)
    decided_code = models.CharField(_("确定程序代码"), max_length=40, blank=True)
    override_reason = models.CharField(_("不采纳建议的理由"), max_length=300, blank=True)
    decided_by = models.ForeignKey(User, verbose_name=_("确定人"), null=True, blank=True, on_delete=models.PROTECT)
    decided_at = models.DateTimeField(_("确定时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("建议时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("繁简分流建议")
        verbose_name_plural = _("繁简分流建议")


class JudgeProfile(models.Model):
    """分案资格: which case types and causes a judge takes in the random draw."""

    judge = models.OneToOneField(User, verbose_name=_("法官"), on_delete=models.CASCADE, related_name="trial_profile")
    case_type_codes = models.JSONField(_("承办案件类型代字"), default=list, blank=True,
                                       help_text=_("如 民初、民特；为空表示不限"))
    cause_names = models.JSONField(_("专业化审理案由"), default=list, blank=True, help_text=_("为空表示不限"))
    in_rotation = models.BooleanField(_("参加随机分案"), default=True)

    class Meta:
        verbose_name = _("法官分案资格")
        verbose_name_plural = _("法官分案资格")


class DeclaredRelation(models.Model):
    """法官申报的近亲属及利害关系人 (民事诉讼法 第四十七条 回避)."""

    judge = models.ForeignKey(User, verbose_name=_("法官"), on_delete=models.CASCADE, related_name="declared_relations")
    name = models.CharField(_("姓名/名称"), max_length=200)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    relation = models.CharField(_("关系"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("申报的利害关系")
        verbose_name_plural = _("申报的利害关系")


class Assignment(models.Model):
    """一次分案：随机（候选名单、随机种子）或指定（理由、庭长审批）."""

    class Method(models.TextChoices):
        RANDOM = "random", _("随机分案")
        MANUAL = "manual", _("指定分案")

    class Status(models.TextChoices):
        PENDING = "pending", _("待审批")
        DONE = "done", _("已分案")
        REJECTED = "rejected", _("未批准")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="assignments")
    method = models.CharField(_("分案方式"), max_length=10, choices=Method.choices)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices)
    judge = models.ForeignKey(User, verbose_name=_("承办法官"), on_delete=models.PROTECT, related_name="+")
    candidates = models.JSONField(_("候选人"), default=list, blank=True)
    excluded = models.JSONField(_("回避或不符合条件"), default=list, blank=True)
    seed = models.CharField(_("随机种子"), max_length=64, blank=True)
    reason = models.CharField(_("理由"), max_length=300, blank=True)
    requested_by = models.ForeignKey(User, verbose_name=_("申请人"), on_delete=models.PROTECT, related_name="+")
    approved_by = models.ForeignKey(User, verbose_name=_("审批人"), null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    decision_note = models.CharField(_("审批意见"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("分案记录")
        verbose_name_plural = _("分案记录")
        ordering = ["-created_at"]
        # one request awaiting the division head per case (the service checks first, under the case lock)
        constraints = [models.UniqueConstraint(fields=["case"], condition=models.Q(status="pending"),
                                               name="uniq_pending_assignment")]


class Assessor(models.Model):
    """人民陪审员 pool of a court (人民陪审员法 第十九条 随机抽取)."""

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT, related_name="assessors")
    name = models.CharField(_("姓名"), max_length=100)
    id_number = models.CharField(_("身份证件号码"), max_length=40, blank=True)
    active = models.BooleanField(_("在任"), default=True)

    class Meta:
        verbose_name = _("人民陪审员")
        verbose_name_plural = _("人民陪审员")

    def __str__(self):
        return self.name


class PanelMember(models.Model):
    """审判组织成员. Inactive rows are the history of panel changes."""

    class Role(models.TextChoices):
        SOLE = "sole", _("独任审判员")
        PRESIDING = "presiding", _("审判长")
        JUDGE = "judge", _("审判员")
        ASSESSOR = "assessor", _("人民陪审员")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="panel_members")
    role = models.CharField(_("职务"), max_length=10, choices=Role.choices)
    user = models.ForeignKey(User, verbose_name=_("法官"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    assessor = models.ForeignKey(Assessor, verbose_name=_("人民陪审员"), null=True, blank=True, on_delete=models.PROTECT)
    active = models.BooleanField(_("有效"), default=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("审判组织成员")
        verbose_name_plural = _("审判组织成员")

    @property
    def name(self) -> str:
        return self.user.display_name if self.user_id else self.assessor.name


class ExtensionRequest(models.Model):
    """延长审限申请 (延长审限规定 第一条: 届满 15 日前申请，5 日前决定)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审批")
        APPROVED = "approved", _("已批准")
        REJECTED = "rejected", _("未批准")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="extension_requests")
    months = models.PositiveSmallIntegerField(_("延长月数"), default=0)
    days = models.PositiveSmallIntegerField(_("延长日数"), default=0)
    reason = models.CharField(_("理由"), max_length=300)
    approver_role = models.CharField(_("批准机关"), max_length=30)
    limit_end = models.DateField(_("申请时审限届满日"))
    apply_by = models.DateField(_("应申请日"))
    decide_by = models.DateField(_("应决定日"))
    late = models.BooleanField(_("逾期申请"), default=False)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(User, verbose_name=_("申请人"), on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(User, verbose_name=_("决定人"), null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    higher_court_ref = models.CharField(_("上级法院批准文号"), max_length=100, blank=True)
    decision_note = models.CharField(_("审批意见"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("延长审限申请")
        verbose_name_plural = _("延长审限申请")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["case"], condition=models.Q(status="pending"),
                                               name="uniq_pending_extension")]


class AppealWindow(models.Model):
    """一方当事人对一份裁判文书的上诉期 (从该当事人的送达日起算)."""

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="appeal_windows")
    party = models.ForeignKey("cases.Party", verbose_name=_("当事人"), on_delete=models.CASCADE, related_name="+")
    document_kind = models.CharField(_("文书种类"), max_length=20)
    served_on = models.DateField(_("送达日期"))
    ends_on = models.DateField(_("上诉期届满日"), null=True, blank=True)
    # the end falls in a year whose holiday notice is not loaded: recomputed when it is (民事诉讼法 第八十五条第三款)
    provisional = models.BooleanField(_("暂定"), default=False)
    basis = models.CharField(_("依据"), max_length=400)

    class Meta:
        verbose_name = _("上诉期")
        verbose_name_plural = _("上诉期")
        constraints = [models.UniqueConstraint(fields=["case", "party", "document_kind"], name="uniq_appeal_window")]


class Appeal(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("一审案件"), on_delete=models.CASCADE, related_name="appeals")
    party = models.ForeignKey("cases.Party", verbose_name=_("上诉人"), on_delete=models.PROTECT, related_name="+")
    filed_on = models.DateField(_("上诉日期"))
    # 邮寄提交的交邮日期: posted before the period ends is in time (民事诉讼法 第八十五条第四款)
    posted_on = models.DateField(_("交邮日期"), null=True, blank=True)
    in_time = models.BooleanField(_("在上诉期内"), default=True)
    recorded_by = models.ForeignKey(User, verbose_name=_("登记人"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("上诉")
        verbose_name_plural = _("上诉")


class TransferPackage(models.Model):
    """上诉案件移送包: what goes to the intermediate court (the court's parent)."""

    case = models.OneToOneField("cases.Case", verbose_name=_("一审案件"), on_delete=models.CASCADE, related_name="transfer")
    to_court = models.ForeignKey("courts.Court", verbose_name=_("移送法院"), null=True, on_delete=models.PROTECT)
    manifest = models.JSONField(_("移送清单"), default=dict)
    created_by = models.ForeignKey(User, verbose_name=_("制作人"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    second_case = models.ForeignKey("cases.Case", verbose_name=_("二审案件"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("上诉移送")
        verbose_name_plural = _("上诉移送")


class Pronouncement(models.Model):
    """宣判（宣告）: the day the judgment or ruling was pronounced; the case closes on it
    (民诉解释 第二百四十三条; 审限规定 第十条)."""

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="pronouncements")
    document_kind = models.CharField(_("文书种类"), max_length=20)
    pronounced_on = models.DateField(_("宣判日期"))
    in_court = models.BooleanField(_("当庭宣判"), default=False)
    recorded_by = models.ForeignKey(User, verbose_name=_("记录人"), on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("宣判")
        verbose_name_plural = _("宣判")
        ordering = ["-pronounced_on", "-id"]


class LateApplication(models.Model):
    """申请顺延期限: a party who missed a period for a force-majeure or other legitimate reason applies
    within 10 days after the obstacle ended; the court decides (民事诉讼法 第八十六条)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待决定")
        GRANTED = "granted", _("准许")
        REFUSED = "refused", _("不准许")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="late_applications")
    party = models.ForeignKey("cases.Party", verbose_name=_("申请人"), on_delete=models.PROTECT, related_name="+")
    period = models.CharField(_("耽误的期限"), max_length=100)
    reason = models.CharField(_("耽误的事由"), max_length=500)
    obstacle_ended_on = models.DateField(_("障碍消除日期"))
    applied_on = models.DateField(_("申请日期"))
    apply_by = models.DateField(_("申请期限届满日"))
    in_time = models.BooleanField(_("在十日内申请"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    new_end = models.DateField(_("顺延至"), null=True, blank=True)
    note = models.CharField(_("决定理由"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(User, verbose_name=_("登记人"), on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(User, verbose_name=_("决定人"), null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("顺延期限申请")
        verbose_name_plural = _("顺延期限申请")
        ordering = ["-created_at", "-id"]


class Closing(models.Model):
    """结案记录: method, the decision document (for appeal windows) and the checks passed."""

    case = models.OneToOneField("cases.Case", verbose_name=_("案件"), on_delete=models.CASCADE, related_name="closing")
    method = models.CharField(_("结案方式"), max_length=20)
    document_kind = models.CharField(_("裁判文书种类"), max_length=20, blank=True)
    closed_on = models.DateField(_("结案日期"))
    checks = models.JSONField(_("结案检查"), default=list)
    closed_by = models.ForeignKey(User, verbose_name=_("结案人"), on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("结案")
        verbose_name_plural = _("结案")
