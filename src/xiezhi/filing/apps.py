from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingConfig(AppConfig):
    name = "xiezhi.filing"
    verbose_name = _("立案")
