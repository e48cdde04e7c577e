"""State-changing actions on cases. Every change appends a CaseEvent (design.md §4).

Functions take the acting user first, check permission, validate, and write inside a
transaction. The snapshot fields on Case (status, limit_end, deadline_state) are recomputed
from the events by `refresh_snapshot`."""
from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.law.casenumber import format_case_number
from xiezhi.law.timelimits import Interval, compute_time_limit, deadline_state

from .counters import allocate_serial  # noqa: F401  (filing.services.register draws case numbers here)
from .events import EVENT_TYPES, STATUS_AFTER
from .models import Case, CaseEvent, CaseStatus, DeadlineState, Notification, NumberCounter


def lock_case(case: Case | int) -> Case:
    """The case row re-read under a row lock, for the service that checks its state and then
    changes it: a second click waits here and then sees the first one's result. Call it inside
    the service's transaction, before any check of status, judge or timeline."""
    return Case.objects.select_for_update().get(pk=getattr(case, "pk", case))


def _lock_timeline(case: Case) -> None:
    # seq = Max(seq) + 1 is safe only while nobody else appends to this case: the row lock makes
    # every caller safe, whether or not it locked the case itself (a no-op when it did)
    Case.objects.select_for_update().filter(pk=case.pk).values_list("pk", flat=True).first()


@transaction.atomic(savepoint=False)
def append_event(case: Case, code: str, actor=None, payload: dict[str, Any] | None = None,
                 at=None, refresh: bool = True) -> CaseEvent:
    """Append one node to the timeline, inside the caller's transaction (one is opened if
    there is none). Locks the case row first."""
    if code not in EVENT_TYPES:
        raise ValueError(f"unknown event code {code}")
    _lock_timeline(case)
    last = case.events.aggregate(m=Max("seq"))["m"] or 0
    event = CaseEvent.objects.create(
        case=case, seq=last + 1, code=code, at=at or timezone.now(), actor=actor,
        payload=payload or {}, public_to_parties=EVENT_TYPES[code].public,
    )
    if refresh:
        refresh_snapshot(case)
    return event


@transaction.atomic(savepoint=False)
def append_events(case: Case, items, refresh: bool = True, new_case: bool = False) -> list[CaseEvent]:
    """Append several nodes in one insert. `items` are (code, actor, payload, at|None).
    `new_case` says the timeline is empty (a case created in this transaction, which no one
    else can see yet, so there is nothing to lock)."""
    if not new_case:
        _lock_timeline(case)
    last = 0 if new_case else (case.events.aggregate(m=Max("seq"))["m"] or 0)
    now = timezone.now()
    rows = []
    for n, (code, actor, payload, at) in enumerate(items, 1):
        if code not in EVENT_TYPES:
            raise ValueError(f"unknown event code {code}")
        rows.append(CaseEvent(case=case, seq=last + n, code=code, at=at or now, actor=actor, payload=payload or {},
                              public_to_parties=EVENT_TYPES[code].public))
    CaseEvent.objects.bulk_create(rows)
    if refresh:
        refresh_snapshot(case)
    return rows


