"""State-changing actions of the trial app. Each takes the acting user first, checks
permission, validates, writes inside a transaction and appends CaseEvents through
xiezhi.cases.services (design.md principle 5)."""
from __future__ import annotations

import random
import secrets
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezhi.accounts.selectors import staff_with_role
from xiezhi.cases import services as cs
from xiezhi.cases.closing import CLOSING_CHECKS, closing_problems, register_closing_check
from xiezhi.cases.models import Case, CaseLink, CaseStatus, Party
from xiezhi.cases.selectors import OPEN_STATUSES, can_manage_case
from xiezhi.courts import refcache
from xiezhi.filing.services import assess_conversion_balance
from xiezhi.law import smallclaims, timelimits
from xiezhi.law.appeal import AppealError, appeal_period, final_instance_basis
from xiezhi.law.closing import ClosingDateError, closing_date
from xiezhi.law.periods import PeriodError, in_time as law_in_time, late_application_deadline

from .models import (
    Appeal,
    AppealWindow,
    Assessor,
    Assignment,
    Closing,
    DeclaredRelation,
    LateApplication,
    Pronouncement,
    ExtensionRequest,
    JudgeProfile,
    PanelMember,
    RoutingProposal,
    TransferPackage,
)
from xiezhi.law.panels import (
    SINGLE_JUDGE_BARRED,
    VOTER_QUALIFICATION_BASIS,
    Composition,
    composition_for,
    single_judge_refusal,
)

SUGGESTED_CODES = {"small_claims": "civil_small_claims", "summary": "civil_summary", "ordinary": "civil_ordinary"}
ROUTING_ROLES = ("filing_judge", "clerk", "division_head", "judge")


def _require(user, case: Case, *roles: str) -> None:
    if not can_manage_case(user, case, *roles):
        raise PermissionDenied(_("您无权办理此案件。"))


# ---- 繁简分流 ---------------------------------------------------------------------

@transaction.atomic
def propose_procedure(actor, case: Case, *, exclusions=(), money_payment: bool = True,
                      parties_agree_small_claims: bool = False) -> RoutingProposal:
    """Suggest small-claims / summary / ordinary procedure (domain §3.4) for a civil case."""
    from xiezhi.courts.province import small_claims_wage

    _require(actor, case, *ROUTING_ROLES)
    if not case.procedure or case.procedure.case_kind != "civil":
        raise ValidationError(_("繁简分流建议只适用于民事案件。"))
    try:
        found = small_claims_wage(case.court.province_abbr, case.filed_on)
    except smallclaims.SmallClaimsError as exc:
        raise ValidationError(str(exc))
    if found is None:
        raise ValidationError(_("本省尚未录入就业人员年平均工资，无法提出建议。"))
    year, wage = found
    try:
        s = smallclaims.procedure_suggestion(case.amount, wage, money_payment=money_payment,
                                             exclusions=exclusions,
                                             parties_agree_small_claims=parties_agree_small_claims)
    except smallclaims.SmallClaimsError as exc:
        raise ValidationError(str(exc))
    proposal, _created = RoutingProposal.objects.update_or_create(case=case, defaults={
        "suggested": s.procedure, "suggested_code": SUGGESTED_CODES[s.procedure], "reason": s.reason,
        "basis": s.basis, "exclusions": sorted(exclusions), "wage_year": year, "wage": wage, "decided_code": "",
        "override_reason": "", "decided_by": None, "decided_at": None})
    return proposal


@transaction.atomic
def decide_procedure(actor, case: Case, procedure_code: str, override_reason: str = "") -> Case:
    """Confirm the procedure before the trial organisation is set. Not following the proposal
    needs a reason. Afterwards a change is a conversion (cases.services.convert_procedure)."""
    _require(actor, case, *ROUTING_ROLES)
    proposal = RoutingProposal.objects.select_for_update().filter(case=case).first()
    if proposal is None:
        raise ValidationError(_("请先生成繁简分流建议。"))
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.REGISTERED or case.judge_id:
        raise ValidationError(_("已确定审判组织，变更程序请使用程序转换。"))
    procedure = refcache.procedure(procedure_code)
    if procedure is None or procedure.case_kind != "civil":
        raise ValidationError(_("请选择民事审理程序。"))
    if procedure_code != proposal.suggested_code and not override_reason.strip():
        raise ValidationError(_("不采纳分流建议须填写理由。"))
    proposal.decided_code = procedure_code
    proposal.override_reason = override_reason.strip() if procedure_code != proposal.suggested_code else ""
    proposal.decided_by, proposal.decided_at = actor, timezone.now()
    proposal.save()
    if case.procedure_id != procedure.pk:
        case.procedure = procedure
        case.save(update_fields=["procedure"])
        cs.append_event(case, "procedure_set", actor, {"procedure": procedure.name, "limit_code": procedure.limit_code,
                                                       "reason": proposal.override_reason})
    return case


