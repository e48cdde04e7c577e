"""失信被执行人名单 (失信规定, domain §6.1): listing a judgment debtor, deleting the entry on one of
the deletion events, and the scheduled deletion of fixed-term entries whose term has ended.

Every service locks the case row first (cases.services.lock_case), checks, writes and appends
one timeline node in the same transaction; a partial unique constraint (one active entry per
debtor per case) backs the check when two listings race. The rules themselves (terms, deletion
events, three working days, the six-month bar) are pure functions in xiezhi.law.enforcement."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, lock_case
from xiezhi.law import enforcement as law
from xiezhi.law.identity import IdentityError, is_minor_on

from . import selectors
from .models import DishonestEntry
from .public import publish_dishonest, withdraw_dishonest

DISHONEST_ROLES = ("enforcement", "division_head", "president")


def _calendar():
    from xiezhi.courts.calendar import get_work_calendar

    # lenient: a deadline in a year whose holiday notice is not loaded yet is provisional, never refused
    return get_work_calendar(strict=False)


def _may_handle(actor, case: Case) -> None:
    if actor is not None and not can_manage_case(actor, case, *DISHONEST_ROLES):
        raise PermissionDenied(_("只有本案执行人员可以办理失信被执行人名单事项。"))
    if not selectors.is_enforcement_case(case):
        raise ValidationError(_("只有执行案件可以办理失信被执行人名单事项。"))


def is_minor(party: Party, on: date) -> bool:
    """A natural person under 18 on `on`: the party's 未成年人 mark, or the birth date in a valid
    resident ID number (民法典 第十七条)."""
    if party.is_minor:
        return True
    if party.kind != "natural" or not party.id_number:
        return False
    try:
        return is_minor_on(party.id_number, on)
    except IdentityError:
        return False


def _clean_circumstances(circumstances) -> list[int]:
    try:
        items = sorted({int(c) for c in circumstances or ()})
    except (TypeError, ValueError):
        raise ValidationError(_("失信情形应为失信规定第一条第一项至第六项的编号。"))
    if not items:
        raise ValidationError(_("请选择至少一项失信情形（失信规定 第一条）。"))
    return items


def _term(items, aggravating: bool, minor: bool, years):
    try:
        term = law.dishonest_term(items, aggravating=aggravating, minor=minor)
    except law.EnforcementError as exc:
        raise ValidationError(str(exc))
    if not term.listable:
        if minor:
            raise ValidationError(_("被执行人为未成年人，不得纳入失信被执行人名单（失信规定 第四条）。"))
        raise ValidationError("；".join(term.basis))
    if term.term == "until_deleted":
        if years is not None:
            raise ValidationError(_("仅有失信规定第一条第一项情形的，不设纳入期限，请不要填写年数（失信规定 第二条）。"))
        return term, None
    years = term.years_min if years is None else years
    if isinstance(years, bool) or not isinstance(years, int) or not term.years_min <= years <= term.years_max:
        if term.years_max == term.years_min:
            raise ValidationError(_("纳入期限为 %(n)s 年；只有以暴力、威胁方法妨碍、抗拒执行情节严重或具有多项失信行为的，"
                                    "才可以延长一至三年（失信规定 第二条第一款）。") % {"n": term.years_min})
        raise ValidationError(_("纳入期限应为 %(lo)s 至 %(hi)s 年（失信规定 第二条第一款）。") % {
            "lo": term.years_min, "hi": term.years_max})
    return term, years


@transaction.atomic
def list_debtor(actor, case: Case, party, circumstances, aggravating: bool = False, years: int | None = None,
                decided_on: date | None = None, on_application: bool = False) -> DishonestEntry:
    """纳入失信被执行人名单 (失信规定 第一条至第五条): the judgment debtor of this case, never a
    minor (第四条); the term from law.enforcement.dishonest_term, the extension of 1–3 years being
    the court's choice (`years`); one active entry per debtor per case; a listing on the
    applicant's application within six months of a deletion at the applicant's request is refused
    (第十条第四款)."""
    case = lock_case(case)
    _may_handle(actor, case)
    decided_on = decided_on or timezone.localdate()
    pk = getattr(party, "pk", party)
    party = Party.objects.filter(pk=pk, case=case).first() if pk else None
    if party is None:
        raise ValidationError(_("被纳入失信名单的须为本案当事人。"))
    if party.role != "judgment_debtor":
        raise ValidationError(_("%(name)s不是本案被执行人，只有被执行人可以纳入失信被执行人名单（失信规定 第一条）。") % {
            "name": party.name})
    minor = is_minor(party, decided_on)
    items = _clean_circumstances(circumstances)
    term, years = _term(items, bool(aggravating), minor, years)
    active = DishonestEntry.objects.filter(case=case, party=party, deleted_at__isnull=True).first()
    if active is not None:
        raise ValidationError(_("%(name)s已在本案失信被执行人名单中（%(on)s 纳入），不能重复纳入。") % {
            "name": party.name, "on": active.decided_on.isoformat()})
    if on_application:
        last = (DishonestEntry.objects.filter(case=case, party=party, deletion_reason=DishonestEntry.Reason.EVENT_3)
                .order_by("-deleted_on").first())
        if last is not None:
            barred_until = law.reapplication_barred_until(last.deleted_on)
            if decided_on <= barred_until:
                raise ValidationError(_("申请执行人申请删除的失信信息已于 %(on)s 删除，%(until)s 前申请执行人申请再次纳入的，"
                                        "不予支持（失信规定 第十条第四款）。") % {
                    "on": last.deleted_on.isoformat(), "until": barred_until.isoformat()})
    ends_on = law.dishonest_term_end(decided_on, years) if years else None
    now = timezone.now()
    try:
        with transaction.atomic():
            entry = DishonestEntry.objects.create(
                case=case, party=party, circumstances=items, aggravating=bool(aggravating),
                on_application=bool(on_application), term=term.term, years=years, decided_on=decided_on,
                ends_on=ends_on, basis=list(term.basis), listed_by=actor, listed_at=now)
    except IntegrityError:
        raise ValidationError(_("%(name)s已在本案失信被执行人名单中，不能重复纳入。") % {"name": party.name})
    publish_dishonest(entry)  # 执行信息公开: shown in public from the decision on (失信规定 第七条)
    append_event(case, "dishonest_listed", actor, {
        "entry": entry.pk, "party": party.name, "circumstances": items, "term": term.term, "years": years,
        "decided_on": decided_on.isoformat(), "ends_on": ends_on.isoformat() if ends_on else None,
        "basis": list(term.basis)}, at=now)
    return entry


def _delete(actor, case: Case, entry: DishonestEntry, reason: str, basis: str, event_on: date, today: date,
            now) -> DishonestEntry:
    due = law.deletion_due(event_on, _calendar())
    entry.deletion_reason, entry.deletion_event_on, entry.deletion_due = reason, event_on, due
    entry.deleted_on, entry.deleted_at, entry.deleted_by = today, now, actor
    entry.save(update_fields=["deletion_reason", "deletion_event_on", "deletion_due", "deleted_on", "deleted_at",
                              "deleted_by"])
    withdraw_dishonest(entry)  # never shown in public once deleted
    append_event(case, "dishonest_deleted", actor, {
        "entry": entry.pk, "party": entry.party.name, "reason": reason, "basis": basis,
        "event_on": event_on.isoformat(), "due": due.isoformat(), "deleted_on": today.isoformat(),
        "late": today > due}, at=now)
    return entry


@transaction.atomic
def delete_entry(actor, entry: DishonestEntry, event: int, event_on: date | None = None) -> DishonestEntry:
    """删除失信信息 on one of the seven events of 失信规定 第十条第一款 (entries without a term), or
    early (第二条第二款, law.enforcement.EARLY_DELETION) for an entry with a term. The deadline, three
    working days after the event, is recorded with the deletion; a late deletion is marked late."""
    case = lock_case(entry.case_id)
    _may_handle(actor, case)
    entry = DishonestEntry.objects.select_related("party").filter(pk=entry.pk, case=case).first()
    if entry is None:
        raise ValidationError(_("该失信信息不属于本案。"))
    if entry.deleted_at is not None:
        raise ValidationError(_("该失信信息已于 %(on)s 删除。") % {"on": entry.deleted_on.isoformat()})
    problem = law.deletion_problem(entry.term, event)
    if problem:
        raise ValidationError(problem)
    today = timezone.localdate()
    event_on = event_on or today
    if not isinstance(event_on, date) or event_on > today:
        raise ValidationError(_("删除事由出现的日期不能晚于今天。"))
    if event_on < entry.decided_on:
        raise ValidationError(_("删除事由出现的日期不能早于纳入决定日期。"))
    reason = "early" if event == law.EARLY_DELETION else f"e{event}"
    return _delete(actor, case, entry, reason, law.deletion_basis(event), event_on, today, timezone.now())


@dataclass(frozen=True)
class Overdue:
    entry: DishonestEntry
    due: date


def overdue_deletions(today: date) -> list[Overdue]:
    """Fixed-term entries still listed after the deadline to delete them (three working days
    after the term ended, 失信规定 第十条第二款), oldest first."""
    calendar = _calendar()
    out = []
    for entry in (DishonestEntry.objects.select_related("case", "party")
                  .filter(deleted_at__isnull=True, term=DishonestEntry.Term.FIXED, ends_on__lt=today)
                  .order_by("ends_on", "pk")):
        due = law.deletion_due(entry.ends_on, calendar)
        if today > due:
            out.append(Overdue(entry, due))
    return out


def delete_expired(today: date | None = None) -> int:
    """The scheduled check: delete every fixed-term entry whose term ended before `today`
    (失信规定 第十条第二款), one transaction and one timeline node each. Idempotent: an entry
    deleted already (by an earlier run or a clerk) is skipped. Returns the number deleted."""
    today = today or timezone.localdate()
    done = 0
    for pk in list(DishonestEntry.objects.filter(deleted_at__isnull=True, term=DishonestEntry.Term.FIXED,
                                                 ends_on__lt=today).order_by("pk").values_list("pk", flat=True)):
        with transaction.atomic():
            entry = DishonestEntry.objects.filter(pk=pk).only("case_id").first()
            case = lock_case(entry.case_id)
            entry = DishonestEntry.objects.select_related("party").get(pk=pk)
            if entry.deleted_at is not None:
                continue
            _delete(None, case, entry, DishonestEntry.Reason.TERM_ENDED,
                    "失信规定 第十条第二款（纳入期限届满后三个工作日内删除失信信息）", entry.ends_on, today, timezone.now())
            done += 1
    return done
