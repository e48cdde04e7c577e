"""执行立案与分段集约 (issue 11 items 1–2): opening enforcement cases from a platform judgment or
an outside basis, resumption (执恢), enforcement-review cases (执异 / 执复) kept apart from
implementation, and the stages (立案 → 查控 → 处置 → 结案 → 已结) handled by teams.

Every service locks what it changes and appends a CaseEvent in the same transaction. Opening a
case is a write a clerk may repeat (a double click, a retry): a key, unique over all enforcement
files, makes the second call return the case the first one opened."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from xiezhi.cases.counters import allocate_serial
from xiezhi.cases.models import PARTY_ROLES, Case, CaseLink, CaseStatus, Party
from xiezhi.cases.selectors import can_manage_case, can_view_case
from xiezhi.cases.services import append_events, lock_case, notify, refresh_snapshot
from xiezhi.courts import refcache
from xiezhi.courts.models import Division
from xiezhi.law import enforcement as law
from xiezhi.law.casenumber import format_case_number
from xiezhi.law.fees import FeeError, application_fee

from .models_intake import STAGE_ORDER, EnforcementFile, EnforcementTeam, PeriodBreak

OPEN_ROLES = ("filing_judge", "enforcement", "division_head", "president")
STAGE_ROLES = ("division_head", "president")
MANAGE_ROLES = ("enforcement", "division_head", "president")
REVIEW_KINDS = ("执异", "执复")
IMPLEMENTATION_KINDS = ("执", "执恢", "执保")
# documents a platform case must close with to be enforced (trial.models.Closing.document_kind)
ENFORCEABLE_DOCUMENTS = {"judgment": "民事判决书", "ruling": "民事裁定书", "mediation": "民事调解书"}
WINDOW_BASIS = "民事诉讼法 第二百五十条"
BREAK_BASIS = {"suspension": "执行程序解释 第十九条；民诉解释 第四百六十六条",
               "interruption": "执行程序解释 第二十条、第二十一条；民诉解释 第四百六十六条"}
# a stage that waited longer than this many days is shown to the head (执行局 workload practice)
STAGE_WAIT_DAYS = {"filing": 7, "search": 30, "disposal": 90, "closing": 15}
KEY_MAX = 64
STAGE_EVENTS = ("enforcement_opened", "enforcement_stage_moved", "enforcement_team_assigned",
                "enforcement_resumed", "enforcement_review_opened", "enforcement_period_break")


def register_events() -> None:
    from django.utils.translation import gettext_lazy as _l

    from xiezhi.cases.events import EventType, register_event_types

    register_event_types({
        "enforcement_opened": EventType(_l("执行立案"), basis="民事诉讼法 第二百四十七条、第二百五十条"),
        "enforcement_stage_moved": EventType(_l("执行阶段流转"), public=True),
        "enforcement_team_assigned": EventType(_l("确定执行团队"), public=False),
        "enforcement_resumed": EventType(_l("恢复执行立案"), basis="终本规定 第九条"),
        "enforcement_review_opened": EventType(_l("执行审查立案"), basis="民事诉讼法 第二百三十六条、第二百三十八条"),
        "enforcement_period_break": EventType(_l("申请执行期间中止、中断"), basis=BREAK_BASIS["interruption"]),
    }, summaries={"enforcement_opened": _opened_summary, "enforcement_stage_moved": _moved_summary,
                  "enforcement_team_assigned": _team_summary})


def _opened_summary(p):
    text = _("依据 %(basis)s 立案执行，申请执行期间至 %(end)s") % {"basis": p.get("basis_number", ""),
                                                              "end": p.get("window_end", "")}
    if p.get("late"):
        text += _("；申请超过期间，已记录理由：%(reason)s") % {"reason": p.get("late_reason", "")}
    return text


def _moved_summary(p):
    return _("执行阶段：%(from)s → %(to)s") % {"from": p.get("from_label", ""), "to": p.get("to_label", "")}


def _team_summary(p):
    return _("由 %(team)s 承办") % {"team": p.get("team", "")}


def _calendar():
    from xiezhi.courts.calendar import get_work_calendar

    return get_work_calendar(strict=False)


def stage_label(stage: str) -> str:
    return str(EnforcementFile.Stage(stage).label)


# ---- checks ------------------------------------------------------------------------------

def in_enforcement_division(user) -> bool:
    division = getattr(user, "division", None)
    return division is not None and division.kind == Division.Kind.ENFORCEMENT


def may_see_file(user, case: Case) -> bool:
    return getattr(user, "is_court_staff", False) and can_view_case(user, case)


def may_manage_file(user, case: Case) -> bool:
    return can_manage_case(user, case, *MANAGE_ROLES)


def may_open(user) -> bool:
    """Who files enforcement cases: the filing judges, the president, and the 执行局's own
    officers and head (not a judge or head of a trial division)."""
    if not getattr(user, "is_court_staff", False):
        return False
    return user.has_role("filing_judge", "president") or (
        in_enforcement_division(user) and user.has_role("enforcement", "division_head"))


def _may_open(actor, court) -> None:
    if actor.court_id != court.pk or not may_open(actor):
        raise PermissionDenied(_("只有本院立案法官和执行人员可以办理执行立案。"))


def _clean_key(key) -> str:
    key = (key or "").strip()
    if len(key) > KEY_MAX:
        raise ValidationError(_("操作编号过长。"))
    return key


def _clean_amount(amount) -> Decimal | None:
    from .services import clean_amount

    if amount in (None, ""):
        return None
    return clean_amount(amount)


def _earlier(key: str) -> Case | None:
    if not key:
        return None
    f = EnforcementFile.objects.filter(key=key).select_related("case").first()
    return f.case if f else None


def enforcement_division(court) -> Division:
    division = Division.objects.filter(court=court, kind=Division.Kind.ENFORCEMENT).order_by("pk").first()
    if division is None:
        raise ValidationError(_("本院尚未设置执行局，不能办理执行立案。"))
    return division


@dataclass(frozen=True)
class Window:
    window_end: date
    basis: tuple[str, ...]
    late: bool


def application_window(effective_on: date, applied_on: date, *, due_on: date | None = None,
                       installments: list[date] | None = None) -> Window:
    """The 2-year window of CPL art. 250 and whether `applied_on` is after it. A late application is
    not refused: the debtor may raise the period (民诉解释 第四百八十一条), so it is registered with a reason."""
    try:
        w = law.enforcement_application_window(effective_on, due_on=due_on,
                                               installments=installments or None, calendar=_calendar())
    except law.EnforcementError as exc:
        raise ValidationError(str(exc))
    return Window(w.window_end, w.basis, applied_on > w.window_end)


def enforcement_fee(amount: Decimal | None) -> tuple[Decimal | None, str]:
    """执行申请费 (交费办法 第十四条第（一）项), assessed now, paid by the debtor after execution
    (第二十条第二款、第三十八条第一款)."""
    try:
        r = application_fee("enforcement", amount)
    except FeeError as exc:
        raise ValidationError(str(exc))
    return (r.fee if r.fee is not None else r.fee_min), r.basis


def source_problem(source: Case) -> str | None:
    """Why a platform case cannot be the basis of enforcement, or None."""
    if source.case_type.type_code.startswith("执"):
        return _("执行案件不能作为执行依据。")
    closing = getattr(source, "closing", None) if hasattr(source, "closing") else None
    if source.status not in (CaseStatus.CLOSED, CaseStatus.ARCHIVED) or closing is None:
        return _("%(number)s 尚未结案，没有生效的法律文书。") % {"number": source.number}
    if closing.document_kind not in ENFORCEABLE_DOCUMENTS:
        return _("%(number)s 不是以判决、裁定或调解书结案，没有可供执行的法律文书。") % {"number": source.number}
    return None


def source_effective_on(source: Case) -> date | None:
    try:
        from xiezhi.trial.selectors import effective_on
        return effective_on(source)
    except Exception:  # noqa: BLE001 — a source without appeal windows: no computed date, the clerk types it
        return None


# ---- opening -----------------------------------------------------------------------------

def _draw_number(case: Case, type_code: str, today: date) -> tuple[str, int]:
    # drawn last: the counter row stays locked until commit (cases.counters)
    serial = allocate_serial(case.court.case_code, today.year, type_code)
    return format_case_number(today.year, case.court.case_code, type_code, serial), serial


def _create(actor, court, *, type_code: str, basis_kind: str, basis_number: str, basis_title: str, issuing_body: str,
            effective_on: date, due_on, installments, applied_on: date, amount, parties: list[dict],
            source_case: Case | None, late_reason: str, key: str, title: str, link: tuple | None = None,
            extra_events=()) -> Case:
    applied_on = applied_on or timezone.localdate()
    window = application_window(effective_on, applied_on, due_on=due_on, installments=installments)
    late_reason = (late_reason or "").strip()
    if window.late and not late_reason:
        raise ValidationError(_("申请执行日期 %(applied)s 已超过申请执行期间（至 %(end)s，民事诉讼法 第二百五十条）。"
                                "被执行人可以提出异议；如仍登记立案，请填写超期理由（如期间中止、中断的事由）。")
                              % {"applied": applied_on, "end": window.window_end})
    if not any(p["role"] == "enf_applicant" for p in parties) or not any(p["role"] == "judgment_debtor" for p in parties):
        raise ValidationError(_("请至少选择一名申请执行人和一名被执行人。"))
    amount = _clean_amount(amount)
    fee, fee_basis = enforcement_fee(amount)
    today = timezone.localdate()
    division = enforcement_division(court)
    case = Case.objects.create(
        court=court, case_type=refcache.case_type(type_code), number=f"#{uuid.uuid4().hex}", year=today.year, serial=0,
        procedure=refcache.procedure("enforcement"), division=division, title=title[:300], amount=amount,
        claims=_("请求强制执行 %(basis)s 确定的义务。") % {"basis": basis_number}, filed_on=today,
        cause=source_case.cause if source_case else None,
        cause_version=source_case.cause_version if source_case else "")
    Party.objects.bulk_create([Party(case=case, **p) for p in parties])
    f = EnforcementFile.objects.create(
        case=case, kind=type_code, basis_kind=basis_kind, source_case=source_case, basis_number=basis_number[:100],
        basis_title=basis_title[:200], issuing_body=issuing_body[:200], effective_on=effective_on, due_on=due_on,
        installments=[d.isoformat() for d in installments or []], applied_on=applied_on,
        window_end=window.window_end, window_basis=list(window.basis), late=window.late,
        late_reason=late_reason if window.late else "", amount=amount, fee_assessed=fee, fee_basis=fee_basis,
        stage=EnforcementFile.Stage.FILING, stage_since=timezone.now(), key=key)
    # who registered it and the court's 立案组 see the new case at once (visible_cases reads Case.team):
    # otherwise an officer's "登记立案" would end on a page they may not open
    filing_team = EnforcementTeam.objects.filter(court=court, stage=EnforcementFile.Stage.FILING).order_by("pk").first()
    if filing_team is not None:
        f.team = filing_team
        f.save(update_fields=["team"])
        _give(case, filing_team)
    if getattr(actor, "is_court_staff", False) and actor.has_role("enforcement"):
        case.team.add(actor)
    if link:
        CaseLink.objects.get_or_create(from_case=link[0], to_case=case, kind=link[1])
    number, serial = _draw_number(case, type_code, today)
    case.number, case.serial = number, serial
    events = append_events(case, [e for e in [
        ("registered", actor, {"number": number, "filed_on": today.isoformat()}, None),
        ("procedure_set", actor, {"procedure": case.procedure.name, "limit_code": case.procedure.limit_code}, None)
        if case.procedure else None,
        ("enforcement_opened", actor, {"kind": type_code, "basis_kind": basis_kind, "basis_number": basis_number,
                                       "source_case": source_case.number if source_case else "",
                                       "applied_on": applied_on.isoformat(), "window_end": window.window_end.isoformat(),
                                       "late": window.late, "late_reason": f.late_reason,
                                       "amount": str(amount) if amount is not None else "",
                                       "fee": str(fee) if fee is not None else "", "fee_basis": fee_basis}, None),
        *extra_events] if e], refresh=False, new_case=True)
    refresh_snapshot(case, events=events, also={"number": number, "serial": serial})
    return case


def _keyed(fn):
    """A retried click with the same key returns the case the first click opened. Two clicks at
    once: the loser hits the unique key, rolls back (its number with it) and returns the winner's."""
    def wrapper(actor, *args, key: str = "", **kwargs):
        key = _clean_key(key)
        earlier = _earlier(key)
        if earlier is not None:
            return earlier
        try:
            with transaction.atomic():
                return fn(actor, *args, key=key, **kwargs)
        except IntegrityError:
            earlier = _earlier(key)
            if earlier is None:
                raise
            return earlier
    wrapper.__doc__, wrapper.__name__ = fn.__doc__, fn.__name__
    return wrapper


