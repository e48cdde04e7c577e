"""What a template can say about a case: the variables the .docx placeholders use.

Every value is a plain string (or a list of dicts of strings), so a clerk's template cannot reach
into the database. Variables: court_name, court_phone, case_number, case_title, cause, procedure,
filed_on_cn, date_cn, judge, clerk, panel[{role,name}], parties[{role,name,detail,address}],
agents[{role,name,law_firm,represents}], plaintiffs_names, defendants_names, claims, facts,
amount_figures, amount_capitals, fee_figures, fee_capitals, fee_capitals_rmb, history[{date_cn,label,summary}],
recipient{name,address,role}, plus the free texts a judge fills (decision, findings, legal_basis, ...)
which default to a visible 【待填写】 marker."""
from decimal import Decimal

from django.utils import timezone
from django.utils.timezone import localdate

from xiezhi.cases import events as case_events
from xiezhi.cases.models import PARTY_ROLES
from xiezhi.law.amounts import date_cn, rmb_capitals

TODO = "【待填写】"

FREE_TEXTS = {
    "opening": "本院立案后，依法适用{procedure}，公开开庭进行了审理。本案现已审理终结。",
    "findings": TODO + "（本院经审理认定的事实和理由）",
    "decision": TODO + "（裁判主文）",
    "legal_basis": TODO + "（法律依据）",
    "fee_bearer": TODO,
    "closing": "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，上诉于上一级人民法院。",
    "evidence_period": "十五日",
    "hearing_purpose": "开庭审理",
    "hearing_time": TODO,
    "hearing_place": TODO,
    "served_documents": TODO,
    "service_method": "直接送达",
    "court_phone": "",
}


def _fee(case) -> Decimal | None:
    amount = None
    for e in case.events.filter(code__in=("fee_assessed", "fee_changed")).order_by("seq"):
        raw = e.payload.get("amount") if e.code == "fee_assessed" else e.payload.get("to")
        if raw not in (None, ""):
            amount = Decimal(str(raw))
    return amount


def _party_detail(p) -> str:
    bits = []
    if p.kind == "natural":
        bits += [x for x in (p.gender, p.ethnicity) if x]
    elif p.legal_representative:
        bits.append(f"法定代表人{p.legal_representative}")
    return "，".join(bits)


