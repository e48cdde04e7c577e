"""What the notices (受理、应诉、举证、交费通知书, 传票, 出庭通知书, 合议庭组成人员通知书, 告知书, 送达回证) say
beyond the common context of documents.context: the addressee and how to address them, the court's
full name, address, telephone and contact person, the periods by procedure (xiezhi.law.notices).

Variables a notice template may use on top of the common ones (NOTICE_VARIABLES, which
context.template_variables() must offer to an uploaded template):

- court_name: the court's full name with its province (Court.full_name, 河南省通许县人民法院);
- court_address, court_phone, contact (联系人: the clerk, else the judge) — each "" when unknown, and
  the templates leave out the line of an empty one;
- recipient: {name, capacity ("（黄强的委托诉讼代理人）" or ""), you (你 / 你单位), subject (the party the
  notice is about, as the body names it: 你 / 你单位, or "你的委托人黄强" in a notice sent to an
  agent), as_role (出庭通知书: 证人 / 原告黄强的委托诉讼代理人), role, role_code, kind, address};
- case_title: 原告黄强诉被告崔明买卖合同纠纷 (本院受理…一案);
- panel: the 合议庭 formed (trial.PanelMember): 审判长, 审判员, 人民陪审员;
- evidence_period (七日 / 十五日), evidence_basis (the article of 民诉解释 by procedure);
- fee_payment: how to pay (settings.FEE_PAYMENT_TEXT);
- hearing_time, hearing_place, hearing_purpose: from the next scheduled hearing when the caller gave
  none (the summons from a hearing passes its own);
- served_documents, service_method: the 送达回证's documents (the notices made for this addressee).
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import PARTY_ROLES
from xiezhi.law import notices as law

from .kinds import KINDS

NOTICE_VARIABLES = frozenset({"court_address", "contact", "evidence_basis", "fee_payment"})

#: the kinds this module fills: every kind that is not a judicial document
NOTICE_KINDS = frozenset(k for k, v in KINDS.items() if not v.final)

#: whom a notice may be addressed to: the party's role (an agent stands for the party it represents)
ADDRESSEE_ROLES = {
    "acceptance_notice": ("plaintiff", "applicant", "appellant"),
    "fee_notice": ("plaintiff", "applicant", "appellant"),
    "response_notice": ("defendant", "respondent", "appellee", "third_party"),
}
PLAINTIFF_SIDE = ("plaintiff", "applicant", "appellant", "enf_applicant")
DEFENDANT_SIDE = ("defendant", "respondent", "appellee", "judgment_debtor", "accused")
ROLE_ORDER = {r: i for i, r in enumerate(PLAINTIFF_SIDE + DEFENDANT_SIDE + ("third_party", "victim"))}
#: 民诉解释 第二百二十七条: parties are summoned by 传票, other participants notified by 出庭通知书
NON_PARTY_ROLES = ("agent", "legal_rep", "defender", "witness")
PANEL_ROLE_ORDER = {"presiding": 0, "judge": 1, "assessor": 2}
PANEL_ROLE_LABEL = {"presiding": "审判长", "judge": "审判员", "assessor": "人民陪审员", "sole": "审判员"}
TODO = "【待填写】"


def _participants(case) -> list:
    return list(case.parties.filter(left_case_at__isnull=True).select_related("represents").order_by("pk"))


def _default(case, kind, people):
    parties = sorted((p for p in people if p.role in PARTY_ROLES), key=lambda p: (ROLE_ORDER.get(p.role, 99), p.pk))
    if kind == "appearance_notice":
        others = [p for p in people if p.role in NON_PARTY_ROLES]
        if others:
            return others[0]
    wanted = ADDRESSEE_ROLES.get(kind) or KINDS[kind].recipient_roles if kind in KINDS else ()
    for p in parties:
        if p.role in wanted:
            return p
    return parties[0] if parties else None


def _find(case, kind: str, recipient_name: str):
    """The participant a notice is addressed to: the one named (any active party or participant), or
    the kind's default addressee when none is named. ValidationError for a name not in the case."""
    people = _participants(case)
    name = (recipient_name or "").strip()
    if not name:
        return _default(case, kind, people)
    for p in people:
        if p.name == name:
            return p
    raise ValidationError(_("受文人“%(name)s”不是本案的当事人或者诉讼参与人，请从本案人员中选择。") % {"name": name})


