from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "xiezhi.mediation"
    verbose_name = _("诉前调解")

    def ready(self):
        from xiezhi.filing.services import register_registration_hold

        from .selectors import open_mediation_hold

        register_registration_hold(open_mediation_hold)