def _party_row(p: Party, role: str) -> dict:
    return {"role": role, "kind": p.kind, "name": p.name, "id_type": p.id_type, "id_number": p.id_number,
            "is_minor": p.is_minor, "gender": p.gender, "nationality": p.nationality, "address": p.address,
            "domicile": p.domicile, "service_address": p.service_address, "phone": p.phone,
            "legal_representative": p.legal_representative, "representative_title": p.representative_title,
            "user": p.user}


@_keyed
def open_from_case(actor, source_case: Case, applicant_party_ids, debtor_party_ids, amount, applied_on: date | None = None,
                   *, effective_on: date | None = None, due_on: date | None = None, installments=None,
                   late_reason: str = "", kind: str = "执", key: str = "") -> Case:
    """执行立案 on an effective judgment, ruling or mediation document of the platform: the parties
    picked from the source case become 申请执行人 / 被执行人; the cases are linked (CaseLink enforcement)."""
    source = Case.objects.select_related("court", "case_type").filter(pk=getattr(source_case, "pk", source_case)).first()
    if source is None:
        raise ValidationError(_("找不到执行依据案件。"))
    _may_open(actor, source.court)
    if kind not in ("执", "执保"):
        raise ValidationError(_("执行类型不正确。"))
    problem = source_problem(source)
    if problem:
        raise ValidationError(problem)
    effective_on = effective_on or source_effective_on(source)
    if effective_on is None:
        raise ValidationError(_("请填写执行依据的生效日期。"))
    applicants = set(int(i) for i in applicant_party_ids or [])
    debtors = set(int(i) for i in debtor_party_ids or [])
    if applicants & debtors:
        raise ValidationError(_("同一当事人不能既是申请执行人又是被执行人。"))
    by_id = {p.pk: p for p in source.parties.filter(role__in=PARTY_ROLES, left_case_at__isnull=True)}
    if not applicants <= by_id.keys() or not debtors <= by_id.keys():
        raise ValidationError(_("申请执行人和被执行人须为执行依据案件的当事人。"))
    parties = ([_party_row(by_id[i], "enf_applicant") for i in sorted(applicants)]
               + [_party_row(by_id[i], "judgment_debtor") for i in sorted(debtors)])
    doc = source.closing.document_kind
    names = lambda ids: "、".join(by_id[i].name for i in sorted(ids))  # noqa: E731
    return _create(actor, source.court, type_code=kind, basis_kind=EnforcementFile.Basis.PLATFORM,
                   basis_number=source.number, basis_title=ENFORCEABLE_DOCUMENTS[doc], issuing_body=source.court.name,
                   effective_on=effective_on, due_on=due_on, installments=installments, applied_on=applied_on,
                   amount=amount, parties=parties, source_case=source, late_reason=late_reason, key=key,
                   title=_("%(a)s申请执行%(d)s") % {"a": names(applicants), "d": names(debtors)},
                   link=(source, CaseLink.Kind.ENFORCEMENT))


