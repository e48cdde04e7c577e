from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _doc_summary(p):
    from django.utils.translation import gettext

    return gettext("%(title)s 第%(version)s稿") % {"title": p.get("title", ""), "version": p.get("version", "")}


class DocumentsConfig(AppConfig):
    name = "xiezhi.documents"
    verbose_name = _("诉讼文书")

    def ready(self):
        from xiezhi.cases.events import EventType, register_event_types
        from xiezhi.cases.panels import register_panel

        from .panels import case_panel

        # Drafts and sealing are internal steps: the parties see a document when it is served
        # (the delivery app's node), not when it is drafted (流程公开规定 第七条 lists 送达, not 拟稿).
        register_event_types({
            "document_generated": EventType(_("生成诉讼文书"), public=False, basis="电子卷宗随案同步生成"),
            "document_signed_off": EventType(_("裁判文书签发"), public=False,
                                             basis="司法责任制意见（法发〔2015〕13号）第六条：裁判文书由独任法官、审判长签署"),
            "document_sealed": EventType(_("文书加盖电子印章"), public=False,
                                         basis="电子签名法 第十三条、第十四条；在线诉讼规则 第三十五条"),
        }, summaries={"document_generated": _doc_summary, "document_signed_off": _doc_summary,
                      "document_sealed": _doc_summary})
        register_panel("documents", 40, case_panel)
