"""诉讼费用的缓交、减交、免交 (交费办法 第四十四条至第五十一条): the party asks for one unpaid fee with
reasons and proof; a filing judge (or the judge, the president) decides — grant, part, refuse with a
written reason (第四十九条) — and the fee's amount or due date changes only through the filing
services, which put it on the case timeline; the party is told.

While a request is pending, or a 缓交 was granted and its new date has not passed, the fee is not
overdue: `fee_relief_holds(assessment)` says so for whoever applies the 按撤诉处理 consequence of
unpaid fees (登记立案规定 第十一条)."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Party
from xiezhi.cases.services import append_events, lock_case, notify
from xiezhi.filing import services as filing_services
from xiezhi.filing.models import FeeAssessment, FilingApplication, FilingStatus
from xiezhi.law import fee_relief as law

from .models import FeeRelief

R = FeeRelief.State
PAYER_ROLES = ("plaintiff", "applicant", "appellant", "third_party", "defendant", "appellee", "respondent")


def register_events() -> None:
    from django.utils.translation import gettext_lazy as _l

    from xiezhi.cases.events import EventType, register_event_types

    register_event_types({
        "fee_relief_requested": EventType(_l("申请缓交、减交、免交诉讼费用"), basis="诉讼费用交纳办法 第四十八条"),
        "fee_relief_decided": EventType(_l("决定缓交、减交、免交诉讼费用"), basis="诉讼费用交纳办法 第四十四条至第四十九条"),
        "fee_due_changed": EventType(_l("缓交诉讼费用"), basis="诉讼费用交纳办法 第四十七条"),
    })


def payer_party(user, case) -> Party | None:
    if not getattr(user, "is_public_user", False):
        return None
    return (Party.objects.filter(case=case, user=user, role__in=PAYER_ROLES, left_case_at__isnull=True)
            .order_by("pk").first())


def my_unpaid_fees(user):
    return (FeeAssessment.objects.filter(paid_at__isnull=True, amount__gt=0, case__parties__user=user,
                                         case__parties__role__in=PAYER_ROLES)
            .select_related("case").distinct().order_by("-assessed_at"))


def request_relief(user, assessment: FeeAssessment, form: str, reasons: str, proof=None) -> FeeRelief:
    party = payer_party(user, assessment.case)
    if party is None:
        raise PermissionDenied(_("只有本案当事人可以申请缓交、减交、免交诉讼费用。"))
    problem = law.form_problem(form, party.kind)
    if problem:
        raise ValidationError(problem)
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationError(_("请填写申请理由并附证明材料（诉讼费用交纳办法 第四十八条）。"))
    if assessment.paid_at:
        raise ValidationError(_("诉讼费已交纳。"))
    if proof is not None:
        from xiezhi.filing.uploads import check_upload

        check_upload(proof)
        proof.seek(0)
    open_one = FeeRelief.objects.filter(assessment=assessment, state=R.REQUESTED).first()
    if open_one is not None:  # a double click, or a second request while one waits: one request
        return open_one
    try:
        with transaction.atomic():
            lock_case(assessment.case_id)
            r = FeeRelief.objects.create(assessment=assessment, requested_by=user, form=form, reasons=reasons[:5000],
                                         amount_before=assessment.amount, proof=proof or "")
            append_events(assessment.case, [("fee_relief_requested", user, {"form": form}, None)])
    except IntegrityError:
        return FeeRelief.objects.get(assessment=assessment, state=R.REQUESTED)
    return r


OPEN_FILING = (FilingStatus.SUBMITTED, FilingStatus.NEEDS_CORRECTION)


def my_open_filings(user):
    """The portal user's complaints waiting for registration: where a request made "at filing" goes."""
    if not getattr(user, "is_public_user", False):
        return FilingApplication.objects.none()
    return FilingApplication.objects.filter(submitted_by=user, status__in=OPEN_FILING).order_by("-submitted_at")


def _filer_kind(filing: FilingApplication) -> str:
    parties = (filing.data or {}).get("parties") or []
    first = next((p for p in parties if p.get("role") in PAYER_ROLES), None)
    return (first or {}).get("kind", "natural")


def request_at_filing(user, filing: FilingApplication, form: str, reasons: str, proof=None) -> FeeRelief:
    """缓交、减交、免交 asked with the complaint (交费办法 第四十八条: 当事人申请司法救助，应当在起诉或者上诉时
    提交书面申请): kept with the filing and bound to the fee the clerk assesses at registration
    (`bind_to_case`), where it is decided like any other request."""
    if not (getattr(user, "is_public_user", False) and filing.submitted_by_id == user.pk):
        raise PermissionDenied(_("只有起诉人可以在立案时申请缓交、减交、免交诉讼费用。"))
    if filing.status not in OPEN_FILING:
        raise ValidationError(_("只有等待立案的起诉可以申请；已立案的，请在案件的诉讼费用下申请。"))
    problem = law.form_problem(form, _filer_kind(filing))
    if problem:
        raise ValidationError(problem)
    reasons = (reasons or "").strip()
    if not reasons:
        raise ValidationError(_("请填写申请理由并附证明材料（诉讼费用交纳办法 第四十八条）。"))
    if proof is not None:
        from xiezhi.filing.uploads import check_upload

        check_upload(proof)
        proof.seek(0)
    open_one = FeeRelief.objects.filter(filing=filing, assessment__isnull=True, state=R.REQUESTED).first()
    if open_one is not None:  # a double click: one request
        return open_one
    from decimal import Decimal, InvalidOperation

    try:  # the fee as the filing form estimated it; the real one replaces it at registration
        estimate = Decimal(filing_services.estimate_fee(filing.court, filing.cause, filing.amount).get("fee") or 0)
    except InvalidOperation:
        estimate = Decimal(0)
    try:
        with transaction.atomic():
            return FeeRelief.objects.create(filing=filing, requested_by=user, form=form, reasons=reasons[:5000],
                                            amount_before=estimate, proof=proof or "")
    except IntegrityError:
        return FeeRelief.objects.get(filing=filing, assessment__isnull=True, state=R.REQUESTED)


