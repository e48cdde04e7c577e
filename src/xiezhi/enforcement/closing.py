"""执行结案 (issue 11 items 9–10): 执行完毕, 终结执行, 不予执行 and 终结本次执行程序 (终本), and the
re-searches a 终本 case is owed for five years (终本规定 第九条).

Every closing service locks the case row, checks, writes the `EnforcementClosing` with its ruling
(documents.services.generate, 执行裁定书 of the matching variant), moves the enforcement file to the
closed stage, appends the timeline nodes (the core "closed" node sets the case status) and deletes
the debtor's dishonest-list entries on the event the closing is (失信规定 第十条第一款: 执行完毕 → 一,
不予执行 → 六, 终结执行 → 七). A repeated click with the same method returns the closing already made.

The re-search job is claim-then-act (docs/architecture.md, "Writes that can be repeated"): due rows
are claimed (claimed_at) under SKIP LOCKED in their own committed transaction, and only then is the
search sent; a second run, or a second worker at the same time, never claims a row twice. A row
whose search is answered is settled once, under its row lock: the result recorded, the applicant
told, and on a new disposable asset the case resumed as 执恢 (intake.resume, keyed by the row)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from xiezhi.cases.models import Case
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, lock_case, notify
from xiezhi.law import enforcement_closing as zb_law
from xiezhi.law import enforcement_ending as end_law

from . import selectors
from .models import DishonestEntry
from .models_closing import ClosingFact, EnforcementClosing, RescanDue
from .models_intake import EnforcementFile

ROLES = ("enforcement", "division_head", "president")
IMPLEMENTATION_KINDS = ("执", "执恢", "执保")
M = EnforcementClosing.Method
F = ClosingFact.Kind
RULING_VARIANT = {M.TERMINATED: "termination", M.NOT_ENFORCED: "no_enforcement", M.ZHONGBEN: "zhongben"}
ZHONGBEN_BASIS = "终本规定 第一条；民诉解释 第五百一十七条"
PAID_BASIS = "执行程序解释；《最高人民法院关于执行案件立案、结案若干问题的意见》第十五条"
RESCAN_REASON = "zhongben_rescan"


# ---- reads --------------------------------------------------------------------------------

def claim_amount(case: Case) -> Decimal | None:
    f = EnforcementFile.objects.filter(case=case).only("amount").first()
    amount = f.amount if f is not None and f.amount is not None else case.amount
    return Decimal(amount) if amount not in (None, "") else None


def paid_to_applicants(case: Case) -> Decimal:
    """What the ledger paid out to the applicants of the case (reversals applied)."""
    applicants = set(case.parties.filter(role="enf_applicant").values_list("pk", flat=True))
    return sum((pb.balance.paid_out for pb in selectors.party_balances(case) if pb.party_id in applicants),
               Decimal("0.00"))


def outstanding(case: Case) -> Decimal | None:
    amount = claim_amount(case)
    if amount is None:
        return None
    return max(Decimal("0.00"), amount - paid_to_applicants(case))


def facts_of(case: Case) -> set[str]:
    return set(ClosingFact.objects.filter(case=case).values_list("kind", flat=True))


def zhongben_facts(case: Case, decided_on: date | None = None) -> zb_law.ZhongbenFacts:
    """The facts of 终本规定 第一条 read from the case's own records: the documents generated on it, the
    consumption restriction and dishonest listing, the network searches and the assets found, and the
    facts the officer recorded (ClosingFact) for what no other record shows."""
    from xiezhi.documents.models import GeneratedDocument

    from .models_credit import ConsumptionRestriction
    from .models_linkage import Asset, LinkageOrder

    decided_on = decided_on or timezone.localdate()
    docs = set(GeneratedDocument.objects.filter(case=case, kind__in=["enf_notice", "property_report_order"])
               .values_list("kind", flat=True))
    recorded = facts_of(case)
    searches = LinkageOrder.objects.filter(case=case, kind="search")
    searched = searches.filter(status="answered").exists() and not searches.exclude(
        status__in=["answered", "failed"]).exists()
    outcome = None
    if searched:
        assets = Asset.objects.filter(case=case)
        if assets.filter(status__in=["found", "frozen"], value__gt=0).exists():
            outcome = "disposable"
        elif assets.exists():
            outcome = "not_disposable"
        else:
            outcome = "none_found"
    # the asset report, the clues and the police search are records of their own (assets.py): read them, so
    # the officer does not enter the same fact twice; a fact recorded by hand still counts
    from .models_parties import AssetClue, AssetReport, DebtorSearch

    reports = list(AssetReport.objects.filter(case=case))
    reported = any(r.status == "received" for r in reports)
    breach = F.REPORT_BREACH in recorded or any(r.status == "refused" or r.late or r.false_report for r in reports)
    sanctioned = F.REPORT_BREACH_SANCTIONED in recorded or any(r.sanction for r in reports)
    clues = AssetClue.objects.filter(case=case)
    searched_for = DebtorSearch.objects.filter(case=case, status="answered").exists()
    return zb_law.ZhongbenFacts(
        filed_on=min(case.filed_on, decided_on), decided_on=decided_on,
        notice_served="enf_notice" in docs, report_order_served="property_report_order" in docs,
        debtor_reported=reported or F.REPORT_VERIFIED in recorded, report_verified=F.REPORT_VERIFIED in recorded,
        report_breach=breach, report_breach_sanctioned=sanctioned,
        report_recorded=F.REPORT_RECORDED in recorded or (bool(reports) and (reported or breach)),
        consumption_restricted=ConsumptionRestriction.objects.filter(case=case, lifted_at__isnull=True).exists(),
        # 失信规定 第一条第（五）项: a breach of the reporting duty is itself a listing circumstance
        dishonest_listing_required=F.DISHONEST_REQUIRED in recorded or breach,
        dishonest_listed=DishonestEntry.objects.filter(case=case, deleted_at__isnull=True).exists(),
        network_searched=searched, leads_given=F.LEADS_GIVEN in recorded or clues.exists(),
        leads_checked=F.LEADS_CHECKED in recorded or (clues.exists() and not clues.filter(status="pending").exists()),
        onsite_needed=F.ONSITE_NEEDED in recorded, onsite_done=F.ONSITE_DONE in recorded, asset_outcome=outcome,
        debtor_missing=F.DEBTOR_MISSING in recorded, debtor_searched=F.DEBTOR_SEARCHED in recorded or searched_for,
        obstruction=F.OBSTRUCTION in recorded, obstruction_sanctioned=F.OBSTRUCTION_SANCTIONED in recorded)


@dataclass
class Condition:
    item: str
    text: str
    ok: bool
    missing: str


def zhongben_conditions(case: Case, decided_on: date | None = None) -> list[Condition]:
    """The five conditions of 终本规定 第一条 with a tick each, for the page shown before the officer asks."""
    missing = zb_law.zhongben_missing(zhongben_facts(case, decided_on))
    out = []
    for item, text, _check in zb_law._CONDITIONS:  # the law's own table: its items and their wording
        gap = next((m for m in missing if m.startswith(f"终本规定 第一条{item}")), "")
        out.append(Condition(item, text, not gap, gap.split("：", 1)[1] if gap else ""))
    return out


# ---- closing ------------------------------------------------------------------------------

def _load(actor, case) -> Case:
    case = lock_case(case)
    if not can_manage_case(actor, case, *ROLES):
        raise PermissionDenied(_("只有本案执行人员可以办理执行结案。"))
    if case.case_type.type_code not in IMPLEMENTATION_KINDS:
        raise ValidationError(_("只有执行实施案件可以办理执行结案。"))
    return case


def _earlier(case: Case, method: str) -> EnforcementClosing | None:
    earlier = EnforcementClosing.objects.filter(case=case).first()
    if earlier is None:
        if case.status in ("closed", "archived") or case.closed_on:
            raise ValidationError(_("案件已结案。"))
        return None
    if earlier.method == method:  # a repeated click
        return earlier
    raise ValidationError(_("本案已于 %(on)s 以“%(method)s”结案。") % {
        "on": earlier.closed_on.isoformat(), "method": earlier.get_method_display()})


def _ruling(actor, case: Case, method: str, extra: dict):
    """The 执行裁定书 of the closing, where the document engine has the variant; a paid case closes
    without a ruling (结案通知 by the clerk)."""
    variant = RULING_VARIANT.get(method)
    if not variant:
        return None
    from xiezhi.documents import services as documents

    f = EnforcementFile.objects.filter(case=case).first()
    basis = f"{f.issuing_body}{f.basis_number}{f.basis_title}" if f is not None else ""
    return documents.generate(actor, case, "enf_ruling", extra_context={"basis": basis, **extra}, variant=variant)


def _delete_dishonest(actor, case: Case, method: str, on: date) -> list[int]:
    from . import dishonest

    event = end_law.CLOSING_DELETION_EVENT.get(method)
    if event is None:
        return []
    done = []
    # entries with a fixed term end with their term (失信规定 第十条第二款): the first paragraph's events do not apply
    for entry in DishonestEntry.objects.filter(case=case, deleted_at__isnull=True, term="until_deleted"):
        dishonest.delete_entry(actor, entry, event, event_on=max(on, entry.decided_on))
        done.append(entry.pk)
    return done


def _close(actor, case: Case, method: str, *, basis: str, reason: str = "", ground: str = "", unpaid=None,
           facts: dict | None = None, extra: dict | None = None) -> EnforcementClosing:
    from xiezhi.trial.models import Closing

    document = _ruling(actor, case, method, extra or {})
    # after the ruling: its own timeline node is earlier than the closing's
    today, now = timezone.localdate(), timezone.now()
    closing = EnforcementClosing.objects.create(
        case=case, method=method, closed_on=today, ground=ground, basis=basis, reason=reason, unpaid=unpaid,
        document=document, facts=facts or {}, closed_by=actor, closed_at=now)
    EnforcementFile.objects.filter(case=case).update(stage=EnforcementFile.Stage.CLOSED, team=None, stage_since=now)
    label = str(M(method).label)
    append_event(case, "enforcement_closed", actor, {
        "method": method, "label": label, "ground": ground, "basis": basis, "reason": reason[:500],
        "unpaid": str(unpaid) if unpaid is not None else "", "document": document.pk if document else None}, at=now)
    Case.objects.filter(pk=case.pk).update(closed_on=today)
    append_event(case, "closed", actor, {"method": label, "on": today.isoformat()}, at=now)
    # the core's record of every closed case (statistics and the case page read it), as trial.close writes
    Closing.objects.create(case=case, method=method, document_kind="", closed_on=today, checks=[], closed_by=actor)
    closing.facts = {**closing.facts, "dishonest_deleted": _delete_dishonest(actor, case, method, today)}
    closing.save(update_fields=["facts"])
    return closing


@transaction.atomic
def close_paid(actor, case) -> EnforcementClosing:
    """执行完毕: the ledger shows the applicants paid the whole claim."""
    case = _load(actor, case)
    earlier = _earlier(case, M.PAID)
    if earlier:
        return earlier
    amount = claim_amount(case)
    if amount is None:
        raise ValidationError(_("本案未登记申请执行标的额，不能以执行完毕结案。"))
    paid = paid_to_applicants(case)
    if paid < amount:
        raise ValidationError(_("执行款台账显示已发放申请执行人 %(paid)s 元，尚欠 %(left)s 元，不能以执行完毕结案。") % {
            "paid": paid, "left": amount - paid})
    return _close(actor, case, M.PAID, basis=PAID_BASIS, unpaid=Decimal("0.00"),
                  facts={"amount": str(amount), "paid": str(paid)})


@transaction.atomic
def terminate(actor, case, ground: str, reason: str) -> EnforcementClosing:
    """终结执行 on one of the grounds of 民事诉讼法 第二百六十八条."""
    case = _load(actor, case)
    earlier = _earlier(case, M.TERMINATED)
    if earlier:
        return earlier
    if ground not in end_law.TERMINATION_GROUNDS:
        raise ValidationError(_("请选择终结执行的法定事由（民事诉讼法 第二百六十八条）。"))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写终结执行的理由。"))
    basis = f"{end_law.TERMINATION_BASIS}第（{ground}）项：{end_law.TERMINATION_GROUNDS[ground]}"
    return _close(actor, case, M.TERMINATED, basis=basis, ground=ground, reason=reason, unpaid=outstanding(case))


@transaction.atomic
def refuse_enforcement(actor, case, ground: str, reason: str) -> EnforcementClosing:
    """不予执行 an arbitral award (民事诉讼法 第二百四十八条) or a notarised debt instrument (第二百四十九条)."""
    case = _load(actor, case)
    earlier = _earlier(case, M.NOT_ENFORCED)
    if earlier:
        return earlier
    f = EnforcementFile.objects.filter(case=case).first()
    basis_kind = f.basis_kind if f is not None else ""
    problem = end_law.not_enforced_problem(basis_kind, ground)
    if problem:
        raise ValidationError(problem)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("请填写不予执行的理由。"))
    basis = f"{end_law.NOT_ENFORCED_BASES[basis_kind]}：{end_law.NOT_ENFORCED_GROUNDS[basis_kind][ground]}"
    return _close(actor, case, M.NOT_ENFORCED, basis=basis, ground=ground, reason=reason,
                  extra={"basis_kind": basis_kind})


@transaction.atomic
def zhongben(actor, case, reason: str = "") -> EnforcementClosing:
    """终结本次执行程序 when all five conditions of 终本规定 第一条 hold; refused naming each one missing.
    Schedules the ten re-searches (第九条) and shows the case in 执行信息公开."""
    from . import public
    from .linkage_adapters import BODIES
    from .models_credit import PublicCreditRecord
    from .models_linkage import LinkageOrder

    case = _load(actor, case)
    earlier = _earlier(case, M.ZHONGBEN)
    if earlier:
        return earlier
    today = timezone.localdate()
    missing = zb_law.zhongben_missing(zhongben_facts(case, today))
    if missing:
        raise ValidationError(missing)
    unpaid = outstanding(case)
    answered = (LinkageOrder.objects.filter(case=case, kind="search", status="answered")
                .values_list("body", flat=True).distinct())
    searches = [{"body": BODIES.get(b, (b,))[0], "result": "已反馈"} for b in answered]
    closing = _close(actor, case, M.ZHONGBEN, basis=ZHONGBEN_BASIS, reason=(reason or "").strip(), unpaid=unpaid,
                     facts={"conditions": "all"}, extra={"searches": searches, "unpaid": str(unpaid or "")})
    RescanDue.objects.bulk_create([RescanDue(case=case, seq=n, due_on=d)
                                   for n, d in enumerate(zb_law.rescan_schedule(today), start=1)])
    for debtor in case.parties.filter(role="judgment_debtor"):
        public.publish(PublicCreditRecord.Kind.ZHONGBEN, f"zhongben:{case.pk}:{debtor.pk}", name=debtor.name,
                       id_number=debtor.id_number, natural=debtor.kind == "natural", case=case,
                       detail=_("未履行金额 %(amount)s 元；终结本次执行程序日期 %(on)s") % {
                           "amount": unpaid if unpaid is not None else "—", "on": today.isoformat()},
                       decided_on=today)
    return closing


CLOSERS = {M.PAID: lambda a, c, g, r: close_paid(a, c), M.TERMINATED: terminate, M.NOT_ENFORCED: refuse_enforcement,
           M.ZHONGBEN: lambda a, c, g, r: zhongben(a, c, r)}


def close(actor, case, method: str, ground: str = "", reason: str = "") -> EnforcementClosing:
    if method not in CLOSERS:
        raise ValidationError(_("请选择结案方式。"))
    return CLOSERS[method](actor, case, ground, reason)


@transaction.atomic
def record_fact(actor, case, kind: str, note: str = "") -> ClosingFact:
    """Record one fact of the 终本 conditions (idempotent per case and kind)."""
    case = _load(actor, case)
    if kind not in F.values:
        raise ValidationError(_("请选择要记录的事项。"))
    found = ClosingFact.objects.filter(case=case, kind=kind).first()
    if found is not None:
        return found
    now = timezone.now()
    fact = ClosingFact.objects.create(case=case, kind=kind, note=(note or "").strip()[:500], recorded_by=actor,
                                      recorded_at=now)
    append_event(case, "closing_fact_recorded", actor, {"kind": kind, "label": str(F(kind).label),
                                                        "note": fact.note}, at=now)
    return fact


# ---- 终本 re-searches -----------------------------------------------------------------------

def _claim(today: date) -> list[RescanDue]:
    now = timezone.now()
    with transaction.atomic():
        ids = list(RescanDue.objects.filter(due_on__lte=today, claimed_at__isnull=True, resumed_case__isnull=True,
                                            case__enforcement_closing__method=M.ZHONGBEN)
                   .order_by("due_on", "pk").select_for_update(skip_locked=True, of=("self",))
                   .values_list("pk", flat=True)[:500])
        if not ids:
            return []
        RescanDue.objects.filter(pk__in=ids, claimed_at__isnull=True).update(claimed_at=now)
    return list(RescanDue.objects.filter(pk__in=ids, claimed_at=now).select_related("case").order_by("case_id", "seq"))


def start_due(today: date | None = None) -> int:
    """Claim the due re-searches and send one network search per case (several overdue rows of one
    case share it). Returns the number of searches sent."""
    from django.db.models import Exists, OuterRef

    from . import linkage

    today = today or timezone.localdate()
    # a case already resumed is no longer 终本: its rows are closed, never searched
    RescanDue.objects.filter(claimed_at__isnull=True, case__in=Case.objects.filter(
        Exists(RescanDue.objects.filter(case=OuterRef("pk"), resumed_case__isnull=False)))).update(
        claimed_at=timezone.now(), ran_at=timezone.now(), result=RescanDue.Result.FAILED)
    by_case: dict[int, list[RescanDue]] = {}
    for row in _claim(today):
        by_case.setdefault(row.case_id, []).append(row)
    sent = 0
    for case_id, rows in by_case.items():
        try:
            batch = linkage.start_search(None, rows[0].case, reason=RESCAN_REASON)
        except ValidationError:
            RescanDue.objects.filter(pk__in=[r.pk for r in rows]).update(ran_at=timezone.now(),
                                                                        result=RescanDue.Result.FAILED)
            continue
        RescanDue.objects.filter(pk__in=[r.pk for r in rows]).update(batch=batch)
        sent += 1
    return sent


def settle_answered() -> int:
    """Settle every claimed re-search whose orders are all answered (or failed). Returns how many."""
    from .models_linkage import LinkageOrder

    done = 0
    for pk in list(RescanDue.objects.filter(batch__isnull=False, ran_at__isnull=True).values_list("pk", flat=True)):
        row = RescanDue.objects.filter(pk=pk).only("batch_id").first()
        if LinkageOrder.objects.filter(batch_id=row.batch_id).exclude(status__in=["answered", "failed"]).exists():
            continue
        if settle(pk):
            done += 1
    return done


def settle(pk: int) -> bool:
    """Record the result of one re-search, tell the applicant, resume on a new disposable asset."""
    from .models_linkage import Asset, LinkageOrder

    with transaction.atomic():
        row = RescanDue.objects.select_for_update(skip_locked=True).filter(pk=pk, ran_at__isnull=True).first()
        if row is None:  # settled already, or being settled by another worker
            return False
        case = lock_case(row.case_id)
        orders = LinkageOrder.objects.filter(batch_id=row.batch_id, case=case)
        new = list(Asset.objects.filter(case=case, found_by__in=orders, status__in=["found", "frozen"], value__gt=0))
        if new:
            row.result = RescanDue.Result.FOUND
        elif orders.filter(status="answered").exists():
            row.result = RescanDue.Result.NOTHING
        else:
            row.result = RescanDue.Result.FAILED
        now = timezone.now()
        row.ran_at, row.assets_found = now, len(new)
        append_event(case, "zhongben_rescan_done", None, {"seq": row.seq, "result": row.result,
                                                          "label": str(row.get_result_display()),
                                                          "assets": len(new)}, at=now)
        applicants = [p.user for p in case.parties.filter(role__in=["enf_applicant"]).select_related("user") if p.user]
        text = _("%(number)s：本院于 %(on)s 通过网络执行查控系统对被执行人的财产进行了第 %(seq)s 次定期查询，"
                 "结果：%(result)s。") % {"number": case.number, "on": timezone.localdate(now).isoformat(),
                                        "seq": row.seq, "result": row.get_result_display()}
        notify(applicants, text, case=case, kind="zhongben_rescan")
        if applicants:
            row.notice_sent_at = now
        row.save(update_fields=["result", "ran_at", "assets_found", "notice_sent_at"])
    if row.result == RescanDue.Result.FOUND:
        _resume(row, new)
    return True


def _resume(row: RescanDue, assets) -> None:
    """终本规定 第九条: resumed on the court's own motion; the application period does not apply. The
    officer of the 终本 case acts for the court (the job has no user)."""
    from . import intake, public
    from .models_credit import PublicCreditRecord

    case = Case.objects.select_related("judge").get(pk=row.case_id)
    # the case's officer; a case worked by teams (分段集约) may have none: then who closed it as 终本
    done = EnforcementClosing.objects.filter(case=case).select_related("closed_by").first()
    officer = case.judge or (done.closed_by if done else None)
    reason = _("终本后第 %(seq)s 次定期查询发现可供执行的财产：%(assets)s（终本规定 第九条，依职权恢复执行）") % {
        "seq": row.seq, "assets": "、".join(str(a) for a in assets[:5])}
    if officer is None or not can_manage_case(officer, case, *intake.OPEN_ROLES):
        notify([officer] if officer else [], reason, case=case, kind="zhongben_rescan")
        return
    new = intake.resume(officer, case, reason, key=f"zhongben-rescan-{row.pk}")
    with transaction.atomic():
        RescanDue.objects.filter(case=case).update(resumed_case=new)
        append_event(case, "zhongben_resumed", None, {"seq": row.seq, "resumed_as": new.number}, refresh=False)
        append_event(new, "zhongben_resumed", None, {"seq": row.seq, "earlier": case.number}, refresh=False)
        public.withdraw(PublicCreditRecord.Kind.ZHONGBEN, f"zhongben:{case.pk}")
    notify([officer], reason, case=new, kind="zhongben_rescan")


def run_due_rescans(today: date | None = None) -> dict:
    """The daily job: settle the re-searches answered since the last run, then start the due ones."""
    return {"settled": settle_answered(), "started": start_due(today)}


def nothing_found_twice(case: Case) -> bool:
    """失信规定 第十条第一款第四项: 终本后通过网络执行查控系统查询被执行人财产两次以上，未发现有可供执行财产."""
    return RescanDue.objects.filter(case=case, result=RescanDue.Result.NOTHING).count() >= 2


def zhongben_cases(user):
    """The 终本 cases of the user's court with their next re-search and the last result."""
    closings = (EnforcementClosing.objects.filter(method=M.ZHONGBEN, case__court_id=user.court_id)
                .select_related("case", "case__judge").order_by("-closed_on", "id"))
    rows = []
    for c in closings[:500]:
        rescans = list(RescanDue.objects.filter(case=c.case).order_by("seq"))
        nxt = next((r for r in rescans if r.claimed_at is None and r.resumed_case_id is None), None)
        last = next((r for r in reversed(rescans) if r.ran_at), None)
        resumed = next((r.resumed_case for r in rescans if r.resumed_case_id), None)
        rows.append({"closing": c, "case": c.case, "next": nxt, "last": last, "resumed": resumed,
                     "running": any(r.claimed_at and not r.ran_at for r in rescans),
                     "nothing_twice": sum(r.result == "nothing" for r in rescans) >= 2})
    return rows


