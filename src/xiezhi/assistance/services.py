"""国家司法救助的办理: apply → accept (a 司救 case is opened and numbered) → investigate → review →
approve (within the cap) / refuse → pay (the applicant is told; the 2-working-day notice deadline is
kept). Each step locks the application row, checks its state, and appends a node to the 司救 case's
timeline in the same transaction; a step repeated (a double click) finds the state already moved
and returns without a second node."""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.counters import allocate_serial
from xiezhi.cases.models import Case, Party
from xiezhi.cases.services import append_events, notify, refresh_snapshot
from xiezhi.courts import refcache
from xiezhi.courts.models import Division
from xiezhi.law import assistance as law
from xiezhi.law.casenumber import format_case_number

from .models import AssistanceApplication, AssistanceEvidence, WageBase

S = AssistanceApplication.State
HANDLER_ROLES = ("filing_judge",)
APPROVER_ROLES = ("division_head", "president")
STAFF_ROLES = HANDLER_ROLES + APPROVER_ROLES
BASIS = "司救意见"


def register_events() -> None:
    from django.utils.translation import gettext_lazy as _l

    from xiezhi.cases.events import EventType, register_event_types

    register_event_types({
        "assistance_accepted": EventType(_l("司法救助立案"), basis=f"{BASIS} 第二条"),
        "assistance_investigated": EventType(_l("司法救助调查"), public=False, basis=BASIS),
        "assistance_reviewed": EventType(_l("司法救助合议"), public=False, basis=BASIS),
        "assistance_approved": EventType(_l("决定给予司法救助"), basis=BASIS),
        "assistance_refused": EventType(_l("决定不予司法救助"), basis=BASIS),
        "assistance_paid": EventType(_l("发放司法救助金"), basis=BASIS),
    }, summaries={"assistance_approved": lambda p: _("救助金额 %(amount)s 元") % {"amount": p.get("amount", "")},
                  "assistance_paid": lambda p: _("发放 %(amount)s 元，凭证 %(voucher)s") % {
                      "amount": p.get("amount", ""), "voucher": p.get("voucher", "")}})


def _calendar():
    from xiezhi.courts.calendar import get_work_calendar

    return get_work_calendar(strict=False)


def _money(value, what: str) -> Decimal:
    try:
        d = Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(_("%(what)s不是有效的金额。") % {"what": what}) from None
    if not d.is_finite() or d <= 0 or d >= Decimal("1e10"):
        raise ValidationError(_("%(what)s应为大于零的金额。") % {"what": what})
    return d.quantize(Decimal("0.01"))


def is_handler(user, court) -> bool:
    return getattr(user, "is_court_staff", False) and user.court_id == court.pk and user.has_role(*HANDLER_ROLES)


def is_approver(user, court) -> bool:
    return getattr(user, "is_court_staff", False) and user.court_id == court.pk and user.has_role(*APPROVER_ROLES)


def _handler(actor, app) -> None:
    if not is_handler(actor, app.court):
        raise PermissionDenied(_("只有本院立案法官可以办理司法救助案件。"))


# ---- the cap ------------------------------------------------------------------------------

def wage_for(court, applied_on: date) -> Decimal:
    """上一年度职工月平均工资 of the court's province (a WageBase row the admin keeps)."""
    province = court.province_abbr
    rows = {(w.province, w.year): w.monthly_wage
            for w in WageBase.objects.filter(province=province, year=applied_on.year - 1)}
    try:
        return law.wage_base(rows, province, applied_on)
    except law.AssistanceError as exc:
        raise ValidationError(str(exc)) from None


def cap_for(app: AssistanceApplication) -> law.AidCap:
    try:
        return law.aid_cap(wage_for(app.court, app.applied_on), compensation=app.compensation)
    except law.AssistanceError as exc:
        raise ValidationError(str(exc)) from None


# ---- apply --------------------------------------------------------------------------------