def _side_role(person) -> str:
    """The party role a participant stands for (an agent: the role of the party it represents)."""
    if person.role in PARTY_ROLES:
        return person.role
    return person.represents.role if person.represents_id else ""


def check(case, kind: str, recipient_name: str) -> None:
    """Refuse (ValidationError) a notice this case cannot have; called by services.generate."""
    if kind not in NOTICE_KINDS:
        return
    person = _find(case, kind, recipient_name)
    if kind == "panel_notice":
        roles = list(case.panel_members.filter(active=True).values_list("role", flat=True))
        refusal = law.panel_notice_refusal(roles)
        if refusal:
            raise ValidationError(_(refusal))  # the law's Chinese text is the msgid
    if kind == "small_claims_notice":
        refusal = law.small_claims_notice_refusal(case.procedure.limit_code if case.procedure_id else "")
        if refusal:
            raise ValidationError(_(refusal))
    if person is None:
        raise ValidationError(_("本案没有可以作为受文人的当事人。"))
    if kind == "summons" and person.role not in PARTY_ROLES:
        raise ValidationError(_("传票用于传唤当事人；通知%(role)s%(name)s到庭，请制作出庭通知书（民诉解释第二百二十七条）。")
                              % {"role": person.get_role_display(), "name": person.name})
    if kind == "appearance_notice" and person.role in PARTY_ROLES:
        raise ValidationError(_("当事人%(name)s应当用传票传唤；出庭通知书用于诉讼代理人、证人等其他诉讼参与人（民诉解释第二百二十七条）。")
                              % {"name": person.name})
    wanted = ADDRESSEE_ROLES.get(kind)
    if wanted and _side_role(person) not in wanted:
        raise ValidationError(_("%(title)s应当发给%(who)s，%(name)s不是。")
                              % {"title": KINDS[kind].title, "name": person.name,
                                 "who": _("原告（申请人）或者其诉讼代理人") if kind != "response_notice"
                                 else _("被告（被申请人）、第三人或者其诉讼代理人")})


def _pronoun(person) -> str:
    """你 for a natural person, 你单位 for a legal person or other organisation (Party.kind)."""
    return "你" if person.kind == "natural" else "你单位"


def _recipient(person) -> dict:
    empty = {"name": "", "capacity": "", "you": "你", "subject": "你", "as_role": "", "role": "", "role_code": "",
             "kind": "", "address": ""}
    if person is None:
        return empty
    role = person.get_role_display()
    address = person.service_address or person.address
    if person.role in PARTY_ROLES:
        you = _pronoun(person)
        return {**empty, "name": person.name, "you": you, "subject": you, "as_role": f"{role}{person.name}",
                "role": role, "role_code": person.role, "kind": person.kind, "address": address}
    principal = person.represents if person.represents_id else None
    capacity, subject, as_role = "", "你", role
    if principal is not None:
        capacity = f"（{principal.name}的{role}）"
        subject = f"你的委托人{principal.name}" if person.role == "agent" else f"你代理的{principal.name}"
        as_role = f"{principal.get_role_display()}{principal.name}的{role}"
    return {**empty, "name": person.name, "capacity": capacity, "subject": subject, "as_role": as_role,
            "role": role, "role_code": person.role, "kind": person.kind, "address": address}


def _case_title(case, people) -> str:
    """原告黄强诉被告崔明买卖合同纠纷 (2016 forms: 本院受理原告×××诉被告×××……纠纷一案)."""
    parties = [p for p in people if p.role in PARTY_ROLES]
    left = [p for p in parties if p.role in PLAINTIFF_SIDE]
    right = [p for p in parties if p.role in DEFENDANT_SIDE]
    cause = case.cause.name if case.cause_id else ""
    if not left or not right:
        return (case.title or "") if not cause else f"{case.title or ''}{'' if cause in (case.title or '') else cause}"

    def names(ps):
        return "、".join(ps[0].get_role_display() + p.name if i == 0 else p.name for i, p in enumerate(ps))

    return f"{names(left)}诉{names(right)}{cause}"