EVENT_LABELS = {
    "enforcement_closed": _lazy("执行结案"),
    "closing_fact_recorded": _lazy("记录终本条件事实"),
    "zhongben_rescan_done": _lazy("终本定期查询"),
    "zhongben_resumed": _lazy("终本案件恢复执行"),
    "debt_plan_executed": _lazy("个人债务集中清理"),
}


def _closed_summary(p):
    from django.utils.translation import gettext

    return gettext("以“%(label)s”结案；依据：%(basis)s") % {"label": p.get("label", ""), "basis": p.get("basis", "")}


def _fact_summary(p):
    from django.utils.translation import gettext

    return gettext("记录：%(label)s") % {"label": p.get("label", "")}


def _rescan_summary(p):
    from django.utils.translation import gettext

    return gettext("第 %(seq)s 次定期查询：%(label)s，新发现财产 %(assets)s 项") % {
        "seq": p.get("seq", ""), "label": p.get("label", ""), "assets": p.get("assets", 0)}


def _resumed_summary(p):
    from django.utils.translation import gettext

    if p.get("resumed_as"):
        return gettext("定期查询发现财产，依职权恢复执行，案号 %(n)s") % {"n": p.get("resumed_as")}
    return gettext("因终本案件 %(n)s 定期查询发现财产而恢复执行") % {"n": p.get("earlier", "")}