def time_limit_inputs(events) -> dict[str, Any]:
    """Read the time-limit facts (procedure, conversions, deductions, extensions) off a
    timeline. The law functions (xiezhi.law.timelimits) do the counting."""
    limit_code = None
    converted: list[tuple[date, str]] = []
    spans: list[dict] = []  # {"kind", "start", "end", "basis"}
    open_spans: dict[str, dict] = {}
    extensions: list[dict] = []
    foreign_related = ""
    for e in events:
        p = e.payload
        if e.code == "procedure_set":
            limit_code = p["limit_code"]
        elif e.code == "procedure_converted":
            converted.append((date.fromisoformat(p["on"]), p["limit_code"]))
            # an extension of the summary limit (第二百五十八条第一款) ends with that procedure: the
            # ordinary limit is counted afresh from the filing date (第三款) and extended on its own
            extensions = []
        elif e.code in ("deduction_started", "suspended"):
            kind = p.get("kind", "suspension")
            if kind not in open_spans:
                span = {"kind": kind, "start": date.fromisoformat(p["start"]), "end": None, "basis": p.get("basis", "")}
                open_spans[kind] = span
                spans.append(span)
        elif e.code in ("deduction_ended", "resumed"):
            span = open_spans.pop(p.get("kind", "suspension"), None)
            if span is not None:
                span["end"] = date.fromisoformat(p["end"])
        elif e.code == "extension_approved":
            ext = {k: p[k] for k in ("months", "days") if p.get(k)}
            ext["approved_on"] = timezone.localtime(e.at).date() if e.at else None
            extensions.append(ext)
        elif e.code == "foreign_related_set":
            foreign_related = p.get("kind", "")
    deductions = [Interval(start=s["start"], end=s["end"], kind=s["kind"], basis=s["basis"]) for s in spans]
    return {"limit_code": limit_code, "converted": converted, "deductions": deductions,
            "extensions": extensions, "open_deduction": bool(open_spans), "foreign_related": foreign_related,
            "current_code": converted[-1][1] if converted else limit_code}  # the procedure now applied


def time_limit_status(case: Case, events=None, today: date | None = None):
    events = list(case.events.all()) if events is None else events
    inputs = time_limit_inputs(events)
    if not inputs["limit_code"]:
        return None
    return compute_time_limit(
        inputs["limit_code"], case.filed_on, deductions=inputs["deductions"],
        extensions=inputs["extensions"], converted=inputs["converted"],
        today=today or timezone.localdate(), closed_on=case.closed_on,
        foreign_related=bool(inputs["foreign_related"]),  # 民事诉讼法 第二百八十七条; 审限规定 第二条
    )


def refresh_snapshot(case: Case, today: date | None = None, *, events=None, also: dict | None = None) -> Case:
    """Recompute status, limit end and deadline state from the timeline. `events` may be
    passed when the caller holds the whole timeline; `also` adds fields to the same UPDATE."""
    from .selectors import forget_visibility

    forget_visibility()  # a change to a case may change who can see it
    events = list(case.events.order_by("seq")) if events is None else sorted(events, key=lambda e: e.seq)
    status = case.status
    for e in events:
        status = STATUS_AFTER.get(e.code, status)
    inputs = time_limit_inputs(events)
    tl = time_limit_status(case, events, today)
    case.status = status
    case.limit_end = tl.limit_end if tl else None
    if tl is None or inputs["open_deduction"] or status == CaseStatus.SUSPENDED:
        case.deadline_state = DeadlineState.STOPPED  # the clock is not running
    elif tl.unlimited:
        case.deadline_state = DeadlineState.UNLIMITED  # never overdue (民事诉讼法 第二百八十七条)
    elif status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        case.deadline_state = DeadlineState.OVERDUE if tl.overdue else DeadlineState.OK
    else:
        case.deadline_state = deadline_state(tl, settings.DEADLINE_WARN_DAYS)
    case.version += 1
    Case.objects.filter(pk=case.pk).update(status=case.status, limit_end=case.limit_end,
                                           deadline_state=case.deadline_state, version=case.version,
                                           updated_at=timezone.now(), **(also or {}))
    return case


def notify(users, text: str, *, case=None, filing=None, kind: str = "") -> None:
    Notification.objects.bulk_create(
        [Notification(user=u, case=case, filing=filing, text=text[:500], kind=kind) for u in users if u],
        ignore_conflicts=True,
    )


# ---- actions on a registered case -------------------------------------------------

def _require_case_staff(user, case: Case, *roles: str) -> None:
    from .selectors import can_manage_case

    if not can_manage_case(user, case, *roles):
        raise PermissionDenied(_("您无权办理此案件。"))


