from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "xiezhi.mediation"
    verbose_name = _("诉前调解")
