"""送达 actions. Every change appends a CaseEvent; the law (service dates, what may be served
electronically) is in xiezhi.law.service."""
from __future__ import annotations

import hashlib
import logging
from datetime import date, timedelta

import filetype
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import SERVICE_ROLES, can_manage_case
from xiezhi.cases import services as case_services
from xiezhi.cases.services import append_event, notify
from xiezhi.cases.signals import document_served, paper_added
from xiezhi.celery import run_after_commit
from xiezhi.law import service as law
from xiezhi.site.uploads import DOCX_MIME, check_docx, check_image_pixels, clean_filename
from xiezhi.storage import store_once

from .models import (AddressConfirmation, DocumentKind, ServedDocument, ServiceMethod, ServiceReceipt,
                     ServiceRecord, ServiceStatus)

log = logging.getLogger(__name__)

SERVERS = SERVICE_ROLES  # who serves documents (书记员、法官助理、承办法官、执行员)
MAX_BYTES = 50 * 1024 * 1024
TOKEN_SALT = "xiezhi.delivery.sms-link"
TOKEN_MAX_AGE = 90 * 24 * 3600
DISPATCH_TASK = "xiezhi.delivery.tasks.dispatch"


def _record_for_update():
    """Service records locked alone (FOR UPDATE OF the record): the document, case and party read
    with them are not locked, so a service step never waits on, nor deadlocks with, the case lock
    that append_event takes later in the same transaction."""
    return ServiceRecord.objects.select_for_update(of=("self",)).select_related("document", "document__case", "party")


def _calendar():
    """The court's calendar; a year whose notice is not loaded falls back to the statutory holidays
    (民事诉讼法 第八十五条第三款: a public notice's period rolls over a holiday like every other)."""
    from xiezhi.courts.calendar import get_work_calendar

    return get_work_calendar(strict=False)


def _require(actor, case: Case) -> None:
    if not can_manage_case(actor, case, *SERVERS):
        raise PermissionDenied(_("您无权办理此案件的送达。"))


def served_party(recipient: Party) -> Party:
    """Service on an agent or a designated receiver is service on the party it acts for
    (民事诉讼法 第八十八条; 民诉解释 第一百三十二条)."""
    return recipient.represents if recipient.represents_id else recipient


def current_confirmation(party: Party) -> AddressConfirmation | None:
    return party.address_confirmations.order_by("-recorded_at", "-id").first()


def current_confirmations(parties) -> dict[int, AddressConfirmation | None]:
    """The latest confirmation of each party, read in one query (the service matrix)."""
    latest: dict[int, AddressConfirmation | None] = {p.pk: None for p in parties}
    for c in AddressConfirmation.objects.filter(party__in=list(latest)).order_by("party_id", "-recorded_at", "-id"):
        if latest.get(c.party_id) is None:
            latest[c.party_id] = c
    return latest


# ---- 送达地址确认书 ----------------------------------------------------------------------

@transaction.atomic
def confirm_addresses(actor, party: Party, *, consent_electronic: bool, consent_judgments: bool = False,
                      portal: bool = False, mobile: str = "", email: str = "", postal_address: str = "",
                      confirmed_on: date | None = None, scan: bytes | None = None,
                      scan_name: str = "") -> AddressConfirmation:
    """Record a recipient's 送达地址确认书 (民诉解释 第一百三十六条; 在线诉讼规则 第三十条)."""
    case = party.case
    _require(actor, case)
    mobile, email = mobile.strip(), email.strip()
    if consent_electronic and not (portal or mobile or email):
        raise ValidationError(_("同意电子送达的，须至少确认一个电子送达地址（诉讼服务平台、手机号码或电子邮箱）。"))
    if portal and party.user_id is None:
        raise ValidationError(_("该受送达人没有诉讼服务网账户，不能确认平台送达。"))
    if mobile and not (len(mobile) == 11 and mobile.isdigit() and mobile.startswith("1")):
        raise ValidationError(_("手机号码格式不正确。"))
    if email:
        from django.core.validators import validate_email

        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(_("电子邮箱格式不正确。"))
    conf = AddressConfirmation(party=party, consent_electronic=consent_electronic,
                               consent_judgments=consent_electronic and consent_judgments, portal=portal,
                               mobile=mobile, email=email, postal_address=postal_address.strip(),
                               confirmed_on=confirmed_on or timezone.localdate(), recorded_by=actor)
    if scan:
        store_once(conf.file, "delivery/confirmations", hashlib.sha256(scan).hexdigest(), scan)
    conf.save()
    append_event(case, "service_address_confirmed", actor, {
        "party": party.name, "party_id": party.pk, "electronic": consent_electronic,
        "channels": [c for c, on in (("portal", portal), ("sms", bool(mobile)), ("email", bool(email))) if on]})
    return conf