def convert(actor, case: Case, procedure_code: str, reason: str, on: date | None = None) -> Case:
    """简易 → 普通: the case core does it (time limit from the original filing date, §3.1)."""
    procedure = refcache.procedure(procedure_code)
    if procedure is None:
        raise ValidationError(_("请选择审理程序。"))
    with transaction.atomic():
        old = case.procedure
        case = cs.convert_procedure(actor, case, procedure, reason, on=on)
        if old is not None:
            # 民诉解释 第一百九十九条: the balance of the acceptance fee, due 7 days after the notice
            assess_conversion_balance(actor, case, old, procedure)
    return case


# ---- 分案 -------------------------------------------------------------------------

DIVISION_FOR_KIND = {"civil": ("civil", "tribunal"), "criminal": ("criminal",), "administrative": ("administrative",),
                     "enforcement": ("enforcement",)}


def _staff_in_court(case: Case):
    return staff_with_role(case.court_id, "judge")


def conflicts(judge, case: Case) -> list[str]:
    """回避 (民事诉讼法 第四十七条): a declared relation with a party or agent of the case, or
    having handled an earlier or linked stage (民诉解释 第四十五条)."""
    why = []
    people = list(Party.objects.filter(case=case).values_list("name", "id_number"))
    names = {n for n, _i in people}
    ids = {i.upper() for _n, i in people if i}
    for rel in DeclaredRelation.objects.filter(judge=judge):
        if rel.name in names or (rel.id_number and rel.id_number.upper() in ids):
            why.append(_("与当事人或代理人 %(name)s 有利害关系（%(relation)s）") % {"name": rel.name,
                                                                                "relation": rel.relation})
    linked = set(CaseLink.objects.filter(to_case=case).values_list("from_case_id", flat=True)) | \
        set(CaseLink.objects.filter(from_case=case).values_list("to_case_id", flat=True))
    if linked:
        handled = Case.objects.filter(pk__in=linked, judge=judge).values_list("number", flat=True)
        on_panel = Case.objects.filter(pk__in=linked, panel_members__user=judge).values_list("number", flat=True)
        for number in sorted(set(handled) | set(on_panel)):
            why.append(_("曾参与关联案件 %(number)s 的审理") % {"number": number})
    return why


def eligibility(case: Case) -> tuple[list[dict], list[dict]]:
    """The random-draw candidates (with current open load) and who was left out and why."""
    kind = case.procedure.case_kind if case.procedure else "civil"
    division_ok = DIVISION_FOR_KIND.get(kind, (kind,))
    profiles = {p.judge_id: p for p in JudgeProfile.objects.filter(judge__court_id=case.court_id)}
    # every judge's open load in one query (not one count per judge)
    loads = dict(Case.objects.filter(court_id=case.court_id, status__in=OPEN_STATUSES, judge__isnull=False)
                 .exclude(pk=case.pk).values("judge").annotate(n=Count("id")).values_list("judge", "n"))
    candidates, excluded = [], []
    for j in _staff_in_court(case):
        why = []
        if case.division_id and case.division and case.division.kind in division_ok:
            if j.division_id != case.division_id:
                continue  # another division's judges are not in this team
        elif not j.division or j.division.kind not in division_ok:
            continue
        p = profiles.get(j.pk)
        if p is not None:
            if not p.in_rotation:
                why.append(_("未参加随机分案"))
            if p.case_type_codes and case.case_type.type_code not in p.case_type_codes:
                why.append(_("不承办该类型案件"))
            if p.cause_names and (case.cause is None or case.cause.name not in p.cause_names):
                why.append(_("不属于其专业化审理的案由"))
        why += conflicts(j, case)
        if why:
            excluded.append({"id": j.pk, "name": j.display_name, "why": [str(w) for w in why]})
        else:
            candidates.append({"id": j.pk, "name": j.display_name, "load": loads.get(j.pk, 0)})
    return candidates, excluded


def draw(candidates: list[dict], seed: str) -> dict:
    """Weighted random draw: weight 1 / (1 + open load), so lighter dockets are likelier.
    Same candidates and seed → same judge (the record can be re-run by anyone)."""
    rng = random.Random(seed)
    ordered = sorted(candidates, key=lambda c: c["id"])
    return rng.choices(ordered, weights=[1 / (1 + c["load"]) for c in ordered])[0]


@transaction.atomic
def assign_random(actor, case: Case, seed: str | None = None) -> Assignment:
    """随机分案 among the eligible judges of the team; the record keeps candidates and seed."""
    from xiezhi.accounts.models import User

    _require(actor, case, "filing_judge", "division_head", "president")
    case = cs.lock_case(case)
    if case.status not in (CaseStatus.REGISTERED, CaseStatus.IN_TRIAL):
        raise ValidationError(_("该案件不能分案。"))
    if case.judge_id:
        # a second draw would let anyone redraw until a wanted judge comes up: a change of judge
        # is a reassignment with a reason, approved by the division head (request_manual)
        raise ValidationError(_("该案件已确定承办法官，不能再随机分案；变更承办法官请提出指定分案申请并说明理由。"))
    candidates, excluded = eligibility(case)
    if not candidates:
        raise ValidationError(_("没有符合条件的法官，请指定分案。"))
    seed = seed or secrets.token_hex(8)
    chosen = draw(candidates, seed)
    judge = User.objects.get(pk=chosen["id"])
    a = Assignment.objects.create(case=case, method=Assignment.Method.RANDOM, status=Assignment.Status.DONE,
                                  judge=judge, candidates=candidates, excluded=excluded, seed=seed,
                                  requested_by=actor, decided_at=timezone.now())
    cs.assign_judge(actor, case, judge, reason=_("随机分案"))
    return a


