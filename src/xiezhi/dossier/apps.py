import logging

from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)


class DossierConfig(AppConfig):
    name = "xiezhi.dossier"
    verbose_name = _("电子卷宗")

    def ready(self):
        from django.db.models.signals import post_save

        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel
        from xiezhi.cases.signals import paper_added

        from . import receivers
        from .panels import case_panel

        register_event_types(
            {"dossier_filed": EventType(_("材料归入电子卷宗"), public=False,
                                        basis="电子卷宗随案同步生成指导意见（法〔2018〕10号）")},
            summaries={
                "dossier_filed": lambda p: gettext("%(item)s：%(title)s（%(pages)s 页）") % {
                    "item": p.get("item", ""), "title": p.get("title", ""), "pages": p.get("pages", 0)},
                "archived": lambda p: (gettext("档案号 %(number)s") % {"number": p["archive_number"]}
                                       if p.get("archive_number") else ""),
            })
        paper_added.connect(receivers.on_paper_added, dispatch_uid="dossier.paper_added")
        post_save.connect(receivers.on_case_event, sender="cases.CaseEvent", dispatch_uid="dossier.case_event")
        post_save.connect(receivers.on_filing_event, sender="filing.FilingEvent", dispatch_uid="dossier.filing_event")
        register_panel("dossier", 50, case_panel)