def electronic_address(recipient: Party, method: str, kind: str) -> tuple[str, bool]:
    """The address to use and whether the recipient confirmed it; raises ValidationError with
    the legal reason when electronic service is not allowed."""
    conf = current_confirmation(recipient)
    address = ""
    confirmed = False
    if conf is not None:
        address = {"portal": "portal" if conf.portal else "", "sms": conf.mobile, "email": conf.email}[method]
        confirmed = bool(address) and conf.consent_electronic
    identified = method == "portal" and recipient.user_id is not None and getattr(recipient.user, "verified_at", None) \
        is not None and not (conf is not None and not conf.consent_electronic)
    try:
        law.electronic_allowed(kind, consent=bool(conf and conf.consent_electronic),
                               judgment_consent=bool(conf and conf.consent_judgments),
                               address_confirmed=confirmed, portal_identified=identified, method=method)
    except law.ServiceError as exc:
        raise ValidationError(f"{recipient.name}：{exc}")
    if method == "portal":
        address = f"portal:{recipient.user_id}"
    return address, confirmed


# ---- documents and service -------------------------------------------------------------

def add_document(actor, case: Case, *, title: str, kind: str, file_bytes: bytes, filename: str,
                 source: str = "") -> ServedDocument:
    if kind not in DocumentKind.values:
        raise ValidationError(_("未知的文书类型。"))
    if not title.strip():
        raise ValidationError(_("请填写文书名称。"))
    if not file_bytes:
        raise ValidationError(_("文件为空，请重新选择。"))
    if len(file_bytes) > MAX_BYTES:
        raise ValidationError(_("文件过大。"))
    guess = filetype.guess(file_bytes)
    ctype = guess.mime if guess else "application/octet-stream"
    filename = clean_filename(filename)
    if ctype == "application/zip" and filename.lower().endswith(".docx"):
        ctype = DOCX_MIME
    if ctype == DOCX_MIME:
        check_docx(file_bytes)  # a real Word package, not a zip bomb under a .docx name
    elif ctype.startswith("image/"):
        check_image_pixels(file_bytes)
    sha = hashlib.sha256(file_bytes).hexdigest()
    doc = ServedDocument(case=case, title=title.strip()[:200], kind=kind, filename=filename or "document",
                         content_type=ctype, size=len(file_bytes), sha256=sha, source=source[:120], created_by=actor)
    store_once(doc.file, "delivery", sha, file_bytes)
    doc.save()
    return doc


@transaction.atomic
def serve(actor, case: Case, *, title: str, kind: str, file_bytes: bytes, filename: str, parties, methods,
          source: str = "") -> list[ServiceRecord]:
    """Serve a document on parties by the given methods: one ServiceRecord per (party, method).
    Electronic methods go out at once (after commit); others wait for the clerk's record."""
    _require(actor, case)
    if source.startswith("documents.GeneratedDocument:"):
        # a document the court generated goes out only as documents.paper_to_serve allows it: sealed when
        # final, and never with a 【待填写】 gap in its text (issue 9 §4/§6.2)
        from xiezhi.documents.models import GeneratedDocument
        from xiezhi.documents.services import paper_to_serve

        ref = source.split(":")[1]
        generated = GeneratedDocument.objects.filter(pk=ref, case=case).first() if ref.isdigit() else None
        if generated is not None:
            paper_to_serve(generated)
    doc = add_document(actor, case, title=title, kind=kind, file_bytes=file_bytes, filename=filename, source=source)
    return serve_document(actor, doc, parties, methods)


