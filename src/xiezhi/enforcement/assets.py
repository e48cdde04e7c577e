"""财产调查 services (issue 11 item 4): the 执行通知书 and 报告财产令 and the debtor's report
(财产调查规定 第三条至第九条), the applicant's asset clues (第二条) and the search for a debtor who
cannot be found (公安机关协助查找).

Every write locks the case row first (cases.services.lock_case) and takes an idempotency key
unique per case: a retried click or a double submit records once and returns the first record.
Clue and debtor-search nodes are not public to the parties: the timeline is shared by applicant
and debtor, and a clue or a police search told to the debtor would defeat it. The applicant sees
their own clues on the portal page (portal.py)."""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import can_manage_case, visible_cases
from xiezhi.cases.services import append_event, lock_case, notify
from xiezhi.cases.signals import paper_added
from xiezhi.law import enforcement_assets as law

from . import selectors
from .models_linkage import Asset
from .models_parties import AssetClue, AssetReport, DebtorSearch

ROLES = ("enforcement", "division_head", "president")
KEY_MAX = 64
TEXT_MAX = 2000
POLICE = "公安机关"
#: clue kinds that are linkage asset kinds (a found clue becomes an Asset of that kind)
LINKAGE_KINDS = set(Asset.Kind.values)
CLUE_BODY = "clue"  # Asset.body of an asset found by checking a clue, not by a linkage body


def may_investigate(user, case: Case) -> bool:
    return can_manage_case(user, case, *ROLES)


def _check(actor, case: Case) -> None:
    if not may_investigate(actor, case):
        raise PermissionDenied(_("只有本案执行人员可以办理财产调查。"))
    if not selectors.is_enforcement_case(case):
        raise ValidationError(_("只有执行案件可以办理财产调查。"))
    if case.status in ("closed", "archived") or case.closed_on is not None:
        raise ValidationError(_("案件已结，不能再办理财产调查。"))


def _key(key) -> str:
    key = str(key or "").strip()
    if len(key) > KEY_MAX:
        raise ValidationError(_("操作编号过长。"))
    return key or uuid.uuid4().hex


def _text(value, label: str, required: bool = True, limit: int = TEXT_MAX) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise ValidationError(_("请填写%(label)s。") % {"label": label})
    if len(text) > limit:
        raise ValidationError(_("%(label)s不能超过 %(n)s 字。") % {"label": label, "n": limit})
    return text


def _debtor(case: Case, party) -> Party:
    pk = getattr(party, "pk", party)
    p = Party.objects.filter(pk=pk, case=case, role="judgment_debtor", left_case_at__isnull=True).first()
    if p is None:
        raise ValidationError(_("请选择本案的被执行人。"))
    return p


# ---------------------------------------------------------------- 执行通知书 and 报告财产令

def issue_report_order(actor, case: Case, *, basis: str = "", report_days: int = law.DEFAULT_REPORT_DAYS,
                       notice_on: date | None = None, debtors=None, key: str = "") -> list[AssetReport]:
    """Generate the 执行通知书 and the 报告财产令 for each debtor (documents.services.generate, sent
    together: 财产调查规定 第三条) and record the report each order asks for, with its period:
    `report_days` from `notice_on` (the day the debtor receives them; default today, corrected by
    `record_notice_received` once service is recorded), changes since a year before (第六条)."""
    from xiezhi.documents import services as documents

    try:
        report_days = int(report_days)
    except (TypeError, ValueError):
        raise ValidationError(_("报告期限须为天数。"))
    if not 1 <= report_days <= law.MAX_REPORT_DAYS:
        raise ValidationError(_("报告期限须为 1 至 %(n)s 日。") % {"n": law.MAX_REPORT_DAYS})
    key = _key(key)
    with transaction.atomic():
        case = lock_case(case)
        _check(actor, case)
        earlier = list(AssetReport.objects.filter(case=case, key__startswith=f"{key}:"))
        if earlier:
            return earlier
        parties = ([_debtor(case, d) for d in debtors] if debtors else
                   list(case.parties.filter(role="judgment_debtor", left_case_at__isnull=True).order_by("pk")))
        if not parties:
            raise ValidationError(_("案件没有被执行人。"))
        period = law.report_period(notice_on or timezone.localdate(), report_days)
        days_cn = _days_cn(report_days)
        extra = {"report_days": days_cn, **({"basis": basis.strip()[:200]} if basis.strip() else {})}
        out = []
        for p in parties:
            notice = documents.generate(actor, case, "enf_notice", extra_context=extra, recipient=p.name)
            order = documents.generate(actor, case, "property_report_order", extra_context=extra, recipient=p.name)
            # after the documents' own nodes: the timeline stays in time order
            now = timezone.now()
            out.append(AssetReport.objects.create(
                case=case, party=p, notice_document=notice, order_document=order, ordered_by=actor, ordered_at=now,
                report_days=report_days, notice_on=period.notice_on, due_on=period.due_on,
                changes_from=period.changes_from, key=f"{key}:{p.pk}"[:KEY_MAX]))
            append_event(case, "asset_report_ordered", actor,
                         {"report": out[-1].pk, "party": p.name, "due_on": period.due_on.isoformat(),
                          "changes_from": period.changes_from.isoformat(), "basis": period.basis}, at=now)
    return out


