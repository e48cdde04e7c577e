from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The room every app stands on: access guards, middleware, shared view helpers, base
    templates and error pages. It imports no feature app (checked by import-linter)."""

    name = "xiezhi.site"
    label = "site"
    verbose_name = _("站点")
