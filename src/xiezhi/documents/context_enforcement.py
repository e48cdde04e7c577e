"""What the enforcement forms (《人民法院执行文书样式》2016) say beyond the common context of
documents.context and the addressee of documents.context_notices: the parties as 申请执行人 / 被执行人,
the basis document, the obligation and fees, and what the enforcement modules pass in `extra_context`.

The enforcement modules call ``documents.services.generate(actor, case, kind, extra_context=…,
recipient=…, variant=…)``; the keys each kind reads (all optional unless marked *required*):

- every form: ``basis`` — the basis document (执行依据), e.g. "本院（2026）豫0222民初12号民事判决书"; without
  it the form prints the marker 【待填写：执行依据】, which blocks sealing and service;
- ``enf_notice`` (执行通知书): ``obligations`` [str] — the obligations of the basis document, one an item
  (default: pay the case amount); ``late_interest`` bool (default: when money is owed) — the 迟延履行期间的
  债务利息 line; ``application_fee`` — the 执行申请费 (default: 诉讼费用交纳办法 第十四条第（一）项 on the case
  amount); ``report_days`` — the days to report property (default 五);
- ``property_report_order`` (报告财产令): ``report_days`` (default 五);
- ``consumption_order`` (限制消费令): ``persons`` [{"name", "capacity"}] (or names) — for an organisation, the
  legal representative / principal / person directly responsible / actual controller the order extends
  to (default: the debtor's legal representative);
- ``dishonest_decision`` (失信决定书): ``circumstances`` [1–6] *required* (失信规定 第一条), ``years`` — the term
  for circumstances 2–6 (2, or 3–5 with the extension of 第二条), ``aggravating`` bool, ``facts`` — what the
  debtor did;
- ``assist_notice`` (协助执行通知书): ``addressee`` *required* (the bank or registry), ``action`` *required*
  (search / freeze / deduct / release), ``items`` [{"kind", "identifier", "amount"}] *required*, ``period``
  (required for a freeze: 冻结期限, 民诉解释 第四百八十五条), ``ruling`` — the ruling it carries out;
- ``enf_ruling`` (执行裁定书, variant from structure.ENF_RULING_TYPES; the judge-written sections come from
  the editor): ``searches`` [{"body", "result"}] — 终本: the searches made and their results;
  ``unpaid`` — 终本: the amount not yet enforced; ``objector`` and ``enforcement_case_number`` — 执行异议;
  ``basis_kind`` "arbitration" — 不予执行 an arbitral award (the parties may arbitrate again or sue).

Values are plain strings or lists of dicts of strings (the sandboxed template cannot reach the database).
"""
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.timezone import localdate
from django.utils.translation import gettext as _

from xiezhi.cases.models import PARTY_ROLES
from xiezhi.law import enforcement as law
from xiezhi.law import enforcement_documents as law_documents
from xiezhi.law.amounts import date_cn
from xiezhi.law.fees import FeeError, application_fee

from .kinds import ENFORCEMENT_KINDS, ENFORCEMENT_TYPES, KINDS
from .structure import ENF_RULING_TYPES, OBJECTION_VARIANTS, gap

__all__ = ["ENFORCEMENT_KINDS", "ENFORCEMENT_VARIABLES", "check", "enforcement_context"]

#: the forms addressed to the debtor (or its agent)
DEBTOR_KINDS = frozenset({"enf_notice", "property_report_order", "consumption_order", "dishonest_decision"})
ASSIST_ACTIONS = {"search": "查询", "freeze": "冻结", "deduct": "扣划", "release": "解除冻结"}

ENFORCEMENT_VARIABLES = frozenset({
    "applicants_names", "debtors_names", "enf_case_title", "basis_document", "obligations", "application_fee",
    "report_days", "persons", "debtor_is_organisation", "circumstance_lines", "dishonest_basis", "years_cn",
    "dishonest_facts", "addressee", "action", "action_word", "items", "period", "ruling_ref", "debtor_name",
    "debtor_id_label", "debtor_id", "searches", "zhongben", "zhongben_conditions", "unpaid",
    "objection"})

_CN = "零一二三四五六七八九十"

def _cn(n: int) -> str:
    return _CN[n] if 0 <= n <= 10 else str(n)