@transaction.atomic
def serve_document(actor, doc: ServedDocument, parties, methods) -> list[ServiceRecord]:
    case = doc.case
    _require(actor, case)
    recipients = [p if isinstance(p, Party) else Party.objects.get(pk=p) for p in parties]
    if not recipients:
        raise ValidationError(_("请选择受送达人。"))
    if not methods:
        raise ValidationError(_("请选择送达方式。"))
    summary = bool(case.procedure and case.procedure.limit_code in ("civil_summary", "civil_small_claims"))
    errors, records = [], []
    for recipient in recipients:
        if recipient.case_id != case.pk or recipient.left_case_at is not None:
            errors.append(_("%(name)s 不是本案的受送达人。") % {"name": recipient.name})
            continue
        for method in methods:
            if method not in ServiceMethod.values:
                errors.append(_("未知的送达方式。"))
                continue
            try:
                law.check_method_allowed(method, doc.kind, summary_procedure=summary)
            except law.ServiceError as exc:
                errors.append(str(exc))
                continue
            address, confirmed = "", True
            if method in law.ELECTRONIC_METHODS:
                try:
                    address, confirmed = electronic_address(recipient, method, doc.kind)
                except ValidationError as exc:
                    errors.extend(exc.messages)
                    continue
            elif method == "postal":
                conf = current_confirmation(recipient)
                address = (conf.postal_address if conf and conf.postal_address else
                           recipient.service_address or recipient.address)
            elif method in ("direct", "left"):
                address = recipient.service_address or recipient.address
            if ServiceRecord.objects.filter(document=doc, party=recipient, method=method).exists():
                errors.append(_("%(name)s 已有该方式的送达记录。") % {"name": recipient.name})
                continue
            records.append(ServiceRecord(document=doc, party=recipient, method=method, address=address[:300],
                                         address_confirmed=confirmed, served_by=actor))
    if errors:
        raise ValidationError(errors)
    for r in records:
        r.save()
    electronic = [r.pk for r in records if r.method in law.ELECTRONIC_METHODS]
    if electronic:
        _dispatch_later(electronic)
    return records


def _dispatch_later(ids: list[int]) -> None:
    for pk in ids:
        run_after_commit(DISPATCH_TASK, pk)


def sms_link(record: ServiceRecord) -> str:
    token = signing.TimestampSigner(salt=TOKEN_SALT).sign(str(record.pk))
    return f"{settings.PUBLIC_URL.rstrip('/')}/delivery/d/{token}/"


