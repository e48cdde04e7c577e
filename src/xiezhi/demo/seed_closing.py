"""执行结案 in the demo court (issue 11 items 9–11): the enforcement officer's cases closed by each method
(执行完毕, 终结执行, 不予执行 and three 终本 cases), the 终本 cases' re-searches — two due today or
overdue, so the daily job has work, and one already run with its result told to the applicant — and
one natural person with two cases for the personal-debt clean-up page.

The cases are opened and closed through the services (events, documents, public rows). What the demo
cannot wait for is set on the rows afterwards: the filing date three months back (终本规定 第一条第四项),
a network search answered with nothing (the demo has no link to the bodies), and the re-search dates.
Every case is opened under a fixed key, so a second `make demo` finds them and adds nothing."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.cases.models import Case
from xiezhi.courts.models import Court
from xiezhi.law.identity import resident_id_check_char


def _id(body: str) -> str:
    return body + resident_id_check_char(body)


DEBTOR_ID = _id("41022219750315201")  # the person of the clean-up page: several cases


def _open(enforcer: User, c: Court, key: str, debtor: str, debtor_id: str, amount: str, basis_kind="notarial",
          head: User | None = None) -> Case:
    from xiezhi.cases.services import assign_judge
    from xiezhi.enforcement import intake

    today = timezone.localdate()
    case = intake.open_from_outside_basis(
        enforcer, c, basis_kind, f"（2026）豫开封{key}号", "河南省开封市公证处" if basis_kind == "notarial" else "开封仲裁委员会",
        today - timedelta(days=150),
        [{"role": "enf_applicant", "name": "开封市惠民小额贷款有限公司", "kind": "legal"},
         {"role": "judgment_debtor", "name": debtor, "kind": "natural", "id_number": debtor_id}],
        amount=Decimal(amount), applied_on=today - timedelta(days=120), key=f"demo-closing-{key}")
    if case.judge_id is None:  # the head gives the case to the officer (承办人)
        assign_judge(head, case, enforcer)
        case.refresh_from_db()
    return case


def _zhongben(enforcer: User, case: Case) -> None:
    from xiezhi.documents import services as documents
    from xiezhi.enforcement import closing, credit
    from xiezhi.enforcement.models_closing import ClosingFact
    from xiezhi.enforcement.models_linkage import LinkageOrder

    now, today = timezone.now(), timezone.localdate()
    Case.objects.filter(pk=case.pk).update(filed_on=today - timedelta(days=330))
    case.refresh_from_db()
    basis = {"basis": f"河南省开封市公证处{case.enforcement.basis_number}公证债权文书"}
    documents.generate(enforcer, case, "enf_notice", extra_context=basis)
    documents.generate(enforcer, case, "property_report_order", extra_context=basis)
    closing.record_fact(enforcer, case, ClosingFact.Kind.REPORT_RECORDED, "被执行人未申报财产，已记录入卷")
    credit.restrict(enforcer, case, case.parties.get(role="judgment_debtor"))
    debtor = case.parties.get(role="judgment_debtor")
    for body in ("icbc", "ccb"):
        LinkageOrder.objects.get_or_create(key=f"demo-zb-{case.pk}-{body}", defaults={
            "case": case, "party": debtor, "body": body, "kind": "search", "status": "answered", "created_at": now,
            "answered_at": now})
    closing.zhongben(enforcer, case, "经网络执行查控系统查询，未发现可供执行的财产")


def seed_closing(c: Court, users: dict[str, User]) -> dict[str, int]:
    from xiezhi.enforcement import closing, services
    from xiezhi.enforcement.models_closing import EnforcementClosing, RescanDue

    enforcer, today = users["enforcer"], timezone.localdate()
    head = users["enforce_head"]
    done = {"closed": 0}
    paid = _open(enforcer, c, "执结1", "李完毕", _id("41022219800101301"), "20000", head=head)
    terminated = _open(enforcer, c, "执结2", "王终结", _id("41022219810202302"), "30000", head=head)
    refused = _open(enforcer, c, "执结3", "赵仲裁", _id("41022219820303303"), "40000", basis_kind="arbitration", head=head)
    # the person of the clean-up page is the debtor of two of the 终本 cases; no open case is added here,
    # so the other seeds' choice of "the officer's oldest open cases" is the same on every run
    zb = [_open(enforcer, c, f"执结{n}", name, DEBTOR_ID if n in (4, 5) else _id(f"4102221983040{n}30{n}"), amount,
                head=head)
          for n, name, amount in ((4, "孙清理", "80000"), (5, "孙清理", "60000"), (6, "吴终本", "50000"))]
    if EnforcementClosing.objects.filter(case__in=[paid, terminated, refused, *zb]).exists():
        return done  # seeded already
    services.receive(enforcer, paid, "20000", paid.parties.get(role="judgment_debtor"), "demo-closing-in")
    services.pay_out(enforcer, paid, paid.parties.get(role="enf_applicant"), "20000", "demo-closing-out")
    closing.close_paid(enforcer, paid)
    closing.terminate(enforcer, terminated, "1", "申请执行人撤回执行申请")
    closing.refuse_enforcement(enforcer, refused, "a1", "双方当事人未订立仲裁条款，事后亦未达成书面仲裁协议")
    for case in zb:
        _zhongben(enforcer, case)
    done["closed"] = 3 + len(zb)
    # the demo's 终本 dates: closed about six months (and, for one, seven months) ago, so two first
    # re-searches are due (today, three days overdue) and one has run, its result told to the applicant
    from xiezhi.law.enforcement_closing import rescan_schedule
    from xiezhi.law.periods import add_months
    from xiezhi.trial.models import Closing

    due_today, overdue, ran = zb
    for case, closed_on, first_due in ((due_today, add_months(today, -6), today),
                                       (overdue, add_months(today - timedelta(days=3), -6), today - timedelta(days=3)),
                                       (ran, today - timedelta(days=200), None)):
        EnforcementClosing.objects.filter(case=case).update(closed_on=closed_on)
        Closing.objects.filter(case=case).update(closed_on=closed_on)
        Case.objects.filter(pk=case.pk).update(closed_on=closed_on)
        for seq, due in enumerate(rescan_schedule(closed_on), start=1):
            RescanDue.objects.filter(case=case, seq=seq).update(due_on=first_due if seq == 1 and first_due else due)
    first = RescanDue.objects.get(case=ran, seq=1)
    at = timezone.make_aware(datetime.combine(first.due_on, time(10, 0)))
    RescanDue.objects.filter(pk=first.pk).update(claimed_at=at, ran_at=at, result=RescanDue.Result.NOTHING,
                                                 notice_sent_at=at)
    return done