def _items(n: int) -> str:
    """一、二、… for the n-th item (1-based) of a list."""
    return ("十" + _CN[n - 10] if 10 < n < 20 else _cn(n)) + "、"


def _debtors(case) -> list:
    return list(case.parties.filter(left_case_at__isnull=True, role="judgment_debtor").order_by("pk"))


def _applicants(case) -> list:
    return list(case.parties.filter(left_case_at__isnull=True, role="enf_applicant").order_by("pk"))


def _is_minor(person, today: date) -> bool:
    """失信规定 第四条: a debtor under 18 on the day of the decision (birth date from the resident ID)."""
    if person.kind != "natural" or not person.id_number:
        return False
    from xiezhi.law.identity import birth_date_from_resident_id, validate_resident_id

    try:
        if not validate_resident_id(person.id_number):
            return False
        born = birth_date_from_resident_id(person.id_number)
    except (ValueError, TypeError):
        return False
    return (today.year - born.year - ((today.month, today.day) < (born.month, born.day))) < 18


def _circumstances(extra) -> list[int]:
    raw = extra.get("circumstances")
    if raw in (None, "", []):
        raise ValidationError(_("失信决定书须写明被执行人具有的失信情形（失信规定第一条第一项至第六项）。"))
    if isinstance(raw, (str, int)):
        raw = [raw]
    try:
        out = sorted({int(c) for c in raw})
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("失信情形应为 1 至 6 的编号（失信规定第一条第一项至第六项）。")) from exc
    return out


def _term(extra):
    try:
        return law.dishonest_term(_circumstances(extra), aggravating=bool(extra.get("aggravating")))
    except law.EnforcementError as exc:
        raise ValidationError(_("失信情形应为 1 至 6 的编号（失信规定第一条第一项至第六项）。")) from exc


def _years(extra):
    raw = extra.get("years")
    if raw in (None, ""):
        return None
    try:
        return int(raw)
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("失信期限应为整数年。")) from exc


def check(case, kind: str, recipient_name: str = "", extra: dict | None = None, variant: str = "") -> None:
    """Refuse (ValidationError, in Chinese) an enforcement form this case or these inputs cannot make;
    called by services.generate after fits_case."""
    if kind not in ENFORCEMENT_KINDS:
        return
    extra = extra or {}
    code = case.case_type.type_code if case.case_type_id else ""
    if kind in DEBTOR_KINDS:
        from .context_notices import _find, _side_role

        person = _find(case, kind, recipient_name)
        if person is None:
            raise ValidationError(_("本案没有被执行人，不能制作%(title)s。") % {"title": KINDS[kind].title})
        if _side_role(person) != "judgment_debtor":
            raise ValidationError(_("%(title)s应当发给被执行人或者其诉讼代理人，%(name)s不是。")
                                  % {"title": KINDS[kind].title, "name": person.name})
    if kind == "dishonest_decision":
        debtor = _debtors(case)[0]
        if _is_minor(debtor, localdate()):
            raise ValidationError(_("被执行人为未成年人的，不得纳入失信被执行人名单（失信规定第四条）。"))
        term, years = _term(extra), _years(extra)
        if term.term == "until_deleted" and years is not None:
            raise ValidationError(_("仅有失信规定第一条第一项情形的，不设纳入期限（失信规定第二条）。"))
        if term.term == "fixed":
            years = term.years_min if years is None else years
            if not term.years_min <= years <= term.years_max:
                raise ValidationError(_("失信期限应为%(low)s至%(high)s年（失信规定第二条第一款）。")
                                      % {"low": term.years_min, "high": term.years_max})
    if kind == "assist_notice":
        if not str(extra.get("addressee") or "").strip():
            raise ValidationError(_("协助执行通知书须写明协助执行的单位。"))
        if extra.get("action") not in ASSIST_ACTIONS:
            raise ValidationError(_("协助执行通知书须写明协助事项（查询、冻结、扣划或者解除冻结）。"))
        items = extra.get("items")
        if not isinstance(items, (list, tuple)) or not items or not all(isinstance(i, dict) for i in items):
            raise ValidationError(_("协助执行通知书须列明协助执行的账户或者财产。"))
        if extra.get("action") == "freeze" and not str(extra.get("period") or "").strip():
            raise ValidationError(_("冻结须写明冻结期限（民诉解释第四百八十五条）。"))
    if kind == "enf_ruling":
        if variant not in ENF_RULING_TYPES:
            raise ValidationError(_("请选择执行裁定书的类型。"))
        if variant in OBJECTION_VARIANTS and code != "执异":
            raise ValidationError(_("执行异议裁定只能在执行异议案件（执异）中制作。"))
        if variant not in OBJECTION_VARIANTS and code not in ENFORCEMENT_TYPES:
            raise ValidationError(_("执行实施中的裁定只能在执行案件（执、执恢、执保）中制作。"))


