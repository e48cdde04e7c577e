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
from xiezhi.law.judgments import (effect_sentences, fee_line, item_texts, orders_money, procuratorate_name,
                                  representative_title)

from .structure import CITATIONS, FEE_BURDEN, ITEMS, RULING_TYPES, gap, sections_for

TODO = "【待填写】"

FREE_TEXTS = {
    "opening": "本院立案后，依法适用{procedure}，公开开庭进行了审理。本案现已审理终结。",
    "findings": TODO + "（本院经审理认定的事实和理由）",
    "decision": TODO + "（裁判主文）",
    "legal_basis": TODO + "（法律依据）",
    "fee_bearer": TODO,
    # the effect sentence of a judge's document, from law.judgments (judicial_context sets it); empty elsewhere
    "closing": "",
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
        bits.append(f"{representative_title(p.kind, p.name)}{p.legal_representative}")
    return "，".join(bits)


# ---- the party listing of a judicial document (《民事裁判文书制作规范》三、(二)) ----------------------

#: the order the forms list parties in: the one who sues, the one sued, the third party
_ROLE_ORDER = ["plaintiff", "applicant", "appellant", "enf_applicant", "defendant", "respondent", "appellee",
               "judgment_debtor", "accused", "third_party", "victim"]
_PLAINTIFF_ROLES = ("plaintiff", "applicant", "appellant", "enf_applicant")
_DEFENDANT_ROLES = ("defendant", "respondent", "appellee", "judgment_debtor", "accused")


def _birth_text(p) -> str:
    """××××年×月×日出生, from a resident ID number (the form writes the birth date, not the age)."""
    if p.kind != "natural" or not p.id_number:
        return ""
    from xiezhi.law.identity import birth_date_from_resident_id, validate_resident_id

    try:
        if not validate_resident_id(p.id_number):
            return ""
        d = birth_date_from_resident_id(p.id_number)
    except (ValueError, TypeError):
        return ""
    return f"{d.year}年{d.month}月{d.day}日出生"


def _sentence(text: str) -> str:
    text = text.rstrip("。；;，, ")
    return text + "。"


def _party_paragraphs(p, sep: str) -> list[str]:
    """One party: 原告：黄强，男，1964年7月21日出生，汉族，农民，住河南省通许县……。 — or an organisation
    with its address and then, on a line of its own, 法定代表人/主要负责人：×××，职务。"""
    role = p.get_role_display()
    if p.kind == "natural":
        bits = [p.name] + [x for x in (p.gender, _birth_text(p), p.ethnicity, p.occupation) if x]
        if p.address:
            bits.append(f"住{p.address}")
        return [_sentence(f"{role}{sep}{'，'.join(bits)}")]
    bits = [p.name] + ([f"住所地{p.address}"] if p.address else [])
    lines = [_sentence(f"{role}{sep}{'，'.join(bits)}")]
    if p.legal_representative:
        rep = representative_title(p.kind, p.name)
        lines.append(_sentence(f"{rep}{sep}{p.legal_representative}"
                               + (f"，{p.representative_title}" if p.representative_title else "")))
    return lines


def _agent_paragraph(a, sep: str, admin: bool) -> str:
    """委托诉讼代理人：何某，河南通正律师事务所律师。 (行政: 委托代理人; 刑事: 辩护人)."""
    if a.role == "agent":
        role = "委托代理人" if admin else "委托诉讼代理人"
    else:
        role = a.get_role_display()
    detail = ""
    if a.law_firm:
        detail = f"，{a.law_firm}律师"
    elif a.lawyer_licence:
        detail = "，律师"
    return _sentence(f"{role}{sep}{a.name}{detail}")


def _ordered_parties(case):
    rows = list(case.parties.filter(left_case_at__isnull=True).order_by("pk"))
    parties = sorted((p for p in rows if p.role in PARTY_ROLES),
                     key=lambda p: (_ROLE_ORDER.index(p.role) if p.role in _ROLE_ORDER else 99, p.pk))
    helpers = [p for p in rows if p.role not in PARTY_ROLES and p.role != "witness"]
    return parties, helpers


def party_lines(case, kind: str = "judgment", procuratorate: str = "") -> list[str]:
    """The party block: each party, then directly under it its 法定代理人 and agents (the form's order);
    criminal judgments open with the 公诉机关 and list no victim; civil forms put a colon after the role."""
    parties, helpers = _ordered_parties(case)
    criminal, admin = kind == "criminal_judgment", kind == "admin_judgment"
    sep = "" if (criminal or admin) else "："
    lines = [f"公诉机关{procuratorate}。"] if criminal else []
    shown = set()
    for p in parties:
        if criminal and p.role == "victim":
            continue
        lines += _party_paragraphs(p, sep) if not criminal else [_sentence(_party_paragraphs(p, "")[0][:-1])]
        for h in sorted((h for h in helpers if h.represents_id == p.pk), key=lambda h: (h.role != "legal_rep", h.pk)):
            lines.append(_agent_paragraph(h, sep, admin))
            shown.add(h.pk)
    lines += [_agent_paragraph(h, sep, admin) for h in helpers if h.pk not in shown]
    return lines


# ---- who signs, when, and the procedure sentence ------------------------------------------------

_SIGNER_ORDER = {"presiding": 0, "judge": 1, "assessor": 2, "sole": 1}
_SIGNER_ROLE = {"presiding": "审判长", "judge": "审判员", "assessor": "人民陪审员", "sole": "审判员"}


def _panel_rows(case) -> list:
    from xiezhi.trial.models import PanelMember

    rows = list(PanelMember.objects.filter(case=case, active=True).select_related("user", "assessor"))
    return sorted(rows, key=lambda m: (_SIGNER_ORDER.get(m.role, 9), m.pk))


def signers(case) -> list[dict]:
    """The trial organisation formed (trial.PanelMember): 审判长、审判员、人民陪审员 in that order, a sole
    judge signs as 审判员 (民事诉讼法 第一百五十五条: 判决书由审判人员署名); without a panel, the judge."""
    rows = _panel_rows(case)
    if rows:
        return [{"role": _SIGNER_ROLE.get(m.role, "审判员"), "name": m.name} for m in rows]
    if case.judge_id:
        return [{"role": "审判员", "name": case.judge.display_name}]
    return [{"role": "审判员", "name": gap("审判人员")}]


def _sole_judge(case, rows) -> str:
    """The sole judge's name when one judge tries the case alone, else ""."""
    if len(rows) == 1 and rows[0].role == "sole":
        return rows[0].name
    if not rows and case.procedure_id and case.procedure.code.endswith("_single") and case.judge_id:
        return case.judge.display_name
    return ""


def _last_hearing(case):
    from xiezhi.hearings.models import Hearing

    hs = list(Hearing.objects.filter(case=case).exclude(status__in=("cancelled", "postponed"))
              .select_related("clerk").order_by("start"))
    held = [h for h in hs if h.status == "held"]
    return (held or hs or [None])[-1]


def _sign_date(case, kind: str):
    from xiezhi.trial.models import Pronouncement

    doc_kind = "ruling" if kind == "ruling" else "judgment"
    p = Pronouncement.objects.filter(case=case, document_kind=doc_kind).order_by("-pronounced_on", "-id").first()
    if p is not None and kind != "mediation":
        return p.pronounced_on
    return localdate()


#: how the procedure sentence names the procedure (the form says 普通程序 / 简易程序 / 小额诉讼程序 / 速裁程序)
_PROCEDURE_WORDS = {
    "civil_ordinary": "普通程序", "civil_ordinary_single": "普通程序", "civil_summary": "简易程序",
    "civil_small_claims": "小额诉讼程序", "criminal_ordinary": "普通程序", "criminal_summary": "简易程序",
    "criminal_summary_long": "简易程序", "criminal_fast": "速裁程序", "criminal_fast_long": "速裁程序",
    "admin_ordinary": "普通程序", "admin_simplified": "简易程序",
}
#: why a hearing was not public, as the procedure sentence says it (民事诉讼法 第一百三十七条)
_CLOSED_WORDS = {
    "state_secret": "因涉及国家秘密", "privacy": "因涉及个人隐私", "minor": "因涉及未成年人",
    "divorce": "因当事人申请", "trade_secret": "因涉及商业秘密，经当事人申请", "other_law": "依法",
}


def _hearing_words(hearing) -> str:
    if hearing is None or hearing.public:
        return "公开开庭"
    return f"{_CLOSED_WORDS.get(hearing.closed_reason, '依法')}不公开开庭"


def _attendance(parties, helpers, agent_word: str = "委托诉讼代理人") -> str:
    """Who attended: 原告×××及其委托诉讼代理人×××、被告×××到庭参加诉讼. The platform records no roll-call,
    so everyone listed on the case is taken as present (the judge corrects it in the editor)."""
    bits = []
    for p in parties:
        if p.role == "victim":
            continue
        agents = [h.name for h in helpers if h.represents_id == p.pk and h.role in ("agent", "defender")]
        bits.append(f"{p.get_role_display()}{p.name}" + (f"及其{agent_word}{'、'.join(agents)}" if agents else ""))
    return f"{'、'.join(bits)}到庭参加诉讼。" if bits else ""


def procedure_sentence(case, kind: str, variant: str = "", procuratorate: str = "") -> str:
    """The 审理经过 the form writes instead of a timeline (民事诉讼法 第一百五十五条(一): 案由):
    原告×××与被告×××买卖合同纠纷一案，本院于2026年12月2日立案后，依法适用普通程序，公开开庭进行了审理。
    原告×××及其委托诉讼代理人×××、被告×××到庭参加诉讼。本案现已审理终结。"""
    parties, helpers = _ordered_parties(case)
    names = lambda roles: "、".join(p.name for p in parties if p.role in roles)  # noqa: E731
    role_names = lambda roles: "、".join(f"{p.get_role_display()}{p.name}" for p in parties if p.role in roles)  # noqa: E731
    cause = case.cause.name if case.cause_id else ""
    filed = f"{case.filed_on.year}年{case.filed_on.month}月{case.filed_on.day}日"
    code = case.procedure.code if case.procedure_id else ""
    words = _PROCEDURE_WORDS.get(code) or (case.procedure.name if case.procedure_id else "法定程序")
    rows = _panel_rows(case)
    sole = _sole_judge(case, rows)
    hearing = _last_hearing(case)
    held = hearing is not None and hearing.status == "held"
    if kind == "criminal_judgment":
        accused = names(("accused",))
        charge = f"犯{cause}" if cause else "犯罪"
        org = f"由审判员{sole}独任审判" if sole else "组成合议庭"
        return (f"{procuratorate}指控被告人{accused}{charge}，于{filed}向本院提起公诉。本院依法适用{words}，{org}，"
                f"{_hearing_words(hearing)}审理了本案。{procuratorate}指派检察员出庭支持公诉，"
                f"{_attendance(parties, helpers, '辩护人')}现已审理终结。")
    lead = f"{role_names(_PLAINTIFF_ROLES)}与{role_names(_DEFENDANT_ROLES)}"
    if any(p.role == "third_party" for p in parties):
        lead += f"、{role_names(('third_party',))}"
    if kind == "admin_judgment":
        lead = f"{role_names(_PLAINTIFF_ROLES)}诉{role_names(_DEFENDANT_ROLES)}"
    lead += f"{cause}一案"
    if kind == "ruling":
        if variant in ("confirm_agreement", "reject_confirmation"):  # 司法确认: the applicants apply together
            return f"申请人{names(_PLAINTIFF_ROLES)}申请司法确认调解协议一案，本院于{filed}立案后，依法进行了审查。"
        if variant == "not_accepted":
            return f"{filed}，本院收到{names(_PLAINTIFF_ROLES)}的起诉状。"
        if variant in ("dismissal", "suspension", "transfer"):
            return f"{lead}，本院于{filed}立案后，依法适用{words}进行审理。"
        return f"{lead}，本院于{filed}立案。"
    if kind == "admin_judgment":
        org = f"由审判员{sole}独任审理" if sole else "依法组成合议庭"
        return (f"{lead}，本院于{filed}立案后，{org}，{_hearing_words(hearing)}审理了本案。"
                f"{_attendance(parties, helpers, '委托代理人')}本案现已审理终结。")
    how = f"依法适用{words}" + (f"，由审判员{sole}独任审理" if sole and code in ("civil_ordinary", "civil_ordinary_single") else "")
    if kind == "mediation":
        if not held:  # 开庭前调解的，不写开庭情况 (2016 调解书样式)
            return f"{lead}，本院于{filed}立案后，{how}进行了审理。"
        return f"{lead}，本院于{filed}立案后，{how}，{_hearing_words(hearing)}进行了审理。"
    return (f"{lead}，本院于{filed}立案后，{how}，{_hearing_words(hearing)}进行了审理。"
            f"{_attendance(parties, helpers)}本案现已审理终结。")


# ---- the judge's sections (documents.structure) ---------------------------------------------------

def _paragraphs(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    return [str(v).strip() for v in value if str(v).strip()]


def _lead(prefix: str, paras: list[str]) -> list[str]:
    """Put the form's lead-in (本院认为，) before the first paragraph unless the judge wrote it."""
    if not paras or not prefix:
        return paras
    core = prefix.rstrip("，：,:")
    if paras[0].startswith(core):
        return paras
    return [prefix + paras[0]] + paras[1:]


def _lead_ins(kind: str, plaintiffs: str, procuratorate: str) -> dict:
    if kind == "criminal_judgment":
        return {"claims": f"{procuratorate}指控，", "evidence_facts": "经审理查明，", "reasoning": "本院认为，"}
    if kind == "ruling":
        return {"reasoning": "本院经审查认为，"}
    if kind == "enf_ruling":
        return {"reasoning": "本院认为，"}
    if kind == "admin_judgment":
        return {"reasoning": "本院认为，"}
    return {"claims": f"{plaintiffs}向本院提出诉讼请求：", "claim_facts": "事实和理由：", "reasoning": "本院认为，"}


def judge_sections(kind: str, sections: dict, plaintiffs: str = "", procuratorate: str = "") -> dict:
    """The judge's sections as the template prints them: `sec` (code → paragraphs, with the form's
    lead-ins), `decision_items` (numbered 主文), `citations` (joined with 、), `fee_burden` (after 由).
    An empty required section prints documents.structure.gap(title); an empty optional one nothing."""
    from django.utils import translation

    out = {"sec": {s.code: [] for s in sections_for(kind)}, "decision_items": [], "citations": "", "fee_burden": "",
           "pays_money": ""}
    leads = _lead_ins(kind, plaintiffs, procuratorate)
    with translation.override("zh-hans"):
        for s in sections_for(kind):
            value = sections.get(s.code)
            title = str(s.title)
            if s.form == ITEMS:
                items = _paragraphs(value)
                out["decision_items"] = item_texts(items) if items else ([gap(title)] if s.required else [])
                out["pays_money"] = "1" if orders_money(items) else ""
            elif s.form == CITATIONS:
                cites = _paragraphs(value)
                out["citations"] = "、".join(cites) if cites else (gap(title) if s.required else "")
            elif s.form == FEE_BURDEN:
                text = _fee_burden_text(" ".join(_paragraphs(value)))
                out["fee_burden"] = text or (gap(title) if s.required else "")
            else:
                paras = _paragraphs(value)
                out["sec"][s.code] = _lead(leads.get(s.code, ""), paras) if paras else (
                    [gap(title)] if s.required else [])
    return out


def _fee_burden_text(text: str) -> str:
    """The words after 由: "被告崔明负担" → 被告崔明 (the template writes 由…负担); the old free-text form's
    whole sentence ("案件受理费由被告负担。") is cut down the same way."""
    text = text.strip().rstrip("。；;")
    for head in ("案件受理费", "诉讼费用", "诉讼费"):
        if text.startswith(head):
            text = text[len(head):]
    text = text.removeprefix("由")
    return text.removesuffix("负担") if text.endswith("负担") and "，" not in text else text


def _old_sections(kind: str, extra: dict | None, case) -> dict:
    """The old generate form's free texts (findings, decision, legal_basis, fee_bearer) as sections, so a
    document made without the editor still reads in the form's order; what they cannot say is left out,
    and what they leave empty is the old 【待填写】 marker."""
    e = {k: str(v).strip() for k, v in (extra or {}).items() if isinstance(v, (str, int, float))}
    sec = {s.code: [] for s in sections_for(kind)}
    if kind in ("judgment", "mediation"):
        sec["claims"] = _lead(f"{'、'.join(p.name for p in _ordered_parties(case)[0] if p.role in _PLAINTIFF_ROLES)}"
                              "向本院提出诉讼请求：", _paragraphs(case.claims))
        sec["claim_facts"] = _lead("事实和理由：", _paragraphs(case.facts))
    findings = _paragraphs(e.get("findings"))
    if kind == "mediation":
        sec["evidence_facts"] = findings
    else:
        sec["reasoning"] = findings or [FREE_TEXTS["findings"]]
    decision = _paragraphs(e.get("decision"))
    if len(decision) == 1 and decision[0].startswith("一、"):
        items = decision  # numbered by the judge already
    else:
        items = item_texts(decision) if decision else [FREE_TEXTS["decision"]]
    return {"sec": sec, "decision_items": items, "citations": e.get("legal_basis") or FREE_TEXTS["legal_basis"],
            "fee_burden": _fee_burden_text(e.get("fee_bearer", "")) or TODO,
            "pays_money": "1" if orders_money(decision) else ""}


def _zh(text) -> str:
    """A lazily translated title in the document's language (a court document is not UI text)."""
    from django.utils import translation

    with translation.override("zh-hans"):
        return str(text)


def judicial_context(case, kind: str, variant: str, sections: dict | None, extra: dict | None,
                     plaintiffs: list[str], fee) -> dict:
    """What the judge's documents (判决书、裁定书、调解书) print beyond the common context."""
    court = case.court
    procuratorate = procuratorate_name(court.full_name) if kind == "criminal_judgment" else ""
    judicial = (judge_sections(kind, sections, "、".join(plaintiffs), procuratorate) if sections is not None
                else _old_sections(kind, extra, case))
    if kind == "ruling" and variant not in RULING_TYPES and variant:
        variant = ""
    code = case.procedure_id and case.procedure.code or ""
    small = code == "civil_small_claims"
    parties, _helpers = _ordered_parties(case)
    abroad = tuple(p.name for p in parties if p.domicile == "abroad" and p.role != "victim")
    home = tuple(p.name for p in parties if p.domicile != "abroad" and p.role != "victim") if abroad else ()
    accused = [p for p in parties if p.role == "accused"]
    effect = effect_sentences(kind if kind in ("judgment", "ruling", "mediation", "criminal_judgment",
                                               "admin_judgment") else "judgment",
                              variant=variant, small_claims=small,
                              appeal_court=court.parent.full_name if court.parent_id else "",
                              parties_abroad=abroad, parties_at_home=home,
                              copies=max(2, len(accused) + 1) if kind == "criminal_judgment" else 1,
                              two_parties=len([p for p in parties if p.role != "victim"]) <= 2)
    closed_by = "mediation" if kind == "mediation" else ("withdrawal" if variant == "withdrawal" else None)
    fee_procedure = case.procedure.fee_procedure if case.procedure_id else "ordinary"
    if fee is not None:
        line = fee_line(fee, fee_procedure, closed_by)
        fee_vars = {"fee_full": line.full, "fee_charged": line.charged, "fee_halved": "1" if line.halved else ""}
    else:
        fee_vars = {"fee_full": gap("案件受理费"), "fee_charged": gap("案件受理费"), "fee_halved": ""}
    hearing = _last_hearing(case)
    team_clerk = next((u.display_name for u in case.team.all() if u.has_role("clerk")), "")
    clerk = team_clerk or (hearing.clerk.display_name if hearing is not None and hearing.clerk_id else TODO)
    ctx = {
        "court_full_name": court.full_name,
        "procuratorate": procuratorate,
        "party_lines": party_lines(case, kind, procuratorate),
        "procedure_sentence": procedure_sentence(case, kind, variant, procuratorate),
        "ruling_type": _zh(RULING_TYPES[variant].title) if variant else "",
        "effect": effect,
        "signers": signers(case),
        "sign_date_cn": date_cn(_sign_date(case, kind)),
        "clerk": clerk,
        "pays_money": judicial.get("pays_money", "") if kind == "judgment" else "",
        **{k: v for k, v in judicial.items() if k != "pays_money"},
        **fee_vars,
    }
    ctx["opening"] = ctx["procedure_sentence"]  # the old templates' names, for a court's uploaded copy
    ctx["closing"] = "".join(effect)
    return ctx


def build_context(case, recipient_name: str = "", extra: dict | None = None, sections: dict | None = None,
                  variant: str = "", kind: str = "") -> dict:
    """The variables of a template. `sections` are the judge's sections of a judicial document
    (documents.structure: code → paragraphs / items / citations / fee-burden text, from the editor);
    `variant` a kind's variant (the ruling type). Notice-only variables come from context_notices.
    Without `sections` the old free texts (extra findings/decision/legal_basis/fee_bearer) fill them."""
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
    panel = signers(case) if case.judge_id or _panel_rows(case) else []
    history = []
    for e in case.events.filter(public_to_parties=True).order_by("seq"):
        at = timezone.localtime(e.at).date()
        history.append({"date_cn": date_cn(at), "label": case_events.label(e.code),
                        "summary": case_events.summary(e.code, e.payload)})
    procedure = case.procedure.name if case.procedure_id else ""
    ctx = {
        "court_name": case.court.full_name,
        "court_full_name": case.court.full_name,
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
    if kind in JUDICIAL_KINDS or not kind:  # no kind: an old caller, which may render any template
        ctx.update(judicial_context(case, kind or "judgment", variant, sections, extra, plaintiffs, fee))
    from .context_notices import notice_context

    ctx.update(notice_context(case, recipient_name, ctx, kind=kind))
    from .context_enforcement import ENFORCEMENT_KINDS, enforcement_context

    if kind in ENFORCEMENT_KINDS:
        if kind == "enf_ruling":  # the parts it shares with the civil ruling; context_enforcement adds the rest
            ctx.update(party_lines=party_lines(case, "ruling"), signers=signers(case),
                       **judge_sections(kind, sections or {}))
        ctx.update(enforcement_context(case, kind, ctx, extra=extra, sections=sections, variant=variant))
    for key, value in (extra or {}).items():
        if key in ctx and isinstance(ctx[key], (list, dict)):
            continue  # case facts come from the case, not from a form
        ctx[key] = str(value)
    return ctx


JUDICIAL_KINDS = frozenset({"judgment", "ruling", "mediation", "criminal_judgment", "admin_judgment"})


# The names a template may use: what build_context fills (the case), the free texts, and the
# hearing fields of a summons. An uploaded template is checked against them (services).
CASE_VARIABLES = frozenset({
    "court_name", "case_number", "case_title", "cause", "procedure", "filed_on_cn", "date_cn", "judge", "clerk",
    "panel", "parties", "agents", "plaintiffs_names", "defendants_names", "claims", "facts", "amount_figures",
    "amount_capitals", "fee_figures", "fee_capitals", "fee_capitals_rmb", "history", "recipient",
    # the judge's documents (judicial_context)
    "court_full_name", "procuratorate", "party_lines", "procedure_sentence", "ruling_type", "effect", "signers",
    "sign_date_cn", "pays_money", "sec", "decision_items", "citations", "fee_burden", "fee_full", "fee_charged",
    "fee_halved"})
HEARING_VARIABLES = frozenset({"hearing_time", "hearing_place", "hearing_purpose"})


def template_variables() -> frozenset[str]:
    """Every name a template may use. context_notices may declare its own as NOTICE_VARIABLES."""
    from . import context_notices

    from . import context_enforcement

    return (CASE_VARIABLES | frozenset(FREE_TEXTS) | HEARING_VARIABLES
            | frozenset(getattr(context_notices, "NOTICE_VARIABLES", ()))
            | context_enforcement.ENFORCEMENT_VARIABLES)


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
