"""司法确认: receive → accept (the case opens) / not accept → confirm / dismiss (the 民事裁定书) or withdraw;
and what the court's staff make of a pre-suit mediation's agreement (诉前调确 / 诉前调书).

Every change locks the application row (SELECT … FOR UPDATE) and checks the state on the locked copy, so
a double click or two clerks at once change it once; every change to a case appends a CaseEvent. The law
(periods, venue, clocks, fee) is `xiezhi.law.confirmation`; nothing of it is copied here."""
from __future__ import annotations

import uuid
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.counters import allocate_serial
from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, append_events, lock_case, refresh_snapshot
from xiezhi.courts import refcache
from xiezhi.law import confirmation as law
from xiezhi.law.casenumber import format_case_number

from .models import (
    ConfirmationApplication, DismissalGround, MediationOutcome, NotAcceptedGround, Origin, State, VenueGround,
)

#: who receives and accepts applications: the filing division (立案庭) and its head
FILING_ROLES = ("filing_judge", "division_head", "president")
#: who decides: the judge of the case and the leaders above
DECIDE_ROLES = ("judge", "division_head", "president")
TYPE_CONFIRMATION = "民特"       # 0318 调解协议司法确认案件
TYPE_PRE_SUIT = "诉前调确"        # 9902, from 2022-01-01 for the court's own pre-suit mediation (domain §1.3)
TYPE_PRE_SUIT_DOCUMENT = "诉前调书"  # 9903
PRE_SUIT_TYPES_FROM = date(2022, 1, 1)
PROCEDURE = "civil_judicial_confirmation"
JOINT_BASIS = "民事诉讼法 第二百零五条（双方当事人共同申请）"
RULING_VARIANTS = {State.CONFIRMED: "confirm_agreement", State.DISMISSED: "reject_confirmation"}
KEY_MAX = 64


def register_events() -> None:
    from django.utils.translation import gettext_lazy as _l

    from xiezhi.cases.events import EventType, register_event_types

    register_event_types({
        "confirmation_accepted": EventType(_l("受理司法确认申请"), basis="民事诉讼法 第二百零五条；司法确认规定 第四条"),
        "confirmation_decided": EventType(_l("作出司法确认裁定"),
                                          basis="民事诉讼法 第二百零六条；民诉解释 第三百五十八条"),
        "confirmation_withdrawn": EventType(_l("撤回司法确认申请"), basis="民诉解释 第三百五十七条"),
        "confirmation_extended": EventType(_l("院长批准延长司法确认审查期限十日"), basis="司法确认规定 第五条"),
        "pre_suit_document_opened": EventType(_l("诉前调解出具调解书立案"), basis="特邀调解规定 第十九条"),
    }, summaries={"confirmation_decided": _decided_summary})


def _decided_summary(p):
    if p.get("outcome") == State.CONFIRMED:
        return _("裁定确认调解协议有效")
    return _("裁定驳回申请：%(ground)s") % {"ground": p.get("ground_label", "")}


def _calendar():
    from xiezhi.courts.calendar import get_work_calendar

    return get_work_calendar(strict=False)


# ---- checks ------------------------------------------------------------------------------

def may_receive(user, court_id) -> bool:
    return bool(getattr(user, "is_court_staff", False) and user.court_id == court_id and user.has_role(*FILING_ROLES))


def _require_filing(user, court_id) -> None:
    if not may_receive(user, court_id):
        raise PermissionDenied(_("只有本院立案人员可以办理司法确认申请。"))


def may_decide(user, case: Case) -> bool:
    return can_manage_case(user, case, *DECIDE_ROLES)


def _lock(app: ConfirmationApplication) -> ConfirmationApplication:
    return ConfirmationApplication.objects.select_for_update(of=("self",)).get(pk=app.pk)


def _clean_key(key) -> str:
    key = (key or "").strip()
    if len(key) > KEY_MAX:
        raise ValidationError(_("操作编号过长。"))
    return key


