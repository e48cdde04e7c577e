"""Credit discipline of 执行 beside the dishonest list (dishonest.py): 限制消费令 (限制消费规定,
domain §6.2), 纠正申请 to the dishonest list (失信规定 第十二条), and the rows of 执行信息公开 (domain
§9.1) that the public search reads.

Like dishonest.py: every service locks the case row (cases.services.lock_case), checks, writes and
appends one timeline node in one transaction; the public row is written or removed in that same
transaction, so the public search never shows a lifted order or a deleted entry."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, lock_case
from xiezhi.law import enforcement_credit as law

from . import selectors
from .dishonest import _delete, is_minor
from .models import DishonestEntry
from .models_credit import ConsumptionRestriction, CorrectionRequest, PublicCreditRecord
from .public import MAX_RESULTS, MIN_NAME_CHARS, publish, publish_dishonest, public_records, withdraw  # noqa: F401

CREDIT_ROLES = ("enforcement", "division_head", "president")


def _may_handle(actor, case: Case) -> None:
    if actor is not None and not can_manage_case(actor, case, *CREDIT_ROLES):
        raise PermissionDenied(_("只有本案执行人员可以办理限制消费和失信名单事项。"))
    if not selectors.is_enforcement_case(case):
        raise ValidationError(_("只有执行案件可以办理限制消费和失信名单事项。"))


def _day(value, label: str) -> date:
    today = timezone.localdate()
    value = value or today
    if not isinstance(value, date) or value > today:
        raise ValidationError(_("%(label)s不能晚于今天。") % {"label": label})
    return value


def _publish_restriction(r: ConsumptionRestriction) -> None:
    party, source = r.party, f"restriction:{r.pk}"
    detail = "限制消费（限制消费规定 第三条）"
    publish(PublicCreditRecord.Kind.RESTRICTED, source, name=party.name, id_number=party.id_number,
            natural=party.kind == "natural", case=r.case, detail=detail, decided_on=r.decided_on)
    for n, person in enumerate(r.persons, 1):
        publish(PublicCreditRecord.Kind.RESTRICTED, f"{source}:{n}", name=person["name"],
                id_number=person.get("id_number", ""), natural=True, case=r.case,
                detail=f"{party.name}的{law.EXTENDED_PERSONS[person['role']]}，限制消费（限制消费规定 第三条第二款）",
                decided_on=r.decided_on)


# ---- 限制消费令 -------------------------------------------------------------------------------------

def _clean_persons(party: Party, persons) -> list[dict]:
    persons = list(persons or ())
    if party.kind == "natural":
        if persons:
            raise ValidationError(_("被执行人为自然人的，限制消费令只及于其本人（限制消费规定 第三条）。"))
        return []
    out = []
    for p in persons:
        role, name = str(p.get("role", "")).strip(), str(p.get("name", "")).strip()
        if role not in law.EXTENDED_PERSONS:
            raise ValidationError(_("限制消费令及于的人员应为法定代表人、主要负责人、影响债务履行的直接责任人员或实际控制人"
                                    "（限制消费规定 第三条第二款）。"))
        if not name:
            raise ValidationError(_("请填写限制消费令及于的%(role)s的姓名。") % {"role": law.EXTENDED_PERSONS[role]})
        out.append({"role": role, "name": name[:100], "id_number": law.normalise_id(p.get("id_number", ""))[:40]})
    if not out:
        raise ValidationError(_("被执行人为单位的，请列明限制消费令及于的法定代表人、主要负责人、影响债务履行的直接责任人员"
                                "或实际控制人（限制消费规定 第三条第二款）。"))
    return out


@transaction.atomic
def restrict(actor, case: Case, party, persons=(), measures=None, decided_on: date | None = None) -> ConsumptionRestriction:
    """限制消费令 (限制消费规定 第一条、第三条) against the judgment debtor of this case; for an
    organisation it names the persons it extends to (第三条第二款). A natural person who is a minor
    is refused: the list's rule for minors (失信规定 第四条) is followed, a minor's spending being
    the guardian's to answer for (民法典 第二十三条)."""
    case = lock_case(case)
    _may_handle(actor, case)
    decided_on = _day(decided_on, _("限制消费令日期"))
    pk = getattr(party, "pk", party)
    party = Party.objects.filter(pk=pk, case=case).first() if pk else None
    if party is None:
        raise ValidationError(_("被限制消费的须为本案当事人。"))
    if party.role != "judgment_debtor":
        raise ValidationError(_("%(name)s不是本案被执行人，只能对被执行人限制消费（限制消费规定 第一条）。") % {"name": party.name})
    if party.kind == "natural" and is_minor(party, decided_on):
        raise ValidationError(_("被执行人为未成年人，不得对其采取限制消费措施（参照失信规定 第四条；未成年人由监护人代理"
                                "实施民事法律行为，民法典 第二十三条）。"))
    persons = _clean_persons(party, persons)
    try:
        items = law.clean_measures(measures)
    except law.CreditError as exc:
        raise ValidationError(str(exc))
    active = ConsumptionRestriction.objects.filter(case=case, party=party, lifted_at__isnull=True).first()
    if active is not None:
        raise ValidationError(_("%(name)s在本案已被限制消费（%(on)s），不能重复决定。") % {
            "name": party.name, "on": active.decided_on.isoformat()})
    basis = [law.RESTRICTION_BASIS] + ([law.EXTENSION_BASIS] if persons else [])
    now = timezone.now()
    try:
        with transaction.atomic():
            r = ConsumptionRestriction.objects.create(case=case, party=party, persons=persons, measures=items,
                                                      decided_on=decided_on, basis=basis, ordered_by=actor, ordered_at=now)
    except IntegrityError:
        raise ValidationError(_("%(name)s在本案已被限制消费，不能重复决定。") % {"name": party.name})
    _publish_restriction(r)
    append_event(case, "consumption_restricted", actor, {
        "restriction": r.pk, "party": party.name, "persons": [p["name"] for p in persons], "measures": items,
        "decided_on": decided_on.isoformat(), "basis": basis}, at=now)
    return r