def record_from_token(token: str) -> ServiceRecord | None:
    try:
        pk = signing.TimestampSigner(salt=TOKEN_SALT).unsign(token, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    return ServiceRecord.objects.select_related("document", "document__case", "party").filter(
        pk=pk, method="sms").first()


def dispatch(record_id: int) -> ServiceRecord | None:
    """Send one electronic service, at most once per claim ("claim, then act"):

    1. claim: under the row lock, PENDING → SENDING with `claimed_at`, committed before anything
       leaves; a second delivery of the same task (CELERY_TASK_ACKS_LATE re-delivers a task whose
       worker died) finds the record SENDING or done and does nothing;
    2. act: the e-mail / SMS leaves, outside any transaction (no lock is held over the network);
    3. record: under the row lock again, the result is written only if the record still carries
       this claim (the clerk may have marked it failed, or the sweep re-claimed a stale send).
    The portal needs no claim: arrival is a row in our own database, written in one transaction."""
    from . import channels

    with transaction.atomic():
        rec = _record_for_update().filter(pk=record_id).first()
        if rec is None:  # deleted since the task was queued (e.g. its transaction was rolled back)
            log.warning("service record %s no longer exists; nothing to send", record_id)
            return None
        if rec.status != ServiceStatus.PENDING:
            return rec
        doc, case, now = rec.document, rec.document.case, timezone.now()
        if rec.method == "portal":
            rec.status, rec.sent_at, rec.delivered_at = ServiceStatus.SENT, now, now
            rec.save()
            _receipt(rec, "portal_arrival", now, {"user_id": rec.party.user_id})
            _event(rec, "document_sent")
            notify([rec.party.user], _("%(number)s：您有一份新的送达文书《%(title)s》，请在“我的送达”中查收。") % {
                "number": case.number, "title": doc.title}, case=case, kind="delivery")
            if rec.address_confirmed:  # 在线诉讼规则 第三十一条第一款: arrival is service
                _served(rec, law.service_date("portal", arrived_at=timezone.localtime(now)))
            return rec
        if rec.method not in ("email", "sms"):
            return rec
        rec.status, rec.claimed_at = ServiceStatus.SENDING, now
        rec.save(update_fields=["status", "claimed_at"])
    claim = rec.claimed_at
    # channels that talk to the outside run outside the row lock's transaction
    if rec.method == "email":
        try:
            with doc.file.open("rb") as fh:
                data = fh.read()
            msgid = channels.send_email(
                rec.address, f"【{case.court.name}】{case.number} {doc.title}",
                _("%(name)s：\n\n%(court)s 依法向您送达 %(number)s 案的《%(title)s》，见附件。\n"
                  "本邮件到达您的邮箱之日即为送达日期（民事诉讼法 第九十条）。如需纸质文书，请与法院联系。\n") % {
                    "name": rec.party.name, "court": case.court.name, "number": case.number, "title": doc.title},
                (doc.filename, data, doc.content_type))
        except Exception as exc:  # the relay refused or is down
            log.warning("service record %s: e-mail not sent: %s", rec.pk, exc)
            return _failed(rec.pk, _("邮件发送失败：%(error)s") % {"error": exc}, claim=claim)
        with transaction.atomic():
            rec = _still_claimed(record_id, claim)
            if rec is None:
                return ServiceRecord.objects.get(pk=record_id)
            now = timezone.now()
            rec.status, rec.sent_at, rec.delivered_at, rec.external_id = ServiceStatus.SENT, now, now, msgid[:100]
            rec.save()
            _receipt(rec, "smtp", now, {"message_id": msgid, "to": rec.address})
            _event(rec, "document_sent")
            _served(rec, law.service_date("email", arrived_at=timezone.localtime(now)))
        return rec
    try:
        adapter = channels.sms_adapter()
    except channels.SmsNotConfigured as exc:
        return _failed(rec.pk, str(exc), claim=claim)
    text = _("【%(court)s】%(name)s：本院向您送达 %(number)s 案《%(title)s》，请点击查收：%(link)s") % {
        "court": case.court.name, "name": rec.party.name, "number": case.number, "title": doc.title,
        "link": sms_link(rec)}
    try:
        result = adapter.send(rec.address, text)
    except Exception as exc:  # the gateway is down or answered nonsense: a visible failure, not a stuck send
        log.warning("service record %s: SMS not sent: %s", rec.pk, exc)
        return _failed(rec.pk, _("短信发送失败：%(error)s") % {"error": exc}, claim=claim)
    if not result.ok:
        return _failed(rec.pk, result.error or _("短信发送失败"), claim=claim)
    with transaction.atomic():
        rec = _still_claimed(record_id, claim)
        if rec is None:
            return ServiceRecord.objects.get(pk=record_id)
        rec.status, rec.sent_at, rec.external_id = ServiceStatus.SENT, timezone.now(), result.message_id[:100]
        rec.save()
        _event(rec, "document_sent")
    return rec


def _still_claimed(pk: int, claim) -> ServiceRecord | None:
    """The record under the row lock, to record the result of the send claimed at `claim`; None when
    the claim is no longer ours (the clerk marked it failed, or the sweep re-claimed a stale send)."""
    rec = _record_for_update().get(pk=pk)
    if rec.status != ServiceStatus.SENDING or rec.claimed_at != claim:
        log.warning("service record %s: sent, but the claim of %s is gone (now %s); not recorded twice",
                    pk, claim, rec.status)
        return None
    return rec


# Electronic services not yet sent are retried by the periodic sweep (sweep_pending_services).
PENDING_GRACE = timedelta(minutes=5)  # longer than a normal queue wait: older means never dispatched
SENDING_TIMEOUT = timedelta(minutes=15)  # far longer than the SMTP (20 s) and SMS (10 s) timeouts


def sweep_pending_services(now=None) -> dict[str, int]:
    """Scheduled job: re-dispatch electronic services that were never sent.

    * PENDING older than PENDING_GRACE: the task was never queued (the broker was down at commit) or
      was lost; dispatching again is harmless since dispatch claims the record first.
    * SENDING whose claim is older than SENDING_TIMEOUT: the worker died mid-send. We cannot know
      whether the e-mail/SMS left before it died, so the record goes back to PENDING and is sent
      again: at least once, not at most once. A recipient may get the same document twice, but a
      service is never silently lost; the recorded service date is that of the copy we saw arrive,
      never earlier than the real one, so no period runs against the party too early."""
    now = now or timezone.now()
    electronic = ("email", "sms", "portal")
    counts = {"pending": 0, "stale": 0}
    stale = ServiceRecord.objects.filter(method__in=electronic, status=ServiceStatus.SENDING,
                                         claimed_at__lt=now - SENDING_TIMEOUT)
    for pk in stale.values_list("pk", flat=True):
        with transaction.atomic():
            rec = ServiceRecord.objects.select_for_update().get(pk=pk)
            if rec.status != ServiceStatus.SENDING or rec.claimed_at >= now - SENDING_TIMEOUT:
                continue  # finished or re-claimed meanwhile
            log.warning("service record %s: send claimed at %s never finished; sending again", pk, rec.claimed_at)
            rec.status, rec.claimed_at = ServiceStatus.PENDING, None
            rec.save(update_fields=["status", "claimed_at"])
            run_after_commit(DISPATCH_TASK, pk)
            counts["stale"] += 1
    pending = ServiceRecord.objects.filter(method__in=electronic, status=ServiceStatus.PENDING,
                                           created_at__lt=now - PENDING_GRACE)
    for pk in pending.values_list("pk", flat=True):
        run_after_commit(DISPATCH_TASK, pk)
        counts["pending"] += 1
    return counts


def poll_sms_reports() -> dict[str, int]:
    """Read the gateway's delivery reports for sent SMS services (idempotent)."""
    from . import channels

    counts = {"served": 0, "failed": 0, "pending": 0}
    pending = list(ServiceRecord.objects.filter(method="sms", status=ServiceStatus.SENT).values_list("pk", "external_id"))
    if not pending:
        return counts
    try:
        adapter = channels.sms_adapter()
    except channels.SmsNotConfigured:
        return counts
    for pk, mid in pending:
        report = adapter.report(mid)
        if report.status == "failed":
            _failed(pk, _("短信未送达：%(error)s") % {"error": report.error or report.status})
            counts["failed"] += 1
        elif report.status == "delivered":
            with transaction.atomic():
                rec = _record_for_update().get(pk=pk)
                if rec.status != ServiceStatus.SENT:
                    continue
                at = report.at or timezone.now()
                rec.delivered_at = at
                rec.save(update_fields=["delivered_at"])
                _receipt(rec, "sms_report", at, {"message_id": mid, "status": "DELIVRD"})
                _served(rec, law.service_date("sms", arrived_at=timezone.localtime(at)))
            counts["served"] += 1
        else:
            counts["pending"] += 1
    return counts


@transaction.atomic
def open_document(user, rec: ServiceRecord) -> ServiceRecord:
    """The recipient opened the document (portal inbox or the SMS link): record the read
    receipt (阅知). For an address the recipient had not confirmed, reading is the service
    (在线诉讼规则 第三十一条第二款)."""
    rec = _record_for_update().get(pk=rec.pk)
    if rec.read_at is not None:
        return rec
    now = timezone.now()
    rec.read_at = now
    rec.save(update_fields=["read_at"])
    _receipt(rec, "portal_read" if rec.method == "portal" else "link_read", now,
             {"user_id": getattr(user, "pk", None), "read": True})
    if rec.status == ServiceStatus.SENT and not rec.address_confirmed:
        _served(rec, law.service_date(rec.method, address_confirmed=False, read_at=timezone.localtime(now)))
    return rec


@transaction.atomic
def record_paper_service(actor, rec: ServiceRecord, *, on: date, receipt: bytes | None = None,
                         receipt_name: str = "", note: str = "") -> ServiceRecord:
    """Record a direct (signed receipt), left (留置) or postal (return receipt) service."""
    _require(actor, rec.document.case)
    rec = _record_for_update().get(pk=rec.pk)
    if rec.method not in ("direct", "left", "postal"):
        raise ValidationError(_("该送达方式不由人工记录。"))
    if rec.status == ServiceStatus.SERVED:
        raise ValidationError(_("已送达，不能重复记录。"))
    if on > timezone.localdate():
        raise ValidationError(_("送达日期不能晚于今天。"))
    if not receipt:  # the proof: signed 送达回证, photo/video record of 留置, postal return receipt
        raise ValidationError({"direct": _("请上传受送达人签收的送达回证扫描件（民事诉讼法 第八十七条）。"),
                               "left": _("请上传记明拒收事由的送达回证或留置过程的照片（民事诉讼法 第八十九条）。"),
                               "postal": _("请上传邮寄回执扫描件（民事诉讼法 第九十一条）。")}[rec.method])
    key = {"direct": "signed_on", "left": "left_on", "postal": "receipt_on"}[rec.method]
    result = law.service_date(rec.method, **{key: on})
    now = timezone.now()
    rec.sent_at = rec.sent_at or now
    rec.status = ServiceStatus.SENT
    rec.save()
    _receipt(rec, "postal" if rec.method == "postal" else "signed", now, {"on": on.isoformat(), "note": note[:200]},
             scan=receipt, scan_name=receipt_name)
    _served(rec, result)
    return rec


@transaction.atomic
def record_posting(actor, rec: ServiceRecord, *, posted_on: date) -> ServiceRecord:
    """交邮: the document was posted (邮寄送达). The posting date closes a case served by post
    (审限规定 第十条) and starts the three months of postal service abroad (民事诉讼法 第二百八十三条
    第一款第（八）项)."""
    _require(actor, rec.document.case)
    rec = _record_for_update().get(pk=rec.pk)
    if rec.method != "postal":
        raise ValidationError(_("该记录不是邮寄送达。"))
    if rec.status in (ServiceStatus.SERVED, ServiceStatus.FAILED):
        raise ValidationError(_("该送达已办结。"))
    if posted_on > timezone.localdate() or posted_on < rec.document.case.filed_on:
        raise ValidationError(_("交邮日期应在立案日期与今天之间。"))
    rec.status = ServiceStatus.SENT
    rec.sent_at = timezone.make_aware(timezone.datetime.combine(posted_on, timezone.datetime.min.time()))
    rec.save(update_fields=["status", "sent_at"])
    append_event(rec.document.case, "document_posted", actor, {
        "document": rec.document.title, "party": rec.party.name, "posted_on": posted_on.isoformat()})
    return rec


@transaction.atomic
def record_returned_post(actor, rec: ServiceRecord, *, returned_on: date, reason: str,
                         scan: bytes | None = None, scan_name: str = "") -> ServiceRecord:
    """The post came back. Returned because the address the recipient gave or confirmed was wrong,
    or refused: deemed served on the return date (法院专递规定 第十一条); otherwise the service failed
    and must be made another way."""
    _require(actor, rec.document.case)
    rec = _record_for_update().get(pk=rec.pk)
    if rec.method != "postal":
        raise ValidationError(_("该记录不是邮寄送达。"))
    if rec.status in (ServiceStatus.SERVED, ServiceStatus.FAILED):
        raise ValidationError(_("该送达已办结。"))
    if returned_on > timezone.localdate():
        raise ValidationError(_("退回日期不能晚于今天。"))
    try:
        result = law.returned_post_served_on(returned_on, reason, address_confirmed=rec.address_confirmed)
    except law.ServiceError as exc:
        raise ValidationError(str(exc))
    now = timezone.now()
    rec.sent_at = rec.sent_at or now
    _receipt(rec, "postal", now, {"returned_on": returned_on.isoformat(), "reason": reason, "deemed": bool(result.on)},
             scan=scan, scan_name=scan_name)
    if result.on is None:
        rec.status, rec.failure, rec.basis = ServiceStatus.FAILED, law.RETURN_REASONS[reason][0], result.basis[:300]
        rec.save(update_fields=["status", "failure", "basis", "sent_at"])
        append_event(rec.document.case, "service_failed", actor, {
            "document": rec.document.title, "party": rec.party.name, "reason": rec.failure})
        return rec
    rec.status = ServiceStatus.SENT
    rec.save(update_fields=["status", "sent_at"])
    _served(rec, result)
    return rec


def settle_postal_abroad(today: date | None = None) -> int:
    """Scheduled job: post to a party with no domicile in the PRC whose receipt has not come back is
    deemed served when three months from posting have run (民事诉讼法 第二百八十三条第一款第（八）项)."""
    today = today or timezone.localdate()
    n = 0
    qs = ServiceRecord.objects.filter(method="postal", status=ServiceStatus.SENT, sent_at__isnull=False,
                                      party__domicile="abroad")
    for pk in qs.values_list("pk", flat=True):
        with transaction.atomic():
            rec = _record_for_update().get(pk=pk)
            if rec.status != ServiceStatus.SENT:
                continue
            deemed = law.postal_abroad_served_on(timezone.localtime(rec.sent_at).date(), calendar=_calendar())
            if deemed.end <= today:
                _served(rec, law.ServiceDate(deemed.end, "民事诉讼法 第二百八十三条第一款第（八）项"
                                                         "（自邮寄之日起满三个月，送达回证没有退回，期间届满之日视为送达）"))
                n += 1
    return n


@transaction.atomic
def record_public_notice(actor, rec: ServiceRecord, *, published_on: date, abroad: bool = False,
                         scan: bytes | None = None, scan_name: str = "", today: date | None = None) -> ServiceRecord:
    """公告送达: record the (last) publication date; the party is deemed served 30 days later,
    60 for a party abroad (民事诉讼法 第九十五条、第二百八十三条; 民诉解释 第一百三十八条)."""
    _require(actor, rec.document.case)
    rec = _record_for_update().get(pk=rec.pk)
    if rec.method != "public_notice":
        raise ValidationError(_("该记录不是公告送达。"))
    if rec.status in (ServiceStatus.SERVED,):
        raise ValidationError(_("已送达，不能重复记录。"))
    today = today or timezone.localdate()
    if published_on > today:
        raise ValidationError(_("发出公告日期不能晚于今天。"))
    deemed = law.public_notice_served_on(published_on, abroad=abroad, calendar=_calendar())
    rec.status, rec.sent_at, rec.notice_published_on, rec.abroad = ServiceStatus.SENT, timezone.now(), published_on, abroad
    rec.basis = law.service_date("public_notice", published_on=published_on, abroad=abroad,
                                 calendar=_calendar()).basis[:300]
    rec.save()
    _receipt(rec, "notice", timezone.now(), {"published_on": published_on.isoformat(), "deemed_on": deemed.isoformat()},
             scan=scan, scan_name=scan_name)
    case = rec.document.case
    append_event(case, "public_notice_published", actor, {
        "document": rec.document.title, "party": rec.party.name, "party_id": rec.party_id,
        "published_on": published_on.isoformat(), "deemed_on": deemed.isoformat(), "abroad": abroad})
    if _open_trial(case) and not _public_notice_deduction_open(case):
        # 公告期间 is not counted in the trial limit (民诉解释 第二百四十三条; 审限规定 第九条第（六）项)
        case_services.start_deduction(actor, case, "public_notice", published_on,
                                      _("公告送达《%(document)s》") % {"document": rec.document.title}, by_rule=True)
    settle_public_notices(today, only=[rec.pk])
    return rec


def settle_public_notices(today: date | None = None, only=None) -> int:
    """Scheduled job: a public notice whose period has run is service (idempotent)."""
    today = today or timezone.localdate()
    qs = ServiceRecord.objects.filter(method="public_notice", status=ServiceStatus.SENT,
                                      notice_published_on__isnull=False)
    if only is not None:
        qs = qs.filter(pk__in=only)
    n = 0
    for pk in qs.values_list("pk", flat=True):
        with transaction.atomic():
            rec = _record_for_update().get(pk=pk)
            result = law.service_date("public_notice", published_on=rec.notice_published_on, abroad=rec.abroad,
                                      calendar=_calendar())
            if rec.status == ServiceStatus.SENT and result.on <= today:
                _served(rec, result)
                _end_public_notice_deduction(rec.document.case, result.on)
                n += 1
    return n


def _open_trial(case: Case) -> bool:
    return case.status not in ("closed", "archived") and case.closed_on is None


def _public_notice_deduction_open(case: Case) -> bool:
    last = (case.events.filter(code__in=("deduction_started", "deduction_ended"), payload__kind="public_notice")
            .order_by("-seq").values_list("code", flat=True).first())
    return last == "deduction_started"


def _end_public_notice_deduction(case: Case, deemed_on: date) -> None:
    """The deduction ends when the last running public notice of the case is deemed served."""
    if not _public_notice_deduction_open(case):
        return
    if ServiceRecord.objects.filter(document__case=case, method="public_notice", status=ServiceStatus.SENT).exists():
        return
    case_services.end_deduction(None, case, "public_notice", deemed_on, by_rule=True)


@transaction.atomic
def mark_failed(actor, rec: ServiceRecord, reason: str) -> ServiceRecord:
    _require(actor, rec.document.case)
    if not reason.strip():
        raise ValidationError(_("请填写送达失败的原因。"))
    if rec.status == ServiceStatus.SERVED:
        raise ValidationError(_("已送达，不能标记为失败。"))
    return _failed(rec.pk, reason.strip())


# ---- internals -----------------------------------------------------------------------------

def _failed(pk: int, reason: str, claim=None) -> ServiceRecord:
    """Mark a service failed. `claim`: the send that failed; nothing changes unless the record still
    carries that claim (another attempt may have been made or finished meanwhile)."""
    with transaction.atomic():
        rec = _record_for_update().get(pk=pk)
        if rec.status in (ServiceStatus.SERVED, ServiceStatus.FAILED):
            return rec
        if claim is not None and (rec.status != ServiceStatus.SENDING or rec.claimed_at != claim):
            return rec
        rec.status, rec.failure = ServiceStatus.FAILED, str(reason)[:300]
        rec.save(update_fields=["status", "failure"])
        _event(rec, "service_failed", reason=rec.failure)
    return rec


def _receipt(rec, kind, at, detail, scan: bytes | None = None, scan_name: str = "") -> ServiceReceipt:
    r = ServiceReceipt(record=rec, kind=kind, at=at, detail=detail)
    if scan:
        r.sha256 = hashlib.sha256(scan).hexdigest()
        store_once(r.file, "delivery/receipts", r.sha256, scan)
    r.save()
    if scan:
        f = ContentFile(scan, name=clean_filename(scan_name) or f"receipt-{r.pk}")
        case, title = rec.document.case, _("送达回证（%(title)s，%(party)s）") % {
            "title": rec.document.title, "party": rec.party.name}
        actor = rec.served_by
        transaction.on_commit(lambda: paper_added.send(sender=ServiceReceipt, case=case, file=f, title=title,
                                                       kind="receipt", source=f"delivery.ServiceReceipt:{r.pk}",
                                                       created_by=actor))
    return r


def _event(rec: ServiceRecord, code: str, **extra) -> None:
    append_event(rec.document.case, code, None if code != "document_sent" else rec.served_by, {
        "document": rec.document.title, "document_id": rec.document_id, "kind": rec.document.kind,
        "party": rec.party.name, "party_id": rec.party_id, "method": rec.method, **extra})


def _served(rec: ServiceRecord, result: law.ServiceDate) -> None:
    """Mark served; when this is the party's first (earliest) service of the document, tell the
    timeline and the trial app (document_served → appeal window)."""
    if result.on is None:
        return
    party = served_party(rec.party)
    earlier = ServiceRecord.objects.filter(document_id=rec.document_id, status=ServiceStatus.SERVED).exclude(
        pk=rec.pk).select_related("party")
    already = [r.served_on for r in earlier if served_party(r.party).pk == party.pk]
    rec.status, rec.served_on, rec.basis = ServiceStatus.SERVED, result.on, result.basis[:300]
    rec.save(update_fields=["status", "served_on", "basis"])
    if already:  # 在线诉讼规则 第三十一条第四款: the first completed service counts
        return
    case = rec.document.case
    append_event(case, "document_served", None, {
        "document": rec.document.title, "document_id": rec.document_id, "kind": rec.document.kind,
        "party": party.name, "party_id": party.pk, "recipient": rec.party.name, "method": rec.method,
        "served_on": result.on.isoformat(), "basis": result.basis,
        # 审限规定 第十条: a mediation document by post closes the case on the posting date, by notice on publication
        "posted_on": timezone.localtime(rec.sent_at).date().isoformat() if rec.method == "postal" and rec.sent_at else "",
        "published_on": rec.notice_published_on.isoformat() if rec.notice_published_on else ""})
    document_served.send(sender=ServiceRecord, case=case, document_kind=rec.document.kind, party_id=party.pk,
                         served_on=result.on, method=rec.method)
