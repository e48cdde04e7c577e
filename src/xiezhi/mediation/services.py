"""诉前调解 (委派调解): offer → consent / refusal → assignment → acceptance (the 30 days start) →
agreement / failure / withdrawal. 民事诉讼法 第一百二十五条; 特邀调解规定 第十二条、第十九条至第二十七条.

Every change locks the mediation row (SELECT … FOR UPDATE) and checks the state on the locked copy, so
a double click or two people at once change it once; each change appends a MediationEvent."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.services import allocate_serial, notify
from xiezhi.courts.calendar import get_work_calendar
from xiezhi.filing.models import FilingApplication, FilingStatus
from xiezhi.law.casenumber import format_case_number
from xiezhi.law.periods import period_end

from . import periods
from .models import MediationEvent, MediationState, Mediator, PreSuitMediation
from .selectors import is_suitable

TYPE_CODE = "民诉前调"  # courts/data/case-types-extra.csv 9901 (domain §1.3)
S = MediationState


def _office(user, court_id) -> None:
    if not (user.is_court_staff and user.has_role("filing_judge") and user.court_id == court_id):
        raise PermissionDenied(_("只有本院立案人员可以办理诉前调解。"))


def _the_mediator(user, m: PreSuitMediation) -> None:
    if not (m.mediator_id and m.mediator.user_id == user.pk and user.is_court_staff):
        raise PermissionDenied(_("只有受委派的调解员可以办理该调解。"))


def _lock(m: PreSuitMediation) -> PreSuitMediation:
    return (PreSuitMediation.objects.select_for_update(of=("self",)).select_related("mediator", "filing")
            .get(pk=m.pk))


def _log(m, code, actor, key="", **payload) -> MediationEvent:
    return MediationEvent.objects.create(mediation=m, code=code, actor=actor, key=key[:64], payload=payload)


def _calendar():
    return get_work_calendar(strict=False)


@transaction.atomic
def offer(actor, filing: FilingApplication) -> PreSuitMediation:
    """The filing office offers pre-suit mediation on a submitted filing of a suitable cause
    (民事诉讼法 第一百二十五条: 先行调解, 当事人拒绝的除外). The 民诉前调 number is drawn last."""
    filing = FilingApplication.objects.select_for_update(of=("self",)).select_related("court", "cause").get(pk=filing.pk)
    _office(actor, filing.court_id)
    existing = filing.pre_suit_mediations.filter(state__in=[s.value for s in (S.OFFERED, S.CONSENTED, S.ASSIGNED,
                                                                              S.ACCEPTED)]).first()
    if existing:
        return existing  # a double click: the one open mediation
    if filing.status != FilingStatus.SUBMITTED:
        raise ValidationError(_("只有待审核的立案申请可以建议诉前调解。"))
    today = timezone.localdate()
    if not is_suitable(filing.court, filing.cause, today):
        raise ValidationError(_("该案由不在本院适宜诉前调解的案由清单内，不能建议诉前调解。"))
    m = PreSuitMediation.objects.create(
        court=filing.court, filing=filing, year=today.year, title=filing.title, cause=filing.cause,
        parties=[{k: p.get(k, "") for k in ("role", "kind", "name", "phone", "address")}
                 for p in filing.data.get("parties", [])], offered_by=actor)
    _log(m, "offered", actor)
    # the 7-day review clock stops while the dispute is mediated; it restarts if mediation ends without
    # an agreement (_back_to_review)
    filing.review_due_on = None
    filing.save(update_fields=["review_due_on", "updated_at"])
    m.serial = allocate_serial(filing.court.case_code, today.year, TYPE_CODE)
    m.number = format_case_number(today.year, filing.court.case_code, TYPE_CODE, m.serial)
    m.save(update_fields=["serial", "number"])
    notify([filing.submitted_by], _("法院建议您的纠纷先行诉前调解（%(number)s），请在诉讼服务网或向立案庭表示是否同意。")
           % {"number": m.number}, filing=filing, kind="mediation")
    return m


@transaction.atomic
def consent(actor, m: PreSuitMediation, yes: bool) -> PreSuitMediation:
    """The party (the filer) or the filing clerk recording it says yes or no. A refusal sends the
    filing back to the clerk's review: mediation first, unless a party refuses (第一百二十五条)."""
    m = _lock(m)
    if not (m.filing.submitted_by_id == actor.pk or
            (actor.is_court_staff and actor.has_role("filing_judge") and actor.court_id == m.court_id)):
        raise PermissionDenied(_("只有当事人或立案人员可以表示是否同意调解。"))
    target = S.CONSENTED if yes else S.REFUSED
    if m.state == target:
        return m
    if m.state != S.OFFERED:
        raise ValidationError(_("该调解当前不能再表示是否同意。"))
    m.state = target
    if not yes:
        m.closed_at = timezone.now()
    m.save(update_fields=["state", "closed_at"])
    _log(m, target, actor)
    if not yes:
        _back_to_review(m.filing, actor, m)
    return m


