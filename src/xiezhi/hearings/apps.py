from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    name = "xiezhi.hearings"
    verbose_name = _("庭审排期")

    def ready(self):
        from django.utils.translation import gettext

        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel

        from .panels import case_panel

        def scheduled(p):
            s = gettext("%(start)s，%(room)s") % {"start": p.get("start", "")[:16].replace("T", " "), "room": p.get("room", "")}
            if p.get("online"):
                s += gettext("，在线庭审")
            if p.get("public") is False:
                s += gettext("，不公开审理")
            return s

        def postponed(p):
            return gettext("延期至 %(start)s（第 %(n)s 次）；理由：%(reason)s") % {
                "start": p.get("start", "")[:16].replace("T", " "), "n": p.get("count", ""), "reason": p.get("reason", "")}

        register_event_types({
            "hearing_postponed": EventType(_("延期开庭"), basis="延长审限规定 第五条、第七条"),
            "hearing_held": EventType(_("开庭审理"), basis="流程公开规定 第七条"),
            "hearing_audio_added": EventType(_("庭审录音入卷"), public=False),
            "transcript_finalised": EventType(_("庭审笔录定稿"), basis="民事诉讼法 第一百五十条"),
            "transcript_confirmed": EventType(_("当事人确认庭审笔录"), basis="民事诉讼法 第一百五十条"),
        }, summaries={
            "hearing_scheduled": scheduled,
            "hearing_postponed": postponed,
            "hearing_held": lambda p: (p.get("start", "")[:16].replace("T", " ") + " " + p.get("room", "")).strip(),
            "transcript_confirmed": lambda p: f"{p.get('role', '')} {p.get('party', '')}",
        })
        register_panel("hearings", 20, case_panel)
