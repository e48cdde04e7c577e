from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _doc_summary(p):
    from django.utils.translation import gettext

    from .models import ServiceMethod

    method = str(dict(ServiceMethod.choices).get(p.get("method"), p.get("method", "")))
    text = gettext("《%(document)s》→ %(party)s，%(method)s") % {
        "document": p.get("document", ""), "party": p.get("party", ""), "method": method}
    if p.get("served_on"):
        text += gettext("，送达日期 %(on)s") % {"on": p["served_on"]}
    if p.get("reason"):
        text += gettext("；原因：%(reason)s") % {"reason": p["reason"]}
    return text


def _notice_summary(p):
    from django.utils.translation import gettext

    return gettext("《%(document)s》→ %(party)s，%(published)s 发出公告，%(deemed)s 视为送达") % {
        "document": p.get("document", ""), "party": p.get("party", ""), "published": p.get("published_on", ""),
        "deemed": p.get("deemed_on", "")}


def _address_summary(p):
    from django.utils.translation import gettext

    return p.get("party", "") + ("：" + gettext("同意电子送达") if p.get("electronic") else "：" + gettext("不同意电子送达"))


class DeliveryConfig(AppConfig):
    name = "xiezhi.delivery"
    verbose_name = _("送达")

    def ready(self):
        from xiezhi.accounts.phone_codes import register_sms_sender
        from xiezhi.cases.events import EventType, register_event_types

        from . import channels

        # the portal sign-up's SMS code goes through the same adapter as service by SMS
        register_sms_sender(lambda: channels.sms_adapter(), channels.SmsNotConfigured)
        from xiezhi.cases.panels import register_panel

        from .panels import case_panel

        register_event_types({
            "service_address_confirmed": EventType(_("确认送达地址"), basis="民诉解释 第一百三十六条；在线诉讼规则 第三十条"),
            "document_sent": EventType(_("发送诉讼文书"), basis="流程公开规定 第七条；在线诉讼规则 第三十二条"),
            "document_served": EventType(_("送达诉讼文书"), basis="民事诉讼法 第八十七条至第九十五条；流程公开规定 第七条"),
            "service_failed": EventType(_("送达未成功"), basis="流程公开规定 第七条"),
            "public_notice_published": EventType(_("公告送达"), basis="民事诉讼法 第九十五条；民诉解释 第一百三十八条"),
            "document_posted": EventType(_("交邮"), basis="民事诉讼法 第九十一条；审限规定 第十条"),
        }, summaries={
            "document_posted": _doc_summary,
            "service_address_confirmed": _address_summary,
            "document_sent": _doc_summary,
            "document_served": _doc_summary,
            "service_failed": _doc_summary,
            "public_notice_published": _notice_summary,
        })
        register_panel("delivery", 30, case_panel)
        from xiezhi.cases.closing import register_closing_check

        from .closing import check_final_document_filed, check_final_document_served

        register_closing_check(check_final_document_served)
        register_closing_check(check_final_document_filed)