@transaction.atomic
def request_manual(actor, case: Case, judge, reason: str) -> Assignment:
    """指定分案 request: needs a reason and the division head's approval. On a case that has a
    judge it is the request to change the judge (变更承办法官); the old judge is told on approval."""
    _require(actor, case, "filing_judge", "division_head", "president")
    if not reason.strip():
        raise ValidationError(_("指定分案须填写理由。"))
    case = cs.lock_case(case)
    _check_reassignable(case)
    if case.judge_id == judge.pk:
        raise ValidationError(_("所选法官已是本案承办法官。"))
    if judge.court_id != case.court_id or not judge.has_role("judge"):
        raise ValidationError(_("所选人员不是本院审判员。"))
    why = conflicts(judge, case)
    if why:
        raise ValidationError([str(w) for w in why])
    if Assignment.objects.filter(case=case, status=Assignment.Status.PENDING).exists():
        raise ValidationError(_("该案已有待审批的指定分案申请。"))
    try:
        with transaction.atomic():  # the partial unique constraint is the backstop of the check above
            a = Assignment.objects.create(case=case, method=Assignment.Method.MANUAL,
                                          status=Assignment.Status.PENDING, judge=judge, reason=reason.strip(),
                                          requested_by=actor)
    except IntegrityError:
        raise ValidationError(_("该案已有待审批的指定分案申请。"))
    heads = [u for u in staff_with_role(case.court_id, "division_head") if u.division_id == judge.division_id]
    cs.notify(heads, _("案件 %(number)s 有指定分案申请待审批。") % {"number": case.number}, case=case,
              kind="manual_assignment")
    return a


def _check_reassignable(case: Case) -> None:
    if case.status == CaseStatus.SUSPENDED:
        # the organisation_set node would end the suspension on the timeline (cases.events.STATUS_AFTER)
        raise ValidationError(_("案件中止审理期间不能变更承办法官，请在恢复审理后申请。"))
    if case.status not in (CaseStatus.REGISTERED, CaseStatus.IN_TRIAL):
        raise ValidationError(_("该案件已结案，不能变更承办法官。"))


def can_decide_assignment(user, a: Assignment) -> bool:
    return (user.has_role("division_head") and user.court_id == a.case.court_id
            and user.division_id is not None and user.division_id == a.judge.division_id)


@transaction.atomic
def decide_manual(head, a: Assignment, approve: bool, note: str = "") -> Assignment:
    cs.lock_case(a.case_id)  # the case before the request, as every case service does: one lock order
    a = Assignment.objects.select_for_update(of=("self",)).select_related("case", "judge", "requested_by").get(pk=a.pk)
    if not can_decide_assignment(head, a):
        raise PermissionDenied(_("指定分案须由该审判庭庭长审批。"))
    if a.status != Assignment.Status.PENDING:
        raise ValidationError(_("该申请已处理。"))
    if head.pk == a.requested_by_id:
        raise ValidationError(_("申请人不能审批自己的申请。"))
    a.approved_by, a.decided_at, a.decision_note = head, timezone.now(), note.strip()
    if not approve:
        a.status = Assignment.Status.REJECTED
        a.save()
        return a
    why = conflicts(a.judge, a.case)
    if why:
        raise ValidationError([str(w) for w in why])
    _check_reassignable(a.case)
    a.status = Assignment.Status.DONE
    a.save()
    # executed by the requester (who handles the unassigned case), approved by the head;
    # assign_judge tells a previous judge and records the change with this reason
    cs.assign_judge(a.requested_by, a.case, a.judge,
                    reason=_("指定分案：%(reason)s（%(head)s 批准）") % {"reason": a.reason, "head": head.display_name})
    return a


# ---- 合议庭 -----------------------------------------------------------------------

def _member_rows(case: Case):
    return list(PanelMember.objects.filter(case=case, active=True).select_related("user", "assessor").order_by("pk"))


@transaction.atomic
def _voter_qualification(case: Case) -> bool:
    """选民资格案件 (案件类型 0310, or the cause 选民资格案件 / 申请确定选民资格)."""
    return (case.case_type.code == "0310") or bool(case.cause_id and "选民资格" in case.cause.name)


