from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "xiezhi.delivery"
    verbose_name = _("送达")