OUTSIDE_BASES = ("arbitration", "notarial", "other_court")


@_keyed
def open_from_outside_basis(actor, court, basis_kind: str, document_no: str, issuing_body: str, effective_on: date,
                            parties: list[dict], amount=None, applied_on: date | None = None, *, basis_title: str = "",
                            due_on: date | None = None, installments=None, late_reason: str = "", kind: str = "执",
                            key: str = "") -> Case:
    """执行立案 on an arbitration award, a notarised debt instrument or another court's document.
    `parties`: [{"role": "enf_applicant"|"judgment_debtor", "name": …, "kind": "natural"|"legal"|…,
    "id_number": …}]."""
    _may_open(actor, court)
    if basis_kind not in OUTSIDE_BASES:
        raise ValidationError(_("请选择执行依据类型。"))
    if kind not in ("执", "执保"):
        raise ValidationError(_("执行类型不正确。"))
    document_no, issuing_body = (document_no or "").strip(), (issuing_body or "").strip()
    if not document_no:
        raise ValidationError(_("请填写执行依据文书编号。"))
    if not issuing_body:
        raise ValidationError(_("请填写作出执行依据的机构。"))
    if not isinstance(effective_on, date):
        raise ValidationError(_("请填写执行依据的生效日期。"))
    rows = []
    for p in parties or []:
        name = (p.get("name") or "").strip()
        if not name:
            continue
        if p.get("role") not in ("enf_applicant", "judgment_debtor"):
            raise ValidationError(_("当事人地位不正确。"))
        idn = (p.get("id_number") or "").strip().upper()[:40]
        pkind = p.get("kind") or "natural"
        rows.append({"role": p["role"], "kind": pkind, "name": name[:200], "id_number": idn,
                     "id_type": ("居民身份证" if pkind == "natural" else "统一社会信用代码") if idn else ""})
    names = lambda role: "、".join(r["name"] for r in rows if r["role"] == role)  # noqa: E731
    return _create(actor, court, type_code=kind, basis_kind=basis_kind, basis_number=document_no,
                   basis_title=basis_title or str(EnforcementFile.Basis(basis_kind).label), issuing_body=issuing_body,
                   effective_on=effective_on, due_on=due_on, installments=installments, applied_on=applied_on,
                   amount=amount, parties=rows, source_case=None, late_reason=late_reason, key=key,
                   title=_("%(a)s申请执行%(d)s") % {"a": names("enf_applicant"), "d": names("judgment_debtor")})