def build_context(case, recipient_name: str = "", extra: dict | None = None, sections: dict | None = None,
                  variant: str = "", kind: str = "") -> dict:
    """The variables of a template. `sections` are the judge's sections of a judicial document
    (documents.structure: code → paragraphs / items / citations / fee-burden text, from the editor);
    `variant` a kind's variant (the ruling type). Notice-only variables come from context_notices."""
    today = localdate()
    parties, agents = [], []
    for p in case.parties.filter(left_case_at__isnull=True).select_related("represents").order_by("pk"):
        if p.role in PARTY_ROLES:
            parties.append({"role": p.get_role_display(), "role_code": p.role, "name": p.name,
                            "detail": _party_detail(p), "address": p.service_address or p.address})
        else:
            agents.append({"role": p.get_role_display(), "name": p.name, "law_firm": p.law_firm,
                           "represents": p.represents.name if p.represents_id else ""})
    plaintiffs = [p["name"] for p in parties if p["role_code"] in ("plaintiff", "applicant", "appellant")]
    defendants = [p["name"] for p in parties if p["role_code"] in ("defendant", "respondent", "appellee")]
    recipient = next((p for p in parties if p["name"] == recipient_name), None) or (parties[0] if parties else
                                                                                 {"name": "", "address": "", "role": ""})
    fee = _fee(case)
    judge = case.judge.display_name if case.judge_id else TODO
    team = list(case.team.all())
    clerk = next((u.display_name for u in team if u.has_role("clerk")), TODO)
    panel = [{"role": "审判长" if i == 0 else "审判员", "name": u.display_name}
             for i, u in enumerate([case.judge] + [u for u in team if u.has_role("judge") and u.pk != case.judge_id]
                                   if case.judge_id else [])]
    if len(panel) == 1:
        panel[0]["role"] = "审判员"
    history = []
    for e in case.events.filter(public_to_parties=True).order_by("seq"):
        at = timezone.localtime(e.at).date()
        history.append({"date_cn": date_cn(at), "label": case_events.label(e.code),
                        "summary": case_events.summary(e.code, e.payload)})
    procedure = case.procedure.name if case.procedure_id else ""
    ctx = {
        "court_name": case.court.name,
        "case_number": case.number,
        "case_title": case.title or f"{'、'.join(plaintiffs)}与{'、'.join(defendants)}{case.cause.name if case.cause_id else ''}",
        "cause": case.cause.name if case.cause_id else "",
        "procedure": procedure,
        "filed_on_cn": date_cn(case.filed_on),
        "date_cn": date_cn(today),
        "judge": judge,
        "clerk": clerk,
        "panel": panel or [{"role": "审判员", "name": judge}],
        "parties": parties,
        "agents": agents,
        "plaintiffs_names": "、".join(plaintiffs),
        "defendants_names": "、".join(defendants),
        "claims": case.claims,
        "facts": case.facts,
        "amount_figures": f"{case.amount:,.2f}" if case.amount is not None else "",
        "amount_capitals": rmb_capitals(case.amount) if case.amount is not None else "",
        "fee_figures": f"{fee:,.2f}" if fee is not None else TODO,
        "fee_capitals": rmb_capitals(fee) if fee is not None else TODO,
        "fee_capitals_rmb": rmb_capitals(fee, prefix=True) if fee is not None else TODO,
        "history": history,
        "recipient": {"name": recipient.get("name", ""), "address": recipient.get("address", ""),
                      "role": recipient.get("role", "")},
    }
    for key, default in FREE_TEXTS.items():
        ctx[key] = default.format(procedure=procedure or "法定程序")
    from .context_notices import notice_context

    ctx.update(notice_context(case, recipient_name, ctx, kind=kind))
    for key, value in (extra or {}).items():
        if key in ctx and isinstance(ctx[key], (list, dict)):
            continue  # case facts come from the case, not from a form
        ctx[key] = str(value)
    return ctx


# The names a template may use: what build_context fills (the case), the free texts, and the
# hearing fields of a summons. An uploaded template is checked against them (services).
CASE_VARIABLES = frozenset({
    "court_name", "case_number", "case_title", "cause", "procedure", "filed_on_cn", "date_cn", "judge", "clerk",
    "panel", "parties", "agents", "plaintiffs_names", "defendants_names", "claims", "facts", "amount_figures",
    "amount_capitals", "fee_figures", "fee_capitals", "fee_capitals_rmb", "history", "recipient"})
HEARING_VARIABLES = frozenset({"hearing_time", "hearing_place", "hearing_purpose"})


def template_variables() -> frozenset[str]:
    from .context_notices import NOTICE_VARIABLES  # the notices' own (court address, contact, …)

    return CASE_VARIABLES | frozenset(FREE_TEXTS) | HEARING_VARIABLES | NOTICE_VARIABLES


def hearing_texts(hc: dict) -> dict:
    """The summons (传票) and hearing-notice fields from xiezhi.hearings.selectors.hearing_context:
    民事诉讼法 第一百三十九条 (传唤当事人 … 通知应当在开庭三日前送达), 民诉解释 第二百二十七条."""
    place = "".join(x for x in (hc["court"]["name"], hc["room"]) if x)
    if hc.get("room_location"):
        place += f"（{hc['room_location']}）"
    if hc.get("online"):
        place += f"；在线庭审：{hc.get('online_url') or '链接另行通知'}"
    purpose = "开庭审理" if hc.get("public", True) else f"开庭审理（不公开审理：{hc.get('closed_reason', '')}）"
    return {"hearing_time": hc["start_text"], "hearing_place": place, "hearing_purpose": purpose}