def _plan_summary(p):
    from django.utils.translation import gettext

    return gettext("个人债务集中清理方案 #%(plan)s：本案分配 %(amount)s 元") % {
        "plan": p.get("plan", ""), "amount": p.get("amount", "")}


def event_types():
    """The timeline nodes of 执行结案 and their summaries (registered by views_closing.register_events)."""
    from xiezhi.cases.events import EventType

    return ({
        "enforcement_closed": EventType(EVENT_LABELS["enforcement_closed"], basis="执行立结案意见"),
        "closing_fact_recorded": EventType(EVENT_LABELS["closing_fact_recorded"], public=False, basis="终本规定 第一条"),
        "zhongben_rescan_done": EventType(EVENT_LABELS["zhongben_rescan_done"], basis="终本规定 第九条"),
        "zhongben_resumed": EventType(EVENT_LABELS["zhongben_resumed"], basis="终本规定 第九条"),
        "debt_plan_executed": EventType(EVENT_LABELS["debt_plan_executed"], public=False, basis="民诉解释 第五百零八条"),
    }, {
        "enforcement_closed": _closed_summary,
        "closing_fact_recorded": _fact_summary,
        "zhongben_rescan_done": _rescan_summary,
        "zhongben_resumed": _resumed_summary,
        "debt_plan_executed": _plan_summary,
    })