def resume(actor, earlier_case: Case, reason: str, *, key: str = "") -> Case:
    """恢复执行 (执恢): a new case on the same basis, linked to the earlier one — e.g. a 终本 case
    whose debtor has assets again (终本规定 第九条). The application period does not run again."""
    reason = (reason or "").strip()
    earlier = Case.objects.select_related("court", "case_type").filter(pk=getattr(earlier_case, "pk", earlier_case)).first()
    if earlier is None or not hasattr(earlier, "enforcement"):
        raise ValidationError(_("只有执行案件可以恢复执行。"))
    if not can_manage_case(actor, earlier, *OPEN_ROLES):
        raise PermissionDenied(_("只有本院执行人员可以办理恢复执行。"))
    if not reason:
        raise ValidationError(_("请填写恢复执行的理由。"))
    key = _clean_key(key) or f"resume-{earlier.pk}-{uuid.uuid5(uuid.NAMESPACE_OID, reason).hex[:16]}"
    found = _earlier(key)
    if found is not None:
        return found
    f = earlier.enforcement
    parties = [_party_row(p, p.role) for p in earlier.parties.filter(role__in=("enf_applicant", "judgment_debtor"))]
    try:
        with transaction.atomic():
            lock_case(earlier)
            new = _create(actor, earlier.court, type_code="执恢", basis_kind=f.basis_kind, basis_number=f.basis_number,
                          basis_title=f.basis_title, issuing_body=f.issuing_body, effective_on=f.effective_on,
                          due_on=f.due_on, installments=[date.fromisoformat(d) for d in f.installments],
                          # the earlier application stopped the period (执行程序解释 第二十条): same window facts
                          applied_on=f.applied_on, amount=f.amount, parties=parties, source_case=f.source_case,
                          late_reason=f.late_reason, key=key, title=earlier.title,
                          link=(earlier, CaseLink.Kind.RELATED),
                          extra_events=[("enforcement_resumed", actor, {"earlier": earlier.number, "reason": reason},
                                         None)])
            append_events(earlier, [("enforcement_resumed", actor, {"resumed_as": new.number, "reason": reason}, None)],
                          refresh=False)
            return new
    except IntegrityError:
        found = _earlier(key)
        if found is None:
            raise
        return found


