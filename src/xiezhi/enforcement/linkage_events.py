"""Timeline nodes and the case-page panel of 网络查控 (registered from apps.py)."""
from django.utils.translation import gettext_lazy as _

BASIS = "《最高人民法院关于网络查询、冻结被执行人存款的规定》；查封扣押冻结规定"
KIND_NAMES = {"freeze": _("冻结"), "deduct": _("扣划"), "release": _("解冻")}


def _masked(asset) -> str:
    """The timeline is read by the parties on the portal: an account or certificate number shows its
    last four characters only (the full number stays on the staff case page's asset table)."""
    import re

    return re.sub(r"[0-9A-Za-z-]{6,}", lambda m: "****" + m.group(0)[-4:], str(asset or ""))


def _search_sent(p):
    from django.utils.translation import gettext

    return gettext("向 %(bodies)s 家协助单位发送网络查控查询，被执行人 %(debtors)s 人") % {
        "bodies": p.get("bodies", ""), "debtors": p.get("debtors", "")}


def _answers(p):
    from django.utils.translation import gettext

    return gettext("收到网络查控反馈 %(answers)s 条，新查到财产 %(assets)s 项") % {
        "answers": p.get("answers", 0), "assets": p.get("assets", 0)}


def _control_sent(p):
    from django.utils.translation import gettext

    return gettext("向%(body)s发送%(kind)s指令：%(asset)s") % {
        "body": p.get("body", ""), "kind": str(KIND_NAMES.get(p.get("kind"), "")), "asset": _masked(p.get("asset", ""))}


def _frozen(p):
    from django.utils.translation import gettext

    return gettext("%(body)s已冻结 %(asset)s，期限至 %(ends_on)s") % {
        "body": p.get("body", ""), "asset": _masked(p.get("asset", "")), "ends_on": p.get("ends_on", "")}


def _deducted(p):
    from django.utils.translation import gettext

    return gettext("%(body)s已扣划 %(asset)s %(amount)s 元") % {
        "body": p.get("body", ""), "asset": _masked(p.get("asset", "")), "amount": p.get("amount", "")}


def _released(p):
    from django.utils.translation import gettext

    return gettext("%(body)s已解冻 %(asset)s") % {"body": p.get("body", ""), "asset": _masked(p.get("asset", ""))}


def _refused(p):
    from django.utils.translation import gettext

    return gettext("协助单位未执行%(kind)s指令（%(asset)s）：%(error)s") % {
        "kind": str(KIND_NAMES.get(p.get("kind"), "")), "asset": _masked(p.get("asset", "")), "error": p.get("error", "")}


def register_events():
    from xiezhi.cases.events import EventType, register_event_types
    from xiezhi.cases.panels import register_panel

    from .panels_linkage import case_panel

    register_event_types({
        "linkage_search_sent": EventType(_("网络查控查询"), basis=BASIS),
        "linkage_answers_received": EventType(_("网络查控反馈"), basis=BASIS),
        # an order not yet carried out is not shown to the parties: a debtor told of a freeze on its way
        # could empty the account first
        "linkage_control_sent": EventType(_("网络查控控制指令"), public=False, basis=BASIS),
        "linkage_frozen": EventType(_("网络冻结"), basis=BASIS),
        "linkage_deducted": EventType(_("网络扣划"), basis=BASIS),
        "linkage_released": EventType(_("网络解冻"), basis=BASIS),
        "linkage_control_refused": EventType(_("控制指令未执行"), public=False, basis=BASIS),
    }, summaries={
        "linkage_search_sent": _search_sent,
        "linkage_answers_received": _answers,
        "linkage_control_sent": _control_sent,
        "linkage_frozen": _frozen,
        "linkage_deducted": _deducted,
        "linkage_released": _released,
        "linkage_control_refused": _refused,
    })
    register_panel("linkage", 16, case_panel)