def bind_to_case(case) -> int:
    """At registration: the requests made with the complaint now concern the fee just assessed, and go on
    the case's timeline. Called from the filing's "registered" event (apps.py), once: a bound request is
    no longer unbound."""
    filing = getattr(case, "filing", None)
    fa = case.fees.order_by("pk").first()
    if filing is None or fa is None:
        return 0
    n = 0
    for r in FeeRelief.objects.filter(filing=filing, assessment__isnull=True, state=R.REQUESTED):
        r.assessment, r.amount_before = fa, fa.amount
        r.save(update_fields=["assessment", "amount_before"])
        append_events(case, [("fee_relief_requested", r.requested_by, {"form": r.form, "at_filing": True}, None)])
        n += 1
    return n


def on_filing_event(sender, instance, created, **kwargs):
    if not created or kwargs.get("raw") or instance.code != "registered" or not instance.filing.case_id:
        return
    bind_to_case(instance.filing.case)


@transaction.atomic
def decide(actor, relief: FeeRelief, outcome: str, reason: str, *, percent=None, due_on: date | None = None) -> FeeRelief:
    """outcome: "grant" or "part" (减交 by `percent`, or 缓交 to `due_on`; 免交 grants to zero) or "refuse"
    (a written reason, 第四十九条)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写决定理由（诉讼费用交纳办法 第四十九条）。"))
    relief = FeeRelief.objects.select_for_update(of=("self",)).select_related("assessment__case").get(pk=relief.pk)
    if relief.state != R.REQUESTED:
        return relief  # decided already (a repeated click)
    fa = relief.assessment
    if fa is None:
        raise ValidationError(_("立案并核定诉讼费用后才能作出决定。"))
    if outcome == "refuse":
        relief.state = R.REFUSED
        if not getattr(actor, "is_court_staff", False) or not actor.has_role("filing_judge", "judge", "president"):
            raise PermissionDenied(_("您无权调整该案诉讼费用。"))
    elif outcome in ("grant", "part"):
        if relief.form == "defer":
            problem = law.deferral_problem(fa.due_on or timezone.localdate(), due_on)
            if problem:
                raise ValidationError(problem)
            filing_services.change_fee_due(actor, fa, due_on, _("缓交：%(r)s") % {"r": reason})
            relief.due_after = due_on
        else:
            if relief.form == "exempt" and outcome == "grant":
                new = 0
            else:
                try:
                    new = law.reduced_amount(fa.amount, percent if percent not in (None, "") else "x")
                except law.FeeReliefError as exc:
                    raise ValidationError(str(exc)) from None
            fa = filing_services.change_fee(actor, fa, new, _("%(f)s：%(r)s") % {"f": relief.get_form_display(), "r": reason})
            relief.amount_after = fa.amount
        relief.state = R.GRANTED if outcome == "grant" else R.PARTLY
    else:
        raise ValidationError(_("请选择准予、部分准予或者不予准许。"))
    relief.decision_reason, relief.decided_by = reason, actor
    relief.save(update_fields=["state", "amount_after", "due_after", "decision_reason", "decided_by"])
    append_events(fa.case, [("fee_relief_decided", actor, {"form": relief.form, "state": relief.state}, None)])
    notify([relief.requested_by], _("%(number)s 诉讼费用%(form)s申请：%(state)s。%(reason)s") % {
        "number": fa.case.number, "form": relief.get_form_display(), "state": relief.get_state_display(),
        "reason": reason}, case=fa.case, kind="fee")
    return relief


def fee_relief_holds(assessment: FeeAssessment, today: date | None = None) -> bool:
    """The unpaid fee may not yet lead to 按撤诉处理 (登记立案规定 第十一条): relief is pending, or a
    缓交 was granted and its new date has not passed."""
    today = today or timezone.localdate()
    if assessment.reliefs.filter(state=R.REQUESTED).exists():
        return True
    return assessment.reliefs.filter(form="defer", state__in=(R.GRANTED, R.PARTLY), due_after__gte=today).exists()


def pending_for_staff(user):
    """Requests waiting for a decision, and those made with a complaint not yet registered."""
    from django.db.models import Q

    return (FeeRelief.objects.filter(Q(assessment__case__court_id=user.court_id)
                                     | Q(assessment__isnull=True, filing__court_id=user.court_id), state=R.REQUESTED)
            .select_related("assessment__case", "filing", "requested_by").order_by("created_at"))