@transaction.atomic
def open_review(actor, enforcement_case: Case, kind: str, applicant_party, grounds: str, judge=None) -> Case:
    """执行异议 (执异) or 执行复议 (执复): a review case tried by a judge, never by an implementation
    team; linked to the enforcement case. The trial module tries it."""
    if kind not in REVIEW_KINDS:
        raise ValidationError(_("请选择执行异议或执行复议。"))
    case = lock_case(enforcement_case)
    if not can_manage_case(actor, case, *OPEN_ROLES):
        raise PermissionDenied(_("只有本院立案法官和执行人员可以办理执行审查立案。"))
    if not hasattr(case, "enforcement"):
        raise ValidationError(_("只有执行案件可以提出执行异议或复议。"))
    grounds = (grounds or "").strip()
    if not grounds:
        raise ValidationError(_("请填写异议或复议的理由。"))
    party = case.parties.filter(pk=getattr(applicant_party, "pk", applicant_party)).first()
    if party is None:
        raise ValidationError(_("申请人须为执行案件的当事人或利害关系人。"))
    # the same application sent twice (a double click, a retry) opens one review case: the enforcement
    # case is locked above, so the second request sees the first one's case here
    same = (Case.objects.filter(case_type__type_code=kind, links_in__from_case=case, parties__name=party.name,
                                facts=grounds, filed_on=timezone.localdate()).order_by("pk").first())
    if same is not None:
        return same
    if judge is not None and (not judge.has_role("judge") or judge.court_id != case.court_id):
        raise ValidationError(_("执行审查案件须由本院法官审查。"))
    today = timezone.localdate()
    review = Case.objects.create(
        court=case.court, case_type=refcache.case_type(kind), number=f"#{uuid.uuid4().hex}", year=today.year, serial=0,
        division=case.division, judge=judge, title=_("%(name)s对%(number)s提出%(kind)s") % {
            "name": party.name, "number": case.number, "kind": _("执行异议") if kind == "执异" else _("执行复议")},
        facts=grounds, filed_on=today)
    Party.objects.create(case=review, **{**_party_row(party, "applicant")})
    CaseLink.objects.create(from_case=case, to_case=review, kind=CaseLink.Kind.RELATED)
    number, serial = _draw_number(review, kind, today)
    review.number, review.serial = number, serial
    events = append_events(review, [
        ("registered", actor, {"number": number, "filed_on": today.isoformat()}, None),
        ("enforcement_review_opened", actor, {"kind": kind, "enforcement_case": case.number, "grounds": grounds[:500]},
         None),
        *([("organisation_set", actor, {"judge": judge.display_name, "judge_id": judge.pk, "reason": ""}, None)]
          if judge else []),
    ], refresh=False, new_case=True)
    refresh_snapshot(review, events=events, also={"number": number, "serial": serial})
    append_events(case, [("enforcement_review_opened", actor, {"kind": kind, "review_case": number,
                                                               "grounds": grounds[:500]}, None)], refresh=False)
    if judge:
        notify([judge], _("新收执行审查案件 %(number)s 已分配给您。") % {"number": number}, case=review, kind="assigned")
    return review


