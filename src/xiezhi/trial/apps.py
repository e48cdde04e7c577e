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


def _pronounced_summary(p):
    from django.utils.translation import gettext

    kind = gettext("判决") if p.get("document_kind") == "judgment" else gettext("裁定")
    where = gettext("当庭宣判") if p.get("in_court") else gettext("定期宣判")
    return gettext("%(on)s %(where)s（%(kind)s）") % {"on": p.get("on", ""), "where": where, "kind": kind}


def _recomputed_summary(p):
    from django.utils.translation import gettext

    return gettext("%(party)s：上诉期届满日由 %(before)s 改为 %(after)s（节假日安排已录入）") % {
        "party": p.get("party", ""), "before": p.get("before", ""), "after": p.get("ends_on", "")}


def _late_summary(p):
    from django.utils.translation import gettext

    values = {"party": p.get("party", ""), "period": p.get("period", ""), "by": p.get("apply_by", "")}
    if p.get("in_time"):
        return gettext("%(party)s 申请顺延%(period)s（十日内申请，期限至 %(by)s）") % values
    return gettext("%(party)s 申请顺延%(period)s（已超过障碍消除后十日，期限至 %(by)s）") % values


def _late_decided_summary(p):
    from django.utils.translation import gettext

    if p.get("granted"):
        return gettext("准许 %(party)s 顺延%(period)s至 %(end)s") % {
            "party": p.get("party", ""), "period": p.get("period", ""), "end": p.get("new_end", "")}
    return gettext("不准许 %(party)s 顺延%(period)s：%(note)s") % {
        "party": p.get("party", ""), "period": p.get("period", ""), "note": p.get("note", "")}


class TrialConfig(AppConfig):
    name = "xiezhi.trial"
    verbose_name = _("审判")

    def ready(self):
        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel
        from xiezhi.cases.signals import document_served
        from xiezhi.courts.calendar import calendar_changed

        from . import services
        from .panels import case_panel

        register_event_types({
            "panel_set": EventType(_("组成合议庭/确定独任审判员"), basis="民事诉讼法 第四十条；流程公开规定 第七条"),
            "extension_requested": EventType(_("申请延长审限"), public=False, basis="延长审限规定 第一条"),
            "extension_rejected": EventType(_("不批准延长审限"), public=False, basis="延长审限规定 第一条"),
            "appeal_window_started": EventType(_("上诉期起算"), basis="民事诉讼法 第一百七十一条"),
            "appeal_filed": EventType(_("提起上诉"), basis="民事诉讼法 第一百七十三条"),
            "appeal_transferred": EventType(_("移送二审"), basis="民事诉讼法 第一百七十四条"),
            "pronounced": EventType(_("宣判"), basis="民事诉讼法 第一百五十一条；民诉解释 第二百四十三条；审限规定 第十条"),
            "appeal_window_recomputed": EventType(_("上诉期重新计算"), basis="民事诉讼法 第八十五条第三款"),
            "late_application_filed": EventType(_("申请顺延期限"), basis="民事诉讼法 第八十六条"),
            "late_application_decided": EventType(_("顺延期限申请的决定"), basis="民事诉讼法 第八十六条"),
        }, summaries={
            "panel_set": _panel_summary,
            "extension_requested": lambda p: p.get("reason", ""),
            "extension_rejected": lambda p: p.get("reason", ""),
            "appeal_window_started": _window_summary,
            "appeal_filed": _appeal_summary,
            "appeal_transferred": lambda p: f"{p.get('court', '')} {p.get('number', '')}".strip(),
            "pronounced": _pronounced_summary,
            "appeal_window_recomputed": _recomputed_summary,
            "late_application_filed": _late_summary,
            "late_application_decided": _late_decided_summary,
        })
        register_panel("trial", 10, case_panel)
        document_served.connect(services.on_document_served, dispatch_uid="trial.appeal_window")
        calendar_changed.connect(services.recompute_appeal_windows, dispatch_uid="trial.recompute_appeal_windows")
