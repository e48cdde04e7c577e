"""委托调解: after a civil case is registered, the judge entrusts it — with the parties' consent — to an
invited mediator (特邀调解规定 第十一条). 15 days in ordinary, 7 in summary procedure from the mediator's
acceptance; an extension the parties agree to is not counted in the trial limit (第二十七条). The case's
own timeline carries every step (it is a Case, unlike a pre-suit mediation)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EntrustedState(models.TextChoices):
    ENTRUSTED = "entrusted", _("已委托，待调解员签收")
    ACCEPTED = "accepted", _("调解中")
    AGREEMENT = "agreement", _("达成调解协议")
    FAILED = "failed", _("调解不成")
    WITHDRAWN = "withdrawn", _("撤回委托")


ENTRUSTED_OPEN = (EntrustedState.ENTRUSTED, EntrustedState.ACCEPTED)


class EntrustedMediation(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="entrusted_mediations")
    mediator = models.ForeignKey("mediation.Mediator", verbose_name=_("调解员"), on_delete=models.PROTECT,
                                 related_name="entrusted_mediations")
    # law.mediation PERIOD_DAYS: "ordinary" 15 days, "summary" 7 days (small claims are a summary procedure)
    procedure = models.CharField(_("审理程序"), max_length=10)
    consent_note = models.CharField(_("当事人同意委托调解的情况"), max_length=300)
    state = models.CharField(_("状态"), max_length=10, choices=EntrustedState.choices,
                             default=EntrustedState.ENTRUSTED)
    entrusted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("委托人"), on_delete=models.PROTECT,
                                     related_name="+")
    entrusted_at = models.DateTimeField(_("委托时间"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("调解员签收时间"), null=True, blank=True)
    base_end = models.DateField(_("法定调解期限届满日"), null=True, blank=True)
    due_on = models.DateField(_("调解期限届满日"), null=True, blank=True)
    extension_days = models.PositiveIntegerField(_("同意延长天数"), default=0)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    result_note = models.TextField(_("调解结果"), blank=True)

    class Meta:
        verbose_name = _("委托调解")
        verbose_name_plural = _("委托调解")
        constraints = [
            # one open entrusted mediation per case: a second click is the same one
            models.UniqueConstraint(fields=["case"],
                                    condition=models.Q(state__in=[s.value for s in ENTRUSTED_OPEN]),
                                    name="uniq_open_entrusted_per_case"),
        ]
        indexes = [models.Index(fields=["mediator", "state"])]

    def __str__(self):
        return f"{self.case.number} 委托调解"

    @property
    def is_open(self) -> bool:
        return self.state in ENTRUSTED_OPEN
