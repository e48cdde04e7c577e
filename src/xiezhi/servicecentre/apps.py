from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceCentreConfig(AppConfig):
    name = "xiezhi.servicecentre"
    verbose_name = _("诉讼服务中心")

    def ready(self):
        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel

        from .panels import case_panel

        register_event_types({
            "centre_materials_received": EventType(_("诉讼服务中心收到材料"), basis="人民法院诉讼服务中心建设规定（材料收转）"),
            "centre_materials_signed": EventType(_("承办人员签收材料"), public=False,
                                                 basis="人民法院诉讼服务中心建设规定（材料收转）"),
        })
        register_panel("servicecentre", 40, case_panel)