def form_panel(actor, case: Case, *, presiding=None, judges=(), assessors: int = 0, seed: str | None = None,
               single_reason: str = "", art42_grounds=()) -> list[PanelMember]:
    """组成审判组织: single judge or a panel of three by procedure (民事诉讼法 第四十条), people's
    assessors drawn at random from the court's pool (人民陪审员法 第十九条). A change is an event."""
    _require(actor, case, "judge", "division_head", "president")
    case = Case.objects.select_for_update(of=("self",)).select_related("procedure", "court", "judge").get(pk=case.pk)
    if case.judge is None:
        raise ValidationError(_("请先确定承办法官。"))
    if case.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        raise ValidationError(_("案件已结案。"))
    limit_code = case.procedure.limit_code if case.procedure else "civil_ordinary"
    comp = composition_for(limit_code, case.court.level)
    single = comp.form == "single" or (comp.single_allowed and single_reason.strip() and not judges and not assessors)
    if comp.form == "collegial" and single and not comp.single_allowed:
        raise ValidationError(_("该程序应当组成合议庭。"))
    grounds = [g for g in art42_grounds if g]
    if any(g not in SINGLE_JUDGE_BARRED for g in grounds):
        raise ValidationError(_("请选择民事诉讼法第四十二条列明的情形。"))
    # 民事诉讼法 第四十二条、第一百八十五条: these cases are never heard by a single judge
    if single:
        refusal = single_judge_refusal(limit_code, grounds, voter_qualification=_voter_qualification(case))
        if refusal and limit_code == "civil_special" and (judges or assessors):
            # 第一百八十五条: a special-procedure case that needs a panel gets one of three judges
            single = False
            comp = Composition("collegial", 3, VOTER_QUALIFICATION_BASIS)
        elif refusal:
            raise ValidationError(refusal)
    members: list[tuple[str, object, object]] = []
    basis = comp.basis
    reason = ""
    if single:
        if comp.form == "collegial":
            reason = single_reason.strip()
            basis = "民事诉讼法 第四十条第二款（基层人民法院普通程序独任审理）"
        if judges or assessors:
            raise ValidationError(_("独任审理不另设合议庭成员。"))
        members.append((PanelMember.Role.SOLE, case.judge, None))
    else:
        presiding = presiding or case.judge
        judge_list = [presiding] + [j for j in judges if j.pk != presiding.pk]
        if case.judge not in judge_list:
            judge_list.append(case.judge)
        for j in judge_list:
            if j.court_id != case.court_id or not j.has_role("judge", "division_head", "president"):
                raise ValidationError(_("合议庭成员须为本院审判员。"))
            why = conflicts(j, case)
            if why:
                raise ValidationError([str(w) for w in why])
        if len(judge_list) + assessors != comp.size:
            raise ValidationError(_("合议庭成员应为 %(n)s 人（单数）。") % {"n": comp.size})
        members.append((PanelMember.Role.PRESIDING, presiding, None))
        members += [(PanelMember.Role.JUDGE, j, None) for j in judge_list[1:]]
        if assessors:
            party_names = set(Party.objects.filter(case=case).values_list("name", flat=True))
            pool = [a for a in Assessor.objects.filter(court=case.court, active=True).order_by("pk")
                    if a.name not in party_names]
            if len(pool) < assessors:
                raise ValidationError(_("人民陪审员库人数不足。"))
            seed = seed or secrets.token_hex(8)
            members += [(PanelMember.Role.ASSESSOR, None, a) for a in random.Random(seed).sample(pool, assessors)]
    PanelMember.objects.filter(case=case, active=True).update(active=False)
    rows = [PanelMember.objects.create(case=case, role=r, user=u, assessor=a) for r, u, a in members]
    for u in [u for _r, u, _a in members if u is not None and u.pk != case.judge_id]:
        case.team.add(u)
    cs.append_event(case, "panel_set", actor, {
        "form": "single" if single else "collegial",
        "members": [{"role": m.role, "role_label": str(m.get_role_display()), "name": m.name} for m in rows],
        "reason": reason, "basis": basis, "seed": seed if assessors else ""})
    return rows


# ---- 审限：延长、中止 ---------------------------------------------------------------

@transaction.atomic
def request_extension(actor, case: Case, reason: str, months: int = 0, days: int = 0,
                      today: date | None = None) -> ExtensionRequest:
    """延长审限申请 by the handling judge (延长审限规定 第一条: 届满 15 日前申请)."""
    _require(actor, case, "judge")
    if case.judge_id != actor.pk:
        raise PermissionDenied(_("延长审限由承办法官申请。"))
    if not reason.strip():
        raise ValidationError(_("请填写延长审限的理由。"))
    if months < 0 or days < 0 or months + days == 0:
        raise ValidationError(_("请填写延长的期限。"))
    case = cs.lock_case(case)
    if ExtensionRequest.objects.filter(case=case, status=ExtensionRequest.Status.PENDING).exists():
        raise ValidationError(_("已有待审批的延长审限申请。"))
    events = list(case.events.all())
    inputs = cs.time_limit_inputs(events)
    tl = cs.time_limit_status(case, events, today)
    if tl is None:
        raise ValidationError(_("尚未确定审理程序，无法延长审限。"))
    try:
        _amount, approver = timelimits.max_extension_allowed(inputs["current_code"], inputs["extensions"])
        timelimits.check_extensions(inputs["current_code"], inputs["extensions"] + [{"months": months, "days": days}])
    except timelimits.TimeLimitError as exc:
        raise ValidationError(str(exc))
    today = today or timezone.localdate()
    if tl.unlimited:
        raise ValidationError(_("本案不受审限限制（民事诉讼法第二百八十七条），无需延长审限。"))
    if today > tl.limit_end:
        raise ValidationError(_("审限已届满，不能再申请延长。"))
    # 延长审限规定 第一条 (civil 15/5 days); 审限规定 第十一条、第十三条、第十四条 (criminal, administrative)
    apply_by, decide_by = timelimits.extension_request_deadlines(tl.limit_end, category(case))
    try:
        with transaction.atomic():  # the partial unique constraint is the backstop of the check above
            req = ExtensionRequest.objects.create(
                case=case, months=months, days=days, reason=reason.strip(), approver_role=approver,
                limit_end=tl.limit_end, apply_by=apply_by, decide_by=decide_by, late=today > apply_by,
                requested_by=actor)
    except IntegrityError:
        raise ValidationError(_("已有待审批的延长审限申请。"))
    cs.append_event(case, "extension_requested", actor, {
        "months": months, "days": days, "reason": req.reason, "approver": timelimits.APPROVER_ROLES.get(approver, approver),
        "apply_by": apply_by.isoformat(), "decide_by": decide_by.isoformat(), "late": req.late})
    presidents = staff_with_role(case.court_id, "president")
    cs.notify(presidents, _("案件 %(number)s 申请延长审限，请于 %(date)s 前决定。") % {"number": case.number,
                                                                               "date": decide_by},
              case=case, kind=f"extension_{req.pk}")
    return req