def _days_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def serve_report_papers(actor, report: AssetReport, methods) -> list:
    """Serve the notice and the order on the debtor the way every generated notice is served
    (documents.paper_to_serve → delivery.services.serve; the delivery app's own permission: the
    clerk, assistant or officer of the case team)."""
    from xiezhi.delivery import services as delivery
    from xiezhi.documents.services import paper_to_serve

    from xiezhi.delivery.models import ServedDocument

    records = []
    with transaction.atomic():
        # the case row is the lock: two clicks (or the batch page and the case page at once) serve once
        case = lock_case(report.case_id)
        from xiezhi.cases.selectors import SERVICE_ROLES, can_manage_case

        if not can_manage_case(actor, case, *SERVICE_ROLES):  # refused before "already served" is told
            raise PermissionDenied(_("您无权办理此案件的送达。"))
        # served_source is "documents.GeneratedDocument:<pk>:<sealed|pdf>"
        if ServedDocument.objects.filter(case_id=report.case_id,
                                         source__startswith=f"documents.GeneratedDocument:{report.notice_document_id}:"
                                         ).exists():
            return []
        for doc in (report.notice_document, report.order_document):
            if doc is None:
                raise ValidationError(_("文书不存在，请重新制作。"))
            paper = paper_to_serve(doc)
            records += delivery.serve(actor, report.case, title=paper["title"], kind=paper["kind"],
                                      file_bytes=paper["file_bytes"], filename=paper["filename"],
                                      parties=[report.party], methods=list(methods), source=paper["source"])
    return records


def record_notice_received(actor, report: AssetReport, received_on: date) -> AssetReport:
    """The debtor received the notice and order on `received_on`: the period runs from then."""
    with transaction.atomic():
        case = lock_case(report.case_id)
        _check(actor, case)
        report = AssetReport.objects.select_for_update().get(pk=report.pk)
        if report.status != AssetReport.Status.ORDERED:
            raise ValidationError(_("财产报告已登记，不能再更改报告期限。"))
        if received_on > timezone.localdate():
            raise ValidationError(_("收到日期不能晚于今天。"))
        period = law.report_period(received_on, report.report_days)
        report.notice_on, report.due_on, report.changes_from = period.notice_on, period.due_on, period.changes_from
        report.save(update_fields=["notice_on", "due_on", "changes_from"])
    return report


def clean_items(items) -> list[dict]:
    """The report's items: [{"category" (第五条 key), "description", "value"?}], at most 200."""
    if not isinstance(items, (list, tuple)):
        raise ValidationError(_("财产报告格式错误。"))
    out = []
    for i in items[:201]:
        if not isinstance(i, dict):
            raise ValidationError(_("财产报告格式错误。"))
        cat, desc = str(i.get("category") or ""), str(i.get("description") or "").strip()
        if not desc:
            continue
        if cat not in law.CATEGORIES:
            raise ValidationError(_("财产类别须为财产调查规定第五条所列五类之一。"))
        value = str(i.get("value") or "").strip().replace(",", "")
        if value:
            try:
                v = Decimal(value)
            except InvalidOperation:
                raise ValidationError(_("财产价值须为数字（单位：元）。"))
            if not v.is_finite() or v < 0 or v >= Decimal("1e14"):
                raise ValidationError(_("财产价值须为数字（单位：元）。"))
            value = str(v.quantize(Decimal("0.01")))
        out.append({"category": cat, "description": desc[:500], "value": value})
    if len(out) > 200:
        raise ValidationError(_("财产报告最多 200 项。"))
    return out