def _panel(case) -> list[dict]:
    members = [m for m in case.panel_members.filter(active=True).select_related("user", "assessor")
               if m.role != "sole"]
    members.sort(key=lambda m: (PANEL_ROLE_ORDER.get(m.role, 9), m.pk))
    return [{"role": PANEL_ROLE_LABEL[m.role], "name": m.name} for m in members]


def _hearing(case) -> dict:
    """The next scheduled hearing's time, place and purpose (传票, 出庭通知书), or {}."""
    from xiezhi.hearings.models import HearingStatus

    hearing = (case.hearings.filter(status=HearingStatus.SCHEDULED, start__gte=timezone.now())
               .select_related("courtroom").order_by("start").first())
    if hearing is None:
        return {}
    start = timezone.localtime(hearing.start)
    court = case.court
    place = f"{court.full_name}{hearing.courtroom.name}"
    where = hearing.courtroom.location or court.address
    if where:
        place += f"（{where}）"
    if hearing.online:
        place += f"；在线庭审：{hearing.online_url or '链接另行通知'}"
    purpose = "开庭审理"
    if not hearing.public:
        from xiezhi.law.hearings import CLOSED_REASONS

        reason = CLOSED_REASONS.get(hearing.closed_reason, ("",))[0]
        purpose = f"开庭审理（不公开审理{'：' + reason if reason else ''}）"
    return {"hearing_time": f"{start.year}年{start.month}月{start.day}日{start.hour}时{start.minute:02d}分",
            "hearing_place": place, "hearing_purpose": purpose}


def _served_documents(case, person) -> str:
    """送达文书名称和文号 of a 送达回证: the latest draft of each notice made for this addressee, and the
    judicial documents (served on every party)."""
    if person is None:
        return TODO
    from .models import GeneratedDocument

    titles = []
    for doc in (GeneratedDocument.objects.filter(case=case).exclude(kind="service_receipt")
                .order_by("kind", "-version")):
        kind = KINDS.get(doc.kind)
        if kind is None or not kind.served or (not kind.final and doc.recipient != person.name):
            continue
        if str(kind.title) not in titles:
            titles.append(str(kind.title))
    if not titles:
        return TODO
    return f"{case.number}{'、'.join(titles)}{'各一份' if len(titles) > 1 else '一份'}"


def notice_context(case, recipient_name: str, ctx: dict, kind: str = "") -> dict:
    """Variables for the notices, merged over the common context (build_context). Nothing for a
    judicial document (判决书、裁定书、调解书: context.py and build_final)."""
    if kind and kind not in NOTICE_KINDS:
        return {}
    court = case.court
    people = _participants(case)
    try:
        person = _find(case, kind, recipient_name)
    except ValidationError:
        person = None  # check() refuses it before generate() renders; a bare render stays empty
    limit_code = case.procedure.limit_code if case.procedure_id else ""
    period = law.evidence_period(law.procedure_kind(limit_code))
    clerk = ctx.get("clerk", "")
    judge = ctx.get("judge", "")
    contact = next((x for x in (clerk, judge) if x and x != TODO), "")
    out = {
        "court_name": court.full_name,
        "court_address": court.address,
        "court_phone": court.phone,
        "contact": contact,
        "recipient": _recipient(person),
        "evidence_period": period.text,
        "evidence_basis": period.basis,
        "fee_payment": settings.FEE_PAYMENT_TEXT,
    }
    if not kind:
        return out  # a bare render (no kind): keep the common case title and panel
    out["case_title"] = _case_title(case, people)
    panel = _panel(case)
    if panel:
        out["panel"] = panel
    if kind in ("summons", "appearance_notice"):
        out.update(_hearing(case))
    if kind == "service_receipt":
        out["served_documents"] = _served_documents(case, person)
        out["service_method"] = ""  # the server writes how it was served (直接、留置、邮寄…)
    return out