@transaction.atomic
def decide_extension(actor, req: ExtensionRequest, approve: bool, note: str = "",
                     higher_court_ref: str = "") -> ExtensionRequest:
    """The president approves the first extension; further ones need the higher court's
    approval, recorded here with its reference (民事诉讼法 第一百五十二条)."""
    cs.lock_case(req.case_id)  # the case before the request: one lock order with request_extension
    req = ExtensionRequest.objects.select_for_update(of=("self",)).select_related("case").get(pk=req.pk)
    if not actor.has_role("president") or actor.court_id != req.case.court_id:
        raise PermissionDenied(_("延长审限须经院长批准或由院长登记上级法院的批准。"))
    if req.status != ExtensionRequest.Status.PENDING:
        raise ValidationError(_("该申请已处理。"))
    req.decided_by, req.decided_at, req.decision_note = actor, timezone.now(), note.strip()
    if not approve:
        req.status = ExtensionRequest.Status.REJECTED
        req.save()
        cs.append_event(req.case, "extension_rejected", actor, {"reason": req.decision_note})
        return req
    reason = req.reason
    if req.approver_role != "president":
        if not higher_court_ref.strip():
            raise ValidationError(_("请登记%(who)s的批准文号。") % {
                "who": timelimits.APPROVER_ROLES.get(req.approver_role, req.approver_role)})
        req.higher_court_ref = higher_court_ref.strip()
        reason = f"{reason}（{timelimits.APPROVER_ROLES.get(req.approver_role)}批准，{req.higher_court_ref}）"
    req.status = ExtensionRequest.Status.APPROVED
    req.save()
    cs.approve_extension(actor, req.case, reason, months=req.months, days=req.days)
    return req


def _suspended(case: Case) -> bool:
    return case.status == CaseStatus.SUSPENDED


@transaction.atomic
def suspend(actor, case: Case, start: date, reason: str):
    """中止审理 (民事诉讼法 第一百五十三条); the period is deducted (审限规定 第九条第（九）项)."""
    _require(actor, case, "judge", "division_head", "president")
    if not reason.strip():
        raise ValidationError(_("请填写中止的理由。"))
    case = cs.lock_case(case)  # a second click waits here and then sees the first one's node
    if _suspended(case):
        raise ValidationError(_("该案件已中止。"))
    if case.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        raise ValidationError(_("案件当前不能中止。"))
    if start < case.filed_on:
        raise ValidationError(_("中止日期早于立案日期。"))
    return cs.append_event(case, "suspended", actor, {"kind": "suspension", "start": start.isoformat(),
                                                      "reason": reason.strip()})


@transaction.atomic
def resume(actor, case: Case, end: date, reason: str = ""):
    _require(actor, case, "judge", "division_head", "president")
    case = cs.lock_case(case)
    if not _suspended(case):
        raise ValidationError(_("案件未中止。"))
    return cs.append_event(case, "resumed", actor, {"kind": "suspension", "end": end.isoformat(),
                                                    "reason": reason.strip() or _("中止的原因消除")})


# ---- 结案 -------------------------------------------------------------------------

CLOSING_METHODS = {
    "judgment": (gettext_lazy("判决"), "judgment"),
    "ruling": (gettext_lazy("裁定"), "ruling"),
    "mediation": (gettext_lazy("调解"), "mediation"),
    "withdrawal": (gettext_lazy("撤诉"), ""),
    "transfer": (gettext_lazy("移送"), ""),
    "dismissal": (gettext_lazy("驳回起诉"), "ruling"),
    "other": (gettext_lazy("其他"), ""),
}

def check_judge_assigned(case: Case, method: str):
    return None if case.judge_id else _("尚未确定承办法官。")


def check_fees_settled(case: Case, method: str):
    """诉讼费用交纳办法 第二十二条: fees paid, or reduced/waived with a recorded reason (第四十四条起)."""
    unpaid = [f for f in case.fees.all() if f.paid_at is None and f.amount > 0]
    return _("诉讼费用尚未交纳（%(amount)s 元）。") % {"amount": sum(f.amount for f in unpaid)} if unpaid else None


