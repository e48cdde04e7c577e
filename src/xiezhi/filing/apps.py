from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingConfig(AppConfig):
    name = "xiezhi.filing"
    verbose_name = _("立案")

    def ready(self):
        from django.utils.translation import gettext

        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.courts.calendar import calendar_changed

        from . import services

        register_event_types({
            "fee_due_recomputed": EventType(_("交费期限重新计算"), basis="民事诉讼法 第八十五条第三款；诉讼费用交纳办法 第二十二条"),
        }, summaries={
            "fee_due_recomputed": lambda p: gettext("交费期限由 %(before)s 改为 %(after)s（节假日安排已录入）") % {
                "before": p.get("before", ""), "after": p.get("due_on", "")},
        })
        calendar_changed.connect(services.recompute_deadlines, dispatch_uid="filing.recompute_deadlines")
        # 跨域立案: the competent court's decision (a FilingEvent) moves the cross-region request
        from django.db.models.signals import post_save

        from . import crossregion
        from .models import FilingEvent

        post_save.connect(crossregion.on_filing_event, sender=FilingEvent, dispatch_uid="filing.crossregion")
