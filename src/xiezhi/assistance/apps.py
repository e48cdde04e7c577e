from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistanceConfig(AppConfig):
    name = "xiezhi.assistance"
    verbose_name = _("司法救助")

    def ready(self):
        from xiezhi.cases.panels import register_panel

        from .panels import case_panel
        from .services import register_events

        register_events()
        from .fee_relief import register_events as fee_events; fee_events()  # noqa: E702
        register_panel("assistance", 40, case_panel)
        from django.db.models.signals import post_save

        from .fee_relief import on_filing_event

        # fee relief asked with the complaint is bound to the fee assessed at registration
        post_save.connect(on_filing_event, sender="filing.FilingEvent", dispatch_uid="assistance.fee_relief_bind")
