from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfirmationConfig(AppConfig):
    name = "xiezhi.confirmation"
    verbose_name = _("司法确认")

    def ready(self):
        from xiezhi.cases.panels import register_panel

        from .panels import case_panel
        from .services import register_events

        register_events()
        register_panel("confirmation", 12, case_panel)
