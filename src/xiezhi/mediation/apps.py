from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "xiezhi.mediation"
    verbose_name = _("诉前调解")

    def ready(self):
        from django.db.models.signals import post_save

        from xiezhi.cases.events import register_event_types
        from xiezhi.filing.services import register_registration_hold

        from . import carry
        from .selectors import open_mediation_hold

        register_registration_hold(open_mediation_hold)
        register_event_types(carry.EVENT_TYPES, summaries={carry.EVENT: carry.summary})
        post_save.connect(carry.on_filing_event, sender="filing.FilingEvent", dispatch_uid="mediation.carry_over")
