from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _panel_summary(p):
    from django.utils.translation import gettext

    members = gettext("、").join(f"{m.get('role_label', '')} {m.get('name', '')}" for m in p.get("members", []))
    if p.get("reason"):
        return gettext("%(members)s；理由：%(reason)s") % {"members": members, "reason": p["reason"]}
    return members


def _window_summary(p):
    from django.utils.translation import gettext

    values = {"party": p.get("party", ""), "served_on": p.get("served_on", ""), "ends_on": p.get("ends_on", "")}
    if not p.get("ends_on"):
        return gettext("%(party)s：%(served_on)s 送达，一审终审") % values
    return gettext("%(party)s：%(served_on)s 送达，上诉期至 %(ends_on)s") % values


def _appeal_summary(p):
    from django.utils.translation import gettext

    return gettext("上诉人 %(party)s，%(on)s") % {"party": p.get("party", ""), "on": p.get("on", "")}


class TrialConfig(AppConfig):
    name = "xiezhi.trial"
    verbose_name = _("审判")

    def ready(self):
        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel
        from xiezhi.cases.signals import document_served

        from . import services
        from .panels import case_panel

        register_event_types({
            "panel_set": EventType(_("组成合议庭/确定独任审判员"), basis="民事诉讼法 第四十条；流程公开规定 第七条"),
            "extension_requested": EventType(_("申请延长审限"), public=False, basis="延长审限规定 第一条"),
            "extension_rejected": EventType(_("不批准延长审限"), public=False, basis="延长审限规定 第一条"),
            "appeal_window_started": EventType(_("上诉期起算"), basis="民事诉讼法 第一百七十一条"),
            "appeal_filed": EventType(_("提起上诉"), basis="民事诉讼法 第一百七十三条"),
            "appeal_transferred": EventType(_("移送二审"), basis="民事诉讼法 第一百七十四条"),
        }, summaries={
            "panel_set": _panel_summary,
            "extension_requested": lambda p: p.get("reason", ""),
            "extension_rejected": lambda p: p.get("reason", ""),
            "appeal_window_started": _window_summary,
            "appeal_filed": _appeal_summary,
            "appeal_transferred": lambda p: f"{p.get('court', '')} {p.get('number', '')}".strip(),
        })
        register_panel("trial", 10, case_panel)
        document_served.connect(services.on_document_served, dispatch_uid="trial.appeal_window")