@transaction.atomic
def assign_judge(actor, case: Case, judge, reason: str = "") -> Case:
    """确定承办法官 (trial organisation; full assignment rules come with the trial issue)."""
    _require_case_staff(actor, case, "filing_judge", "division_head", "president")
    if not judge.has_role("judge", "enforcement"):
        raise ValidationError(_("所选人员不是审判员或执行员。"))
    if judge.court_id != case.court_id:
        raise ValidationError(_("承办法官须为本院人员。"))
    case = Case.objects.select_for_update().get(pk=case.pk)
    previous = case.judge if case.judge_id and case.judge_id != judge.pk else None
    case.judge = judge
    case.division = judge.division or case.division
    case.save(update_fields=["judge", "division"])
    payload = {"judge": judge.display_name, "judge_id": judge.pk, "reason": reason}
    if previous is not None:  # a change of judge: the timeline says from whom, and why
        payload.update(previous_judge=previous.display_name, previous_judge_id=previous.pk)
    append_event(case, "organisation_set", actor, payload)
    notify([judge], _("新收案件 %(number)s 已分配给您承办。") % {"number": case.number}, case=case, kind="assigned")
    if previous is not None:
        notify([previous], _("案件 %(number)s 已改由 %(judge)s 承办。理由：%(reason)s") % {
            "number": case.number, "judge": judge.display_name, "reason": reason}, case=case, kind="reassigned")
    return case


@transaction.atomic
def start_deduction(actor, case: Case, kind: str, start: date, reason: str, *, by_rule: bool = False) -> CaseEvent:
    """审限扣除 (民诉解释 第二百四十三条; 审限规定 第九条). Shown to the parties (延长审限规定 第七条).
    by_rule: the deduction follows from a recorded fact (e.g. a public notice was published, recorded
    by the clerk), not from a judge's decision — the recorder is the actor, no judge role needed."""
    from xiezhi.law.timelimits import DEDUCTION_KINDS

    if not by_rule:
        _require_case_staff(actor, case, "judge", "division_head", "president")
    if kind not in DEDUCTION_KINDS:
        raise ValidationError(_("未知的审限扣除事由。"))
    if not reason.strip():
        raise ValidationError(_("请填写审限扣除的理由。"))
    case = lock_case(case)
    if kind in _open_deductions(case):
        raise ValidationError(_("该审限扣除已经开始，尚未结束。"))
    label, basis = DEDUCTION_KINDS[kind][0], DEDUCTION_KINDS[kind][1]
    return append_event(case, "deduction_started", actor,
                        {"kind": kind, "label": str(label), "start": start.isoformat(), "reason": reason, "basis": basis})


@transaction.atomic
def end_deduction(actor, case: Case, kind: str, end: date, *, by_rule: bool = False) -> CaseEvent:
    if not by_rule:
        _require_case_staff(actor, case, "judge", "division_head", "president")
    case = lock_case(case)
    if kind not in _open_deductions(case):
        raise ValidationError(_("该审限扣除未开始或已结束。"))
    return append_event(case, "deduction_ended", actor, {"kind": kind, "end": end.isoformat()})


def _open_deductions(case: Case) -> set[str]:
    """Kinds of deduction started and not yet ended on the timeline (read under the case lock)."""
    open_kinds: set[str] = set()
    for code, payload in case.events.filter(code__in=("deduction_started", "deduction_ended")).order_by(
            "seq").values_list("code", "payload"):
        kind = payload.get("kind", "suspension")
        (open_kinds.add if code == "deduction_started" else open_kinds.discard)(kind)
    return open_kinds


FOREIGN_RELATED_KINDS = ("foreign", "hmt")


@transaction.atomic
def set_foreign_related(actor, case: Case, kind: str, reason: str) -> CaseEvent:
    """认定涉外（kind="foreign"）或涉港澳台（"hmt"）民事案件，或取消认定（""）. Such a civil case has no
    statutory time limit (民事诉讼法 第二百八十七条；审限规定 第二条: 涉港澳台参照涉外) and is never
    shown overdue; the finding is a timeline node the parties see."""
    _require_case_staff(actor, case, "filing_judge", "judge", "division_head", "president")
    if kind not in ("", *FOREIGN_RELATED_KINDS):
        raise ValidationError(_("请选择涉外或涉港澳台。"))
    if not reason.strip():
        raise ValidationError(_("请填写认定理由。"))
    case = lock_case(case)
    return append_event(case, "foreign_related_set", actor, {"kind": kind, "reason": reason.strip()[:300]})