def _person_lines(extra, debtor) -> list[dict]:
    """限制消费规定 第三条第二款: the natural persons an organisation's order extends to."""
    raw = extra.get("persons")
    out = []
    if isinstance(raw, (list, tuple)):
        for p in raw:
            if isinstance(p, dict):
                name = str(p.get("name") or "").strip()
                if name:
                    out.append({"name": name, "capacity": str(p.get("capacity") or "").strip()})
            elif str(p).strip():
                out.append({"name": str(p).strip(), "capacity": ""})
    if not out and debtor is not None and debtor.kind != "natural" and debtor.legal_representative:
        from xiezhi.law.judgments import representative_title

        out.append({"name": debtor.legal_representative,
                    "capacity": representative_title(debtor.kind, debtor.name)})
    return out


def _fee(case, extra) -> str:
    raw = str(extra.get("application_fee") or "").strip()
    if raw:
        return raw
    if case.amount is None:
        return gap("执行申请费")
    try:
        fee = application_fee("enforcement", case.amount).fee
    except FeeError:
        fee = None
    return f"{fee:,.2f}" if fee is not None else gap("执行申请费")


def _obligations(case, extra) -> list[str]:
    raw = extra.get("obligations")
    if isinstance(raw, str):
        raw = raw.splitlines()
    lines = [str(x).strip().rstrip("。；;") for x in (raw or []) if str(x).strip()]
    if not lines:
        lines = ([f"支付{case.amount:,.2f}元"] if case.amount is not None else [gap("生效法律文书确定的义务")])
    late = extra.get("late_interest")
    if (case.amount is not None if late is None else bool(late)):
        lines.append("加倍支付迟延履行期间的债务利息（依照《中华人民共和国民事诉讼法》第二百六十四条计算）")
    lines.append(f"负担执行申请费{_fee(case, extra)}元")
    return [f"{_items(i)}{t}{'。' if i == len(lines) else '；'}" for i, t in enumerate(lines, 1)]


def _assist(case, extra) -> dict:
    items = []
    for i in extra.get("items") or []:
        if not isinstance(i, dict):
            continue
        amount = str(i.get("amount") or "").strip()
        items.append({"kind": str(i.get("kind") or "").strip(), "identifier": str(i.get("identifier") or "").strip(),
                      "amount": amount})
    action = extra.get("action") if extra.get("action") in ASSIST_ACTIONS else ""
    return {"addressee": str(extra.get("addressee") or "").strip(), "action": action,
            "action_word": ASSIST_ACTIONS.get(action, ""), "items": items,
            "period": str(extra.get("period") or "").strip(),
            "ruling_ref": str(extra.get("ruling") or "").strip()}


