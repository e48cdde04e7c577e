"""跨域立案 services and selectors (court-domain §7.2).

The 协作法院's clerk receives the papers (receive), checks identity and form, scans them
(add_scan) and forwards the filing (forward); the 管辖法院 decides through the ordinary filing
services (register / request_correction / refuse), and `on_filing_event` — a receiver of the
filing's own history, not a copy of the decision — moves the request along. Every write locks the
request row and appends a CrossRegionEvent."""
from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.accounts.adapters import identity_adapter
from xiezhi.cases.services import notify
from xiezhi.courts import refcache
from xiezhi.courts.models import Court
from xiezhi.site.uploads import clean_filename
from xiezhi.storage import extension_for, store_once

from . import services as fs
from .models import EvidenceFile, FilingApplication, FilingChannel, FilingEvent, FilingStatus
from .models_crossregion import CrossRegionEvent, CrossRegionRequest, CrossRegionStatus, IdType
from .uploads import check_upload

S = CrossRegionStatus
ROLES = ("filing_judge", "president", "trial_management")


def _log(req, code, actor, **payload):
    CrossRegionEvent.objects.create(request=req, code=code, actor=actor, payload=payload)


def _collaborating_clerk(user, req) -> None:
    if not (user.is_court_staff and user.has_role("filing_judge") and user.court_id == req.collaborating_court_id):
        raise PermissionDenied(_("只有协作法院的立案人员可以办理。"))


def platform_courts(exclude: Court | None = None) -> QuerySet[Court]:
    """Courts on the platform: those with a filing clerk account (a cross-region filing needs someone
    at the competent court to review it)."""
    from xiezhi.accounts.models import User

    ids = {u.court_id for u in User.objects.filter(kind="staff", is_active=True, court__isnull=False)
           if "filing_judge" in (u.roles or [])}
    qs = Court.objects.filter(pk__in=ids).order_by("code")
    return qs.exclude(pk=exclude.pk) if exclude else qs


def check_identity(id_type: str, id_number: str, name: str, clerk_checked: bool) -> str:
    """A resident ID goes through the platform's identity adapter (accounts.adapters); for other
    papers the clerk's check of the original at the counter is what is recorded."""
    id_number, name = id_number.strip().upper(), name.strip()
    if not name or not id_number:
        raise ValidationError(_("请填写来人的证件号码和姓名。"))
    if id_type == IdType.RESIDENT:
        result = identity_adapter().verify(name, id_number)
        if not result.ok:
            raise ValidationError(result.message)
        return str(identity_adapter().name)
    if id_type not in IdType.values:
        raise ValidationError(_("未知的证件类型。"))
    if not clerk_checked:
        raise ValidationError(_("请核对证件原件后勾选“已核对证件原件”。"))
    return _("立案人员核对证件原件")


@transaction.atomic
def receive(clerk, competent_court: Court, data: dict, *, id_type: str, id_number: str, id_name: str,
            clerk_checked: bool = False, type_code: str = "民初") -> CrossRegionRequest:
    """The collaborating court's counter receives a complaint for another court. The filing is created at
    the competent court (jurisdiction does not change) but stays unseen there until forwarded."""
    court = clerk.court
    if not (clerk.is_court_staff and clerk.has_role("filing_judge") and court is not None):
        raise PermissionDenied(_("只有立案人员可以办理跨域立案收件。"))
    if competent_court is None or competent_court.pk == court.pk:
        raise ValidationError(_("请选择管辖法院（本院受理的请走窗口立案）。"))
    if not platform_courts().filter(pk=competent_court.pk).exists():
        raise ValidationError(_("该法院尚未接入平台，不能跨域立案。"))
    how = check_identity(id_type, id_number, id_name, clerk_checked)
    case_type = refcache.case_type(type_code)
    if case_type is None:
        raise ValidationError(_("未知的案件类型。"))
    clean = fs._clean_data(data)
    cause = refcache.cause(clean["cause_id"]) if clean.get("cause_id") else None
    amount = fs.clean_amount(clean.get("amount"))
    filing = FilingApplication(court=competent_court, case_type=case_type, channel=FilingChannel.COUNTER,
                               submitted_by=clerk, data=clean, cause=cause, amount=amount,
                               fee_estimate=fs.estimate_fee(competent_court, cause, amount),
                               status=FilingStatus.DRAFT)
    problems = fs.complaint_problems(filing)  # the form check the collaborating court owes the party
    if problems:
        raise ValidationError(problems)
    filing.save()
    req = CrossRegionRequest.objects.create(
        filing=filing, collaborating_court=court, competent_court=competent_court, received_by=clerk,
        received_at=timezone.now(), id_type=id_type, id_number=id_number.strip().upper(),
        id_name=id_name.strip(), identity_checked_by=how[:100])
    _log(req, "received", clerk, identity=how)
    return req