def clean_applicants(rows) -> list[dict]:
    """The applicants: both parties to the agreement apply together (民事诉讼法 第二百零五条)."""
    out = []
    for r in rows or []:
        name = (r.get("name") or "").strip()
        if not name:
            continue
        out.append({"name": name[:200], "kind": r.get("kind") or "natural", "id_number": (r.get("id_number") or "")[:40],
                    "phone": (r.get("phone") or "")[:30], "address": (r.get("address") or "")[:300]})
    if len(out) < 2:
        raise ValidationError(_("司法确认应由调解协议的双方当事人共同申请（民事诉讼法 第二百零五条），请填写至少两名申请人。"))
    return out


def window(effective_on: date) -> law.Deadline:
    try:
        return law.application_deadline(effective_on, calendar=_calendar())
    except law.ConfirmationError as exc:
        raise ValidationError(str(exc))


def venue(court, origin: str, ground: str) -> law.ConfirmationVenue:
    """This court's ground for the application (民事诉讼法 第二百零五条), through law.confirmation."""
    name = court.full_name
    try:
        if origin == Origin.COURT_INVITED:
            if ground != VenueGround.INVITING:
                raise ValidationError(_("人民法院邀请调解的，应当向作出邀请的人民法院申请（民事诉讼法 第二百零五条第（一）项）。"))
            return law.confirmation_venue(law.COURT_INVITED, inviting_court=name)
        if ground == VenueGround.INVITING:
            raise ValidationError(_("调解组织自行调解的，请选择当事人住所地、标的物所在地或调解组织所在地（民事诉讼法 第二百零五条第（二）项）。"))
        return law.confirmation_venue(
            origin, party_domicile_courts=[name] if ground == VenueGround.DOMICILE else [],
            object_court=name if ground == VenueGround.OBJECT else None,
            organisation_court=name if ground == VenueGround.ORGANISATION else None)
    except law.ConfirmationError as exc:
        raise ValidationError(str(exc))


def decision_clock(app: ConfirmationApplication):
    if not app.accepted_on:
        return None
    return law.decision_clock(app.accepted_on, extended=app.extended, calendar=_calendar())


# ---- receive -----------------------------------------------------------------------------

def receive(actor, court, *, origin: str, venue_ground: str, organisation_name: str, agreement_text: str,
            agreement_effective_on: date, applicants, received_on: date | None = None, scan=None,
            mediation=None, key: str = "") -> ConfirmationApplication:
    """Register a joint application at the counter. Refused when it comes after the 30 days from the
    agreement's effect (民事诉讼法 第二百零五条; the message names the last day) or outside this court's venue.
    A retried click with the same key returns the first click's application."""
    key = _clean_key(key)
    if key:
        earlier = ConfirmationApplication.objects.filter(key=key).first()
        if earlier is not None:
            return earlier
    try:
        with transaction.atomic():
            return _receive(actor, court, origin=origin, venue_ground=venue_ground,
                            organisation_name=organisation_name, agreement_text=agreement_text,
                            agreement_effective_on=agreement_effective_on, applicants=applicants,
                            received_on=received_on, scan=scan, mediation=mediation, key=key)
    except IntegrityError:
        earlier = ConfirmationApplication.objects.filter(key=key).first() if key else None
        if earlier is None:
            raise
        return earlier


def _receive(actor, court, *, origin, venue_ground, organisation_name, agreement_text, agreement_effective_on,
             applicants, received_on, scan, mediation, key):
    _require_filing(actor, court.pk)
    if origin not in Origin.values:
        raise ValidationError(_("请选择调解来源。"))
    if venue_ground not in VenueGround.values:
        raise ValidationError(_("请选择本院的管辖依据。"))
    organisation_name = (organisation_name or "").strip()
    if not organisation_name:
        raise ValidationError(_("请填写主持调解的调解组织。"))
    if len((agreement_text or "").strip()) < 4:
        raise ValidationError(_("请填写调解协议的内容。"))
    if not isinstance(agreement_effective_on, date):
        raise ValidationError(_("请填写调解协议生效日期。"))
    received_on = received_on or timezone.localdate()
    if agreement_effective_on > received_on:
        raise ValidationError(_("调解协议生效日期晚于收到申请的日期。"))
    rows = clean_applicants(applicants)
    w = window(agreement_effective_on)
    if received_on > w.end:
        raise ValidationError(_("申请已超过期间：应自调解协议生效之日起三十日内共同提出，最后一日为 %(end)s"
                                "（民事诉讼法 第二百零五条），不予登记。") % {"end": w.end.isoformat()})
    v = venue(court, origin, venue_ground)
    app = ConfirmationApplication(
        court=court, origin=origin, venue_ground=venue_ground, venue_basis=v.basis[:200],
        organisation_name=organisation_name[:200], mediation=mediation, agreement_text=agreement_text.strip(),
        agreement_effective_on=agreement_effective_on, window_end=w.end, applicants=rows, received_on=received_on,
        received_by=actor, key=key)
    if scan:
        app.agreement_scan = scan
    app.save()
    return app