def submit_report(user, report: AssetReport, *, items, changes: str = "", received_on: date | None = None,
                  via_portal: bool = False) -> AssetReport:
    """The debtor's report: entered by the officer (`received_on` the day it came in) or submitted by
    the debtor on the portal (today). A report after the period is marked late (第九条)."""
    items = clean_items(items)
    changes = _text(changes, _("财产变动情况"), required=False)
    if not items and not changes:
        raise ValidationError(_("请至少填写一项财产或财产变动情况；没有财产的，请写明“无”。"))
    with transaction.atomic():
        case = lock_case(report.case_id)
        if via_portal:
            from .portal import side_party

            side = side_party(user, case)
            if side is None or side.pk != report.party_id:
                raise PermissionDenied(_("只有被执行人本人或其代理人可以提交财产报告。"))
            received_on = timezone.localdate()
        else:
            _check(user, case)
            received_on = received_on or timezone.localdate()
            if received_on > timezone.localdate():
                raise ValidationError(_("收到日期不能晚于今天。"))
        report = AssetReport.objects.select_for_update().get(pk=report.pk)
        if report.status != AssetReport.Status.ORDERED:
            raise ValidationError(_("该报告财产令的财产报告已登记。"))
        report.status, report.items, report.changes = AssetReport.Status.RECEIVED, items, changes
        report.received_on, report.submitted_by, report.via_portal = received_on, user, via_portal
        report.late = law.is_late(report.due_on, received_on)
        report.save(update_fields=["status", "items", "changes", "received_on", "submitted_by", "via_portal", "late"])
        append_event(case, "asset_report_received", user,
                     {"report": report.pk, "party": report.party.name, "items": len(items), "late": report.late,
                      "portal": via_portal})
        if via_portal and case.judge_id:
            notify([case.judge], _("%(party)s在网上提交了财产报告。") % {"party": report.party.name}, case=case,
                   kind="enforcement")
    return report


def mark_refused(actor, report: AssetReport, note: str) -> AssetReport:
    """The period passed and the debtor refused to report (第九条 拒绝报告)."""
    note = _text(note, _("说明"), limit=500)
    with transaction.atomic():
        case = lock_case(report.case_id)
        _check(actor, case)
        report = AssetReport.objects.select_for_update().get(pk=report.pk)
        if report.status != AssetReport.Status.ORDERED:
            raise ValidationError(_("该报告财产令的财产报告已登记。"))
        report.status, report.note = AssetReport.Status.REFUSED, note
        report.save(update_fields=["status", "note"])
        append_event(case, "asset_report_refused", actor, {"report": report.pk, "party": report.party.name})
    return report


def record_sanction(actor, report: AssetReport, *, kind: str, decided_on: date, amount=None, days=None,
                    reference: str = "", false_report: bool = False, note: str = "") -> AssetReport:
    """The fine or detention decided for refusing, lying or reporting late (第九条), recorded as a
    fact (the decision itself is its own document). Once per report."""
    if kind not in ("fine", "detention"):
        raise ValidationError(_("请选择罚款或者拘留。"))
    try:
        amount = Decimal(str(amount).replace(",", "")) if kind == "fine" and amount not in (None, "") else None
        days = int(days) if kind == "detention" and days not in (None, "") else None
    except (InvalidOperation, ValueError):
        raise ValidationError(_("罚款金额或拘留期限格式错误。"))
    if amount is not None and not amount.is_finite():
        raise ValidationError(_("罚款金额或拘留期限格式错误。"))
    reference = _text(reference, _("决定书文号"), required=False, limit=100)
    note = _text(note, _("说明"), required=False, limit=500)
    with transaction.atomic():
        case = lock_case(report.case_id)
        _check(actor, case)
        report = AssetReport.objects.select_for_update().select_related("party").get(pk=report.pk)
        if report.sanction:
            raise ValidationError(_("该财产报告已记录处罚决定。"))
        if decided_on > timezone.localdate():
            raise ValidationError(_("决定日期不能晚于今天。"))
        grounds = []
        if report.status == AssetReport.Status.REFUSED:
            grounds.append("refused")
        if report.late:
            grounds.append("late")
        if false_report:
            if report.status != AssetReport.Status.RECEIVED:
                raise ValidationError(_("尚未收到财产报告，不能认定虚假报告。"))
            grounds.append("false")
        if report.status == AssetReport.Status.ORDERED and timezone.localdate() > report.due_on:
            grounds.append("overdue")
        if not grounds:
            raise ValidationError(_("被执行人没有拒绝报告、虚假报告或者逾期报告，不能处罚（财产调查规定第九条）。"))
        problem = law.sanction_problem(kind, organisation=report.party.kind != "natural", amount=amount, days=days)
        if problem:
            raise ValidationError(problem)
        report.sanction, report.sanction_amount, report.sanction_days = kind, amount, days
        report.sanction_decided_on, report.sanction_reference = decided_on, reference
        report.false_report = report.false_report or bool(false_report)
        report.note = note or report.note
        report.save(update_fields=["sanction", "sanction_amount", "sanction_days", "sanction_decided_on",
                                   "sanction_reference", "false_report", "note"])
        append_event(case, "asset_report_sanctioned", actor,
                     {"report": report.pk, "party": report.party.name, "kind": kind,
                      "amount": str(amount) if amount is not None else "", "days": days or "",
                      "grounds": grounds, "reference": reference, "basis": law.SANCTION_BASIS})
    return report