def _ruling(case, ctx, extra, sections, variant) -> dict:
    """The 执行裁定书's own parts; documents.context has put in the party lines, the judge's sections
    (judge_sections) and the signers of a trial organisation."""
    code = case.case_type.type_code if case.case_type_id else ""
    filed = f"{case.filed_on.year}年{case.filed_on.month}月{case.filed_on.day}日"
    cause = case.cause.name if case.cause_id else ""
    basis = str(extra.get("basis") or "").strip()
    if variant in OBJECTION_VARIANTS:
        first = case.parties.filter(left_case_at__isnull=True, role__in=PARTY_ROLES).order_by("pk").first()
        objector = str(extra.get("objector") or "").strip() or (first.name if first else gap("异议人"))
        number = str(extra.get("enforcement_case_number") or "").strip() or gap("执行案号")
        procedure = (f"异议人{objector}不服本院在{number}案件中的执行行为，于{filed}向本院提出书面异议。"
                     "本院受理后，依法组成合议庭进行了审查，现已审查终结。")
    else:
        left = "、".join(p.name for p in _applicants(case))
        right = "、".join(p.name for p in _debtors(case))
        procedure = f"申请执行人{left}与被执行人{right}{cause}一案，本院于{filed}立案执行。"
        procedure += f"执行依据为{basis}。" if basis else ""
    court = case.court
    effect = law_documents.ruling_effect(
        variant, higher_court=court.parent.full_name if court.parent_id else "",
        arbitration=variant == "no_enforcement" and extra.get("basis_kind") == "arbitration")
    searches = [{"body": str(s.get("body") or "").strip(), "result": str(s.get("result") or "").strip()}
                for s in (extra.get("searches") or []) if isinstance(s, dict)]
    rows = ctx.get("signers") or []
    if code in ENFORCEMENT_TYPES and not case.panel_members.filter(active=True).exists() and case.judge_id:
        rows = [{"role": "执行员" if case.judge.has_role("enforcement") else "审判员",
                 "name": case.judge.display_name}]
    from django.utils import translation

    with translation.override("zh-hans"):
        ruling_type = str(ENF_RULING_TYPES[variant].title) if variant in ENF_RULING_TYPES else ""
    unpaid = str(extra.get("unpaid") or "").strip()
    return {
        "court_full_name": court.full_name,
        "procedure_sentence": procedure,
        "ruling_type": ruling_type,
        "effect": effect,
        "signers": rows,
        "sign_date_cn": date_cn(localdate()),
        "searches": searches if variant == "zhongben" else [],
        "zhongben": "1" if variant == "zhongben" else "",
        "zhongben_conditions": list(law_documents.ZHONGBEN_CONDITIONS) if variant == "zhongben" else [],
        "unpaid": unpaid,
        "objection": "1" if variant in OBJECTION_VARIANTS else "",
    }


def enforcement_context(case, kind: str, ctx: dict, extra: dict | None = None, sections: dict | None = None,
                        variant: str = "") -> dict:
    """Variables for the enforcement forms, merged over the common and notice context (build_context)."""
    extra = extra or {}
    applicants, debtors = _applicants(case), _debtors(case)
    left = "、".join(p.name for p in applicants)
    right = "、".join(p.name for p in debtors)
    cause = case.cause.name if case.cause_id else ""
    debtor = debtors[0] if debtors else None
    basis = str(extra.get("basis") or "").strip()
    out = {
        "applicants_names": left,
        "debtors_names": right,
        "enf_case_title": f"申请执行人{left}与被执行人{right}{cause}一案",
        "basis_document": basis or gap("执行依据"),
        "report_days": str(extra.get("report_days") or "五"),
        "debtor_is_organisation": "1" if debtor is not None and debtor.kind != "natural" else "",
        "debtor_name": debtor.name if debtor else "",
        "debtor_id_label": ("公民身份号码" if debtor.kind == "natural" else "统一社会信用代码") if debtor else "",
        "debtor_id": (debtor.id_number or "") if debtor else "",
    }
    if kind == "enf_notice":
        out["obligations"] = _obligations(case, extra)
        out["application_fee"] = _fee(case, extra)
    if kind == "consumption_order":
        out["persons"] = _person_lines(extra, debtor)
    if kind == "dishonest_decision":
        term = _term(extra)
        items = _circumstances(extra)
        out["circumstance_lines"] = [f"{'（一）（二）（三）（四）（五）（六）'[(n - 1) * 3:n * 3]}{law.CIRCUMSTANCES[n]}"
                                     for n in items]
        out["dishonest_basis"] = "、".join(f"第一条第{'一二三四五六'[n - 1]}项" for n in items)
        years = _years(extra)
        if term.term == "fixed":
            years = term.years_min if years is None else years
            out["years_cn"] = _cn(years)
        else:
            out["years_cn"] = ""
        out["dishonest_facts"] = str(extra.get("facts") or "").strip()
    if kind == "assist_notice":
        a = _assist(case, extra)
        out.update(a)
        # the addressee is the bank or registry, not a party: the document records it as its recipient
        out["recipient"] = {**ctx.get("recipient", {}), "name": a["addressee"], "capacity": "", "you": "你单位",
                            "subject": "你单位", "role": "", "role_code": "", "kind": "", "address": ""}
    if kind == "enf_ruling":
        out.update(_ruling(case, ctx, extra, sections, variant))
    return out