@transaction.atomic
def approve_extension(actor, case: Case, reason: str, months: int = 0, days: int = 0) -> CaseEvent:
    """延长审限, approved by the president (民事诉讼法 第一百五十二条、第一百六十四条; 延长审限规定 第一条)."""
    from xiezhi.law.timelimits import TimeLimitError, check_extensions

    if not actor.has_role("president") or actor.court_id != case.court_id:
        raise PermissionDenied(_("延长审限须经院长批准。"))
    if not reason.strip():
        raise ValidationError(_("请填写延长审限的理由。"))
    case = lock_case(case)  # two approvals at once would both pass the check below
    inputs = time_limit_inputs(list(case.events.all()))
    if not inputs["limit_code"]:
        raise ValidationError(_("尚未确定审理程序，无法延长审限。"))
    try:
        check_extensions(inputs["current_code"], inputs["extensions"] + [{"months": months, "days": days}])
    except TimeLimitError as exc:
        raise ValidationError(str(exc))
    return append_event(case, "extension_approved", actor,
                        {"months": months, "days": days, "reason": reason, "approver": actor.display_name})


@transaction.atomic
def convert_procedure(actor, case: Case, procedure, reason: str, on: date | None = None) -> Case:
    """程序转换 (e.g. 简易 → 普通). The time limit of the new procedure runs from the original
    filing date for civil cases (民诉解释 第二百五十八条) and from the decision for criminal
    ones (刑诉解释 第三百六十八条); xiezhi.law.timelimits does the counting."""
    from xiezhi.law.timelimits import TimeLimitError

    _require_case_staff(actor, case, "judge", "division_head", "president")
    if not reason.strip():
        raise ValidationError(_("程序转换须载明理由。"))
    if case.procedure_id == procedure.pk:
        raise ValidationError(_("案件已适用该程序。"))
    on = on or timezone.localdate()
    case = Case.objects.select_for_update().get(pk=case.pk)
    old = case.procedure
    if old is not None and old.case_kind == "civil" and case.limit_end and on > case.limit_end:
        # 民诉解释 第二百五十八条第二款: the ruling to convert comes before the summary limit runs out
        raise ValidationError(_("简易程序审理期限已于 %(end)s 届满，不能再裁定转为普通程序。") % {
            "end": case.limit_end.isoformat()})
    case.procedure = procedure
    case.save(update_fields=["procedure"])
    try:
        append_event(case, "procedure_converted", actor,
                     {"from": old.name if old else "", "procedure": procedure.name,
                      "limit_code": procedure.limit_code, "on": on.isoformat(), "reason": reason})
    except TimeLimitError as exc:
        raise ValidationError(str(exc))
    # ... 并将审判人员及相关事项书面通知双方当事人 (第二百五十八条第二款): the portal tells the parties at once
    notify([p.user for p in case.parties.filter(user__isnull=False).select_related("user")],
           _("%(number)s 已转为%(procedure)s审理。") % {"number": case.number, "procedure": procedure.name},
           case=case, kind="procedure_converted")
    return case


@transaction.atomic
def close_case(actor, case: Case, closed_on: date, method: str) -> Case:
    _require_case_staff(actor, case, "judge")
    case = Case.objects.select_for_update().get(pk=case.pk)
    case.closed_on = closed_on
    case.save(update_fields=["closed_on"])
    append_event(case, "closed", actor, {"method": method, "on": closed_on.isoformat()})
    return case