@transaction.atomic
def lift(actor, restriction: ConsumptionRestriction, reason: str, lifted_on: date | None = None) -> ConsumptionRestriction:
    """解除限制消费令 (限制消费规定 第九条: 被执行人履行完毕或提供确实有效的担保、申请执行人同意的等),
    with the reason; the public rows go in the same transaction."""
    case = lock_case(restriction.case_id)
    _may_handle(actor, case)
    r = ConsumptionRestriction.objects.select_related("party").filter(pk=restriction.pk, case=case).first()
    if r is None:
        raise ValidationError(_("该限制消费令不属于本案。"))
    if r.lifted_at is not None:
        raise ValidationError(_("该限制消费令已于 %(on)s 解除。") % {"on": r.lifted_on.isoformat()})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写解除限制消费的理由。"))
    lifted_on = _day(lifted_on, _("解除日期"))
    if lifted_on < r.decided_on:
        raise ValidationError(_("解除日期不能早于限制消费令日期。"))
    now = timezone.now()
    r.lifted_on, r.lift_reason, r.lifted_by, r.lifted_at = lifted_on, reason[:500], actor, now
    r.save(update_fields=["lifted_on", "lift_reason", "lifted_by", "lifted_at"])
    withdraw(PublicCreditRecord.Kind.RESTRICTED, f"restriction:{r.pk}")
    append_event(case, "consumption_lifted", actor, {
        "restriction": r.pk, "party": r.party.name, "reason": r.lift_reason, "lifted_on": lifted_on.isoformat()}, at=now)
    return r


# ---- 纠正申请（失信规定 第十二条） ------------------------------------------------------------------

CORRECTION_BASIS = "失信规定 第十二条"


@transaction.atomic
def file_correction(actor, entry: DishonestEntry, applicant: str, grounds: str,
                    filed_on: date | None = None) -> CorrectionRequest:
    """Register a written correction request (失信规定 第十二条); it is due for review 15 days after
    it was received (law.enforcement_credit.correction_due)."""
    case = lock_case(entry.case_id)
    _may_handle(actor, case)
    entry = DishonestEntry.objects.select_related("party").filter(pk=entry.pk, case=case).first()
    if entry is None:
        raise ValidationError(_("该失信信息不属于本案。"))
    if entry.deleted_at is not None:
        raise ValidationError(_("该失信信息已于 %(on)s 删除，无需纠正。") % {"on": entry.deleted_on.isoformat()})
    applicant, grounds = (applicant or "").strip(), (grounds or "").strip()
    if not applicant or not grounds:
        raise ValidationError(_("请填写纠正申请的申请人和理由。"))
    filed_on = _day(filed_on, _("收到申请日期"))
    if filed_on < entry.decided_on:
        raise ValidationError(_("收到申请日期不能早于纳入决定日期。"))
    now = timezone.now()
    req = CorrectionRequest.objects.create(entry=entry, applicant=applicant[:200], grounds=grounds[:5000],
                                           filed_on=filed_on, due_on=law.correction_due(filed_on), filed_by=actor,
                                           filed_at=now)
    append_event(case, "dishonest_correction_filed", actor, {
        "request": req.pk, "entry": entry.pk, "party": entry.party.name, "applicant": req.applicant,
        "filed_on": filed_on.isoformat(), "due_on": req.due_on.isoformat()}, at=now)
    return req