register_closing_check(check_judge_assigned)
register_closing_check(check_fees_settled)


def _mediation_services(case: Case):
    """Each party's first service of the mediation document, read from the timeline's
    document_served nodes (delivery writes the method, the posting and publication dates)."""
    from xiezhi.law.closing import MediationService

    parties = [p.pk for p in case.parties.all() if p.is_party and p.left_case_at is None]
    first: dict[int, MediationService] = {}
    for payload in case.events.filter(code="document_served").order_by("seq").values_list("payload", flat=True):
        if payload.get("kind") != "mediation" or payload.get("party_id") not in parties:
            continue
        if payload["party_id"] in first:
            continue
        day = lambda key: date.fromisoformat(payload[key]) if payload.get(key) else None  # noqa: E731
        first[payload["party_id"]] = MediationService(payload.get("method", ""), served_on=day("served_on"),
                                                      posted_on=day("posted_on") or day("served_on"),
                                                      published_on=day("published_on") or day("served_on"))
    return list(first.values()), len(parties)


def default_closed_on(case: Case, method: str) -> date:
    """结案日期 from the facts, never the day of the click: the pronouncement of the judgment or
    ruling, or the day the mediation document reached the last party (by post the posting date, by
    public notice the publication date) (民诉解释 第二百四十三条; 审限规定 第十条).

    :raises ValidationError: the facts do not fix the date yet (no pronouncement recorded ...)."""
    kind = CLOSING_METHODS[method][1] if method in CLOSING_METHODS else ""
    pronounced = (Pronouncement.objects.filter(case=case, document_kind=kind).order_by("-pronounced_on", "-id")
                  .values_list("pronounced_on", flat=True).first()) if kind else None
    try:
        if method == "mediation":
            services, parties = _mediation_services(case)
            return closing_date(method, mediation_services=services, parties=parties)[0]
        return closing_date(method, pronounced_on=pronounced)[0]
    except ClosingDateError as exc:
        raise ValidationError(str(exc))


@transaction.atomic
def pronounce(actor, case: Case, document_kind: str, on: date, in_court: bool = False) -> Pronouncement:
    """宣判（宣告）: record the day the judgment or ruling was pronounced, a node on the timeline;
    the case closes on it (民事诉讼法 第一百五十一条; 民诉解释 第二百四十三条; 审限规定 第十条)."""
    _require(actor, case, "judge", "clerk")
    if document_kind not in ("judgment", "ruling"):
        raise ValidationError(_("请选择宣判的文书种类（判决或裁定）。"))
    case = cs.lock_case(case)
    if case.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        raise ValidationError(_("案件已结案。"))
    if on < case.filed_on or on > timezone.localdate():
        raise ValidationError(_("宣判日期应在立案日期与今天之间。"))
    if Pronouncement.objects.filter(case=case, document_kind=document_kind, pronounced_on=on).exists():
        raise ValidationError(_("该宣判已记录。"))
    p = Pronouncement.objects.create(case=case, document_kind=document_kind, pronounced_on=on, in_court=in_court,
                                     recorded_by=actor)
    cs.append_event(case, "pronounced", actor, {"document_kind": document_kind, "on": on.isoformat(),
                                                "in_court": in_court})
    return p


@transaction.atomic
def close(actor, case: Case, method: str, closed_on: date | None = None) -> Closing:
    """结案 through cases.services.close_case after the registered checks pass. Without a date the
    case closes on the date the law fixes (:func:`default_closed_on`), never on the day of the click."""
    if method not in CLOSING_METHODS:
        raise ValidationError(_("请选择结案方式。"))
    _require(actor, case, "judge")
    case = cs.lock_case(case)  # a second click waits here and then sees the case closed
    if case.status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED) or case.closed_on:
        raise ValidationError(_("案件已结案。"))
    problems = closing_problems(case, method)
    if problems:
        raise ValidationError(problems)
    closed_on = closed_on or default_closed_on(case, method)
    if closed_on < case.filed_on:
        raise ValidationError(_("结案日期早于立案日期。"))
    label, doc_kind = CLOSING_METHODS[method]
    cs.close_case(actor, case, closed_on, str(label))
    return Closing.objects.create(case=case, method=method, document_kind=doc_kind, closed_on=closed_on,
                                  checks=[fn.__name__ for fn in CLOSING_CHECKS], closed_by=actor)


def _doc_kind(kind: str) -> str:
    k = (kind or "").lower()
    if "judgment" in k or "判决" in k:
        return "judgment"
    if "ruling" in k or "裁定" in k:
        return "ruling"
    return ""


