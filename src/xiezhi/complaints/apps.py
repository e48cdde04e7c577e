from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "xiezhi.complaints"
    verbose_name = _("涉诉信访与判后答疑")

    def ready(self):
        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel

        from .panels import case_panel

        basis = "信访工作条例 第二十条、第二十八条第二款"
        register_event_types({
            # internal: a complaint never changes what the parties see or the case's status
            "complaint_registered": EventType(_("登记涉诉信访"), public=False, basis=basis),
            "complaint_routed": EventType(_("涉诉信访导入诉讼程序"), public=False, basis=basis),
            "complaint_petition": EventType(_("涉诉信访转信访办理"), public=False, basis="信访工作条例 第三十二条"),
            "complaint_closed": EventType(_("涉诉信访办结"), public=False, basis="信访工作条例 第三十二条"),
            # 判后答疑: no national primary text (domain §7.6 ⚠); the party sees both steps
            "pjq_asked": EventType(_("申请判后答疑")),
            "pjq_answered": EventType(_("判后答疑")),
        })
        register_panel("complaints", 70, case_panel)
