from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "xiezhi.documents"
    verbose_name = _("诉讼文书")