@transaction.atomic
def not_accept(actor, app: ConfirmationApplication, ground: str, note: str = "") -> ConfirmationApplication:
    """不予受理 on a ground of 民诉解释 第三百五十五条."""
    app = _lock(app)
    _require_filing(actor, app.court_id)
    if app.state == State.NOT_ACCEPTED:
        return app
    if app.state != State.RECEIVED:
        raise ValidationError(_("只有已收到、尚未受理的申请可以不予受理。"))
    if ground not in NotAcceptedGround.values:
        raise ValidationError(_("请选择不予受理的理由（民诉解释 第三百五十五条）。"))
    app.state, app.not_accepted_ground, app.decision_note = State.NOT_ACCEPTED, ground, (note or "").strip()
    app.decided_on = timezone.localdate()
    app.save(update_fields=["state", "not_accepted_ground", "decision_note", "decided_on"])
    return app


def _type_code(app: ConfirmationApplication, today: date) -> str:
    # the court's own pre-suit mediation: 诉前调确 from 2022-01-01 (domain §1.3); otherwise 民特
    return TYPE_PRE_SUIT if app.mediation_id and today >= PRE_SUIT_TYPES_FROM else TYPE_CONFIRMATION


def _draw_number(case: Case, type_code: str, today: date) -> tuple[str, int]:
    # drawn last: the counter row stays locked until commit (cases.counters)
    serial = allocate_serial(case.court.case_code, today.year, type_code)
    return format_case_number(today.year, case.court.case_code, type_code, serial), serial


def _party_rows(rows: list[dict], role: str, users: dict | None = None) -> list[dict]:
    users = users or {}
    return [{"role": role, "kind": r.get("kind") or "natural", "name": r["name"], "id_number": r.get("id_number", ""),
             "phone": r.get("phone", ""), "address": r.get("address", ""), "user": users.get(r["name"])}
            for r in rows]


def _portal_users(app_or_mediation) -> dict:
    """The filer of the pre-suit mediation's filing keeps seeing the case on the portal under their name."""
    m = getattr(app_or_mediation, "mediation", None) if isinstance(app_or_mediation, ConfirmationApplication) \
        else app_or_mediation
    if m is None:
        return {}
    user = m.filing.submitted_by
    name = getattr(user, "display_name", "")
    return {name: user} if name else {}


def _open_case(actor, court, type_code: str, title: str, claims: str, judge, parties: list[dict], events) -> Case:
    today = timezone.localdate()
    case = Case.objects.create(
        court=court, case_type=refcache.case_type(type_code), number=f"#{uuid.uuid4().hex}", year=today.year,
        serial=0, procedure=refcache.procedure(PROCEDURE) if type_code != TYPE_PRE_SUIT_DOCUMENT else None,
        title=title[:300], claims=claims, filed_on=today)
    Party.objects.bulk_create([Party(case=case, **p) for p in parties])
    if getattr(actor, "is_court_staff", False) and actor.has_role("filing_judge"):
        case.team.add(actor)
    number, serial = _draw_number(case, type_code, today)
    case.number, case.serial = number, serial
    evs = append_events(case, [e for e in [
        ("registered", actor, {"number": number, "filed_on": today.isoformat()}, None),
        ("procedure_set", actor, {"procedure": case.procedure.name, "limit_code": case.procedure.limit_code}, None)
        if case.procedure else None,
        *events] if e], refresh=False, new_case=True)
    refresh_snapshot(case, events=evs, also={"number": number, "serial": serial})
    if judge is not None:  # through the one assignment service: the timeline says who and why
        from xiezhi.cases.services import assign_judge

        case = assign_judge(actor, case, judge, reason=str(_("受理时确定承办法官")))
    return case


