from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# 《最高人民法院关于执行款物管理工作的规定》: 执行款专项管理、一案一账、专款专付
MONEY_BASIS = "《最高人民法院关于执行款物管理工作的规定》"


def _received_summary(p):
    from django.utils.translation import gettext

    return gettext("到账 %(amount)s 元，交款人 %(payer)s") % {"amount": p.get("amount", ""), "payer": p.get("payer", "")}


def _paid_out_summary(p):
    from django.utils.translation import gettext

    return gettext("发放 %(amount)s 元，领款人 %(party)s") % {"amount": p.get("amount", ""), "party": p.get("party", "")}


def _reversed_summary(p):
    from django.utils.translation import gettext

    what = gettext("到账") if p.get("reversed_kind") == "receipt" else gettext("发放")
    return gettext("冲正%(what)s %(amount)s 元；理由：%(reason)s") % {
        "what": what, "amount": p.get("amount", ""), "reason": p.get("reason", "")}


# 失信规定（法释〔2017〕7号）
DISHONEST_BASIS = "失信规定 第一条至第五条"
DELETION_BASIS = "失信规定 第十条"


def _listed_summary(p):
    from django.utils.translation import gettext

    if p.get("years"):
        return gettext("%(party)s纳入失信被执行人名单，期限 %(years)s 年，至 %(ends_on)s") % {
            "party": p.get("party", ""), "years": p.get("years"), "ends_on": p.get("ends_on", "")}
    return gettext("%(party)s纳入失信被执行人名单，至删除事由出现") % {"party": p.get("party", "")}


def _deleted_summary(p):
    from django.utils.translation import gettext

    return gettext("删除%(party)s的失信信息；依据：%(basis)s") % {"party": p.get("party", ""), "basis": p.get("basis", "")}


class EnforcementConfig(AppConfig):
    name = "xiezhi.enforcement"
    verbose_name = _("执行")

    def ready(self):
        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel

        from .panels import case_panel

        register_event_types({
            "money_received": EventType(_("执行款到账"), basis=MONEY_BASIS),
            "money_paid_out": EventType(_("执行款发放"), basis=MONEY_BASIS),
            "money_reversed": EventType(_("执行款冲正"), basis=MONEY_BASIS),
            "dishonest_listed": EventType(_("纳入失信被执行人名单"), basis=DISHONEST_BASIS),
            "dishonest_deleted": EventType(_("删除失信信息"), basis=DELETION_BASIS),
        }, summaries={
            "dishonest_listed": _listed_summary,
            "dishonest_deleted": _deleted_summary,
            "money_received": _received_summary,
            "money_paid_out": _paid_out_summary,
            "money_reversed": _reversed_summary,
        })
        register_panel("enforcement", 15, case_panel)
        from .views_credit import register_events; register_events()  # noqa: E702
        from .disposal import register_events; register_events()  # noqa: E702,I001
        from .views_disposal import case_panel as disposal_panel; register_panel("disposal", 16, disposal_panel)  # noqa: E702,I001,E501
        from .intake import register_events; register_events()  # noqa: E702
        from .views_intake import case_panel as intake_panel; register_panel("enforcement_intake", 14, intake_panel)  # noqa: E702,I001,E501
        from .linkage_events import register_events; register_events()  # noqa: E702
        from .views_parties import register_events; register_events()  # noqa: E702,I001
        from .views_closing import register_events; register_events()  # noqa: E702,I001