def mark_deadlines(today: date | None = None) -> dict[str, int]:
    """Scheduled job (审限预警): recompute the deadline state of open cases whose limit is
    near or past, and notify the handling judge once per state and limit date."""
    from datetime import timedelta

    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.DEADLINE_WARN_DAYS)
    open_cases = Case.objects.filter(status__in=[CaseStatus.REGISTERED, CaseStatus.IN_TRIAL],
                                     limit_end__lte=horizon).select_related("judge")
    counts = {"checked": 0, "near": 0, "overdue": 0, "notified": 0}
    for case in open_cases.iterator(chunk_size=500):
        with transaction.atomic():
            refresh_snapshot(case, today)
        counts["checked"] += 1
        if case.deadline_state in (DeadlineState.NEAR, DeadlineState.OVERDUE):
            counts[case.deadline_state] += 1
            if case.judge_id:
                kind = f"deadline_{case.deadline_state}_{case.limit_end.isoformat()}"
                if not Notification.objects.filter(user_id=case.judge_id, case=case, kind=kind).exists():
                    text = (_("案件 %(number)s 已超过审限（届满日 %(limit_end)s）。")
                            if case.deadline_state == DeadlineState.OVERDUE
                            else _("案件 %(number)s 审限将于 %(limit_end)s 届满。")) % {
                        "number": case.number, "limit_end": case.limit_end}
                    notify([case.judge], text, case=case, kind=kind)
                    counts["notified"] += 1
    return counts


@transaction.atomic
def import_case(*, court, case_type, year: int, serial: int, filed_on: date, procedure, cause=None,
                title: str = "", amount=None, claims: str = "", facts: str = "", judge=None, parties=(),
                events=(), closed_on: date | None = None) -> Case:
    """Bring in a case registered before this platform (legacy import, e.g. the demo data or
    a court's old system). The number is the one the court already gave; the sequence counter
    moves past it so new numbers never collide. `events` are (code, at, actor, payload)."""
    number = format_case_number(year, court.case_code, case_type.type_code, serial)
    case = Case.objects.create(court=court, case_type=case_type, number=number, year=year, serial=serial,
                               cause=cause, cause_version=cause.version if cause else "", procedure=procedure,
                               title=title, amount=amount, claims=claims, facts=facts, filed_on=filed_on,
                               judge=judge, division=judge.division if judge else None, closed_on=closed_on)
    for p in parties:
        case.parties.create(**p)
    if events:  # one insert; the case was created above, so its timeline is empty and unseen
        append_events(case, [(code, actor, payload, at) for code, at, actor, payload in events],
                      refresh=False, new_case=True)
    table = NumberCounter._meta.db_table
    with connection.cursor() as cur:
        cur.execute(
            f"INSERT INTO {table} (court_code, year, special_code, type_code, last_serial) VALUES (%s, %s, '', %s, %s) "
            f"ON CONFLICT (court_code, year, special_code, type_code) DO UPDATE SET last_serial = "
            f"CASE WHEN {table}.last_serial > excluded.last_serial THEN {table}.last_serial ELSE excluded.last_serial END",
            [court.case_code, year, case_type.type_code, serial])
    refresh_snapshot(case)
    return case


@transaction.atomic(savepoint=False)
def append_event_to_cases(items, refresh: bool = False) -> list[CaseEvent]:
    """One node on each of many timelines (a batch job: 网络查控 over thousands of cases), in a
    fixed number of queries instead of three per case. `items` are (case_id, code, actor, payload,
    at|None), at most one per case. The case rows are locked in ascending id, so two batch jobs
    over overlapping cases queue instead of deadlocking."""
    items = sorted(items, key=lambda x: x[0])
    ids = [x[0] for x in items]
    if len(set(ids)) != len(ids):
        raise ValueError("append_event_to_cases: one event per case")
    for code in {x[1] for x in items}:
        if code not in EVENT_TYPES:
            raise ValueError(f"unknown event code {code}")
    if not items:
        return []
    list(Case.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
    last = dict(CaseEvent.objects.filter(case_id__in=ids).values_list("case_id").annotate(m=Max("seq")))
    now = timezone.now()
    rows = [CaseEvent(case_id=cid, seq=(last.get(cid) or 0) + 1, code=code, at=at or now, actor=actor,
                      payload=payload or {}, public_to_parties=EVENT_TYPES[code].public)
            for cid, code, actor, payload, at in items]
    CaseEvent.objects.bulk_create(rows, batch_size=2000)
    if refresh:
        for cid in ids:
            refresh_snapshot(Case.objects.get(pk=cid))
    return rows