def add_scan(clerk, req: CrossRegionRequest, uploaded, *, kind: str = "evidence", title: str = "") -> EvidenceFile:
    """The collaborating court scans the papers onto the competent court's filing (kept by SHA-256,
    once; the same checks as every upload)."""
    _collaborating_clerk(clerk, req)
    checked = check_upload(uploaded)
    with transaction.atomic():
        req = CrossRegionRequest.objects.select_for_update().get(pk=req.pk)
        if req.status not in (S.RECEIVED, S.CORRECTION):
            raise ValidationError(_("已转交管辖法院，不能再上传材料；补正时可再上传。"))
        filing = req.filing
        existing = filing.files.filter(sha256=checked.sha256, removed_at__isnull=True).first()
        if existing:
            return existing
        ev = EvidenceFile(filing=filing, kind=kind if kind in EvidenceFile.Kind.values else "evidence",
                          title=(title or clean_filename(uploaded.name))[:200],
                          original_name=clean_filename(uploaded.name) or "file", content_type=checked.content_type,
                          size=checked.size, sha256=checked.sha256, pages=checked.pages, uploaded_by=clerk)
        store_once(ev.file, "evidence", checked.sha256, checked.content, extension_for(checked.content_type))
        try:
            with transaction.atomic():
                ev.save()
        except IntegrityError:
            return filing.files.get(sha256=checked.sha256, removed_at__isnull=True)
        _log(req, "scanned", clerk, title=ev.title, sha256=ev.sha256)
    return ev


@transaction.atomic
def forward(clerk, req: CrossRegionRequest) -> CrossRegionRequest:
    """转交管辖法院. A second click (or a retry) forwards once. After a correction notice, forwarding
    again sends the corrected filing back (filing.services.submit restarts the 7 days)."""
    req = CrossRegionRequest.objects.select_for_update().select_related("filing").get(pk=req.pk)
    _collaborating_clerk(clerk, req)
    if req.status not in (S.RECEIVED, S.CORRECTION):
        if req.status == S.FORWARDED:
            return req  # already forwarded: the double click
        raise ValidationError(_("该跨域立案已由管辖法院作出决定。"))
    filing = FilingApplication.objects.select_for_update().get(pk=req.filing_id)
    if not filing.files.filter(removed_at__isnull=True).exists():
        raise ValidationError(_("请先扫描上传起诉状等材料再转交。"))
    corrected = req.status == S.CORRECTION
    if corrected:
        fs.submit(filing.submitted_by, filing)  # the collaborating clerk checked above; submit wants the filer
    else:
        # ⚠ court-domain §7.2: no text found says whether the 7-day clock (民事诉讼法 第一百二十六条) starts
        # at the collaborating court's receipt or at the competent court; it runs at the competent court,
        # from forwarding (the day the competent court can first see the papers).
        today = timezone.localdate()
        filing.status = FilingStatus.SUBMITTED
        filing.submitted_at = timezone.now()
        filing.clock_started_on = today
        filing.review_due_on = fs._review_due(today)
        filing.save()
        FilingEvent.objects.create(filing=filing, code="submitted", actor=clerk,
                                   payload={"channel": "cross_region", "from": req.collaborating_court.name,
                                            "review_due_on": filing.review_due_on.isoformat()})
    req.status = S.FORWARDED
    req.forwarded_at = timezone.now()
    req.forwarded_by = clerk
    req.save()
    _log(req, "forwarded", clerk, corrected=corrected)
    return req