# ---- stages and teams --------------------------------------------------------------------

def _file_for(actor, case: Case, roles=STAGE_ROLES) -> tuple[Case, EnforcementFile]:
    case = lock_case(case)
    if not can_manage_case(actor, case, *roles):
        raise PermissionDenied(_("只有执行局负责人可以调整执行阶段和团队。"))
    f = EnforcementFile.objects.select_for_update().filter(case=case).first()
    if f is None:
        raise ValidationError(_("该案件不是执行实施案件。"))
    return case, f


def _team(team, case: Case, stage: str) -> EnforcementTeam | None:
    if team in (None, ""):
        return None
    t = EnforcementTeam.objects.filter(pk=getattr(team, "pk", team), court_id=case.court_id).first()
    if t is None:
        raise ValidationError(_("找不到该执行团队。"))
    if t.stage != stage:
        raise ValidationError(_("%(team)s 负责%(stage)s阶段，不能承办%(other)s阶段。") % {
            "team": t.name, "stage": stage_label(t.stage), "other": stage_label(stage)})
    return t


def next_stage(stage: str) -> str | None:
    i = STAGE_ORDER.index(stage)
    return STAGE_ORDER[i + 1] if i + 1 < len(STAGE_ORDER) else None


def _give(case: Case, t: EnforcementTeam | None) -> None:
    # the team's people must see the case (cases.selectors.visible_cases reads Case.team)
    if t is not None:
        people = list(t.members.all()) + ([t.leader] if t.leader_id else [])
        if people:
            case.team.add(*people)


