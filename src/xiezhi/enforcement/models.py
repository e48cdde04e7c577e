"""执行: the money ledger of an enforcement case (执行款台账). An enforcement case is a
`cases.Case`; every yuan received and paid out is one `MoneyMovement` row and one timeline node
(《最高人民法院关于执行款物管理工作的规定》: 一案一账，专款专付). Rows are never changed or
deleted: a mistake is undone by a reversal (冲正) row, at most once per movement."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MoneyMovement(models.Model):
    class Kind(models.TextChoices):
        RECEIPT = "receipt", _("到账")
        PAYOUT = "payout", _("发放")
        REVERSAL = "reversal", _("冲正")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="money_movements", db_index=False)
    kind = models.CharField(_("款项类型"), max_length=10, choices=Kind.choices)
    amount = models.DecimalField(_("金额（元）"), max_digits=16, decimal_places=2)
    # a receipt: who paid (a party, or an outside payer by name); a payout: the party paid
    party = models.ForeignKey("cases.Party", verbose_name=_("当事人"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="money_movements")
    payer_name = models.CharField(_("交款人"), max_length=200, blank=True)
    reverses = models.OneToOneField("self", verbose_name=_("冲正的款项"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="reversal")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                              related_name="+")
    at = models.DateTimeField(_("时间"))
    note = models.CharField(_("备注"), max_length=500, blank=True)
    key = models.CharField(_("操作编号"), max_length=64)

    class Meta:
        verbose_name = _("执行款收付记录")
        verbose_name_plural = _("执行款收付记录")
        ordering = ["case", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="money_amount_positive"),
            models.UniqueConstraint(fields=["case", "key"], name="money_key_once_per_case"),
            # a reversal names the movement it undoes, and only a reversal does
            models.CheckConstraint(condition=Q(kind="reversal", reverses__isnull=False)
                                   | (~Q(kind="reversal") & Q(reverses__isnull=True)),
                                   name="money_reversal_names_its_movement"),
            models.CheckConstraint(condition=~Q(kind="payout") | Q(party__isnull=False),
                                   name="money_payout_to_a_party"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount}"


class DishonestEntry(models.Model):
    """失信被执行人名单上的一条信息 (失信规定, domain §6.1). One active entry per debtor per case
    (deleted_at is null); a deletion keeps the row with its reason, the deadline it had to meet
    (three working days, 失信规定 第十条) and when it was deleted."""

    class Term(models.TextChoices):
        UNTIL_DELETED = "until_deleted", _("至删除事由出现")
        FIXED = "fixed", _("有纳入期限")

    class Reason(models.TextChoices):
        EVENT_1 = "e1", _("已履行或已执行完毕")
        EVENT_2 = "e2", _("执行和解协议已履行完毕")
        EVENT_3 = "e3", _("申请执行人书面申请删除")
        EVENT_4 = "e4", _("终本后两次以上查询未发现财产")
        EVENT_5 = "e5", _("因审判监督或破产程序中止执行")
        EVENT_6 = "e6", _("裁定不予执行")
        EVENT_7 = "e7", _("裁定终结执行")
        EARLY = "early", _("积极履行或主动纠正，提前删除")
        TERM_ENDED = "term_ended", _("纳入期限届满")
        CORRECTED = "corrected", _("纠正申请理由成立")

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT,
                             related_name="dishonest_entries")
    party = models.ForeignKey("cases.Party", verbose_name=_("被执行人"), on_delete=models.PROTECT,
                              related_name="dishonest_entries")
    circumstances = models.JSONField(_("失信情形"), default=list)
    aggravating = models.BooleanField(_("情节严重"), default=False)
    on_application = models.BooleanField(_("依申请执行人申请纳入"), default=False)
    term = models.CharField(_("纳入期限类型"), max_length=20, choices=Term.choices)
    years = models.PositiveSmallIntegerField(_("纳入期限（年）"), null=True, blank=True)
    decided_on = models.DateField(_("纳入决定日期"))
    ends_on = models.DateField(_("纳入期限届满日"), null=True, blank=True)
    basis = models.JSONField(_("依据"), default=list)
    listed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                  related_name="+")
    listed_at = models.DateTimeField(_("纳入时间"))
    deletion_reason = models.CharField(_("删除事由"), max_length=20, choices=Reason.choices, blank=True)
    deletion_event_on = models.DateField(_("删除事由出现日期"), null=True, blank=True)
    deletion_due = models.DateField(_("应删除日期"), null=True, blank=True)
    deleted_on = models.DateField(_("删除日期"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("删除时间"), null=True, blank=True)
    deleted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("删除经办人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("失信被执行人名单信息")
        verbose_name_plural = _("失信被执行人名单信息")
        ordering = ["case", "id"]
        indexes = [models.Index(fields=["ends_on"], condition=Q(deleted_at__isnull=True, term="fixed"),
                                name="dishonest_active_fixed_end")]
        constraints = [
            models.UniqueConstraint(fields=["case", "party"], condition=Q(deleted_at__isnull=True),
                                    name="dishonest_one_active_per_debtor"),
            models.CheckConstraint(condition=Q(term="until_deleted", years__isnull=True, ends_on__isnull=True)
                                   | Q(term="fixed", years__isnull=False, ends_on__isnull=False),
                                   name="dishonest_term_has_years"),
            models.CheckConstraint(condition=Q(deleted_at__isnull=True, deletion_reason="")
                                   | (Q(deleted_at__isnull=False) & ~Q(deletion_reason="")),
                                   name="dishonest_deletion_has_reason"),
        ]

    def __str__(self):
        return f"{self.party_id} {self.get_term_display()}"
from .models_credit import *  # noqa: E402,F401,F403
from .models_disposal import *  # noqa: E402,F401,F403
from .models_intake import *  # noqa: E402,F401,F403
from .models_linkage import *  # noqa: E402,F401,F403
from .models_parties import *  # noqa: E402,F401,F403
from .models_closing import *  # noqa: E402,F401,F403