@transaction.atomic
def assign(actor, m: PreSuitMediation, mediator: Mediator, *, chosen_by_parties: bool = False) -> PreSuitMediation:
    """The parties' choice from the roster, or the court's appointment (特邀调解规定 第十二条)."""
    m = _lock(m)
    _office(actor, m.court_id)
    return _assign(actor, m, mediator, chosen_by_parties)


def _assign(actor, m, mediator, chosen_by_parties):
    if m.state == S.ASSIGNED and m.mediator_id == mediator.pk:
        return m
    if m.state not in (S.CONSENTED, S.ASSIGNED):
        raise ValidationError(_("当事人同意调解后才能委派调解员；调解员签收后不能更换。"))
    if not mediator.active or mediator.court_id != m.court_id:
        raise ValidationError(_("该调解员不在本院特邀调解名册内。"))
    m.state, m.mediator, m.chosen_by_parties = S.ASSIGNED, mediator, chosen_by_parties
    m.save(update_fields=["state", "mediator", "chosen_by_parties"])
    _log(m, "assigned", actor, mediator=mediator.user.display_name, chosen_by_parties=chosen_by_parties)
    notify([mediator.user], _("您被委派调解 %(number)s，请签收。") % {"number": m.number}, filing=m.filing,
           kind="mediation")
    return m


@transaction.atomic
def accept(mediator_user, m: PreSuitMediation) -> PreSuitMediation:
    """The mediator signs for the matter: the 30 days run from here (特邀调解规定 第二十七条)."""
    m = _lock(m)
    _the_mediator(mediator_user, m)
    if m.state == S.ACCEPTED:
        return m
    if m.state != S.ASSIGNED:
        raise ValidationError(_("该调解当前不能签收。"))
    m.state, m.accepted_at = S.ACCEPTED, timezone.now()
    m.due_on = periods.due_on(timezone.localdate(m.accepted_at), 0, _calendar())
    m.save(update_fields=["state", "accepted_at", "due_on"])
    _log(m, "accepted", mediator_user, due_on=m.due_on.isoformat(), basis=periods.BASIS)
    return m


@transaction.atomic
def extend(actor, m: PreSuitMediation, days: int, reason: str, key: str = "") -> PreSuitMediation:
    """An extension the parties agreed to (特邀调解规定 第二十七条: 双方当事人同意延长的)."""
    m = _lock(m)
    if not (m.mediator_id and m.mediator.user_id == actor.pk):
        _office(actor, m.court_id)
    if key and m.events.filter(key=key).exists():
        return m
    if m.state != S.ACCEPTED:
        raise ValidationError(_("只有调解中的案件可以延长调解期限。"))
    if not 0 < int(days) <= periods.MAX_EXTENSION_DAYS:
        raise ValidationError(_("延长天数应为1至%(n)s天。") % {"n": periods.MAX_EXTENSION_DAYS})
    if len((reason or "").strip()) < 2:
        raise ValidationError(_("请写明双方当事人同意延长的情况。"))
    m.extension_days += int(days)
    m.due_on = periods.due_on(timezone.localdate(m.accepted_at), m.extension_days, _calendar())
    m.save(update_fields=["extension_days", "due_on"])
    _log(m, "extended", actor, key=key, days=int(days), reason=reason.strip(), due_on=m.due_on.isoformat())
    return m


def _close(mediator_user, m, state, text, code, *, min_len, message):
    m = _lock(m)
    _the_mediator(mediator_user, m)
    if m.state == state:
        return m, False
    if m.state != S.ACCEPTED:
        raise ValidationError(_("只有调解中的案件可以记录调解结果。"))
    if len((text or "").strip()) < min_len:
        raise ValidationError(message)
    m.state, m.result_note, m.closed_at = state, text.strip(), timezone.now()
    m.save(update_fields=["state", "result_note", "closed_at"])
    _log(m, code, mediator_user, text=m.result_note)
    return m, True


@transaction.atomic
def record_agreement(mediator_user, m: PreSuitMediation, text: str) -> PreSuitMediation:
    """调解成功 (特邀调解规定 第十九条): the agreement; the parties may apply for judicial confirmation."""
    m, changed = _close(mediator_user, m, S.AGREEMENT, text, "agreement", min_len=4,
                        message=_("请填写调解协议的主要内容。"))
    if changed:
        notify([m.filing.submitted_by], _("诉前调解 %(number)s 已达成调解协议，可依法申请司法确认。")
               % {"number": m.number}, filing=m.filing, kind="mediation")
    return m


