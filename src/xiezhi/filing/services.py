"""立案: drafts, submission, review (register / ask for corrections once / refuse), fees.

登记立案规定 (2015) and 在线诉讼规则 第九条: the court decides within 7 days of receipt
(民事诉讼法 第一百二十六条); if material is missing it says so once, in one written list, and
the 7 days restart the day after the corrections arrive (登记立案规定 第七条)."""
from __future__ import annotations

import re
import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case, Domicile, Party, PartyKind, PartyRole
from xiezhi.cases.services import allocate_serial, append_event, append_events, lock_case, notify, refresh_snapshot
from xiezhi.courts.calendar import get_work_calendar
from xiezhi.courts.models import CaseType, Cause, Court, Procedure
from xiezhi.courts import refcache
from xiezhi.courts.province import fee_settings_for
from xiezhi.law.amounts import AmountError, parse_amount
from xiezhi.law.casenumber import format_case_number
from xiezhi.law.fees import FeeError, conversion_balance, fee_due_date, fee_for_procedure
from xiezhi.law.identity import validate_resident_id, validate_uscc
from xiezhi.law.periods import period_end
from xiezhi.law.timelimits import foreign_related_kind
from xiezhi.site.drafts import CONFLICT, SKIP, decide_write
from xiezhi.site.uploads import clean_filename
from xiezhi.storage import extension_for, store_once

from .models import (
    EvidenceFile,
    FeeAssessment,
    FilingApplication,
    FilingChannel,
    FilingEvent,
    FilingStatus,
    PaymentIntent,
)
from .selectors import cause_version_for, visible_filings  # noqa: F401  (filing_services.* kept for callers)
from .uploads import check_upload

FEE_PAYMENT_DAYS = 7  # 诉讼费用交纳办法 第二十二条

# Apps that can hold a filing back from registration (pre-suit mediation in progress) register a
# check here from their AppConfig.ready(): filing must not import them (they build on filing).
_REGISTRATION_HOLDS: list = []


def register_registration_hold(check) -> None:
    """`check(filing) -> str | None`: a Chinese sentence saying why the filing may not be registered now."""
    if check not in _REGISTRATION_HOLDS:
        _REGISTRATION_HOLDS.append(check)


def registration_hold(filing: FilingApplication) -> str | None:
    return next((reason for reason in (check(filing) for check in _REGISTRATION_HOLDS) if reason), None)
EDITABLE = (FilingStatus.DRAFT, FilingStatus.NEEDS_CORRECTION)
# occupation: a natural person's 工作单位和职务或者职业; representative_title: the 职务 of an organisation's
# 法定代表人 (法人) or 主要负责人 (非法人组织) — both printed in every form's party listing (民事诉讼法
# 第一百二十二条第（一）项; 民事裁判文书制作规范 三、(二))
PARTY_FIELDS = ("role", "kind", "name", "id_number", "gender", "ethnicity", "nationality", "address",
                "domicile", "service_address", "phone", "legal_representative", "representative_title",
                "occupation", "is_minor")
PHONE_RE = re.compile(r"^1\d{10}$")


# ---- permission helpers -------------------------------------------------------------

def _own(user, filing: FilingApplication) -> None:
    if filing.submitted_by_id != user.pk:
        raise PermissionDenied(_("这不是您的立案申请。"))


def _clerk(user, filing: FilingApplication) -> None:
    if not (user.is_court_staff and user.has_role("filing_judge") and user.court_id == filing.court_id):
        raise PermissionDenied(_("只有本院立案人员可以审查立案申请。"))


def _log(filing, code, actor, **payload):
    FilingEvent.objects.create(filing=filing, code=code, actor=actor, payload=payload)


# ---- drafts ---------------------------------------------------------------------------

def clean_amount(value) -> Decimal | None:
    """The amount in dispute as typed (commas allowed), in yuan to the fen; NaN, sNaN and Infinity
    are not numbers (security review F13/F14: they were a 500)."""
    if value in (None, ""):
        return None
    try:
        amount = parse_amount(value)
    except AmountError:
        raise ValidationError({"amount": _("诉讼标的额须为数字（单位：元）。")})
    if amount > Decimal("99999999999999"):
        raise ValidationError({"amount": _("诉讼标的额超出范围。")})
    return amount.quantize(Decimal("0.01"))


def estimate_fee(court: Court, cause: Cause | None, amount: Decimal | None, procedure: str = "ordinary") -> dict:
    """Fee estimate shown while the complaint is typed, by the fee rule the procedure table names
    for the procedure (xiezhi.law.fees.FEE_RULES: 诉讼费用交纳办法 第八条、第十三条、第十四条、第十六条、
    第十七条): a special-procedure case pays nothing, a payment order a third of the property scale."""
    kind = (cause.fee_kind if cause and cause.fee_kind else "property")
    needs_amount = procedure in ("ordinary", "summary", "small_claims", "appeal", "payment_order")
    if needs_amount and kind == "property" and amount is None:
        return {}
    try:
        result = fee_for_procedure(procedure, kind, amount=amount if kind in ("property", "ip") else None,
                                   property_value=amount if kind == "divorce" else None,
                                   damages=amount if kind == "personality" else None,
                                   settings=fee_settings_for(court.province_abbr))
    except FeeError as exc:
        return {"error": str(exc)}
    out = result.as_dict()
    out["basis"] = result.basis
    return out