def apply(actor, court, *, category: int, origin_kind: str, facts: str, amount_asked, bank_account: str,
          origin_case: Case | None = None, applicant_name: str = "", applicant_id_number: str = "",
          applicant_phone: str = "", compensation=None, files=(), key: str = "") -> AssistanceApplication:
    """The applicant on the portal (their own name and ID) or a filing judge at the counter. A
    double submission (the same applicant and case, or the same form key) returns the first row."""
    staff = getattr(actor, "is_court_staff", False)
    if staff:
        if not is_handler(actor, court):
            raise PermissionDenied(_("只有本院立案法官可以在窗口登记司法救助申请。"))
        user = None
    elif getattr(actor, "is_public_user", False):
        user, applicant_name, applicant_id_number = actor, actor.real_name, actor.id_number
        applicant_phone = applicant_phone or getattr(actor, "phone", "")
    else:
        raise PermissionDenied(_("请先登录。"))
    applicant_name, applicant_id_number = (applicant_name or "").strip(), (applicant_id_number or "").strip().upper()
    if not applicant_name or not applicant_id_number:
        raise ValidationError(_("请填写申请人姓名和身份证号码。"))
    try:
        category = int(category)
    except (TypeError, ValueError):
        category = 0
    problem = law.category_problem(category)
    if problem:
        raise ValidationError(problem)
    if origin_kind not in law.CASE_TYPE_CODES:
        raise ValidationError(_("请选择原案件类别。"))
    facts, bank_account = (facts or "").strip(), (bank_account or "").strip()
    if not facts:
        raise ValidationError(_("请填写申请救助的事实与理由。"))
    if not bank_account:
        raise ValidationError(_("请填写收款账户。"))
    amount = _money(amount_asked, _("申请救助金额"))
    comp = _money(compensation, _("应当判决的赔偿数额")) if compensation not in (None, "") else None
    if origin_case is not None and origin_case.court_id != court.pk:
        raise ValidationError(_("原案件不是本院案件。"))
    key = (key or "").strip()[:64]

    def earlier():
        q = AssistanceApplication.objects.none()
        if origin_case is not None:
            q = AssistanceApplication.objects.filter(origin_case=origin_case, applicant_id_number=applicant_id_number)
        if key and not q.exists():
            q = AssistanceApplication.objects.filter(key=key)
        return q.first()

    found = earlier()
    if found is not None:
        return found
    from xiezhi.filing.uploads import check_upload

    checked = [(f, check_upload(f)) for f in files or []]
    try:
        with transaction.atomic():
            app = AssistanceApplication.objects.create(
                court=court, applicant=user, applicant_name=applicant_name[:100],
                applicant_id_number=applicant_id_number[:40], applicant_phone=(applicant_phone or "")[:30],
                origin_case=origin_case, origin_kind=origin_kind, category=category, facts=facts,
                amount_asked=amount, bank_account=bank_account[:100], compensation=comp,
                applied_on=timezone.localdate(), created_by=actor, key=key)
            _store(actor, app, checked)
    except IntegrityError:
        found = earlier()
        if found is None:
            raise
        return found
    notify([u for u in _staff(court, HANDLER_ROLES)], _("新的司法救助申请：%(name)s") % {"name": applicant_name})
    return app


def _store(actor, app, checked) -> None:
    from xiezhi.site.uploads import clean_filename
    from xiezhi.storage import extension_for, store_once

    for f, c in checked:
        ev = AssistanceEvidence(application=app, original_name=clean_filename(f.name) or "file",
                                content_type=c.content_type, size=c.size, sha256=c.sha256, uploaded_by=actor)
        store_once(ev.file, "assistance", c.sha256, c.content, extension_for(c.content_type))
        ev.save()


def _staff(court, roles):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(court=court, kind="staff", is_active=True)
    return [u for u in users if u.has_role(*roles)]


# ---- the steps ----------------------------------------------------------------------------

def _lock(app) -> AssistanceApplication:
    return (AssistanceApplication.objects.select_for_update(of=("self",)).select_related("court", "assistance_case")
            .get(pk=getattr(app, "pk", app)))


def _event(app, code, actor, payload):
    append_events(app.assistance_case, [(code, actor, payload, None)])


def _filing_division(court):
    return Division.objects.filter(court=court, kind=Division.Kind.FILING).order_by("pk").first()


