"""Accounts. Staff (法院工作人员) and public users (当事人、律师) are separate kinds of
account: a public account can never be given a staff role, and the staff site refuses
public accounts (design.md principle 10)."""
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FILING_JUDGE = "filing_judge", _("立案法官")
    JUDGE = "judge", _("审判员")
    ASSISTANT = "assistant", _("法官助理")
    CLERK = "clerk", _("书记员")
    ENFORCEMENT = "enforcement", _("执行员")
    MEDIATOR = "mediator", _("调解员")
    DIVISION_HEAD = "division_head", _("庭长")
    PRESIDENT = "president", _("院长")
    TRIAL_MANAGEMENT = "trial_management", _("审管办")
    ADMIN = "sysadmin", _("系统管理员")


class User(AbstractUser):
    class Kind(models.TextChoices):
        STAFF = "staff", _("法院工作人员")
        PUBLIC = "public", _("当事人/律师")

    kind = models.CharField(_("账户类型"), max_length=10, choices=Kind.choices, default=Kind.PUBLIC)
    real_name = models.CharField(_("姓名"), max_length=100, blank=True)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True, db_index=True)
    # staff
    court = models.ForeignKey("courts.Court", verbose_name=_("所属法院"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="staff")
    division = models.ForeignKey("courts.Division", verbose_name=_("所属部门"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="staff")
    roles = models.JSONField(_("角色"), default=list, blank=True)
    # public
    id_number = models.CharField(_("身份证件号码"), max_length=32, blank=True)
    verified_at = models.DateTimeField(_("实名认证时间"), null=True, blank=True)
    is_lawyer = models.BooleanField(_("律师"), default=False)
    lawyer_licence = models.CharField(_("律师执业证号"), max_length=32, blank=True)
    law_firm = models.CharField(_("律师事务所"), max_length=200, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        constraints = [
            models.UniqueConstraint(fields=["phone"], condition=models.Q(kind="public"),
                                    name="uniq_public_phone"),
        ]

    @property
    def is_court_staff(self) -> bool:
        return self.is_active and self.kind == self.Kind.STAFF

    @property
    def is_public_user(self) -> bool:
        return self.is_active and self.kind == self.Kind.PUBLIC

    def has_role(self, *roles: str) -> bool:
        return self.is_court_staff and any(r in self.roles for r in roles)

    def staff_landing(self) -> str:
        """The URL name a member of staff lands on after signing in. The 执行局 works by stage
        (分段集约): its head lands on the 执行局工作台, its officers on their cases by stage; everybody
        else on the workbench (which stays one click away for them too)."""
        if self.division_id and self.division.kind == "enforcement":
            if self.has_role("division_head"):
                return "enforcement:board"
            if self.has_role("enforcement"):
                return "enforcement:mine"
        # an invited mediator (特邀调解员) works on their pre-suit mediations, not on cases
        if self.roles == ["mediator"]:
            return "mediation:mine"
        return "cases:workbench"

    @property
    def display_name(self) -> str:
        return self.real_name or self.username

    def role_labels(self) -> list[str]:
        return [str(Role(r).label) for r in self.roles if r in Role.values]


class PhoneCode(models.Model):
    """A one-time SMS code that proves a registrant holds the phone number (security review F9).
    Only its hash is stored; it lives CODE_LIFETIME, allows MAX_ATTEMPTS wrong tries and is used once."""

    phone = models.CharField(_("手机号码"), max_length=20, db_index=True)
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("短信验证码")
        verbose_name_plural = _("短信验证码")
        indexes = [models.Index(fields=["phone", "-created_at"])]
