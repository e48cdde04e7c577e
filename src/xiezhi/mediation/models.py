"""特邀调解 and 诉前调解 (委派调解): the court's roster of invited mediation organisations and mediators,
the causes it sends to pre-suit mediation, and the pre-suit mediations themselves (民诉前调).

A pre-suit mediation is not a Case: it has its own timeline (MediationEvent). Its filing stays the
same FilingApplication, so when mediation fails the clerk registers it with everything the party typed
(特邀调解规定 第二十一条)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MediationOrganisation(models.Model):
    """An organisation enrolled on the court's 特邀调解 roster (特邀调解规定 第五条)."""

    class Kind(models.TextChoices):
        PEOPLES = "peoples", _("人民调解委员会")
        INDUSTRY = "industry", _("行业调解组织")
        LAWYER = "lawyer", _("律师调解工作室")
        OTHER = "other", _("其他调解组织")

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT,
                              related_name="mediation_organisations")
    name = models.CharField(_("名称"), max_length=200)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    active = models.BooleanField(_("在册"), default=True)

    class Meta:
        verbose_name = _("特邀调解组织")
        verbose_name_plural = _("特邀调解组织")
        constraints = [models.UniqueConstraint(fields=["court", "name"], name="uniq_mediation_org_name")]

    def __str__(self):
        return self.name


class Mediator(models.Model):
    """A mediator on the roster: a staff account with the role `mediator`, in an organisation or on
    their own (特邀调解规定 第五条、第六条)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("账户"), on_delete=models.PROTECT,
                                related_name="mediator_profile")
    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT,
                              related_name="mediators")
    organisation = models.ForeignKey(MediationOrganisation, verbose_name=_("所属调解组织"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="mediators")
    specialities = models.ManyToManyField("courts.Cause", verbose_name=_("擅长案由"), blank=True)
    active = models.BooleanField(_("在册"), default=True)
    enrolled_on = models.DateField(_("入册日期"))

    class Meta:
        verbose_name = _("特邀调解员")
        verbose_name_plural = _("特邀调解员")

    def __str__(self):
        return self.user.display_name


class SuitableCauseList(models.Model):
    """The causes this court sends to pre-suit mediation first (民事诉讼法 第一百二十五条: "适宜调解的"),
    as versioned court data: the list in force on a day is the latest valid_from on or before it."""

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT,
                              related_name="suitable_cause_lists")
    version = models.CharField(_("版本"), max_length=40)
    valid_from = models.DateField(_("施行日期"))
    causes = models.ManyToManyField("courts.Cause", verbose_name=_("适宜诉前调解的案由"), blank=True)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("适宜诉前调解案由清单")
        verbose_name_plural = _("适宜诉前调解案由清单")
        constraints = [models.UniqueConstraint(fields=["court", "version"], name="uniq_suitable_list_version")]

    def __str__(self):
        return f"{self.version}（{self.valid_from}）"


class MediationState(models.TextChoices):
    OFFERED = "offered", _("已建议诉前调解")
    CONSENTED = "consented", _("当事人同意调解")
    REFUSED = "refused", _("当事人不同意调解")
    ASSIGNED = "assigned", _("已委派调解员")
    ACCEPTED = "accepted", _("调解中")
    AGREEMENT = "agreement", _("调解成功")
    FAILED = "failed", _("调解不成")
    WITHDRAWN = "withdrawn", _("撤回调解")


OPEN_STATES = (MediationState.OFFERED, MediationState.CONSENTED, MediationState.ASSIGNED, MediationState.ACCEPTED)


class PreSuitMediation(models.Model):
    """One 民诉前调 matter, made from a filing the court offered pre-suit mediation."""

    court = models.ForeignKey("courts.Court", verbose_name=_("法院"), on_delete=models.PROTECT,
                              related_name="pre_suit_mediations")
    filing = models.ForeignKey("filing.FilingApplication", verbose_name=_("立案申请"), on_delete=models.PROTECT,
                               related_name="pre_suit_mediations")
    number = models.CharField(_("案号"), max_length=60, blank=True)
    year = models.PositiveIntegerField(_("年度"))
    serial = models.PositiveIntegerField(_("序号"), default=0)
    title = models.CharField(_("案件名称"), max_length=300)
    cause = models.ForeignKey("courts.Cause", verbose_name=_("案由"), null=True, blank=True, on_delete=models.PROTECT)
    parties = models.JSONField(_("当事人"), default=list, blank=True)
    state = models.CharField(_("状态"), max_length=10, choices=MediationState.choices, default=MediationState.OFFERED)
    mediator = models.ForeignKey(Mediator, verbose_name=_("调解员"), null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="mediations")
    chosen_by_parties = models.BooleanField(_("当事人选定"), default=False)
    offered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("建议人"), on_delete=models.PROTECT,
                                   related_name="+")
    offered_at = models.DateTimeField(_("建议时间"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("调解员签收时间"), null=True, blank=True)
    due_on = models.DateField(_("调解期限届满日"), null=True, blank=True)
    extension_days = models.PositiveIntegerField(_("延长天数"), default=0)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    result_note = models.TextField(_("调解结果"), blank=True)

    class Meta:
        verbose_name = _("诉前调解")
        verbose_name_plural = _("诉前调解")
        constraints = [
            # one open mediation per filing: a second offer (a double click) is refused
            models.UniqueConstraint(fields=["filing"], condition=models.Q(state__in=[s.value for s in OPEN_STATES]),
                                    name="uniq_open_mediation_per_filing"),
            models.UniqueConstraint(fields=["court", "year", "serial"], condition=models.Q(serial__gt=0),
                                    name="uniq_mediation_serial"),
        ]
        indexes = [models.Index(fields=["court", "state"]), models.Index(fields=["mediator", "state"])]

    def __str__(self):
        return self.number or self.title

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class MediationEvent(models.Model):
    """The mediation's own timeline (it is not a Case, so CaseEvent does not hold it)."""

    LABELS = {
        "offered": _("建议诉前调解"), "consented": _("当事人同意调解"), "refused": _("当事人不同意调解"),
        "assigned": _("委派调解员"), "accepted": _("调解员签收，调解期限起算"), "extended": _("延长调解期限"),
        "agreement": _("达成调解协议"), "failed": _("调解不成，退回立案"), "withdrawn": _("撤回调解"),
        "note": _("留言"),
        "session": _("安排调解会议"), "document": _("提交调解材料"), "proposal": _("提出调解方案"),
        "answered": _("当事人答复调解方案"), "proposal_agreed": _("各方当事人同意调解方案"),
    }

    mediation = models.ForeignKey(PreSuitMediation, on_delete=models.CASCADE, related_name="events")
    code = models.CharField(max_length=20)
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    payload = models.JSONField(default=dict, blank=True)
    key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["at", "id"]
        constraints = [models.UniqueConstraint(fields=["mediation", "key"], condition=~models.Q(key=""),
                                               name="uniq_mediation_event_key")]

    @property
    def label(self):
        return self.LABELS.get(self.code, self.code)