@transaction.atomic
def accept(actor, app) -> AssistanceApplication:
    """受理: a 司救 case (type by the originating case, 案号规定) is opened and numbered; the
    10-working-day clock for the decision starts (《关于建立完善国家司法救助制度的意见（试行）》)."""
    app = _lock(app)
    _handler(actor, app)
    if app.state != S.APPLIED:
        if app.assistance_case_id:  # a repeated click: already accepted
            return app
        raise ValidationError(_("该申请已处理。"))
    court, today = app.court, timezone.localdate()
    code = law.case_type_code(app.origin_kind)
    case = Case.objects.create(
        court=court, case_type=refcache.case_type(code), number=f"#{uuid.uuid4().hex}", year=today.year, serial=0,
        division=_filing_division(court), title=_("%(name)s申请司法救助") % {"name": app.applicant_name},
        claims=_("申请国家司法救助 %(amount)s 元") % {"amount": app.amount_asked}, facts=app.facts,
        amount=app.amount_asked, filed_on=today, judge=actor)
    Party.objects.create(case=case, role="applicant", name=app.applicant_name, id_type="居民身份证",
                         id_number=app.applicant_id_number, phone=app.applicant_phone, user=app.applicant)
    # drawn last: the counter row stays locked until commit (cases.counters)
    serial = allocate_serial(court.case_code, today.year, code)
    number = format_case_number(today.year, court.case_code, code, serial)
    case.number, case.serial = number, serial
    app.assistance_case, app.state, app.accepted_on = case, S.ACCEPTED, today
    app.approval_due = law.approval_due(today, _calendar())
    app.save(update_fields=["assistance_case", "state", "accepted_on", "approval_due"])
    events = append_events(case, [
        ("registered", actor, {"number": number, "filed_on": today.isoformat()}, None),
        # the handler is on the timeline like every case's judge (流程公开规定 第七条: 审判组织)
        ("organisation_set", actor, {"judge": actor.display_name, "judge_id": actor.pk,
                                     "reason": "司法救助案件由立案部门承办"}, None),
        ("assistance_accepted", actor, {"origin": app.origin_case.number if app.origin_case_id else "",
                                        "category": app.category, "approval_due": app.approval_due.isoformat()}, None),
    ], refresh=False, new_case=True)
    refresh_snapshot(case, events=events, also={"number": number, "serial": serial})
    if app.applicant_id:
        notify([app.applicant], _("您的司法救助申请已立案，案号 %(number)s。") % {"number": number}, case=case)
    return app


def _text_step(actor, app, *, before, after, field, code, text, empty_message):
    text = (text or "").strip()
    if not text:
        raise ValidationError(empty_message)
    app = _lock(app)
    _handler(actor, app)
    if app.state == after and getattr(app, field) == text:
        return app
    if app.state not in before:
        raise ValidationError(_("该申请当前状态为“%(state)s”，不能办理此步骤。") % {"state": app.get_state_display()})
    setattr(app, field, text)
    app.state = after
    app.save(update_fields=[field, "state"])
    _event(app, code, actor, {"text": text[:500]})
    return app


@transaction.atomic
def investigate(actor, app, notes: str) -> AssistanceApplication:
    return _text_step(actor, app, before=(S.ACCEPTED, S.INVESTIGATED), after=S.INVESTIGATED, field="investigation",
                      code="assistance_investigated", text=notes, empty_message=_("请填写调查情况。"))


@transaction.atomic
def review(actor, app, opinion: str) -> AssistanceApplication:
    return _text_step(actor, app, before=(S.INVESTIGATED, S.REVIEWED), after=S.REVIEWED, field="review_opinion",
                      code="assistance_reviewed", text=opinion, empty_message=_("请填写合议庭意见。"))


def _approver(actor, app):
    if not is_approver(actor, app.court):
        raise PermissionDenied(_("只有本院庭长、院长可以审批司法救助。"))
    if app.state != S.REVIEWED:
        raise ValidationError(_("合议庭提出意见后才能审批。"))


