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