@transaction.atomic
def move_to_stage(actor, case: Case, stage: str, team=None) -> EnforcementFile:
    """Move the case one stage forward (立案 → 查控 → 处置 → 结案 → 已结), to a team serving that
    stage. Moving to the stage it is already in with the same team is a repeated click: nothing."""
    case, f = _file_for(actor, case)
    if stage not in STAGE_ORDER:
        raise ValidationError(_("执行阶段不正确。"))
    t = _team(team, case, stage) if stage != EnforcementFile.Stage.CLOSED else None
    if f.stage == stage and (t is None or f.team_id == t.pk):
        return f
    if f.stage == stage:  # the same stage to another team of it: a change of team
        return _set_team(actor, case, f, t)
    if stage == EnforcementFile.Stage.CLOSED and case.status not in ("closed", "archived"):
        # 已结 is reached by a closing (closing.py: 执行完毕, 终结执行, 不予执行, 终本 with its five
        # conditions), never by moving the file: a stage move would skip every check of 终本规定
        raise ValidationError(_("执行案件须在案件页面“执行结案”中办理结案（执行完毕、终结执行、不予执行或终结本次执行程序）。"))
    if next_stage(f.stage) != stage:
        raise ValidationError(_("执行阶段须依次流转：当前为%(now)s，下一阶段为%(next)s。") % {
            "now": stage_label(f.stage), "next": stage_label(next_stage(f.stage)) if next_stage(f.stage) else _("无")})
    old = f.stage
    f.stage, f.team, f.stage_since = stage, t, timezone.now()
    f.save(update_fields=["stage", "team", "stage_since"])
    _give(case, t)
    append_events(case, [("enforcement_stage_moved", actor, {
        "from": old, "to": stage, "from_label": stage_label(old), "to_label": stage_label(stage),
        "team": t.name if t else "", "team_id": t.pk if t else None}, None)], refresh=False)
    if t is not None:
        notify([u for u in [t.leader] if u], _("执行案件 %(number)s 已转入%(stage)s阶段，由 %(team)s 承办。") % {
            "number": case.number, "stage": stage_label(stage), "team": t.name}, case=case, kind="enforcement_stage")
    return f


@transaction.atomic
def assign_team(actor, case: Case, team) -> EnforcementFile:
    """Give the current stage to another team serving it."""
    case, f = _file_for(actor, case)
    t = _team(team, case, f.stage)
    if t is None:
        raise ValidationError(_("请选择执行团队。"))
    return _set_team(actor, case, f, t)