@transaction.atomic
def record_failure(mediator_user, m: PreSuitMediation, reason: str) -> PreSuitMediation:
    """调解不成 (特邀调解规定 第二十一条): the filing goes back to the clerk's review as it was
    submitted — nobody types it again — with a fresh 7-day review clock (民事诉讼法 第一百二十六条)."""
    m, changed = _close(mediator_user, m, S.FAILED, reason, "failed", min_len=2,
                        message=_("请写明调解不成的原因。"))
    if changed:
        _back_to_review(m.filing, mediator_user, m)
    return m


@transaction.atomic
def withdraw(actor, m: PreSuitMediation, reason: str = "") -> PreSuitMediation:
    """A party withdraws from mediation (特邀调解规定 第二十六条); recorded by the mediator or the office."""
    m = _lock(m)
    if not (m.mediator_id and m.mediator.user_id == actor.pk):
        _office(actor, m.court_id)
    if m.state == S.WITHDRAWN:
        return m
    if m.state not in (S.CONSENTED, S.ASSIGNED, S.ACCEPTED):
        raise ValidationError(_("该调解当前不能撤回。"))
    m.state, m.result_note, m.closed_at = S.WITHDRAWN, (reason or "").strip(), timezone.now()
    m.save(update_fields=["state", "result_note", "closed_at"])
    _log(m, "withdrawn", actor, reason=m.result_note)
    _back_to_review(m.filing, actor, m)
    return m


def _back_to_review(filing, actor, m) -> None:
    filing = FilingApplication.objects.select_for_update(of=("self",)).get(pk=filing.pk)
    if filing.status != FilingStatus.SUBMITTED:
        return
    today = timezone.localdate()
    filing.clock_started_on = today
    # 民事诉讼法 第一百二十六条: seven days (the filing app's FILING_REVIEW_DAYS), from today
    filing.review_due_on = period_end(today, days=settings.FILING_REVIEW_DAYS, calendar=_calendar())
    filing.save(update_fields=["clock_started_on", "review_due_on", "updated_at"])
    notify([filing.submitted_by], _("诉前调解 %(number)s 未达成协议，法院将依法审查立案，无需重新提交材料。")
           % {"number": m.number}, filing=filing, kind="mediation")


@transaction.atomic
def add_note(actor, m: PreSuitMediation, text: str, key: str = "") -> MediationEvent:
    """A message on the mediation (the mediator, the office)."""
    m = _lock(m)
    if not (m.mediator_id and m.mediator.user_id == actor.pk):
        _office(actor, m.court_id)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("请填写留言内容。"))
    if key:
        done = m.events.filter(key=key).first()
        if done:
            return done
    try:
        with transaction.atomic():
            return _log(m, "note", actor, key=key, text=text[:2000])
    except IntegrityError:
        return m.events.get(key=key)


# ---------------------------------------------------------------- the party (诉讼服务网)

def _the_filer(user, m: PreSuitMediation) -> None:
    # the filing's parties are typed-in names, not accounts: the filer, or a party whose verified phone
    # the complaint gives (portal.party_keys)
    from .portal import party_keys

    if not (getattr(user, "is_public_user", False) and (m.filing.submitted_by_id == user.pk
                                                        or party_keys(user, m))):
        raise PermissionDenied(_("只有本调解的当事人可以办理该事项。"))


@transaction.atomic
def choose_mediator(party_user, m: PreSuitMediation, mediator: Mediator) -> PreSuitMediation:
    """The parties choose a mediator from the court's roster (特邀调解规定 第十二条: 当事人在名册中
    选定); recorded as the parties' choice and assigned at once, as the office would."""
    m = _lock(m)
    _the_filer(party_user, m)
    if m.state == S.ASSIGNED and m.mediator_id == mediator.pk:
        return m  # a double click
    if m.state != S.CONSENTED:
        raise ValidationError(_("同意调解后、委派调解员前，才能从名册中选定调解员。"))
    return _assign(party_user, m, mediator, True)


@transaction.atomic
def add_party_note(party_user, m: PreSuitMediation, text: str, key: str = "") -> MediationEvent:
    """A message from the party to the mediator (or, before one is assigned, to the filing office);
    the same key twice (a double click) writes it once."""
    m = _lock(m)
    _the_filer(party_user, m)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("请填写留言内容。"))
    if len(text) > 1000:
        raise ValidationError(_("留言不能超过 %(n)s 字。") % {"n": 1000})
    if not m.is_open:
        raise ValidationError(_("该调解已结束，不能再留言。"))
    key = (key or "").strip()[:64]
    if key:
        done = m.events.filter(key=key).first()
        if done:
            return done
    try:
        with transaction.atomic():
            ev = _log(m, "note", party_user, key=key, text=text, from_party=True)
    except IntegrityError:
        return m.events.get(key=key)
    if m.mediator_id:
        notify([m.mediator.user], _("诉前调解 %(number)s 的当事人给您留言。") % {"number": m.number},
               filing=m.filing, kind="mediation")
    return ev