# ---------------------------------------------------------------- 财产线索

def submit_clue(user, case: Case, *, kind: str, description: str, urgent: bool = False, key: str = "",
                party: Party | None = None) -> AssetClue:
    """A clue from the applicant: on the portal (the user is the applicant or their agent) or entered
    by the officer for `party`. Due in 7 days, 3 if urgent (财产调查规定 第二条)."""
    if kind not in AssetClue.Kind.values:
        raise ValidationError(_("请选择财产类型。"))
    description = _text(description, _("线索内容"))
    key = _key(key)
    with transaction.atomic():
        case = lock_case(case)
        if user.is_court_staff:
            _check(user, case)
            party = Party.objects.filter(pk=getattr(party, "pk", party), case=case, role="enf_applicant").first()
        else:
            from .portal import side_party

            party = side_party(user, case)
            if party is None or party.role != "enf_applicant":
                raise PermissionDenied(_("只有申请执行人或其代理人可以提供财产线索。"))
            if case.status in ("closed", "archived") or case.closed_on is not None:
                raise ValidationError(_("案件已结，不能再提供财产线索。"))
        if party is None:
            raise ValidationError(_("请选择提供线索的申请执行人。"))
        earlier = AssetClue.objects.filter(case=case, key=key).first()
        if earlier is not None:
            return earlier
        now = timezone.now()
        deadline = law.clue_due_on(timezone.localdate(now), bool(urgent))
        clue = AssetClue.objects.create(case=case, party=party, submitted_by=user, kind=kind, description=description,
                                        urgent=bool(urgent), submitted_at=now, due_on=deadline.due_on, key=key)
        append_event(case, "asset_clue_submitted", user,
                     {"clue": clue.pk, "kind": kind, "urgent": clue.urgent, "due_on": deadline.due_on.isoformat(),
                      "days": deadline.days, "basis": deadline.basis}, at=now)
        if case.judge_id and not user.is_court_staff:
            notify([case.judge], _("申请执行人提供了财产线索，请于 %(d)s 前核实。") % {"d": deadline.due_on}, case=case,
                   kind="enforcement")
    return clue