def party_appeal_period(case: Case, party: Party, kind: str, served_on: date, *, lodged_on: date | None = None,
                        posted_on: date | None = None):
    """The party's appeal period by its domicile (民事诉讼法 第一百七十一条、第二百八十六条; 民诉解释
    第五百三十六条、第五百四十九条 via settings.APPEAL_HMT_AS_FOREIGN), rolled over holidays, provisional
    where the year's notice is not loaded (第八十五条第三款)."""
    from django.conf import settings

    from xiezhi.courts.calendar import get_work_calendar

    small = bool(case.procedure and case.procedure.limit_code == "civil_small_claims")
    final = final_instance_basis(case.procedure.code, case.procedure.limit_code) if case.procedure else None
    return appeal_period(kind, served_on, calendar=get_work_calendar(strict=False), domicile=party.domicile,
                         category=category(case), small_claims=small, nationality=party.nationality,
                         hmt_as_foreign=settings.APPEAL_HMT_AS_FOREIGN, lodged_on=lodged_on, posted_on=posted_on,
                         final_basis=final)


def category(case: Case) -> str:
    return case.procedure.case_kind if case.procedure else "civil"


@transaction.atomic
def open_appeal_window(case: Case, party: Party, document_kind: str, served_on: date) -> AppealWindow | None:
    """Start a party's appeal window from that party's service date (idempotent)."""
    kind = _doc_kind(document_kind)
    if not kind or not party.is_party or party.case_id != case.pk:
        return None
    try:
        period = party_appeal_period(case, party, kind, served_on)
    except (AppealError, PeriodError):
        return None
    ends, basis = period.window_end, "；".join(period.basis)[:400]
    case = cs.lock_case(case)  # two deliveries of the same service record: one window, one node
    window, created = AppealWindow.objects.get_or_create(
        case=case, party=party, document_kind=kind,
        defaults={"served_on": served_on, "ends_on": ends, "basis": basis, "provisional": period.provisional})
    if created:
        cs.append_event(case, "appeal_window_started", None, {
            "party": party.name, "party_id": party.pk, "document_kind": kind, "served_on": served_on.isoformat(),
            "ends_on": ends.isoformat() if ends else "", "provisional": period.provisional, "basis": basis})
    return window


def recompute_appeal_windows(sender=None, years=(), **kwargs) -> int:
    """The holiday days of `years` were loaded: appeal windows ending in or after the first of them
    (and every provisional one) are recomputed; a changed end is a node on the timeline (民事诉讼法
    第八十五条第三款). Idempotent."""
    from django.db.models import Q

    if not years:
        return 0
    since = date(min(years), 1, 1)
    changed = 0
    qs = AppealWindow.objects.filter(Q(provisional=True) | Q(ends_on__gte=since)).select_related("case", "party")
    for pk in qs.values_list("pk", flat=True):
        with transaction.atomic():
            w = AppealWindow.objects.select_related("case", "party", "case__procedure").get(pk=pk)
            try:
                period = party_appeal_period(w.case, w.party, w.document_kind, w.served_on)
            except (AppealError, PeriodError):
                continue
            if (w.ends_on, w.provisional) == (period.window_end, period.provisional):
                continue
            before = w.ends_on
            w.ends_on, w.provisional = period.window_end, period.provisional
            w.basis = "；".join(period.basis)[:400]
            w.save(update_fields=["ends_on", "provisional", "basis"])
            cs.append_event(w.case, "appeal_window_recomputed", None, {
                "party": w.party.name, "party_id": w.party_id, "document_kind": w.document_kind,
                "before": before.isoformat() if before else "", "ends_on": w.ends_on.isoformat() if w.ends_on else "",
                "provisional": w.provisional})
            changed += 1
    return changed


def on_document_served(sender, case, document_kind, party_id, served_on, method=None, **kwargs):
    party = Party.objects.filter(pk=party_id, case=case).first()
    if party is not None:
        open_appeal_window(case, party, document_kind, served_on)


@transaction.atomic
def record_appeal(actor, case: Case, party: Party, filed_on: date | None = None,
                  posted_on: date | None = None) -> Appeal:
    """登记上诉 and build the transfer package for the second instance (the court's parent). An appeal
    that came by post is in time when posted before the window ended (民事诉讼法 第八十五条第四款)."""
    _require(actor, case, "judge", "clerk", "filing_judge")
    case = cs.lock_case(case)
    if Appeal.objects.filter(case=case, party_id=party.pk).exists():
        raise ValidationError(_("该当事人的上诉已登记。"))
    filed_on = filed_on or timezone.localdate()
    if case.procedure and case.procedure.limit_code == "civil_small_claims":
        raise ValidationError(_("小额诉讼案件实行一审终审，不得上诉（民事诉讼法 第一百六十五条）。"))
    if party.case_id != case.pk or not party.is_party:
        raise ValidationError(_("上诉人须为本案当事人。"))
    window = AppealWindow.objects.filter(case=case, party=party).order_by("-ends_on").first()
    if window is None:
        raise ValidationError(_("裁判文书尚未向该当事人送达。"))
    if window.ends_on is None:
        in_time = False
    else:
        try:
            in_time = law_in_time(filed_on, posted_on, window.ends_on)
        except PeriodError as exc:
            raise ValidationError(str(exc))
    appeal = Appeal.objects.create(case=case, party=party, filed_on=filed_on, posted_on=posted_on, in_time=in_time,
                                   recorded_by=actor)
    cs.append_event(case, "appeal_filed", actor, {"party": party.name, "on": filed_on.isoformat(),
                                                  "posted_on": posted_on.isoformat() if posted_on else "",
                                                  "in_time": in_time})
    manifest = {
        "case": {"number": case.number, "court": case.court.name, "title": case.title,
                 "procedure": case.procedure.name if case.procedure else ""},
        "parties": [{"role": p.role, "name": p.name} for p in case.parties.all().order_by("pk")],
        "appellants": [{"name": a.party.name, "filed_on": a.filed_on.isoformat(), "in_time": a.in_time}
                       for a in Appeal.objects.filter(case=case).select_related("party").order_by("pk")],
        "documents": [{"kind": w.document_kind, "party": w.party.name, "served_on": w.served_on.isoformat()}
                      for w in AppealWindow.objects.filter(case=case).select_related("party").order_by("pk")],
        "efile": f"dossier:case:{case.pk}",
    }
    TransferPackage.objects.update_or_create(case=case, defaults={"to_court": case.court.parent,
                                                                  "manifest": manifest, "created_by": actor})
    return appeal


