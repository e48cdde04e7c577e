"""The kinds of node on a case timeline (流程节点) and what each tells the parties.

`public` says whether the parties see the node (流程公开规定 第七条至第十条; 延长审限规定
第七条 requires every deduction, extension and postponement to be shown)."""
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EventType:
    label: str
    public: bool = True
    basis: str = ""


EVENT_TYPES: dict[str, EventType] = {
    "filing_received": EventType(_("收到起诉材料"), basis="登记立案规定 第二条"),
    "registered": EventType(_("立案"), basis="民事诉讼法 第一百二十六条；流程公开规定 第七条"),
    "notices_issued": EventType(_("发出受理通知书、交纳诉讼费用通知书"), basis="在线诉讼规则 第九条"),
    "fee_assessed": EventType(_("核定诉讼费用"), basis="诉讼费用交纳办法 第十三条"),
    "fee_changed": EventType(_("调整诉讼费用"), basis="诉讼费用交纳办法 第四十三条"),
    "fee_paid": EventType(_("交纳诉讼费用"), basis="诉讼费用交纳办法 第二十二条"),
    "organisation_set": EventType(_("确定审判组织"), basis="流程公开规定 第七条"),
    "procedure_set": EventType(_("确定审理程序"), basis="流程公开规定 第七条"),
    "procedure_converted": EventType(_("程序转换"), basis="民诉解释 第二百五十八条"),
    "deduction_started": EventType(_("审限扣除开始"), basis="延长审限规定 第七条"),
    "deduction_ended": EventType(_("审限扣除结束"), basis="延长审限规定 第七条"),
    "extension_approved": EventType(_("延长审限"), basis="延长审限规定 第一条、第七条"),
    "foreign_related_set": EventType(_("认定涉外（涉港澳台）案件"), basis="民事诉讼法 第二百八十七条；审限规定 第二条"),
    "suspended": EventType(_("中止审理"), basis="审限规定 第九条第（九）项"),
    "resumed": EventType(_("恢复审理"), basis="审限规定 第九条第（九）项"),
    "hearing_scheduled": EventType(_("排定开庭"), basis="流程公开规定 第七条"),
    "case_updated": EventType(_("案件信息变更"), public=False),
    "deadline_warning": EventType(_("审限预警"), public=False),
    "closed": EventType(_("结案"), basis="流程公开规定 第七条"),
    "archived": EventType(_("归档"), basis="流程公开规定 第七条"),
}

# statuses a case moves to when a node is appended (the rest leave the status alone)
STATUS_AFTER = {
    "registered": "registered",
    "organisation_set": "in_trial",
    "suspended": "suspended",
    "resumed": "in_trial",
    "closed": "closed",
    "archived": "archived",
}


SUMMARIES: dict = {}  # code -> function(payload) -> str, registered by other apps


def register_event_types(types: dict[str, EventType], status_after: dict[str, str] | None = None,
                         summaries: dict | None = None) -> None:
    """Other apps (trial, hearings, documents, dossier) add their node types here from their
    AppConfig.ready(), so the timeline stays one list without this module knowing them all."""
    for code, et in types.items():
        if code in EVENT_TYPES and EVENT_TYPES[code] != et:
            raise ValueError(f"event type {code} registered twice")
        EVENT_TYPES[code] = et
    STATUS_AFTER.update(status_after or {})
    SUMMARIES.update(summaries or {})


def label(code: str) -> str:
    et = EVENT_TYPES.get(code)
    return str(et.label) if et else code


# the channel a complaint came in by and the notices a court issues are stored as codes / their
# Chinese names in the payload; they are translated when shown
CHANNELS = {"online": _("网上立案"), "counter": _("窗口立案"), "oral": _("口头起诉")}
NOTICES = {"受理通知书": _("受理通知书"), "交纳诉讼费用通知书": _("交纳诉讼费用通知书"), "举证通知书": _("举证通知书")}


def summary(code: str, payload: dict) -> str:
    """One readable line for a node's payload (shown on the staff timeline and the portal)."""
    if code in SUMMARIES:
        return SUMMARIES[code](payload or {})
    p = payload or {}
    if code == "filing_received":
        return str(CHANNELS.get(p.get("channel"), ""))
    if code == "registered":
        return p.get("number", "")
    if code in ("procedure_set",):
        return p.get("procedure", "")
    if code == "procedure_converted":
        return gettext("转为%(procedure)s（%(reason)s）") % {"procedure": p.get("procedure", ""),
                                                          "reason": p.get("reason", "")}
    if code == "notices_issued":
        # Translators: separator between items of a list ("A、B" in Chinese)
        return gettext("、").join(str(NOTICES.get(n, n)) for n in p.get("notices", []))
    if code in ("fee_assessed", "fee_paid"):
        if p.get("due_on"):
            return gettext("%(amount)s 元，交费期限 %(due_on)s") % {"amount": p.get("amount", ""), "due_on": p["due_on"]}
        return gettext("%(amount)s 元") % {"amount": p.get("amount", "")}
    if code == "fee_changed":
        return gettext("%(old)s 元 → %(new)s 元；理由：%(reason)s") % {
            "old": p.get("from"), "new": p.get("to"), "reason": p.get("reason", "")}
    if code == "organisation_set":
        if p.get("previous_judge"):
            return gettext("承办法官由 %(previous)s 变更为 %(judge)s；%(reason)s") % {
                "previous": p["previous_judge"], "judge": p.get("judge", ""), "reason": p.get("reason", "")}
        if p.get("reason"):
            return gettext("承办法官 %(judge)s；%(reason)s") % {"judge": p.get("judge", ""), "reason": p["reason"]}
        return gettext("承办法官 %(judge)s") % {"judge": p.get("judge", "")}
    if code == "deduction_started":
        return gettext("%(label)s，自 %(start)s 起；理由：%(reason)s") % {
            "label": p.get("label", ""), "start": p.get("start", ""), "reason": p.get("reason", "")}
    if code == "foreign_related_set":
        kinds = {"foreign": gettext("涉外案件"), "hmt": gettext("涉港澳台案件"), "": gettext("不属于涉外案件")}
        return gettext("%(kind)s；%(reason)s") % {"kind": kinds.get(p.get("kind", ""), ""), "reason": p.get("reason", "")}
    if code == "deduction_ended":
        return gettext("截至 %(end)s") % {"end": p.get("end", "")}
    if code == "extension_approved":
        values = {"approver": p.get("approver", ""), "reason": p.get("reason", "")}
        if p.get("months"):
            n = p["months"]
            return ngettext("延长 %(n)s 个月，批准人 %(approver)s；理由：%(reason)s",
                            "延长 %(n)s 个月，批准人 %(approver)s；理由：%(reason)s", n) % {"n": n, **values}
        n = p.get("days", 0)
        return ngettext("延长 %(n)s 日，批准人 %(approver)s；理由：%(reason)s",
                        "延长 %(n)s 日，批准人 %(approver)s；理由：%(reason)s", n) % {"n": n, **values}
    if code in ("suspended", "resumed"):
        return p.get("reason", "")
    if code == "closed":
        return gettext("%(method)s，%(on)s") % {"method": p.get("method", ""), "on": p.get("on", "")}
    return ""