def _judge(court, judge):
    if judge is None:
        return None
    if not (judge.is_court_staff and judge.court_id == court.pk and judge.has_role("judge")):
        raise ValidationError(_("请选择本院的审判员承办。"))
    return judge


@transaction.atomic
def accept(actor, app: ConfirmationApplication, judge=None) -> ConfirmationApplication:
    """受理 (司法确认规定 第四条): the case opens with both applicants as 申请人, the special procedure (30 days,
    民事诉讼法 第一百八十七条) and no fee (《诉讼费用交纳办法》第八条第（一）项). A second click returns the same case."""
    app = _lock(app)
    _require_filing(actor, app.court_id)
    if app.state == State.ACCEPTED and app.case_id:
        return app
    if app.state != State.RECEIVED:
        raise ValidationError(_("只有已收到、尚未受理的申请可以受理。"))
    judge = _judge(app.court, judge)
    today = timezone.localdate()
    fee, basis = law.confirmation_fee()
    type_code = _type_code(app, today)
    title = _("%(names)s申请司法确认调解协议") % {"names": app.applicant_names}
    case = _open_case(actor, app.court, type_code, title, _("请求确认调解协议有效。"), judge,
                      _party_rows(app.applicants, "applicant", _portal_users(app)),
                      [("confirmation_accepted", actor, {"organisation": app.organisation_name,
                                                        "agreement_effective_on": app.agreement_effective_on.isoformat(),
                                                        "fee": str(fee), "fee_basis": basis,
                                                        "venue_basis": app.venue_basis}, None)])
    # no FeeAssessment row: nothing is assessed (交费办法 第八条第（一）项); the zero and its basis are on the
    # application and on the acceptance node
    app.state, app.case, app.accepted_on, app.fee, app.fee_basis = State.ACCEPTED, case, today, fee, basis[:200]
    app.save(update_fields=["state", "case", "accepted_on", "fee", "fee_basis"])
    return app


@transaction.atomic
def decide(actor, app: ConfirmationApplication, outcome: str, *, ground: str = "", reasoning: str = "",
           close: bool = True):
    """确认调解协议有效 or 驳回申请 (民事诉讼法 第二百零六条; 民诉解释 第三百五十八条): the 民事裁定书 is
    generated through documents.services.generate; the case then closes through the trial app's close path
    (trial.services.close, 裁定) as soon as the registered closing checks allow — with service required, once
    the sealed ruling has reached both applicants, from the case page's 结案 form."""
    from xiezhi.documents.services import generate

    app = _lock(app)
    if app.case_id is None:
        raise ValidationError(_("申请尚未受理。"))
    case = lock_case(app.case)
    if not may_decide(actor, case):
        raise PermissionDenied(_("只有承办法官可以作出司法确认裁定。"))
    if app.state in (State.CONFIRMED, State.DISMISSED):
        return app, None  # a second click: the first decision stands
    if app.state != State.ACCEPTED:
        raise ValidationError(_("只有已受理的申请可以作出裁定。"))
    if outcome not in RULING_VARIANTS:
        raise ValidationError(_("请选择确认调解协议有效或驳回申请。"))
    if outcome == State.DISMISSED and ground not in DismissalGround.values:
        raise ValidationError(_("驳回申请应写明理由（民诉解释 第三百五十八条）。"))
    if not case.judge_id:
        raise ValidationError(_("尚未确定承办法官。"))
    reasoning = (reasoning or "").strip()
    if outcome == State.CONFIRMED:
        decision = ["申请人达成的调解协议有效。",
                    "当事人应当按照调解协议的约定自觉履行义务。一方当事人拒绝履行或者未全部履行的，"
                    "对方当事人可以向人民法院申请强制执行。"]
        basis = "《中华人民共和国民事诉讼法》第二百零五条、第二百零六条"
        default_reason = "申请人达成的调解协议，符合司法确认调解协议的法定条件。"
    else:
        decision = ["驳回申请人的司法确认申请。"]
        basis = "《中华人民共和国民事诉讼法》第二百零六条，《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十八条"
        default_reason = f"经审查，该调解协议{DismissalGround(ground).label}，不能进行司法确认。"
    sections = {"claims": [f"申请人{app.applicant_names}于{app.agreement_effective_on.year}年"
                           f"{app.agreement_effective_on.month}月{app.agreement_effective_on.day}日经{app.organisation_name}"
                           f"主持调解，达成如下调解协议：", *app.agreement_text.splitlines(),
                           "申请人共同向本院申请司法确认。"],
                "reasoning": [reasoning or default_reason], "legal_basis": [basis], "decision": decision}
    doc = generate(actor, case, "ruling", sections=sections, variant=RULING_VARIANTS[outcome])
    app.state, app.decided_on = outcome, timezone.localdate()
    app.dismissal_ground = ground if outcome == State.DISMISSED else ""
    app.decision_note = reasoning
    app.save(update_fields=["state", "decided_on", "dismissal_ground", "decision_note"])
    append_event(case, "confirmation_decided", actor, {
        "outcome": outcome, "ground": app.dismissal_ground,
        "ground_label": str(DismissalGround(ground).label) if app.dismissal_ground else "", "document": doc.pk})
    if close:
        close_if_ready(actor, case, "ruling")
    return app, doc


