from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HearingsConfig(AppConfig):
    name = "xiezhi.hearings"
    verbose_name = _("庭审排期")
