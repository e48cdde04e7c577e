"""Nothing happens twice (issue 8 §3–§4): the same trial action fired at once from several
threads, or the same form posted by two browsers (a double click), gives one result; the other
attempts get a clear Chinese refusal, never a 500, an IntegrityError or a second node."""
from datetime import date

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tests.concurrency import at_once, double_click, messages_of, one_done_rest_refused, require_postgresql
from xiezhi.cases import services as cs
from xiezhi.cases.models import Notification
from xiezhi.trial import services as ts
from xiezhi.trial.models import Assignment, Closing, ExtensionRequest

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def _assigned(new_case, staff, **kw):
    case = new_case(**kw)
    ts.assign_random(staff["lian"], case, seed="1")
    case.refresh_from_db()
    return case


def _count(case, code):
    return case.events.filter(code=code).count()


def test_timeline_appends_from_many_threads_get_consecutive_numbers(new_case, staff):
    """append_event locks the case itself: callers that do not lock it are safe too."""
    case = new_case()
    before = case.events.count()

    def append(i):
        with transaction.atomic():  # a caller that takes no lock of its own
            return cs.append_event(case, "fee_changed", staff["lian"], {"from": "0", "to": str(i), "reason": "测"})

    outcomes = at_once(*[(lambda i=i: append(i)) for i in range(8)])
    assert [o for o in outcomes if isinstance(o, BaseException)] == []
    seqs = sorted(case.events.values_list("seq", flat=True))
    assert seqs == list(range(1, before + 9))


def test_double_click_on_random_assignment_draws_once(new_case, staff):
    case = new_case()
    responses = double_click(staff["lian"], reverse("trial:assign", args=[case.pk]), {"action": "random"})
    assert Assignment.objects.filter(case=case).count() == 1
    assert _count(case, "organisation_set") == 1
    assert sum("已确定承办法官" in m for r in responses for m in messages_of(r)) == 1


def test_random_assignment_from_many_threads_draws_once(new_case, staff):
    case = new_case()
    one_done_rest_refused(at_once(*[(lambda: ts.assign_random(staff["lian"], case))] * 4), "已确定承办法官")
    assert Assignment.objects.filter(case=case).count() == 1
    assert _count(case, "organisation_set") == 1
    assert Notification.objects.filter(case=case, kind="assigned").count() == 1


def test_double_click_on_suspend_suspends_once(new_case, staff):
    case = _assigned(new_case, staff)
    responses = double_click(case.judge, reverse("trial:suspension", args=[case.pk]),
                             {"action": "suspend", "date": date.today().isoformat(), "reason": "等待另案审理结果"})
    assert _count(case, "suspended") == 1
    assert sum("该案件已中止" in m for r in responses for m in messages_of(r)) == 1


def test_suspend_and_resume_from_many_threads_happen_once(new_case, staff):
    case = _assigned(new_case, staff)
    one_done_rest_refused(at_once(*[(lambda: ts.suspend(case.judge, case, date.today(), "等待鉴定"))] * 4),
                          "该案件已中止")
    one_done_rest_refused(at_once(*[(lambda: ts.resume(case.judge, case, date.today()))] * 4), "案件未中止")
    assert (_count(case, "suspended"), _count(case, "resumed")) == (1, 1)


def test_double_click_on_close_closes_once(new_case, staff, settings):
    settings.CLOSING_REQUIRES_SERVICE = False
    case = _assigned(new_case, staff)
    case.fees.update(paid_at=timezone.now())
    responses = double_click(case.judge, reverse("trial:close", args=[case.pk]),
                             {"method": "judgment", "date": date.today().isoformat()})
    assert Closing.objects.filter(case=case).count() == 1
    assert _count(case, "closed") == 1
    assert sum("案件已结案" in m for r in responses for m in messages_of(r)) == 1


def test_double_click_on_extension_request_makes_one_request(new_case, staff):
    case = _assigned(new_case, staff)
    responses = double_click(case.judge, reverse("trial:extension", args=[case.pk]),
                             {"months": "1", "reason": "需要调查取证"})
    assert ExtensionRequest.objects.filter(case=case).count() == 1
    assert _count(case, "extension_requested") == 1
    assert sum("已有待审批的延长审限申请" in m for r in responses for m in messages_of(r)) == 1


def test_extension_approved_twice_at_once_is_approved_once(new_case, staff):
    case = _assigned(new_case, staff)
    req = ts.request_extension(case.judge, case, "需要调查", months=1)
    one_done_rest_refused(at_once(*[(lambda: ts.decide_extension(staff["president"], req, True))] * 3),
                          "该申请已处理")
    assert _count(case, "extension_approved") == 1


def test_manual_assignment_requested_at_once_makes_one_pending_request(new_case, staff):
    case = new_case()
    outcomes = at_once(*[(lambda: ts.request_manual(staff["lian"], case, staff["j1"], "专业化审判"))] * 4)
    one_done_rest_refused(outcomes, "已有待审批的指定分案申请")
    assert Assignment.objects.filter(case=case, status="pending").count() == 1


def test_deduction_started_at_once_starts_once(new_case, staff):
    case = _assigned(new_case, staff)
    outcomes = at_once(*[(lambda: cs.start_deduction(case.judge, case, "appraisal", date.today(), "委托鉴定"))] * 4)
    one_done_rest_refused(outcomes, "已经开始")
    assert _count(case, "deduction_started") == 1