def new_draft(user, court: Court, type_code: str = "民初", channel: str = FilingChannel.ONLINE) -> FilingApplication:
    if not (user.is_public_user or user.has_role("filing_judge")):
        raise PermissionDenied(_("您无权提交立案申请。"))
    case_type = CaseType.objects.filter(type_code=type_code, active=True).order_by("-version").first()
    if case_type is None:
        raise ValidationError(_("未知的案件类型。"))
    data: dict[str, Any] = {"parties": [], "claims": "", "facts": ""}
    if user.is_public_user and user.is_lawyer:
        data["agent"] = {"name": user.display_name, "lawyer_licence": user.lawyer_licence,
                         "law_firm": user.law_firm, "phone": user.phone}
    elif user.is_public_user:
        # a litigant filing for themself: the first plaintiff is the verified account holder
        data["parties"] = [{"role": "plaintiff", "kind": "natural", "name": user.real_name or "",
                            "id_number": user.id_number or "", "phone": user.phone or ""}]
    return FilingApplication.objects.create(court=court, case_type=case_type, channel=channel,
                                            submitted_by=user, data=data)


class DraftConflict(ValidationError):
    """Another tab (or device) saved the draft after the text being saved was loaded. Carries the
    saved version so that the page can show both and let the user keep either."""

    def __init__(self, filing: FilingApplication):
        super().__init__(_("该草稿已在其他窗口更新，请刷新页面后继续。"))
        self.filing = filing


@transaction.atomic
def save_draft(user, filing: FilingApplication, data: dict, revision: int | None = None, *,
               editor: str = "", seq: int | None = None) -> FilingApplication:
    """Keep whatever was typed (drafts survive a closed browser). The row is locked; `revision`
    (the revision the text is based on) stops an old tab from overwriting newer text
    (DraftConflict), and `editor`/`seq` make a tab's retried or overtaken saves harmless
    (xiezhi.site.drafts.decide_write). An amount that is not a number is refused with the
    field named; nothing is then changed."""
    filing = FilingApplication.objects.select_for_update().get(pk=filing.pk)
    _own(user, filing)
    if filing.status not in EDITABLE:
        raise ValidationError(_("该申请已提交，不能再修改。"))
    clean = _clean_data(data)
    if "agent" in filing.data:  # set from the lawyer's account, never from the form
        clean["agent"] = filing.data["agent"]
    decision = decide_write(current_revision=filing.draft_revision, current_editor=filing.draft_editor,
                            current_seq=filing.draft_seq, revision=revision, editor=editor, seq=seq,
                            same_content=clean == filing.data)
    if decision == CONFLICT:
        raise DraftConflict(filing)
    if decision == SKIP:
        return filing
    amount = clean_amount(clean.get("amount"))
    cause = None
    if clean.get("cause_id"):
        cause = Cause.objects.filter(pk=clean["cause_id"], kind="civil").first()
    filing.cause = cause
    filing.amount = amount
    filing.data = clean
    filing.fee_estimate = estimate_fee(filing.court, cause, filing.amount)
    filing.draft_revision += 1
    filing.draft_editor, filing.draft_seq = editor[:40], seq or 0
    filing.save()
    return filing


