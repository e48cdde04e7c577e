from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


ENTRUSTED_BASIS = "民事诉讼法 第一百二十五条；特邀调解规定 第十一条"
PERIOD_BASIS = "特邀调解规定 第二十七条；在线调解规则 第二十四条"
OUTCOME_BASIS = "特邀调解规定 第十九条、第二十一条、第二十六条"


def _started_summary(p):
    from django.utils.translation import gettext

    return gettext("委托调解员 %(name)s 调解") % {"name": p.get("mediator", "")}


def _accepted_summary(p):
    from django.utils.translation import gettext

    return gettext("调解期限 %(days)s 日，至 %(due)s") % {"days": p.get("days", ""), "due": p.get("due_on", "")}


def _extended_summary(p):
    from django.utils.translation import gettext

    return gettext("延长 %(days)s 日，至 %(due)s，延长期间不计入审理期限") % {
        "days": p.get("days", ""), "due": p.get("due_on", "")}


def _ended_summary(p):
    from django.utils.translation import gettext

    return {"agreement": gettext("达成调解协议"), "failed": gettext("调解不成，继续审理"),
            "withdrawn": gettext("撤回委托调解")}.get(p.get("outcome"), "")


class MediationConfig(AppConfig):
    name = "xiezhi.mediation"
    verbose_name = _("诉前调解")

    def ready(self):
        from django.db.models.signals import post_save

        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel
        from xiezhi.filing.selectors import register_queue_hold
        from xiezhi.filing.services import register_registration_hold

        from . import carry
        from .panels import case_panel
        from .selectors import open_mediation_hold, queue_holds

        register_registration_hold(open_mediation_hold)
        register_queue_hold(queue_holds)
        register_event_types(carry.EVENT_TYPES, summaries={carry.EVENT: carry.summary})
        post_save.connect(carry.on_filing_event, sender="filing.FilingEvent", dispatch_uid="mediation.carry_over")
        register_event_types({
            "entrusted_mediation_started": EventType(_("委托调解"), basis=ENTRUSTED_BASIS),
            "entrusted_mediation_accepted": EventType(_("调解员签收委托调解，调解期限起算"), basis=PERIOD_BASIS),
            "entrusted_mediation_extended": EventType(_("当事人同意延长委托调解期限"), basis=PERIOD_BASIS),
            "entrusted_mediation_ended": EventType(_("委托调解结束"), basis=OUTCOME_BASIS),
        }, summaries={
            "entrusted_mediation_started": _started_summary,
            "entrusted_mediation_accepted": _accepted_summary,
            "entrusted_mediation_extended": _extended_summary,
            "entrusted_mediation_ended": _ended_summary,
        })
        register_panel("entrusted_mediation", 15, case_panel)