DECISIONS = {"corrected", "deleted", "refused"}


@transaction.atomic
def decide_correction(actor, request: CorrectionRequest, decision: str, reason: str) -> CorrectionRequest:
    """审查纠正申请 (失信规定 第十二条): `deleted` deletes the entry (deadline: three working days,
    recorded like every deletion), `corrected` records what was corrected and republishes the
    public row from the party's data as it now is, `refused` keeps the entry; a reason always."""
    req = CorrectionRequest.objects.filter(pk=request.pk).select_related("entry").first()
    if req is None:
        raise ValidationError(_("纠正申请不存在。"))
    case = lock_case(req.entry.case_id)
    _may_handle(actor, case)
    req = CorrectionRequest.objects.select_for_update().select_related("entry__party", "entry__case__court").get(pk=req.pk)
    if req.decision != CorrectionRequest.Decision.PENDING:
        raise ValidationError(_("该纠正申请已于 %(on)s 审查完毕。") % {"on": req.decided_on.isoformat()})
    if decision not in DECISIONS:
        raise ValidationError(_("请选择审查结果：予以更正、删除失信信息或驳回。"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写审查理由。"))
    today, now, entry = timezone.localdate(), timezone.now(), req.entry
    if decision == "deleted":
        if entry.deleted_at is not None:
            raise ValidationError(_("该失信信息已于 %(on)s 删除。") % {"on": entry.deleted_on.isoformat()})
        _delete(actor, case, entry, DishonestEntry.Reason.CORRECTED,
                "失信规定 第十二条（纠正申请理由成立的，三个工作日内删除）", today, today, now)
    elif decision == "corrected" and entry.deleted_at is None:
        publish_dishonest(entry)
    req.decision, req.decision_reason, req.decided_on, req.decided_by = decision, reason[:1000], today, actor
    req.save(update_fields=["decision", "decision_reason", "decided_on", "decided_by"])
    append_event(case, "dishonest_correction_decided", actor, {
        "request": req.pk, "entry": entry.pk, "party": entry.party.name, "decision": decision, "reason": req.decision_reason,
        "due_on": req.due_on.isoformat(), "late": today > req.due_on}, at=now)
    return req


def pending_corrections(user) -> list[CorrectionRequest]:
    """The queue: pending correction requests of the cases `user` handles, the earliest due first."""
    rows = (CorrectionRequest.objects.filter(decision=CorrectionRequest.Decision.PENDING, entry__case__court_id=user.court_id)
            .select_related("entry__party", "entry__case__case_type", "entry__case__court").order_by("due_on", "pk"))
    return [r for r in rows if can_manage_case(user, r.entry.case, *CREDIT_ROLES)]


# ---- events -----------------------------------------------------------------------------------------

def _restricted_summary(p):
    extra = _("，及于%(names)s") % {"names": "、".join(p["persons"])} if p.get("persons") else ""
    return _("%(party)s被限制消费%(extra)s") % {"party": p.get("party", ""), "extra": extra}


def _lifted_summary(p):
    return _("解除%(party)s的限制消费；理由：%(reason)s") % {"party": p.get("party", ""), "reason": p.get("reason", "")}


def _correction_filed_summary(p):
    return _("%(applicant)s申请纠正%(party)s的失信信息，%(due)s 前审查") % {
        "applicant": p.get("applicant", ""), "party": p.get("party", ""), "due": p.get("due_on", "")}


def _correction_decided_summary(p):
    what = {"corrected": _("予以更正"), "deleted": _("删除失信信息"), "refused": _("驳回")}.get(p.get("decision"), "")
    return _("纠正申请审查：%(what)s；理由：%(reason)s") % {"what": what, "reason": p.get("reason", "")}