def _clean_data(data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValidationError(_("提交的内容格式不正确。"))
    parties = []
    raw_parties = data.get("parties")
    for raw in raw_parties if isinstance(raw_parties, list) else []:
        if not isinstance(raw, dict):
            continue
        p = {k: (str(raw.get(k, "")).strip()[:300] if k != "is_minor" else bool(raw.get(k))) for k in PARTY_FIELDS}
        if p["role"] not in PartyRole.values:
            p["role"] = "plaintiff"
        if p["kind"] not in PartyKind.values:
            p["kind"] = "natural"
        parties.append(p)
    out = {
        "parties": parties[:50],
        "claims": str(data.get("claims", ""))[:20000],
        "facts": str(data.get("facts", ""))[:50000],
        "amount": str(data.get("amount", "") or "")[:30],
        "cause_id": _int_or_none(data.get("cause_id")),
        "oral_record": str(data.get("oral_record", ""))[:50000],
    }
    return out


def _int_or_none(v):
    try:
        return int(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


def add_evidence(user, filing: FilingApplication, uploaded, *, kind: str = "evidence", title: str = "",
                 purpose: str = "") -> EvidenceFile:
    _own(user, filing) if user.is_public_user else _clerk(user, filing)
    if filing.status not in EDITABLE and not (user.is_court_staff and filing.status == FilingStatus.SUBMITTED):
        raise ValidationError(_("该申请已提交，不能再上传材料。"))
    checked = check_upload(uploaded)
    with transaction.atomic():
        # parallel retries of one upload wait here for each other; the partial unique constraint
        # (uniq_live_evidence_file) is the backstop
        FilingApplication.objects.select_for_update().filter(pk=filing.pk).values_list("pk", flat=True).first()
        existing = filing.files.filter(sha256=checked.sha256, removed_at__isnull=True).first()
        if existing:  # the same file uploaded twice (a retry): keep one
            return existing
        ev = EvidenceFile(filing=filing, kind=kind if kind in EvidenceFile.Kind.values else "evidence",
                          title=(title or clean_filename(uploaded.name))[:200], purpose=purpose[:500],
                          original_name=clean_filename(uploaded.name) or "file", content_type=checked.content_type, size=checked.size,
                          sha256=checked.sha256, pages=checked.pages, uploaded_by=user)
        store_once(ev.file, "evidence", checked.sha256, checked.content, extension_for(checked.content_type))
        try:
            with transaction.atomic():
                ev.save()
        except IntegrityError:
            return filing.files.get(sha256=checked.sha256, removed_at__isnull=True)
    return ev


def remove_evidence(user, ev: EvidenceFile) -> None:
    _own(user, ev.filing)
    if ev.filing.status not in EDITABLE:
        raise ValidationError(_("该申请已提交，不能再删除材料。"))
    ev.removed_at = timezone.now()  # files are evidence: never hard-deleted
    ev.save(update_fields=["removed_at"])


@transaction.atomic
def delete_draft(user, filing: FilingApplication) -> None:
    """The filer deletes a draft the court has never received. Once submitted, a filing can only be
    withdrawn (withdraw): the court's record of what it received stays."""
    filing = FilingApplication.objects.select_for_update().get(pk=filing.pk)
    _own(user, filing)
    if filing.status != FilingStatus.DRAFT or filing.submitted_at is not None:
        raise ValidationError(_("已提交的立案申请不能删除，只能撤回。"))
    filing.delete()


@transaction.atomic
def withdraw(user, filing: FilingApplication, reason: str = "") -> FilingApplication:
    """撤回立案申请 before the court decides (民事诉讼法 第一百二十六条: the court decides within 7 days;
    a filer may take back what they filed before then). The review clock stops, the filing office
    is told, and the filing's history keeps the withdrawal. Repeating it changes nothing."""
    filing = FilingApplication.objects.select_for_update().get(pk=filing.pk)
    _own(user, filing)
    if filing.status == FilingStatus.WITHDRAWN:
        return filing
    if filing.status not in (FilingStatus.SUBMITTED, FilingStatus.NEEDS_CORRECTION):
        raise ValidationError(_("只有待审核或待补正的立案申请可以撤回；已立案的请申请撤诉。"))
    filing.status = FilingStatus.WITHDRAWN
    filing.review_due_on = None
    filing.save()
    _log(filing, "withdrawn", user, reason=reason.strip()[:500])
    notify([user], _("您已撤回立案申请。"), filing=filing, kind="filing")
    return filing


# ---- submission and review --------------------------------------------------------------

def complaint_problems(filing: FilingApplication) -> list[str]:
    """What a complaint lacks (民事诉讼法 第一百二十二条、第一百二十四条; 登记立案规定 第四条、第六条)."""
    return [message for _field, message in complaint_field_problems(filing)]


def complaint_field_problems(filing: FilingApplication) -> list[tuple[str, str]]:
    """complaint_problems, each with the form field it concerns ("parties-<i>-<field>", "parties",
    "claims", "facts", "evidence"), so that the form shows it beside that field."""
    d = filing.data or {}
    problems: list[tuple[str, str]] = []
    parties = d.get("parties") or []
    plaintiffs = [p for p in parties if p.get("role") in ("plaintiff", "applicant")]
    defendants = [p for p in parties if p.get("role") in ("defendant", "respondent")]
    if not plaintiffs:
        problems.append(("parties", _("请填写原告。")))
    if not defendants:
        problems.append(("parties", _("请填写明确的被告（民事诉讼法 第一百二十二条第（二）项）。")))
    for i, p in enumerate(parties):
        who = p.get("name") or _("（未填姓名）")
        if not p.get("name"):
            problems.append((f"parties-{i}-name", _("有当事人未填写姓名或名称。")))
        idn = (p.get("id_number") or "").upper()
        if p.get("kind") == "natural" and idn and not validate_resident_id(idn):
            problems.append((f"parties-{i}-id_number", _("%(who)s 的身份证号码校验不通过。") % {"who": who}))
        if p.get("kind") in ("legal", "organisation") and idn and not validate_uscc(idn, strict=settings.USCC_STRICT):
            problems.append((f"parties-{i}-id_number", _("%(who)s 的统一社会信用代码校验不通过。") % {"who": who}))
        if p.get("role") in ("plaintiff", "applicant"):
            if not idn:
                problems.append((f"parties-{i}-id_number", _("请填写原告 %(who)s 的身份证件号码或统一社会信用代码。") % {"who": who}))
            if p.get("kind") != "natural" and not p.get("legal_representative"):
                problems.append((f"parties-{i}-legal_representative", _("请填写原告 %(who)s 的法定代表人或主要负责人。") % {"who": who}))
            if not (p.get("phone") and PHONE_RE.match(p["phone"])):
                problems.append((f"parties-{i}-phone", _("请填写原告 %(who)s 的有效手机号码（流程公开规定 第五条）。") % {"who": who}))
        if p.get("role") in ("defendant", "respondent") and not (p.get("address") or idn or p.get("phone")):
            problems.append((f"parties-{i}-address", _("请填写被告 %(who)s 的住所、证件号码或联系方式之一，以便确定被告。") % {"who": who}))
        if len(p.get("representative_title") or "") > 100:
            problems.append((f"parties-{i}-representative_title", _("%(who)s 的法定代表人或主要负责人职务不能超过100个字。") % {"who": who}))
        if len(p.get("occupation") or "") > 200:
            problems.append((f"parties-{i}-occupation", _("%(who)s 的工作单位和职务或者职业不能超过200个字。") % {"who": who}))
    if not d.get("claims", "").strip():
        problems.append(("claims", _("请填写诉讼请求。")))
    if not d.get("facts", "").strip() and not d.get("oral_record", "").strip():
        problems.append(("facts", _("请填写事实与理由。")))
    if filing.channel == FilingChannel.ONLINE and not filing.files.filter(removed_at__isnull=True).exists():
        problems.append(("evidence", _("请至少上传一份起诉材料或证据。")))
    return problems


def fee_due_on(case: Case) -> date:
    """交费期限 (诉讼费用交纳办法 第二十二条): seven days from the day after the payment notice is
    received; the notice goes out with the acceptance notice to the filer's inbox on the filing day.
    Used for the assessment and for its recompute."""
    return fee_due_date(case.filed_on, get_work_calendar(strict=False))


def recompute_deadlines(sender=None, years=(), **kwargs) -> int:
    """The holiday days of `years` were loaded: the review deadlines of pending filings and the due
    dates of unpaid fees that end in or after those years are recomputed (民事诉讼法 第八十五条第三款).
    Idempotent; returns the number of rows changed."""
    if not years:
        return 0
    since = date(min(years), 1, 1)
    changed = 0
    for f in FilingApplication.objects.filter(status=FilingStatus.SUBMITTED, review_due_on__gte=since,
                                              clock_started_on__isnull=False):
        due = _review_due(f.clock_started_on)
        if due != f.review_due_on:
            FilingApplication.objects.filter(pk=f.pk).update(review_due_on=due)
            _log(f, "review_due_recomputed", None, review_due_on=due.isoformat())
            changed += 1
    for fa in FeeAssessment.objects.filter(paid_at__isnull=True, due_on__gte=since).select_related("case"):
        due = fee_due_on(fa.case)
        if due != fa.due_on:
            FeeAssessment.objects.filter(pk=fa.pk).update(due_on=due)
            append_event(fa.case, "fee_due_recomputed", None, {"before": fa.due_on.isoformat(), "due_on": due.isoformat()})
            changed += 1
    return changed


def _review_due(from_day: date) -> date:
    # 民事诉讼法 第一百二十六条; 登记立案规定 第八条: seven days (settings.FILING_REVIEW_DAYS)
    return period_end(from_day, days=settings.FILING_REVIEW_DAYS, calendar=get_work_calendar(strict=False))


@transaction.atomic
def submit(user, filing: FilingApplication) -> FilingApplication:
    filing = FilingApplication.objects.select_for_update().get(pk=filing.pk)
    _own(user, filing)
    if filing.status == FilingStatus.SUBMITTED:
        return filing  # a double click or a retried request
    if filing.status not in EDITABLE:
        raise ValidationError(_("该申请当前不能提交。"))
    problems = complaint_problems(filing)
    if problems:
        raise ValidationError(problems)
    today = timezone.localdate()
    corrected = filing.status == FilingStatus.NEEDS_CORRECTION
    filing.status = FilingStatus.SUBMITTED
    filing.submitted_at = filing.submitted_at or timezone.now()
    # first receipt, or receipt of the corrections: the 7 days run from the day after
    filing.clock_started_on = today
    filing.review_due_on = _review_due(today)
    filing.save()
    _log(filing, "corrected" if corrected else "submitted", user, review_due_on=filing.review_due_on.isoformat())
    text = (_("立案申请已补正，法院将于 %(date)s 前作出是否立案的决定。") if corrected
            else _("立案申请已提交，法院将于 %(date)s 前作出是否立案的决定。")) % {"date": filing.review_due_on}
    notify([user], text, filing=filing, kind="filing")
    return filing


@transaction.atomic
def request_correction(clerk, filing: FilingApplication, items: list[str]) -> FilingApplication:
    """一次性书面告知补正 (登记立案规定 第七条): one list, once."""
    filing = FilingApplication.objects.select_for_update().get(pk=filing.pk)
    _clerk(clerk, filing)
    if filing.status != FilingStatus.SUBMITTED:
        raise ValidationError(_("只有待审核的申请可以通知补正。"))
    items = [i.strip() for i in items if i and i.strip()]
    if not items:
        raise ValidationError(_("请逐项列明需要补正的内容。"))
    if filing.corrections_count >= 1:
        raise ValidationError(_("补正须一次性告知（登记立案规定 第七条）；材料补正后请作出立案或不予立案的决定。"))
    filing.status = FilingStatus.NEEDS_CORRECTION
    filing.correction_notice = "\n".join(f"{n}. {t}" for n, t in enumerate(items, 1))
    filing.correction_requested_at = timezone.now()
    filing.corrections_count += 1
    filing.review_due_on = None
    filing.save()
    _log(filing, "correction_requested", clerk, items=items)
    notify([filing.submitted_by], _("法院通知您补正立案材料，请查看补正通知并在补正后重新提交。"), filing=filing,
           kind="filing")
    return filing


@transaction.atomic
def refuse(clerk, filing: FilingApplication, reasons: str) -> FilingApplication:
    """不予受理 with written reasons (登记立案规定 第九条)."""
    filing = FilingApplication.objects.select_for_update().get(pk=filing.pk)
    _clerk(clerk, filing)
    if filing.status not in (FilingStatus.SUBMITTED, FilingStatus.NEEDS_CORRECTION):
        raise ValidationError(_("该申请当前不能作出不予立案决定。"))
    if len(reasons.strip()) < 4:
        raise ValidationError(_("不予立案须书面载明理由（登记立案规定 第九条）。"))
    filing.status = FilingStatus.REFUSED
    filing.refusal_reasons = reasons.strip()
    filing.decided_at = timezone.now()
    filing.decided_by = clerk
    filing.save()
    _log(filing, "refused", clerk, reasons=filing.refusal_reasons)
    notify([filing.submitted_by], _("法院对您的起诉作出不予立案决定，理由见申请详情。"), filing=filing, kind="filing")
    return filing


@transaction.atomic
def register(clerk, filing: FilingApplication, *, procedure_code: str, cause: Cause | None = None,
             fee_amount: Decimal | None = None, fee_reason: str = "") -> Case:
    """登记立案: allocate the number, create the case and its parties, assess the fee,
    issue the acceptance and fee-payment notices and tell the parties."""
    filing = (FilingApplication.objects.select_for_update(of=("self",))
              .select_related("court", "case_type", "submitted_by", "cause").get(pk=filing.pk))
    _clerk(clerk, filing)
    if filing.status == FilingStatus.REGISTERED:
        return filing.case  # idempotent retry
    if filing.status != FilingStatus.SUBMITTED:
        raise ValidationError(_("只有待审核的申请可以立案。"))
    held = registration_hold(filing)
    if held:
        raise ValidationError(held)
    problems = complaint_problems(filing)
    if problems:
        raise ValidationError(problems)
    procedure = refcache.procedure(procedure_code)
    if procedure is None:
        raise ValidationError(_("请选择审理程序。"))
    today = timezone.localdate()
    court = filing.court
    cause = cause or filing.cause
    version = cause_version_for(today)
    if cause is not None and cause.version != version:
        cause = Cause.objects.filter(kind=cause.kind, version=version, name=cause.name).first() or cause
    d = filing.data
    # The number is drawn last: the counter row stays locked until commit, so everything that
    # does not need the number is written first (that is what lets registrations run in parallel).
    case = Case.objects.create(
        court=court, case_type=filing.case_type, number=f"#{uuid.uuid4().hex}", year=today.year, serial=0,
        cause=cause, cause_version=cause.version if cause else "", procedure=procedure,
        title=filing.title, amount=filing.amount, claims=d.get("claims", ""),
        facts=d.get("facts", "") or d.get("oral_record", ""), filed_on=today,
    )
    linked_users = _create_parties(case, filing)
    # 涉外 / 涉港澳台 from the parties (law.timelimits.foreign_related_kind): no statutory time limit;
    # other grounds are recorded on the case page (cases.services.set_foreign_related)
    foreign_related = foreign_related_kind(case.parties.values_list("nationality", "domicile")) \
        if procedure.case_kind == "civil" else None
    assessment = assess_fee(clerk, case, procedure, amount=fee_amount, reason=fee_reason)
    filing.status = FilingStatus.REGISTERED
    filing.case = case
    filing.decided_at = timezone.now()
    filing.decided_by = clerk
    filing.save(update_fields=["status", "case", "decided_at", "decided_by", "updated_at"])

    type_code = filing.case_type.type_code
    serial = allocate_serial(court.case_code, today.year, type_code)
    number = format_case_number(today.year, court.case_code, type_code, serial)
    case.number, case.serial = number, serial
    events = append_events(case, [
        ("filing_received", filing.submitted_by, {"channel": filing.channel, "filing_id": filing.pk},
         filing.submitted_at),
        ("registered", clerk, {"number": number, "filed_on": today.isoformat()}, None),
        ("procedure_set", clerk, {"procedure": procedure.name, "limit_code": procedure.limit_code}, None),
        *([("foreign_related_set", clerk, {"kind": foreign_related[0], "reason": foreign_related[1]},
            None)] if foreign_related else []),
        ("fee_assessed", clerk, {"amount": str(assessment.amount),
                                 "computed": str(assessment.computed) if assessment.computed is not None
                                 else assessment.computed_range,
                                 "reason": assessment.override_reason, "due_on": assessment.due_on.isoformat()}, None),
        ("notices_issued", clerk, {"notices": ["受理通知书", "交纳诉讼费用通知书", "举证通知书"],
                                   "fee": str(assessment.amount), "fee_due_on": assessment.due_on.isoformat()}, None),
    ], refresh=False, new_case=True)
    refresh_snapshot(case, events=events, also={"number": number, "serial": serial})
    _log(filing, "registered", clerk, number=number)
    notify(linked_users | {filing.submitted_by},
           _("您的起诉已立案，案号 %(number)s。请于 %(due_on)s 前交纳诉讼费用 %(amount)s 元。")
           % {"number": number, "due_on": assessment.due_on, "amount": assessment.amount},
           case=case, kind="registered")
    return case


def _minor_by_id(kind: str, id_number: str, on: date) -> bool:
    """A natural person's minority follows from the birth date in the ID number (民法典 第十七条)."""
    from xiezhi.law.identity import is_minor_on

    return kind == "natural" and validate_resident_id(id_number) and is_minor_on(id_number, on)


def _create_parties(case: Case, filing: FilingApplication) -> set:
    """Create the parties from the complaint and link the filer's portal account (as the
    party, or as the lawyer acting for the first plaintiff). Returns the linked accounts."""
    d = filing.data
    submitter = filing.submitted_by
    created = []
    for p in d.get("parties", []):
        idn = (p.get("id_number") or "").upper()
        created.append(Party(
            case=case, role=p["role"], kind=p["kind"], name=p["name"],
            id_type="居民身份证" if p["kind"] == "natural" and idn else ("统一社会信用代码" if idn else ""),
            id_number=idn, is_minor=bool(p.get("is_minor")) or _minor_by_id(p["kind"], idn, case.filed_on),
            gender=p.get("gender", ""),
            ethnicity=p.get("ethnicity", ""), nationality=p.get("nationality") or "中国",
            address=p.get("address", ""), service_address=p.get("service_address", ""), phone=p.get("phone", ""),
            domicile=p.get("domicile") if p.get("domicile") in Domicile.values else Domicile.MAINLAND,
            legal_representative=p.get("legal_representative", ""),
            # the 职务 of an organisation's representative; a natural person's occupation (a value left
            # in the form's hidden field after the kind was changed is not carried over)
            representative_title="" if p["kind"] == "natural" else (p.get("representative_title") or "")[:100],
            occupation=(p.get("occupation") or "")[:200] if p["kind"] == "natural" else "",
        ))
    plaintiffs = [p for p in created if p.role in ("plaintiff", "applicant")]
    if submitter.is_public_user and plaintiffs and not submitter.is_lawyer:
        me = next((p for p in plaintiffs if submitter.id_number and p.id_number == submitter.id_number.upper()),
                  plaintiffs[0])
        me.user = submitter
    Party.objects.bulk_create(created)
    if submitter.is_public_user and plaintiffs and submitter.is_lawyer:
        Party.objects.create(case=case, role=PartyRole.AGENT, kind=PartyKind.NATURAL,
                             name=submitter.display_name, phone=submitter.phone,
                             lawyer_licence=submitter.lawyer_licence, law_firm=submitter.law_firm,
                             represents=plaintiffs[0], user=submitter)
    return {submitter} if submitter.is_public_user and plaintiffs else set()


def assess_fee(actor, case: Case, procedure: Procedure, amount: Decimal | None = None,
               reason: str = "") -> FeeAssessment:
    """案件受理费, by xiezhi.law.fees; a different figure needs a recorded reason. The caller
    records the fee_assessed node (register puts it on the timeline with the others)."""
    est = estimate_fee(case.court, case.cause, case.amount, procedure.fee_procedure)
    computed = Decimal(est["fee"]) if "fee" in est else None
    rng = f"{est['fee_min']}–{est['fee_max']}" if "fee_min" in est else ""
    figure = computed if computed is not None else (Decimal(est["fee_min"]) if "fee_min" in est else None)
    if amount is not None and amount != figure:
        if not reason.strip():
            raise ValidationError(_("调整诉讼费用须填写理由。"))
        if amount < 0:
            raise ValidationError(_("诉讼费用不能为负数。"))
        figure = amount
    if figure is None:
        raise ValidationError(_("无法计算诉讼费用：请填写诉讼标的额或核定金额。"))
    due = fee_due_on(case)
    fa = FeeAssessment.objects.create(case=case, computed=computed, computed_range=rng, amount=figure,
                                      basis=est.get("basis", "诉讼费用交纳办法 第十三条"),
                                      override_reason=reason.strip() if amount is not None else "",
                                      assessed_by=actor, due_on=due)
    return fa


@transaction.atomic
def change_fee(actor, assessment: FeeAssessment, amount: Decimal, reason: str) -> FeeAssessment:
    from xiezhi.cases.selectors import can_manage_case

    if not can_manage_case(actor, assessment.case, "filing_judge", "judge", "president"):
        raise PermissionDenied(_("您无权调整该案诉讼费用。"))
    if not reason.strip():
        raise ValidationError(_("调整诉讼费用须填写理由。"))
    if amount < 0:
        raise ValidationError(_("诉讼费用不能为负数。"))
    lock_case(assessment.case_id)  # the case, then the fee: the order append_event and pay_fee follow
    assessment = FeeAssessment.objects.select_for_update(of=("self",)).select_related("case").get(pk=assessment.pk)
    if assessment.paid_at:
        raise ValidationError(_("诉讼费已交纳，调整请走退费或补交程序。"))
    if assessment.payment_intents.filter(status=PaymentIntent.Status.PENDING).exists():
        raise ValidationError(_("当事人正在交纳诉讼费，请待缴费结果确认后再调整。"))
    old = assessment.amount
    assessment.amount = amount
    assessment.override_reason = reason.strip()
    assessment.save(update_fields=["amount", "override_reason"])
    append_event(assessment.case, "fee_changed", actor, {"from": str(old), "to": str(amount), "reason": reason})
    return assessment


def change_fee_due(actor, assessment: FeeAssessment, due_on: date, reason: str) -> FeeAssessment:
    """缓交 (诉讼费用交纳办法 第四十七条): a later due date for an unpaid fee, with the reason, on the timeline."""
    from xiezhi.cases.selectors import can_manage_case

    if not can_manage_case(actor, assessment.case, "filing_judge", "judge", "president"):
        raise PermissionDenied(_("您无权调整该案诉讼费用。"))
    if not reason.strip():
        raise ValidationError(_("调整交费期限须填写理由。"))
    lock_case(assessment.case_id)  # the same lock order as change_fee
    assessment = FeeAssessment.objects.select_for_update(of=("self",)).select_related("case").get(pk=assessment.pk)
    if assessment.paid_at:
        raise ValidationError(_("诉讼费已交纳，不能再缓交。"))
    old = assessment.due_on
    assessment.due_on = due_on
    assessment.save(update_fields=["due_on"])
    append_event(assessment.case, "fee_due_changed", actor, {"from": old.isoformat() if old else "",
                                                             "to": due_on.isoformat(), "reason": reason})
    return assessment


def pay_fee(user, assessment: FeeAssessment, idempotency_key: str = "") -> FeeAssessment:
    """交费 in three steps, so that no payment is ever lost or made twice:
    1. record a PENDING PaymentIntent with an idempotency key and commit it (a second click, or a
       retry while one is pending, joins that intent and its key);
    2. call the provider outside any transaction or row lock, with that key (a provider charges a
       key once; a slow provider holds no lock);
    3. confirm in a new transaction that re-checks the fee and the intent under lock: one fee_paid
       node, whoever confirms first. A failure is recorded (FAILED); an unknown outcome (the call
       raised) leaves the intent PENDING, visible, and the next attempt reuses its key."""
    import logging

    from .adapters import payment_adapter

    with transaction.atomic():
        intent = _payment_intent(user, assessment, idempotency_key)
    if intent is None or intent.status == PaymentIntent.Status.PAID:
        return FeeAssessment.objects.get(pk=assessment.pk)
    try:
        result = payment_adapter().pay(intent.assessment, user, idempotency_key=intent.idempotency_key)
    except Exception:  # network, timeout…: the outcome is unknown, so the intent stays PENDING
        logging.getLogger(__name__).exception("payment provider call failed for intent %s", intent.pk)
        raise ValidationError(_("缴费结果暂未确认，请稍后查看或重试（不会重复扣款）。"))
    with transaction.atomic():
        lock_case(intent.assessment.case_id)  # case, fee, intent: the order change_fee and append_event follow
        fee = FeeAssessment.objects.select_for_update(of=("self",)).select_related("case").get(pk=assessment.pk)
        intent = PaymentIntent.objects.select_for_update().get(pk=intent.pk)
        if intent.status == PaymentIntent.Status.PENDING:
            intent.status = PaymentIntent.Status.PAID if result.ok else PaymentIntent.Status.FAILED
            intent.reference, intent.message = result.reference[:64], str(result.message or "")[:300]
            intent.settled_at = timezone.now()
            intent.save(update_fields=["status", "reference", "message", "settled_at"])
        if intent.status == PaymentIntent.Status.PAID and fee.paid_at is None:
            fee.paid_at = intent.settled_at
            fee.payment_ref = intent.reference
            fee.save(update_fields=["paid_at", "payment_ref"])
            append_event(fee.case, "fee_paid", user, {"amount": str(intent.amount), "ref": intent.reference})
    if intent.status == PaymentIntent.Status.FAILED:
        raise ValidationError(intent.message or _("缴费未成功，请稍后重试。"))
    return fee


def _payment_intent(user, assessment: FeeAssessment, idempotency_key: str) -> PaymentIntent | None:
    """Step 1 of pay_fee, under the fee row lock: the intent to pay (None when already paid)."""
    import secrets

    from xiezhi.cases.selectors import can_view_case

    fee = FeeAssessment.objects.select_for_update(of=("self",)).select_related("case").get(pk=assessment.pk)
    if not can_view_case(user, fee.case):
        raise PermissionDenied(_("您无权为该案交费。"))
    if idempotency_key:
        intent = PaymentIntent.objects.filter(idempotency_key=idempotency_key).first()
        if intent is not None:
            if intent.assessment_id != fee.pk:
                raise ValidationError(_("缴费请求有误，请刷新页面后重试。"))
            if intent.status != PaymentIntent.Status.FAILED:
                return intent  # the same request again: PAID is done, PENDING is asked again with its key
            idempotency_key = ""  # a failed attempt is over; this is a new one
    if fee.paid_at:
        return None  # idempotent
    pending = PaymentIntent.objects.filter(assessment=fee, status=PaymentIntent.Status.PENDING).first()
    if pending is not None:
        return pending  # a second click, or a retry after an unknown outcome: the same payment
    intent = PaymentIntent(assessment=fee, amount=fee.amount, payer=user,
                           idempotency_key=idempotency_key or secrets.token_hex(16))
    intent.assessment = fee
    intent.save()
    return intent


@transaction.atomic
def counter_filing(clerk, court: Court, data: dict, *, channel: str = FilingChannel.COUNTER,
                   type_code: str = "民初") -> FilingApplication:
    """窗口立案 / 口头起诉 (登记立案规定 第三条: an oral complaint is written down)."""
    if not (clerk.has_role("filing_judge") and clerk.court_id == court.pk):
        raise PermissionDenied(_("只有本院立案人员可以办理窗口立案。"))
    case_type = refcache.case_type(type_code)
    if case_type is None:
        raise ValidationError(_("未知的案件类型。"))
    clean = _clean_data(data)
    cause = refcache.cause(clean["cause_id"]) if clean.get("cause_id") else None
    amount = clean_amount(clean.get("amount"))
    today = timezone.localdate()
    filing = FilingApplication(
        court=court, case_type=case_type, channel=channel, submitted_by=clerk, data=clean, cause=cause,
        amount=amount, fee_estimate=estimate_fee(court, cause, amount), status=FilingStatus.SUBMITTED,
        submitted_at=timezone.now(), clock_started_on=today, review_due_on=_review_due(today))
    problems = complaint_problems(filing)  # a counter filing has its papers in hand: no upload check
    if problems:
        raise ValidationError(problems)
    filing.save()
    _log(filing, "submitted", clerk, channel=channel)
    return filing


@transaction.atomic
def lodge(actor, court: Court, data: dict, *, type_code: str, channel: str = FilingChannel.COUNTER,
          routed: dict | None = None, event_payload: dict | None = None) -> FilingApplication:
    """A filing one court's filing office lodges for a party at the court that decides it — possibly
    another court on the platform: a complaint sorted as 诉 (诉访分离, the complaints app) goes into an
    appeal, retrial-application or objection filing of the competent court. It lands submitted in that
    court's queue with its 7-day review clock (民事诉讼法 第一百二十六条); `routed` (where it came from)
    is kept with the data as it is, for the review page and the record."""
    if not (getattr(actor, "is_court_staff", False) and actor.has_role("filing_judge")):
        raise PermissionDenied(_("只有立案人员可以代为提交立案材料。"))
    case_type = refcache.case_type(type_code)
    if case_type is None:
        raise ValidationError(_("未知的案件类型。"))
    clean = _clean_data(data)
    if routed:
        clean["routed"] = routed
    cause = refcache.cause(clean["cause_id"]) if clean.get("cause_id") else None
    amount = clean_amount(clean.get("amount"))
    today = timezone.localdate()
    filing = FilingApplication.objects.create(
        court=court, case_type=case_type, channel=channel, submitted_by=actor, data=clean, cause=cause,
        amount=amount, status=FilingStatus.SUBMITTED, submitted_at=timezone.now(), clock_started_on=today,
        review_due_on=_review_due(today))
    _log(filing, "submitted", actor, channel=channel, **(event_payload or {}))
    return filing


def set_data_note(actor, filing: FilingApplication, key: str, value) -> FilingApplication:
    """Add one note to a filing's data under `routed` (e.g. the duty lawyer's opinion on a complaint
    routed into it), under the filing's row lock; the party's own text is never changed."""
    with transaction.atomic():
        filing = FilingApplication.objects.select_for_update(of=("self",)).get(pk=filing.pk)
        routed = dict((filing.data or {}).get("routed") or {})
        routed[key] = value
        filing.data = {**filing.data, "routed": routed}
        filing.save(update_fields=["data", "updated_at"])
    return filing


def assess_conversion_balance(actor, case: Case, old_procedure: Procedure, new_procedure: Procedure,
                              notice_received_on: date | None = None) -> FeeAssessment | None:
    """简易程序（含小额诉讼）转为普通程序: the plaintiff pays the balance up to the ordinary fee within 7 days
    of receiving the payment notice (民诉解释 第一百九十九条; 交费办法 第二十二条). Returns the new
    assessment, or None when nothing is owed. The caller holds the case lock (a conversion)."""
    if old_procedure.fee_procedure not in ("summary", "small_claims") or new_procedure.fee_procedure != "ordinary":
        return None
    full = estimate_fee(case.court, case.cause, case.amount, "ordinary")
    if "fee" not in full:
        return None  # a statutory range: the judge sets the figure with a reason (change_fee)
    charged = sum((f.amount for f in case.fees.all()), Decimal(0))
    balance = conversion_balance(charged, full["fee"])
    if balance <= 0:
        return None
    received = notice_received_on or timezone.localdate()
    due = fee_due_date(received, get_work_calendar(strict=False))
    fa = FeeAssessment.objects.create(case=case, kind="conversion_balance", computed=balance, amount=balance,
                                      basis=f"民诉解释 第一百九十九条；{full.get('basis', '')}"[:300],
                                      assessed_by=actor, due_on=due)
    append_event(case, "fee_assessed", actor, {"amount": str(balance), "computed": str(balance), "reason": "",
                                               "due_on": due.isoformat(), "kind": "conversion_balance"})
    notify([p.user for p in case.parties.filter(role__in=("plaintiff", "applicant"), user__isnull=False)],
           _("%(number)s 已转为普通程序审理，请于 %(due_on)s 前补交案件受理费 %(amount)s 元。")
           % {"number": case.number, "due_on": due, "amount": balance}, case=case, kind="fee")
    return fa