# ---------------------------------------------------------------- the online room (调解室)
# Participants of a mediation are named by keys: "mediator", and "party-<i>" for the i-th entry of
# PreSuitMediation.parties (the filing's parties are typed-in names, not accounts: see portal.party_keys).
MEDIATOR_KEY = "mediator"


class MediationSession(models.Model):
    """One mediation session the mediator schedules: online (a video room, one link per participant)
    or in person at a place."""

    mediation = models.ForeignKey(PreSuitMediation, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("调解时间"))
    online = models.BooleanField(_("在线调解"), default=True)
    place = models.CharField(_("调解地点"), max_length=200, blank=True)
    room_id = models.CharField(_("视频会议室"), max_length=100, blank=True)
    links = models.JSONField(_("参加人链接"), default=dict, blank=True)  # participant key -> URL
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("调解会议")
        verbose_name_plural = _("调解会议")
        ordering = ["starts_at", "id"]
        constraints = [models.UniqueConstraint(fields=["mediation", "key"], condition=~models.Q(key=""),
                                               name="uniq_mediation_session_key")]


class MediationDocument(models.Model):
    """A paper shared in the room. Visible to both sides unless private to the mediator; a concession
    (为达成调解协议作出的让步) never becomes evidence in the later trial (特邀调解规定 第二十二条)."""

    mediation = models.ForeignKey(PreSuitMediation, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("材料名称"), max_length=200)
    file = models.FileField(_("文件"), upload_to="mediation/%Y/%m/")
    original_name = models.CharField(_("原文件名"), max_length=255)
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    pages = models.PositiveIntegerField(_("页数"), null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    by_mediator = models.BooleanField(_("调解员提交"), default=False)
    private = models.BooleanField(_("仅调解员可见"), default=False)
    concession = models.BooleanField(_("为达成调解协议作出的让步"), default=False)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("调解材料")
        verbose_name_plural = _("调解材料")
        ordering = ["uploaded_at", "id"]
        # the same file twice (a retry, a double click) is one document
        constraints = [models.UniqueConstraint(fields=["mediation", "sha256"], name="uniq_mediation_document")]


class ProposalState(models.TextChoices):
    OPEN = "open", _("待当事人答复")
    AGREED = "agreed", _("各方当事人均已同意")
    REJECTED = "rejected", _("有当事人不同意")
    RECORDED = "recorded", _("已据此记录调解协议")


class MediationProposal(models.Model):
    """Terms put in the room by the mediator or a party; each party answers; when all accept, the
    mediator records the agreement from it (record_agreement with its text)."""

    mediation = models.ForeignKey(PreSuitMediation, on_delete=models.CASCADE, related_name="proposals")
    text = models.TextField(_("调解方案"))
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    by_mediator = models.BooleanField(_("调解员提出"), default=False)
    state = models.CharField(_("状态"), max_length=10, choices=ProposalState.choices, default=ProposalState.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("调解方案")
        verbose_name_plural = _("调解方案")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["mediation", "key"], condition=~models.Q(key=""),
                                               name="uniq_mediation_proposal_key")]


class ProposalAnswer(models.Model):
    """One party's answer to a proposal: once per party (the constraint is the backstop of the row lock)."""

    proposal = models.ForeignKey(MediationProposal, on_delete=models.CASCADE, related_name="answers")
    party_key = models.CharField(max_length=20)
    accepted = models.BooleanField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "party_key"], name="uniq_proposal_answer")]


from .models_entrusted import ENTRUSTED_OPEN, EntrustedMediation, EntrustedState  # noqa: E402,F401  (委托调解)
