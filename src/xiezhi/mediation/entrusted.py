"""委托调解 after filing: entrust → the mediator accepts (the 15 / 7 days start) → agreed extensions (not
counted in the trial limit) → agreement, failure or withdrawal. Every step is a node on the case's
timeline; the extension is a 审限扣除 of kind ``entrusted_mediation``.

Basis: 民事诉讼法 第一百二十五条 (先行调解); 特邀调解规定 第十一条 (立案后委托), 第十九条 (委托调解达成协议的,
由法院依法出具调解书或准许撤诉), 第二十一条 (调解不成, 材料退回继续审理), 第二十七条 (期限与不计入审限);
在线调解规则 第二十四条. The arithmetic is law.mediation."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, end_deduction, lock_case, notify, start_deduction
from xiezhi.courts.calendar import get_work_calendar
from xiezhi.law.mediation import ENTRUSTED, mediation_period, trial_limit_deduction

from .models import Mediator
from .models_entrusted import ENTRUSTED_OPEN, EntrustedMediation, EntrustedState

ES = EntrustedState
JUDGE_ROLES = ("judge", "division_head")
#: the trial procedures in which a case may be entrusted, and the period rule of law.mediation they take
#: (small claims are a form of 简易程序: 民事诉讼法 第一百六十五条)
PROCEDURE_OF = {"civil_ordinary": "ordinary", "civil_summary": "summary", "civil_small_claims": "summary"}
MAX_EXTENSION_DAYS = 30  # ⚠ local bound on one agreed extension: the rule sets none, this stops typos


def procedure_for(case: Case) -> str | None:
    code = case.procedure.limit_code if case.procedure_id else ""
    return PROCEDURE_OF.get(code)


def _judge(user, case: Case) -> None:
    if not can_manage_case(user, case, *JUDGE_ROLES):
        raise PermissionDenied(_("只有本案的承办法官可以委托调解。"))


def _mediator(user, em: EntrustedMediation) -> None:
    if not (user.is_court_staff and em.mediator.user_id == user.pk):
        raise PermissionDenied(_("只有受委托的调解员可以办理该调解。"))


def _lock(em: EntrustedMediation) -> EntrustedMediation:
    return (EntrustedMediation.objects.select_for_update(of=("self",)).select_related("mediator", "case")
            .get(pk=em.pk))


def period_of(em: EntrustedMediation):
    """law.mediation's period for this mediation (None before the mediator accepts)."""
    if em.accepted_at is None:
        return None
    extensions = [em.extension_days] if em.extension_days else []
    return mediation_period(ENTRUSTED, timezone.localdate(em.accepted_at), procedure=em.procedure,
                            extensions=extensions, calendar=get_work_calendar(strict=False))


@transaction.atomic
def entrust(judge, case: Case, mediator: Mediator, consent_note: str) -> EntrustedMediation:
    """The judge entrusts the case to a mediator on the roster, with the parties' consent (特邀调解规定 第十一条)."""
    _judge(judge, case)
    case = lock_case(case)
    existing = case.entrusted_mediations.filter(state__in=[s.value for s in ENTRUSTED_OPEN]).first()
    if existing:
        return existing  # a double click: the one open mediation
    if case.closed_on:
        raise ValidationError(_("已结案件不能委托调解。"))
    procedure = procedure_for(case)
    if procedure is None:
        raise ValidationError(_("只有适用普通程序、简易程序（含小额诉讼）审理的民事案件可以委托调解。"))
    if mediator.court_id != case.court_id or not mediator.active:
        raise ValidationError(_("请从本院特邀调解名册中选择在册的调解员。"))
    if len((consent_note or "").strip()) < 2:
        raise ValidationError(_("请写明双方当事人同意委托调解的情况。"))
    try:
        with transaction.atomic():
            em = EntrustedMediation.objects.create(case=case, mediator=mediator, procedure=procedure,
                                                   consent_note=consent_note.strip()[:300], entrusted_by=judge)
    except IntegrityError:  # the partial unique constraint: someone else entrusted it a moment ago
        return case.entrusted_mediations.get(state__in=[s.value for s in ENTRUSTED_OPEN])
    append_event(case, "entrusted_mediation_started", judge, {
        "mediator": mediator.user.display_name, "procedure": procedure, "consent": em.consent_note})
    notify([mediator.user], _("案件 %(number)s 委托您调解，请签收。") % {"number": case.number}, case=case,
           kind="entrusted_mediation")
    return em


@transaction.atomic
def accept(mediator_user, em: EntrustedMediation) -> EntrustedMediation:
    """The mediator signs for the file: the 15 / 7 days run from here (特邀调解规定 第二十七条第三款)."""
    em = _lock(em)
    _mediator(mediator_user, em)
    if em.state == ES.ACCEPTED:
        return em
    if em.state != ES.ENTRUSTED:
        raise ValidationError(_("该委托调解当前不能签收。"))
    em.state, em.accepted_at = ES.ACCEPTED, timezone.now()
    period = period_of(em)
    em.base_end = em.due_on = period.end
    em.save(update_fields=["state", "accepted_at", "base_end", "due_on"])
    append_event(em.case, "entrusted_mediation_accepted", mediator_user, {
        "due_on": em.due_on.isoformat(), "days": period.base_days, "basis": period.basis[0]})
    return em