def _set_team(actor, case: Case, f: EnforcementFile, t: EnforcementTeam) -> EnforcementFile:
    if f.team_id == t.pk:
        return f
    f.team = t
    f.save(update_fields=["team"])
    _give(case, t)
    append_events(case, [("enforcement_team_assigned", actor, {"team": t.name, "team_id": t.pk,
                                                               "stage": f.stage}, None)], refresh=False)
    return f


@transaction.atomic
def record_period_break(actor, case: Case, kind: str, started_on: date, reason: str,
                        ended_on: date | None = None) -> PeriodBreak:
    """Record a 中止 / 中断 of the application period (执行程序解释 第十九条至第二十一条)."""
    case, f = _file_for(actor, case, MANAGE_ROLES)
    if kind not in BREAK_BASIS:
        raise ValidationError(_("请选择中止或中断。"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写中止、中断的事由。"))
    if ended_on is not None and ended_on < started_on:
        raise ValidationError(_("结束日期不能早于开始日期。"))
    b = PeriodBreak.objects.create(file=f, kind=kind, started_on=started_on, ended_on=ended_on, reason=reason[:500],
                                   basis=BREAK_BASIS[kind], recorded_by=actor, recorded_at=timezone.now())
    append_events(case, [("enforcement_period_break", actor, {"kind": kind, "started_on": started_on.isoformat(),
                                                              "reason": reason[:500], "basis": b.basis}, None)],
                  refresh=False)
    return b


# ---- selectors ---------------------------------------------------------------------------

def implementation_files(court_id):
    """Enforcement files of implementation cases (执 / 执恢 / 执保) — never 执异 / 执复."""
    return (EnforcementFile.objects.filter(case__court_id=court_id, case__case_type__type_code__in=IMPLEMENTATION_KINDS)
            .select_related("case", "team", "case__judge"))


def head_overview(user, today: date | None = None) -> dict:
    """The enforcement-division head's page: counts per stage, cases per team, stages waited too long."""
    files = implementation_files(user.court_id)
    counts = dict(files.values_list("stage").annotate(n=Count("id")).values_list("stage", "n"))
    stages = [(s, stage_label(s), counts.get(s, 0)) for s in STAGE_ORDER]
    teams = list(EnforcementTeam.objects.filter(court_id=user.court_id)
                 .annotate(n=Count("files", filter=~Q(files__stage="closed"))).select_related("leader")
                 .order_by("id"))
    now = timezone.now()
    late = Q()
    for s, days in STAGE_WAIT_DAYS.items():
        late |= Q(stage=s, stage_since__lt=now - timedelta(days=days))
    waiting = list(files.filter(late).order_by("stage_since")[:50])
    open_files = list(files.exclude(stage="closed").order_by("stage_since")[:200])
    by_stage = {}
    for t in EnforcementTeam.objects.filter(court_id=user.court_id).order_by("id"):
        by_stage.setdefault(t.stage, []).append(t)
    for f in open_files:
        f.next = next_stage(f.stage)
        f.next_label = stage_label(f.next) if f.next else ""
        f.next_teams = by_stage.get(f.next, [])
        f.waited = (now - f.stage_since).days
    return {"stages": stages, "teams": teams, "waiting": waiting, "files": open_files}


NEXT_ACTION = {"filing": _lazy("审查立案材料，发出执行通知书和报告财产令"), "search": _lazy("发起网络查控，登记查控结果"),
               "disposal": _lazy("评估、拍卖或变卖已控制的财产"), "closing": _lazy("核对执行款，选择结案方式"), "closed": ""}


def my_files(user) -> list[tuple[str, str, list]]:
    """An enforcement officer's cases grouped by stage, with the next action: cases they handle as
    officer, and cases of teams they belong to."""
    files = implementation_files(user.court_id).filter(
        Q(case__judge_id=user.pk) | Q(team__members=user) | Q(team__leader=user)).exclude(stage="closed").distinct()
    groups = {s: [] for s in STAGE_ORDER if s != "closed"}
    for f in files.order_by("stage_since"):
        groups[f.stage].append(f)
    return [(s, stage_label(s), str(NEXT_ACTION[s]), groups[s]) for s in groups]