@transaction.atomic
def approve(actor, app, amount, *, exceptional_reason: str = "") -> AssistanceApplication:
    """批准: the amount within 36 × the province's previous-year monthly average wage; above it only
    with the exceptional reason and never above the compensation the court ordered (司救意见)."""
    app = _lock(app)
    if app.state == S.APPROVED and app.decided_by_id == actor.pk:
        return app
    _approver(actor, app)
    value = _money(amount, _("救助金额"))
    reason = (exceptional_reason or "").strip()
    cap = cap_for(app)
    problem = law.amount_problem(value, cap, exceptional=bool(reason))
    if problem:
        raise ValidationError(problem)
    prior = AssistanceApplication.objects.filter(
        origin_case=app.origin_case, applicant_id_number=app.applicant_id_number, state__in=(S.APPROVED, S.PAID),
        origin_case__isnull=False).exclude(pk=app.pk)
    problem = law.repeat_problem(app.applicant_id_number, app.origin_case_id or f"#{app.pk}",
                                 [(a.applicant_id_number, a.origin_case_id) for a in prior])
    if problem:
        raise ValidationError(problem)
    app.state, app.approved_amount, app.cap_amount = S.APPROVED, value, cap.normal_cap
    app.exceptional_reason = reason if value > cap.normal_cap else ""
    app.decided_by, app.decided_on = actor, timezone.localdate()
    app.save(update_fields=["state", "approved_amount", "cap_amount", "exceptional_reason", "decided_by",
                            "decided_on"])
    _event(app, "assistance_approved", actor, {"amount": str(value), "cap": str(cap.normal_cap),
                                               "exceptional_reason": app.exceptional_reason})
    if app.applicant_id:
        notify([app.applicant], _("您的司法救助申请已批准，救助金额 %(amount)s 元。") % {"amount": value},
               case=app.assistance_case)
    return app


@transaction.atomic
def refuse(actor, app, reason: str) -> AssistanceApplication:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写不予救助的理由。"))
    app = _lock(app)
    if app.state == S.REFUSED:
        return app
    _approver(actor, app)
    app.state, app.refused_reason, app.decided_by, app.decided_on = S.REFUSED, reason, actor, timezone.localdate()
    app.save(update_fields=["state", "refused_reason", "decided_by", "decided_on"])
    _event(app, "assistance_refused", actor, {"reason": reason[:500]})
    if app.applicant_id:
        notify([app.applicant], _("您的司法救助申请不予救助：%(reason)s") % {"reason": reason}, case=app.assistance_case)
    return app


@transaction.atomic
def pay(actor, app, paid_on: date, voucher: str, amount=None) -> AssistanceApplication:
    """发放: the funds arrived on `paid_on`; the applicant is told now and must be told within two
    working days of it (notice_due, shown on the page)."""
    voucher = (voucher or "").strip()
    if not voucher:
        raise ValidationError(_("请填写发放凭证号。"))
    if not isinstance(paid_on, date) or paid_on > timezone.localdate():
        raise ValidationError(_("请填写救助金到位日期（不能晚于今天）。"))
    app = _lock(app)
    _handler(actor, app)
    if app.state == S.PAID:
        return app
    if app.state != S.APPROVED:
        raise ValidationError(_("批准救助后才能发放。"))
    value = app.approved_amount if amount in (None, "") else _money(amount, _("发放金额"))
    if value > app.approved_amount:
        raise ValidationError(_("发放金额不能超过批准的救助金额 %(amount)s 元。") % {"amount": app.approved_amount})
    app.state, app.paid_amount, app.paid_on, app.voucher = S.PAID, value, paid_on, voucher[:100]
    app.notice_due = law.notice_due(paid_on, _calendar())
    app.save(update_fields=["state", "paid_amount", "paid_on", "voucher", "notice_due"])
    _event(app, "assistance_paid", actor, {"amount": str(value), "voucher": app.voucher, "paid_on": paid_on.isoformat(),
                                           "notice_due": app.notice_due.isoformat()})
    if app.applicant_id:
        notify([app.applicant], _("司法救助金 %(amount)s 元已发放，请查收。") % {"amount": value},
               case=app.assistance_case)
    return app