def check_clue(actor, clue: AssetClue, *, found: bool, result: str, identifier: str = "", value=None,
               debtor=None) -> AssetClue:
    """The officer's check of a clue: found → an Asset of the case (the linkage module's model of
    the assets found, body "clue"), which the officer then freezes like any other; not found → the
    reason. Once per clue."""
    result = _text(result, _("核实结果"), limit=500)
    with transaction.atomic():
        case = lock_case(clue.case_id)
        _check(actor, case)
        clue = AssetClue.objects.select_for_update().get(pk=clue.pk)
        if clue.status != AssetClue.Status.PENDING:
            raise ValidationError(_("该线索已核实。"))
        now, asset = timezone.now(), None
        if found:
            if clue.kind not in LINKAGE_KINDS:
                kind = None  # a claim or other property: recorded as found, handled off the network
            else:
                kind = clue.kind
            identifier = _text(identifier, _("账号/权证号"), limit=100) if kind else ""
            if kind:
                try:
                    v = Decimal(str(value or "0").replace(",", ""))
                except InvalidOperation:
                    raise ValidationError(_("财产价值须为数字（单位：元）。"))
                if not v.is_finite() or v < 0 or v >= Decimal("1e14"):
                    raise ValidationError(_("财产价值须为数字（单位：元）。"))
                party = _debtor(case, debtor) if debtor else case.parties.filter(
                    role="judgment_debtor", left_case_at__isnull=True).order_by("pk").first()
                if party is None:
                    raise ValidationError(_("案件没有被执行人。"))
                try:
                    with transaction.atomic():
                        asset = Asset.objects.create(case=case, party=party, kind=kind, body=CLUE_BODY,
                                                     identifier=identifier, description=_("申请执行人提供线索")[:200],
                                                     value=v.quantize(Decimal("0.01")), found_at=now)
                except IntegrityError:  # the same asset from an earlier clue: one asset
                    asset = Asset.objects.get(case=case, party=party, body=CLUE_BODY, identifier=identifier)
        clue.status = AssetClue.Status.FOUND if found else AssetClue.Status.NOT_FOUND
        clue.checked_by, clue.checked_at, clue.result, clue.asset = actor, now, result, asset
        clue.save(update_fields=["status", "checked_by", "checked_at", "result", "asset"])
        append_event(case, "asset_clue_checked", actor,
                     {"clue": clue.pk, "found": bool(found), "result": result, "asset": asset.pk if asset else None,
                      "late": timezone.localdate(now) > clue.due_on}, at=now)
    return clue


def clue_queue(user):
    """The pending clues of the cases the user handles, earliest due first, with an overdue flag."""
    today = timezone.localdate()
    cases = visible_cases(user).filter(case_type__type_code__startswith="执")
    rows = list(AssetClue.objects.filter(case__in=cases, status=AssetClue.Status.PENDING)
                .select_related("case", "party").order_by("due_on", "id"))
    return [r for r in rows if may_investigate(user, r.case) and _flag(r, today)]


def _flag(clue: AssetClue, today: date) -> bool:
    clue.overdue = today > clue.due_on
    clue.days_left = (clue.due_on - today).days
    return True


# ---------------------------------------------------------------- 被执行人查找

def request_debtor_search(actor, case: Case, debtor, reason: str, *, addressee: str = "",
                          key: str = "") -> DebtorSearch:
    """A request to the police to help locate a debtor who cannot be found (公安机关协助查找)."""
    reason = _text(reason, _("查找事由"), limit=500)
    addressee = _text(addressee, _("协助查找单位"), required=False, limit=200) or POLICE
    key = _key(key)
    with transaction.atomic():
        case = lock_case(case)
        _check(actor, case)
        party = _debtor(case, debtor)
        earlier = DebtorSearch.objects.filter(case=case, key=key).first()
        if earlier is not None:
            return earlier
        now = timezone.now()
        s = DebtorSearch.objects.create(case=case, party=party, addressee=addressee, reason=reason,
                                        requested_by=actor, requested_at=now, key=key)
        append_event(case, "debtor_search_requested", actor,
                     {"search": s.pk, "party": party.name, "addressee": addressee}, at=now)
    return s


def record_search_answer(actor, search: DebtorSearch, *, location: str, travel: str = "") -> DebtorSearch:
    """The police's answer (the debtor's whereabouts, travel and lodging records), recorded once and
    filed in the e-file as a paper of the case (cases.signals.paper_added)."""
    location = _text(location, _("下落"), limit=300)
    travel = _text(travel, _("出行、住宿记录"), required=False)
    with transaction.atomic():
        case = lock_case(search.case_id)
        _check(actor, case)
        search = DebtorSearch.objects.select_for_update().select_related("party").get(pk=search.pk)
        if search.status != DebtorSearch.Status.SENT:
            raise ValidationError(_("该查找请求已登记答复。"))
        now = timezone.now()
        search.status, search.answered_at, search.location, search.travel = "answered", now, location, travel
        search.recorded_by = actor
        search.save(update_fields=["status", "answered_at", "location", "travel", "recorded_by"])
        append_event(case, "debtor_search_answered", actor, {"search": search.pk, "party": search.party.name},
                     at=now)
        title = _("协助查找被执行人答复（%(name)s）") % {"name": search.party.name}
        text = "\n".join([str(title), f"{_('案号')}：{case.number}", f"{_('协助查找单位')}：{search.addressee}",
                          f"{_('查找事由')}：{search.reason}", f"{_('下落')}：{location}",
                          f"{_('出行、住宿记录')}：{travel or '—'}", f"{_('登记时间')}：{timezone.localtime(now):%Y-%m-%d %H:%M}"])
        data = text.encode("utf-8")
        transaction.on_commit(lambda: paper_added.send(
            sender=DebtorSearch, case=case, file=ContentFile(data, name=f"debtor-search-{search.pk}.txt"),
            title=str(title), kind="other", source=f"enforcement.DebtorSearch:{search.pk}", created_by=actor))
    return search


