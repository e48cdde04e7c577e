"""涉诉信访 and 判后答疑 in the demo court (issue 12 items 7–8): a judged case of the demo litigant (马当事)
before the demo judge, complaints sorted both ways — one 诉 routed into a retrial application (民申; both
sides are citizens, so the party chose the original court, 民事诉讼法 第二百一十条, and it waits in the demo
court's filing queue), one 访 open with its deadline, one closed — the demo lawyer on the duty roster with
an opinion filed, and two post-judgment questions, one answered, one open. Everything goes through the
complaints services, so every node is real.

A second `make demo` adds nothing: the seed returns when the court already has complaints."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.courts.models import Court


def _judged_case(c: Court, users: dict[str, User]):
    """A 民初 case closed by judgment, served on both parties 40 days ago, not appealed (so in effect)."""
    from xiezhi.cases.counters import allocate_serial
    from xiezhi.cases.models import Case, CaseStatus, Party
    from xiezhi.courts import refcache
    from xiezhi.law.casenumber import format_case_number
    from xiezhi.cases.services import append_events
    from xiezhi.trial.models import AppealWindow, Closing, Pronouncement

    today = timezone.localdate()
    year = today.year
    serial = allocate_serial(c.case_code, year, "民初")
    case = Case.objects.create(
        court=c, case_type=refcache.case_type("民初"), number=format_case_number(year, c.case_code, "民初", serial),
        year=year, serial=serial, filed_on=today - timedelta(days=130), closed_on=today - timedelta(days=45),
        title="马当事诉孙某民间借贷纠纷", judge=users["judge"], procedure=refcache.procedure("civil_summary"), status=CaseStatus.CLOSED,
        claims="判令被告偿还借款80000元及利息。", facts="被告向原告借款80000元，到期未还。")
    litigant = users["13800000002"]
    a = Party.objects.create(case=case, role="plaintiff", name=litigant.real_name, user=litigant,
                             id_number=litigant.id_number, phone=litigant.phone)
    b = Party.objects.create(case=case, role="defendant", name="孙某", phone="13912340000")
    Closing.objects.create(case=case, method="judgment", document_kind="judgment", closed_on=case.closed_on,
                           closed_by=users["judge"])
    Pronouncement.objects.create(case=case, document_kind="judgment", pronounced_on=case.closed_on,
                                 recorded_by=users["judge"])
    # the timeline every closed demo case has (tests/demo/test_demo_story.py): filed, assigned, pronounced, closed
    judge = users["judge"]
    at = lambda d, h: timezone.make_aware(datetime(d.year, d.month, d.day, h))  # noqa: E731
    append_events(case, [
        ("registered", users["lian"], {"number": case.number, "filed_on": case.filed_on.isoformat()},
         at(case.filed_on, 9)),
        ("organisation_set", users["lian"], {"judge": judge.display_name, "judge_id": judge.pk, "reason": "随机分案"},
         at(case.filed_on, 10)),
        ("pronounced", judge, {"document_kind": "judgment"}, at(case.closed_on, 10)),
        ("closed", judge, {"method": "judgment"}, at(case.closed_on, 11)),
    ], refresh=False, new_case=True)
    Case.objects.filter(pk=case.pk).update(deadline_state="ok")
    served = today - timedelta(days=40)
    for p in (a, b):
        AppealWindow.objects.create(case=case, party=p, document_kind="judgment", served_on=served,
                                    ends_on=served + timedelta(days=15), basis="民事诉讼法 第一百七十一条")
    return case


def seed_complaints(c: Court, users: dict[str, User]) -> None:
    from xiezhi.complaints import services
    from xiezhi.complaints.models import Complaint

    if Complaint.objects.filter(court=c).exists():
        return
    lian, judge, litigant = users["lian"], users["judge"], users["13800000002"]
    with transaction.atomic():
        case = _judged_case(c, users)
        duty = services.enrol_lawyer(lian, users["13800000001"])
        # 诉: the defendant asks for a retrial; the duty lawyer's opinion goes with the retrial application
        retrial = services.register(lian, channel="visit", name="孙某", contact="13912340000",
                                    case_number=case.number, request="原判认定借款已交付的证据不足，申请再审。")
        services.assign_lawyer(lian, retrial, duty)
        services.submit_opinion(users["13800000001"], retrial,
                                "经审查原审卷宗，申请人提出的事由属于民事诉讼法第二百一十一条规定的再审事由，"
                                "建议依法申请再审，不宜按信访处理。")
        services.route_to_litigation(lian, retrial, "retrial", to_original=True)
        # 访: a complaint about the conduct of the hearing, open with its 60-day deadline
        open_petition = services.register(lian, channel="hotline", name=litigant.real_name, contact=litigant.phone,
                                          case_number=case.number, request="反映庭审中书记员记录不完整。")
        services.route_to_petition(lian, open_petition, "审判管理办公室")
        # 访, closed: a suggestion about the service centre's opening hours
        done = services.register(lian, channel="letter", name="周某", request="建议诉讼服务中心周六上午开放。")
        services.route_to_petition(lian, done, "诉讼服务中心")
        services.reply(lian, done, "已研究，自下月起周六上午安排值班。")
        services.close(lian, done, "已书面答复信访人。")
        # 判后答疑: one answered (its record is in the e-file), one open
        q = services.ask_question(litigant, case, "判决为什么只支持了部分利息？")
        services.answer_question(judge, q, mode="written",
                                 answer="借款合同对利率约定不明，依法按同期贷款市场报价利率计算，故部分支持。")
        services.ask_question(litigant, case, "对方不履行判决，我应该怎么申请执行？")
        # a closed case is not "不计审限" (the timeline refresh of the nodes above has no time limit to count)
        type(case).objects.filter(pk=case.pk).update(deadline_state="ok")