@transaction.atomic
def extend(actor, em: EntrustedMediation, days: int, reason: str) -> EntrustedMediation:
    """An extension both parties agreed to (第二十七条: 不受此限); it is not counted in the trial limit, so
    the case's 审限扣除 of kind entrusted_mediation starts where the statutory days end."""
    em = _lock(em)
    if em.mediator.user_id != actor.pk:
        _judge(actor, em.case)
    if em.state != ES.ACCEPTED:
        raise ValidationError(_("只有调解中的案件可以延长调解期限。"))
    if not 0 < int(days) <= MAX_EXTENSION_DAYS:
        raise ValidationError(_("延长天数应为1至%(n)s天。") % {"n": MAX_EXTENSION_DAYS})
    if len((reason or "").strip()) < 2:
        raise ValidationError(_("请写明双方当事人同意延长的情况。"))
    em.extension_days += int(days)
    period = period_of(em)
    em.due_on = period.end
    em.save(update_fields=["extension_days", "due_on"])
    interval = trial_limit_deduction(period)
    append_event(em.case, "entrusted_mediation_extended", actor, {
        "days": int(days), "reason": reason.strip()[:300], "due_on": em.due_on.isoformat()})
    if "entrusted_mediation" not in _open_kinds(em.case):
        start_deduction(actor, em.case, "entrusted_mediation", interval.start,
                        _("当事人同意延长委托调解期限（%(reason)s）") % {"reason": reason.strip()[:200]}, by_rule=True)
    return em


def _open_kinds(case: Case) -> set[str]:
    open_kinds: set[str] = set()
    for code, payload in case.events.filter(code__in=("deduction_started", "deduction_ended")).order_by(
            "seq").values_list("code", "payload"):
        (open_kinds.add if code == "deduction_started" else open_kinds.discard)(payload.get("kind", "suspension"))
    return open_kinds


def _deduction_end(em: EntrustedMediation, on: date) -> date:
    """The deducted span ends when the mediation ends, but never after the agreed extension runs out."""
    period = period_of(em)
    return max(period.extension_start, min(on, period.extension_end))


def _close(actor, em: EntrustedMediation, state: str, text: str, *, min_len: int, message: str):
    em = _lock(em)
    if em.state == state:
        return em, False
    if em.state not in ENTRUSTED_OPEN:
        raise ValidationError(_("该委托调解已经结束。"))
    if state != ES.WITHDRAWN and em.state != ES.ACCEPTED:
        raise ValidationError(_("调解员签收后才能记录调解结果。"))
    if len((text or "").strip()) < min_len:
        raise ValidationError(message)
    em.state, em.result_note, em.closed_at = state, (text or "").strip(), timezone.now()
    em.save(update_fields=["state", "result_note", "closed_at"])
    if em.extension_days and "entrusted_mediation" in _open_kinds(em.case):
        end_deduction(actor, em.case, "entrusted_mediation", _deduction_end(em, timezone.localdate()), by_rule=True)
    append_event(em.case, "entrusted_mediation_ended", actor, {"outcome": state, "text": em.result_note[:300]})
    return em, True


@transaction.atomic
def record_agreement(mediator_user, em: EntrustedMediation, text: str) -> EntrustedMediation:
    """调解成功: the judge then issues a 调解书 or allows withdrawal (特邀调解规定 第十九条)."""
    em = _lock(em)
    _mediator(mediator_user, em)
    em, changed = _close(mediator_user, em, ES.AGREEMENT, text, min_len=4, message=_("请写明调解协议的内容。"))
    if changed:
        notify([em.entrusted_by], _("案件 %(number)s 委托调解达成协议，请依法出具调解书或准许撤诉。") % {
            "number": em.case.number}, case=em.case, kind="entrusted_mediation")
    return em


@transaction.atomic
def record_failure(mediator_user, em: EntrustedMediation, reason: str) -> EntrustedMediation:
    """调解不成: the file goes back to the judge and the trial goes on (特邀调解规定 第二十一条)."""
    em = _lock(em)
    _mediator(mediator_user, em)
    em, changed = _close(mediator_user, em, ES.FAILED, reason, min_len=2, message=_("请写明调解不成的原因。"))
    if changed:
        notify([em.entrusted_by], _("案件 %(number)s 委托调解不成，材料已退回，请继续审理。") % {
            "number": em.case.number}, case=em.case, kind="entrusted_mediation")
    return em


@transaction.atomic
def withdraw(judge, em: EntrustedMediation, reason: str) -> EntrustedMediation:
    em = _lock(em)
    _judge(judge, em.case)
    em, _changed = _close(judge, em, ES.WITHDRAWN, reason, min_len=2, message=_("请写明撤回委托调解的理由。"))
    return em


# ---- reads -------------------------------------------------------------------------------------------

def mine(user):
    """The mediator's entrusted mediations, open ones first by due date."""
    return (EntrustedMediation.objects.filter(mediator__user=user)
            .select_related("case", "case__cause").order_by("closed_at", "due_on", "-pk"))


def visible_to(user, pk: int) -> EntrustedMediation | None:
    """The mediator it was entrusted to, or staff who may manage the case."""
    em = EntrustedMediation.objects.select_related("case", "case__court", "mediator__user").filter(pk=pk).first()
    if em is None:
        return None
    if em.mediator.user_id == user.pk and user.is_court_staff:
        return em
    return em if can_manage_case(user, em.case, *JUDGE_ROLES, "president", "assistant", "clerk") else None


def days_left(em: EntrustedMediation, today: date | None = None) -> int | None:
    if em.due_on is None or not em.is_open:
        return None
    return (em.due_on - (today or timezone.localdate())).days