def close_if_ready(actor, case: Case, method: str):
    """Close through trial.services.close when nothing registered stands in the way; otherwise leave it
    to the case page's 结案 form (the refusal there names what is missing)."""
    from xiezhi.cases.closing import closing_problems
    from xiezhi.trial import services as trial

    case = lock_case(case)
    if case.closed_on or closing_problems(case, method) or not can_manage_case(actor, case, "judge"):
        return None
    # the ruling is made on the day of the decision, which is the day it is pronounced (审限规定 第十条)
    return trial.close(actor, case, method, closed_on=timezone.localdate())


@transaction.atomic
def withdraw(actor, app: ConfirmationApplication, reason: str = "") -> ConfirmationApplication:
    """撤回申请 (民诉解释 第三百五十七条: 在人民法院作出是否确认的裁定前，当事人撤回申请的，人民法院可以裁定准许)."""
    app = _lock(app)
    if app.state == State.WITHDRAWN:
        return app
    if app.state not in (State.RECEIVED, State.ACCEPTED):
        raise ValidationError(_("裁定作出后不能撤回申请。"))
    if app.case_id:
        case = lock_case(app.case)
        if not (may_decide(actor, case) or may_receive(actor, app.court_id)):
            raise PermissionDenied(_("只有承办法官或立案人员可以办理撤回。"))
    else:
        _require_filing(actor, app.court_id)
    app.state, app.decision_note, app.decided_on = State.WITHDRAWN, (reason or "").strip(), timezone.localdate()
    app.save(update_fields=["state", "decision_note", "decided_on"])
    if app.case_id:
        append_event(app.case, "confirmation_withdrawn", actor, {"reason": app.decision_note})
        if app.case.judge_id:
            close_if_ready(actor, app.case, "withdrawal")
    return app


@transaction.atomic
def extend(actor, app: ConfirmationApplication, reason: str) -> ConfirmationApplication:
    """特殊情况经院长批准延长十日 (司法确认规定 第五条): the 15-day target becomes 25; the 30-day limit of the
    special procedure (民事诉讼法 第一百八十七条) is not changed by it."""
    app = _lock(app)
    if not (getattr(actor, "is_court_staff", False) and actor.has_role("president") and actor.court_id == app.court_id):
        raise PermissionDenied(_("延长审查期限须经院长批准。"))
    if app.extended:
        return app  # a second click
    if app.state != State.ACCEPTED or not app.case_id:
        raise ValidationError(_("只有已受理、尚未裁定的申请可以延长审查期限。"))
    reason = (reason or "").strip()
    if len(reason) < 2:
        raise ValidationError(_("请写明需要延长的特殊情况。"))
    app.extended = True
    app.save(update_fields=["extended"])
    clock = decision_clock(app)
    append_event(app.case, "confirmation_extended", actor, {"reason": reason[:300],
                                                           "target_end": clock.target_end.isoformat()})
    return app


# ---- from a pre-suit mediation -----------------------------------------------------------

def may_use_mediation(user, m) -> bool:
    return bool(getattr(user, "is_court_staff", False) and user.court_id == m.court_id
                and user.has_role("filing_judge", "division_head"))