@transaction.atomic
def record_mail_sent(clerk, req: CrossRegionRequest, tracking_no: str) -> CrossRegionRequest:
    """纸质原件 by court mail (法院专递); sending the same number again changes nothing."""
    req = CrossRegionRequest.objects.select_for_update().get(pk=req.pk)
    _collaborating_clerk(clerk, req)
    tracking_no = tracking_no.strip()
    if not tracking_no or len(tracking_no) > 40:
        raise ValidationError(_("请填写法院专递单号。"))
    if req.mail_tracking_no == tracking_no:
        return req
    if req.mail_received_at:
        raise ValidationError(_("管辖法院已签收纸质材料，单号不能再改。"))
    req.mail_tracking_no, req.mail_sent_at = tracking_no, timezone.now()
    req.save()
    _log(req, "mail_sent", clerk, tracking_no=tracking_no)
    return req


@transaction.atomic
def record_mail_received(clerk, req: CrossRegionRequest) -> CrossRegionRequest:
    req = CrossRegionRequest.objects.select_for_update().get(pk=req.pk)
    if not (clerk.is_court_staff and clerk.has_role("filing_judge") and clerk.court_id == req.competent_court_id):
        raise PermissionDenied(_("只有管辖法院的立案人员可以签收。"))
    if req.mail_received_at:
        return req
    if not req.mail_tracking_no:
        raise ValidationError(_("协作法院尚未寄出纸质材料。"))
    req.mail_received_at = timezone.now()
    req.save()
    _log(req, "mail_received", clerk, tracking_no=req.mail_tracking_no)
    return req


_FOLLOWS = {"registered": S.REGISTERED, "refused": S.REFUSED, "correction_requested": S.CORRECTION,
            "withdrawn": S.WITHDRAWN}


def on_filing_event(sender, instance: FilingEvent, created: bool, **kwargs) -> None:
    """The competent court's decision, recorded in the filing's own history, moves the request (same
    transaction) and tells the collaborating court's clerk who received it."""
    new = _FOLLOWS.get(instance.code)
    if not created or new is None:
        return
    req = CrossRegionRequest.objects.select_for_update().filter(filing_id=instance.filing_id).first()
    if req is None or req.status == new:
        return
    req.status = new
    req.decision_at = timezone.now() if new in (S.REGISTERED, S.REFUSED) else req.decision_at
    req.save()
    _log(req, instance.code, instance.actor, **instance.payload)
    text = {S.REGISTERED: _("跨域立案已由%(court)s登记立案，案号 %(number)s。"),
            S.REFUSED: _("跨域立案被%(court)s裁定不予受理。"),
            S.CORRECTION: _("%(court)s通知跨域立案补正，请联系当事人补正后再次转交。")}.get(new)
    if text:
        notify([req.received_by], text % {"court": req.competent_court.name,
                                          "number": instance.payload.get("number", "")}, filing=req.filing,
               kind="filing")


# ---- selectors ------------------------------------------------------------------------------

def visible_requests(user) -> QuerySet[CrossRegionRequest]:
    """Both courts' filing office, president and trial management; the party whose identity was
    checked at the counter (by their verified ID number). Nobody else."""
    qs = CrossRegionRequest.objects.select_related("filing", "collaborating_court", "competent_court", "filing__case")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_public_user:
        if not (user.verified_at and user.id_number):
            return qs.none()
        return qs.filter(id_number=user.id_number.upper())
    if user.is_court_staff and user.court_id and user.has_role(*ROLES):
        # the competent court sees a request only once forwarded (before that it is the collaborating court's work)
        return qs.filter(Q(collaborating_court_id=user.court_id)
                         | Q(competent_court_id=user.court_id) & ~Q(status=S.RECEIVED))
    return qs.none()


def steps(req: CrossRegionRequest) -> list[tuple[str, bool]]:
    """协作法院 → 管辖法院 → 已立案/不予受理, each with whether it is reached (for the party's page)."""
    last = {S.REGISTERED: _("已立案"), S.REFUSED: _("不予受理")}.get(req.status, _("已立案/不予受理"))
    return [(_("协作法院 %(court)s 收件") % {"court": req.collaborating_court.name}, True),
            (_("管辖法院 %(court)s 审查") % {"court": req.competent_court.name}, req.status != S.RECEIVED),
            (str(last), req.status in (S.REGISTERED, S.REFUSED))]
