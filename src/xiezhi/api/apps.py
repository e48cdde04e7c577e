from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "xiezhi.api"
    label = "api"
    verbose_name = _("公开接口与计算器")