@transaction.atomic
def link_second_instance(actor, package: TransferPackage, second_case: Case) -> CaseLink:
    """The intermediate court registered the appeal: link the two stages (CaseLink "appeal")."""
    if not actor.has_role("filing_judge", "president") or actor.court_id != second_case.court_id:
        raise PermissionDenied(_("须由二审法院立案人员关联。"))
    if package.to_court_id and second_case.court_id != package.to_court_id:
        raise ValidationError(_("二审案件不在移送法院。"))
    cs.lock_case(package.case_id)
    package = TransferPackage.objects.select_for_update(of=("self",)).select_related("case").get(pk=package.pk)
    if package.second_case_id == second_case.pk:
        raise ValidationError(_("已关联该二审案件。"))
    link, _c = CaseLink.objects.get_or_create(from_case=package.case, to_case=second_case, kind=CaseLink.Kind.APPEAL)
    package.second_case = second_case
    package.save(update_fields=["second_case"])
    cs.append_event(package.case, "appeal_transferred", actor, {"number": second_case.number,
                                                                "court": second_case.court.name})
    return link


# ---- 申请顺延期限 (民事诉讼法 第八十六条) ---------------------------------------------------------

@transaction.atomic
def record_late_application(actor, case: Case, party: Party, *, period: str, reason: str, obstacle_ended_on: date,
                            applied_on: date | None = None) -> LateApplication:
    """Record a party's application to extend a missed period; whether it was made within 10 days
    after the obstacle ended is computed (民事诉讼法 第八十六条、第八十五条)."""
    from xiezhi.courts.calendar import get_work_calendar

    _require(actor, case, "judge", "clerk", "filing_judge")
    applied_on = applied_on or timezone.localdate()
    if party.case_id != case.pk or not party.is_party:
        raise ValidationError(_("申请人须为本案当事人。"))
    if not period.strip() or not reason.strip():
        raise ValidationError(_("请填写耽误的期限和耽误的事由。"))
    if obstacle_ended_on > applied_on or applied_on > timezone.localdate():
        raise ValidationError(_("障碍消除日期不能晚于申请日期，申请日期不能晚于今天。"))
    case = cs.lock_case(case)
    deadline = late_application_deadline(obstacle_ended_on, calendar=get_work_calendar(strict=False))
    app = LateApplication.objects.create(
        case=case, party=party, period=period.strip()[:100], reason=reason.strip()[:500],
        obstacle_ended_on=obstacle_ended_on, applied_on=applied_on, apply_by=deadline.end,
        in_time=applied_on <= deadline.end, recorded_by=actor)
    cs.append_event(case, "late_application_filed", actor, {
        "party": party.name, "period": app.period, "obstacle_ended_on": obstacle_ended_on.isoformat(),
        "applied_on": applied_on.isoformat(), "apply_by": deadline.end.isoformat(), "in_time": app.in_time})
    return app


@transaction.atomic
def decide_late_application(actor, app: LateApplication, grant: bool, note: str = "",
                            new_end: date | None = None) -> LateApplication:
    """是否准许，由人民法院决定 (民事诉讼法 第八十六条): the judge grants (to a new end date) or refuses."""
    _require(actor, app.case, "judge", "division_head", "president")
    cs.lock_case(app.case_id)
    app = LateApplication.objects.select_for_update().get(pk=app.pk)
    if app.status != LateApplication.Status.PENDING:
        raise ValidationError(_("该申请已决定。"))
    if grant and new_end is None:
        raise ValidationError(_("准许顺延的，请填写顺延后的届满日期。"))
    if grant and new_end < app.applied_on:
        raise ValidationError(_("顺延后的届满日期不能早于申请日期。"))
    if not grant and not note.strip():
        raise ValidationError(_("不准许的，请填写理由。"))
    app.status = LateApplication.Status.GRANTED if grant else LateApplication.Status.REFUSED
    app.new_end = new_end if grant else None
    app.note, app.decided_by, app.decided_at = note.strip()[:500], actor, timezone.now()
    app.save()
    cs.append_event(app.case, "late_application_decided", actor, {
        "party": app.party.name, "period": app.period, "granted": grant,
        "new_end": new_end.isoformat() if grant else "", "note": app.note})
    return app
