"""The parties' side of enforcement in the demo court (issue 11 items 4 and 11): the demo lawyer
(13800000001) acts for the applicant of one of the enforcement officer's open 执 cases, so on the
portal they see its nodes (the 执行通知书 and 报告财产令 among them), their pending asset clue and a
message exchange with the officer; the officer sees the clue in the queue and one unread message.

Through the services, with fixed idempotency keys: a second `make demo` adds nothing."""
from __future__ import annotations

import logging

from django.core.exceptions import ValidationError

from xiezhi.accounts.models import User
from xiezhi.cases.models import Case, Party
from xiezhi.courts.models import Court

log = logging.getLogger(__name__)


def _case(c: Court, enforcer: User) -> Case | None:
    qs = (Case.objects.filter(court=c, judge=enforcer, case_type__type_code="执", closed_on__isnull=True,
                              status__in=("registered", "in_trial"), parties__role="enf_applicant")
          .filter(parties__role="judgment_debtor").distinct().order_by("filed_on", "pk"))
    mine = qs.filter(parties__user=None).exclude(dishonest_entries__isnull=False)
    return mine.first() or qs.first()


def seed_parties(c: Court, users: dict[str, User]) -> Case | None:
    from xiezhi.enforcement import assets, portal
    from xiezhi.enforcement.models import EnforcementMessage

    enforcer, lawyer = users["enforcer"], users["13800000001"]
    case = (Case.objects.filter(court=c, parties__user=lawyer, parties__role="agent",
                                parties__represents__role="enf_applicant").first() or _case(c, enforcer))
    if case is None:
        return None
    applicant = case.parties.filter(role="enf_applicant").order_by("pk").first()
    Party.objects.get_or_create(case=case, role="agent", user=lawyer, represents=applicant, defaults=dict(
        kind="natural", name=lawyer.real_name, phone=lawyer.phone, lawyer_licence=lawyer.lawyer_licence,
        law_firm=lawyer.law_firm))
    try:
        assets.issue_report_order(enforcer, case, basis=f"{c.name}民事判决书", key="demo-report-order")
    except ValidationError as exc:  # a form the demo case cannot have: the rest still shows
        log.warning("demo: no report order on %s: %s", case.number, exc.messages)
    assets.submit_clue(lawyer, case, kind="real_estate", key="demo-clue",
                       description="被执行人在通许县城关镇咸平路有一套住宅，据悉正在出售，请尽快查封。", urgent=True)
    first = portal.send_message(lawyer, case, "请问本案网络查控是否已有结果？申请人已提供房产线索。", key="demo-msg-1")
    if not EnforcementMessage.objects.filter(case=case, from_court=True).exists():
        portal.answer_message(enforcer, first, "网络查控已发起，查到的财产将依法冻结；房产线索将在三日内核实。",
                              key="demo-reply-1")
    portal.send_message(lawyer, case, "谢谢。另：被执行人近期可能出售车辆，请一并关注。", key="demo-msg-2")
    return case