def from_mediation(actor, m, kind: str, *, judge=None):
    """What the parties of an agreed pre-suit mediation asked for (特邀调解规定 第十九条): 诉前调确 — a confirmation
    application with the parties and agreement carried over — or 诉前调书 — a case whose 调解书 the court issues.
    One per mediation: the second click (or a racing one) gets the first's result (MediationOutcome is OneToOne)."""
    if kind not in MediationOutcome.Kind.values:
        raise ValidationError(_("请选择诉前调确或诉前调书。"))
    try:
        with transaction.atomic():
            return _from_mediation(actor, m, kind, judge)
    except IntegrityError:
        earlier = MediationOutcome.objects.filter(mediation_id=m.pk).first()
        if earlier is None:
            raise
        return earlier


def _from_mediation(actor, m, kind, judge):
    from xiezhi.mediation.models import MediationState, PreSuitMediation

    m = (PreSuitMediation.objects.select_for_update(of=("self",)).select_related("mediator__organisation", "filing")
         .get(pk=m.pk))
    if not may_use_mediation(actor, m):
        raise PermissionDenied(_("只有本院立案人员可以办理诉前调解的后续程序。"))
    earlier = MediationOutcome.objects.filter(mediation=m).first()
    if earlier is not None:
        return earlier
    if m.state != MediationState.AGREEMENT:
        raise ValidationError(_("只有达成调解协议的诉前调解可以申请司法确认或出具调解书。"))
    rows = [{"name": p.get("name", ""), "kind": p.get("kind") or "natural", "phone": p.get("phone", ""),
             "address": p.get("address", "")} for p in m.parties]
    effective = timezone.localdate(m.closed_at) if m.closed_at else timezone.localdate()
    org = (m.mediator.organisation.name if m.mediator_id and m.mediator.organisation_id
           else (m.mediator.user.display_name if m.mediator_id else "")) or _("本院特邀调解员")
    if kind == MediationOutcome.Kind.CONFIRMATION:
        app = _receive(actor, m.court, origin=Origin.COURT_INVITED, venue_ground=VenueGround.INVITING,
                       organisation_name=org, agreement_text=m.result_note, agreement_effective_on=effective,
                       applicants=rows, received_on=None, scan=None, mediation=m, key="")
        return MediationOutcome.objects.create(mediation=m, kind=kind, application=app, made_by=actor)
    judge = _judge(m.court, judge)
    roles = {"plaintiff": "applicant", "defendant": "respondent"}
    parties = [{"role": roles.get(p.get("role"), "applicant"), "kind": p.get("kind") or "natural",
                "name": p.get("name", ""), "phone": p.get("phone", ""), "address": p.get("address", ""),
                "user": _portal_users(m).get(p.get("name", ""))} for p in m.parties if p.get("name")]
    case = _open_case(actor, m.court, TYPE_PRE_SUIT_DOCUMENT, m.title, m.result_note, judge, parties,
                      [("pre_suit_document_opened", actor, {"mediation": m.number, "organisation": org}, None)])
    case.cause = m.cause
    Case.objects.filter(pk=case.pk).update(cause=m.cause)
    return MediationOutcome.objects.create(mediation=m, kind=kind, case=case, made_by=actor)


def mediation_document(actor, case: Case):
    """Generate the 调解书 of a 诉前调书 case from the mediation's agreement (the judge then signs, seals and
    serves it; the case closes through the trial app's 结案 by 调解 once every party has signed for it)."""
    from xiezhi.documents.services import generate

    outcome = MediationOutcome.objects.filter(case=case).select_related("mediation").first()
    if outcome is None:
        raise ValidationError(_("该案件不是诉前调解出具调解书的案件。"))
    m = outcome.mediation
    sections = {"claims": [m.filing.data.get("claims", "") or m.title], "claim_facts": [m.filing.data.get("facts", "") or m.title],
                "evidence_facts": [f"本案经{m.number}诉前调解，当事人自愿达成如下协议。"],
                "decision": m.result_note.splitlines()}
    return generate(actor, case, "mediation", sections=sections)


def acceptance_due(app: ConfirmationApplication) -> date:
    """The last day to decide whether to accept: three days from receipt (司法确认规定 第四条)."""
    from xiezhi.law.periods import period_end

    return period_end(app.received_on, days=law.ACCEPTANCE_DAYS, calendar=_calendar())