# ---------------------------------------------------------------- timeline nodes

BASIS_REPORT = law.REPORT_BASIS
EVENTS = {
    "asset_report_ordered": (_lazy("发出执行通知书、报告财产令"), True, law.REPORT_BASIS),
    "asset_report_received": (_lazy("收到财产报告"), True, "财产调查规定 第五条、第六条"),
    "asset_report_refused": (_lazy("拒绝报告财产"), True, law.SANCTION_BASIS),
    "asset_report_sanctioned": (_lazy("违反报告财产义务的处罚"), True, law.SANCTION_BASIS),
    # not public: the debtor shares the timeline (module docstring)
    "asset_clue_submitted": (_lazy("申请执行人提供财产线索"), False, law.CLUE_BASIS),
    "asset_clue_checked": (_lazy("核实财产线索"), False, law.CLUE_BASIS),
    "debtor_search_requested": (_lazy("请求公安机关协助查找被执行人"), False, "民事诉讼法 第二百五十五条"),
    "debtor_search_answered": (_lazy("公安机关协助查找答复"), False, "民事诉讼法 第二百五十五条"),
}


def _ordered(p):
    return _("向%(party)s发出执行通知书和报告财产令，报告期限至 %(due)s") % {
        "party": p.get("party", ""), "due": p.get("due_on", "")}


def _received(p):
    if p.get("late"):
        return _("%(party)s逾期报告财产，共 %(n)s 项") % {"party": p.get("party", ""), "n": p.get("items", 0)}
    return _("%(party)s报告财产，共 %(n)s 项") % {"party": p.get("party", ""), "n": p.get("items", 0)}


def _sanctioned(p):
    if p.get("kind") == "fine":
        return _("对%(party)s罚款 %(amount)s 元") % {"party": p.get("party", ""), "amount": p.get("amount", "")}
    return _("对%(party)s拘留 %(days)s 日") % {"party": p.get("party", ""), "days": p.get("days", "")}


def _clue(p):
    return _("核实期限至 %(due)s") % {"due": p.get("due_on", "")}


SUMMARIES = {"asset_report_ordered": _ordered, "asset_report_received": _received,
             "asset_report_sanctioned": _sanctioned, "asset_clue_submitted": _clue}


BATCH_METHODS = ("portal", "sms", "postal")  # what the central unit sends in bulk; direct service is by hand


def unserved_reports(user, limit: int = 200) -> list[AssetReport]:
    """集约送达: the 执行通知书 and 报告财产令 made and not yet served, in the cases the user may see, oldest
    first — the central unit's batch work (issue 11 item 2)."""
    from xiezhi.cases.selectors import visible_cases
    from xiezhi.delivery.models import ServedDocument

    reports = list(AssetReport.objects.filter(case__in=visible_cases(user), status=AssetReport.Status.ORDERED,
                                              notice_document__isnull=False, order_document__isnull=False)
                   .select_related("case", "party").order_by("ordered_at", "pk")[: limit * 2])
    served = set(ServedDocument.objects.filter(case_id__in={r.case_id for r in reports},
                                               source__startswith="documents.GeneratedDocument:")
                 .values_list("source", flat=True))
    served_ids = {src.split(":")[1] for src in served}
    return [r for r in reports if str(r.notice_document_id) not in served_ids][:limit]


def serve_in_batch(actor, report_ids, method: str) -> tuple[int, list[str]]:
    """Serve the papers of many reports by one method; each report on its own (one refusal does not
    stop the rest). Returns (served, problems as Chinese sentences naming the case)."""
    if method not in BATCH_METHODS:
        raise ValidationError(_("请选择送达方式。"))
    served, problems = 0, []
    for report in AssetReport.objects.filter(pk__in=list(report_ids)[:200]).select_related("case", "party"):
        try:
            if serve_report_papers(actor, report, [method]):
                served += 1
        except (ValidationError, PermissionDenied) as exc:
            problems.append(f"{report.case.number}：{'；'.join(getattr(exc, 'messages', [str(exc)]))}")
    return served, problems
