"""The case core: Case, its parties, and its timeline (CaseEvent).

Every change to a case goes through xiezhi.cases.services, which appends an immutable
CaseEvent. Case.status, Case.limit_end and Case.deadline_state are a snapshot derived from
the events (recomputed by services.refresh_snapshot) so that lists can filter and sort on
them without replaying every timeline."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    REGISTERED = "registered", _("已立案")
    IN_TRIAL = "in_trial", _("审理中")
    SUSPENDED = "suspended", _("中止")
    CLOSED = "closed", _("已结案")
    ARCHIVED = "archived", _("已归档")


class DeadlineState(models.TextChoices):
    OK = "ok", _("正常")
    NEAR = "near", _("临近审限")
    OVERDUE = "overdue", _("超审限")
    STOPPED = "stopped", _("不计审限")
    UNLIMITED = "unlimited", _("不受审限限制")  # 民事诉讼法 第二百八十七条: foreign-related civil cases


class NumberCounter(models.Model):
    """案号序号计数器 (案号规定 第九条、第十条): one row per (court, year, 专门审判代字, 类型代字)."""

    court_code = models.CharField(max_length=20)
    year = models.PositiveIntegerField()
    special_code = models.CharField(max_length=4, blank=True, default="")
    type_code = models.CharField(max_length=8)
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["court_code", "year", "special_code", "type_code"],
                                               name="uniq_number_sequence")]


class Counter(models.Model):
    """A consecutive number per (scope, key): archive serials, document and template versions
    (xiezhi.cases.counters.next_value). The key joins its parts with "|"."""

    scope = models.CharField(max_length=30)
    key = models.CharField(max_length=200)
    last_value = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="uniq_counter")]


class Case(models.Model):
    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), db_index=False, on_delete=models.PROTECT, related_name="cases")
    case_type = models.ForeignKey("courts.CaseType", verbose_name=_("案件类型"), db_index=False, on_delete=models.PROTECT)
    number = models.CharField(_("案号"), max_length=60, unique=True)
    year = models.PositiveIntegerField(_("收案年度"))
    serial = models.PositiveIntegerField(_("案件编号"))
    cause = models.ForeignKey("courts.Cause", verbose_name=_("案由"), null=True, blank=True, db_index=False, on_delete=models.PROTECT)
    cause_version = models.CharField(_("案由版本"), max_length=10, blank=True)
    procedure = models.ForeignKey("courts.Procedure", verbose_name=_("审理程序"), null=True, blank=True,
                                  db_index=False, on_delete=models.PROTECT)
    division = models.ForeignKey("courts.Division", verbose_name=_("承办部门"), null=True, blank=True,
                                 db_index=False, on_delete=models.PROTECT)
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("承办法官"), null=True, blank=True,
                              db_index=False, on_delete=models.PROTECT, related_name="judged_cases")
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("审判团队"), blank=True,
                                  related_name="team_cases")
    title = models.CharField(_("案件名称"), max_length=300, blank=True)
    amount = models.DecimalField(_("诉讼标的额"), max_digits=16, decimal_places=2, null=True, blank=True)
    claims = models.TextField(_("诉讼请求"), blank=True)
    facts = models.TextField(_("事实与理由"), blank=True)
    filed_on = models.DateField(_("立案日期"))
    closed_on = models.DateField(_("结案日期"), null=True, blank=True)
    # snapshot derived from the timeline
    status = models.CharField(_("案件状态"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.REGISTERED)
    limit_end = models.DateField(_("审限届满日"), null=True, blank=True)
    deadline_state = models.CharField(_("审限状态"), max_length=10, choices=DeadlineState.choices,
                                      default=DeadlineState.OK)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    version = models.PositiveIntegerField(_("版本"), default=0)

    class Meta:
        verbose_name = _("案件")
        verbose_name_plural = _("案件")
        # Few indexes on purpose: every registration writes them all (bench/README.md).
        indexes = [
            models.Index(fields=["court", "status", "-filed_on"]),
            models.Index(fields=["judge", "status", "limit_end"]),
            models.Index(fields=["court", "-filed_on"]),
            models.Index(fields=["deadline_state", "limit_end"]),
        ]

    def __str__(self):
        return self.number


class CaseLink(models.Model):
    class Kind(models.TextChoices):
        APPEAL = "appeal", _("上诉")
        RETRIAL = "retrial", _("再审")
        ENFORCEMENT = "enforcement", _("执行")
        RELATED = "related", _("关联")

    from_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_out")
    to_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(_("关联类型"), max_length=20, choices=Kind.choices)

    class Meta:
        verbose_name = _("关联案件")
        verbose_name_plural = _("关联案件")
        unique_together = [("from_case", "to_case", "kind")]


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", _("原告")
    DEFENDANT = "defendant", _("被告")
    THIRD_PARTY = "third_party", _("第三人")
    APPELLANT = "appellant", _("上诉人")
    APPELLEE = "appellee", _("被上诉人")
    APPLICANT = "applicant", _("申请人")
    RESPONDENT = "respondent", _("被申请人")
    ENFORCEMENT_APPLICANT = "enf_applicant", _("申请执行人")
    JUDGMENT_DEBTOR = "judgment_debtor", _("被执行人")
    ACCUSED = "accused", _("被告人")
    VICTIM = "victim", _("被害人")
    LEGAL_REPRESENTATIVE = "legal_rep", _("法定代理人")
    AGENT = "agent", _("委托诉讼代理人")
    DEFENDER = "defender", _("辩护人")
    WITNESS = "witness", _("证人")


# roles that are parties to the case rather than participants acting for or around them
PARTY_ROLES = {"plaintiff", "defendant", "third_party", "appellant", "appellee", "applicant", "respondent",
               "enf_applicant", "judgment_debtor", "accused", "victim"}


class PartyKind(models.TextChoices):
    NATURAL = "natural", _("自然人")
    LEGAL = "legal", _("法人")
    ORGANISATION = "organisation", _("非法人组织")


class Domicile(models.TextChoices):
    """住所所在地区: decides the appeal period (民事诉讼法 第二百八十六条; 民诉解释 第五百三十六条、第五百四十九条)."""

    MAINLAND = "mainland", _("境内（内地）")
    HMT = "hk_macao_taiwan", _("港澳台")
    ABROAD = "abroad", _("境外")


class Party(models.Model):
    case = models.ForeignKey(Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("诉讼地位"), max_length=20, choices=PartyRole.choices)
    kind = models.CharField(_("当事人类型"), max_length=20, choices=PartyKind.choices, default=PartyKind.NATURAL)
    name = models.CharField(_("姓名/名称"), max_length=200)
    id_type = models.CharField(_("证件类型"), max_length=20, blank=True)
    id_number = models.CharField(_("证件号码"), max_length=40, blank=True)
    is_minor = models.BooleanField(_("未成年人"), default=False)
    gender = models.CharField(_("性别"), max_length=4, blank=True)
    ethnicity = models.CharField(_("民族"), max_length=20, blank=True)
    nationality = models.CharField(_("国籍"), max_length=40, blank=True, default="中国")
    address = models.CharField(_("住所地"), max_length=300, blank=True)
    domicile = models.CharField(_("住所所在地区"), max_length=20, choices=Domicile.choices, default=Domicile.MAINLAND)
    service_address = models.CharField(_("送达地址"), max_length=300, blank=True)
    phone = models.CharField(_("联系电话"), max_length=30, blank=True)
    legal_representative = models.CharField(_("法定代表人/负责人"), max_length=100, blank=True)
    # 职务 of the 法定代表人/主要负责人 (该公司执行董事), and a natural person's 工作单位和职务或者职业:
    # the party listing of every 2016 form prints them (民事裁判文书制作规范 三、(二))
    representative_title = models.CharField(_("法定代表人/负责人职务"), max_length=100, blank=True)
    occupation = models.CharField(_("工作单位和职务或者职业"), max_length=200, blank=True)
    represents = models.ForeignKey("self", verbose_name=_("代理/代表对象"), null=True, blank=True,
                                   db_index=False, on_delete=models.CASCADE, related_name="representatives")
    lawyer_licence = models.CharField(_("律师执业证号"), max_length=32, blank=True)
    law_firm = models.CharField(_("律师事务所"), max_length=200, blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("诉讼服务账户"), null=True, blank=True,
                             db_index=False, on_delete=models.SET_NULL, related_name="case_parties")
    left_case_at = models.DateTimeField(_("退出诉讼时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("当事人及诉讼参与人")
        verbose_name_plural = _("当事人及诉讼参与人")
        # no index on name: party search is a substring match inside the user's court
        indexes = [models.Index(fields=["user", "case"])]

    def __str__(self):
        return f"{self.get_role_display()} {self.name}"

    @property
    def is_party(self) -> bool:
        return self.role in PARTY_ROLES


class CaseEvent(models.Model):
    """流程节点: append-only. `code` keys xiezhi.cases.events.EVENT_TYPES."""

    case = models.ForeignKey(Case, verbose_name=_("案件"), db_index=False, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveIntegerField(_("序号"))
    code = models.CharField(_("节点代码"), max_length=40)
    at = models.DateTimeField(_("时间"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True,
                              db_index=False, on_delete=models.PROTECT)
    payload = models.JSONField(_("内容"), default=dict, blank=True)
    public_to_parties = models.BooleanField(_("向当事人公开"), default=True)

    class Meta:
        verbose_name = _("流程节点")
        verbose_name_plural = _("流程节点")
        ordering = ["case", "seq"]
        constraints = [models.UniqueConstraint(fields=["case", "seq"], name="uniq_event_seq")]

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("CaseEvent is append-only")
        super().save(*args, **kwargs)


class Notification(models.Model):
    """站内消息: what the platform pushed to a user (流程公开规定 第三条第二款)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE)
    filing = models.ForeignKey("filing.FilingApplication", null=True, blank=True, on_delete=models.CASCADE)
    text = models.CharField(_("内容"), max_length=500)
    kind = models.CharField(max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("消息")
        verbose_name_plural = _("消息")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]
        constraints = [models.UniqueConstraint(fields=["user", "case", "kind"], condition=models.Q(kind__startswith="deadline"),
                                               name="uniq_deadline_notice")]
