"""Closing on the pronouncement (民诉解释 第二百四十三条；审限规定 第十条), appeal windows by domicile
(民事诉讼法 第二百八十六条；民诉解释 第五百三十六条), provisional windows recomputed when the year's holidays
are loaded (第八十五条第三款), the mailbox rule (第八十五条第四款) and late applications (第八十六条)."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from xiezhi.cases import services as cs
from xiezhi.cases.signals import document_served
from xiezhi.trial import services as ts
from xiezhi.trial.models import AppealWindow, LateApplication

pytestmark = pytest.mark.django_db


def _ready(new_case, staff, settings, **kw):
    settings.CLOSING_REQUIRES_SERVICE = False
    case = new_case(**kw)
    ts.assign_random(staff["lian"], case, seed="1")
    case.refresh_from_db()
    case.fees.update(paid_at=cs.timezone.now())
    return case


def _serve(case, party, on, kind="judgment"):
    document_served.send(sender=None, case=case, document_kind=kind, party_id=party.pk, served_on=on, method="postal")


def test_close_defaults_to_the_pronouncement_never_the_click(new_case, staff, settings):
    case = _ready(new_case, staff, settings)
    on = case.filed_on + timedelta(days=1) if case.filed_on < date.today() else case.filed_on
    with pytest.raises(ValidationError, match="宣判"):
        ts.close(case.judge, case, "judgment")
    ts.pronounce(case.judge, case, "judgment", on, in_court=True)
    with pytest.raises(ValidationError):  # the same pronouncement twice
        ts.pronounce(case.judge, case, "judgment", on)
    assert case.events.filter(code="pronounced", payload__on=on.isoformat()).count() == 1
    closing = ts.close(case.judge, case, "judgment")
    assert closing.closed_on == on
    case.refresh_from_db()
    assert case.closed_on == on


def test_mediation_closes_on_the_last_partys_service_posting_date(new_case, staff, settings):
    """审限规定 第十条：调解书送达最后一名当事人之日；邮寄的以交邮日期为准。"""
    case = _ready(new_case, staff, settings)
    p, d = list(case.parties.filter(role__in=("plaintiff", "defendant")).order_by("pk"))
    base = case.filed_on
    cs.append_event(case, "document_served", None, {"kind": "mediation", "party_id": p.pk, "method": "direct",
                                                   "served_on": base.isoformat()})
    with pytest.raises(ValidationError, match="全部当事人"):
        ts.close(case.judge, case, "mediation")
    cs.append_event(case, "document_served", None, {"kind": "mediation", "party_id": d.pk, "method": "postal",
                                                   "served_on": (base + timedelta(days=5)).isoformat(),
                                                   "posted_on": (base + timedelta(days=1)).isoformat()})
    assert ts.close(case.judge, case, "mediation").closed_on == base + timedelta(days=1)


@pytest.mark.parametrize("domicile, nationality, end", [
    ("mainland", "中国", date(2025, 10, 9)),    # 民事诉讼法 第一百七十一条；国庆顺延
    ("mainland", "美国", date(2025, 10, 9)),    # 民诉解释 第五百三十六条：境内有住所的外国人 15 日
    ("abroad", "中国", date(2025, 10, 23)),     # 第二百八十六条：境外住所的中国公民 30 日
    ("hk_macao_taiwan", "中国", date(2025, 10, 23)),  # 民诉解释 第五百四十九条（本院设置：参照涉外）
])
def test_appeal_window_by_domicile(new_case, staff, settings, domicile, nationality, end):
    settings.APPEAL_HMT_AS_FOREIGN = True
    case = _ready(new_case, staff, settings)
    d = case.parties.get(role="defendant")
    d.domicile, d.nationality = domicile, nationality
    d.save()
    _serve(case, d, date(2025, 9, 23))
    w = AppealWindow.objects.get(case=case, party=d)
    assert (w.ends_on, w.provisional) == (end, False)


def _load_2027():
    """国务院办公厅 2027 年放假通知 (an imagined one): 国庆 10-01 至 10-07 放假, 10-09 (周六) 调休上班."""
    from xiezhi.courts.models import CalendarDay

    days = [CalendarDay(date=date(2027, 10, n), is_rest_day=True, name="国庆节") for n in range(1, 8)]
    days += [CalendarDay(date=date(2027, 1, 1), is_rest_day=True, name="元旦"),
             CalendarDay(date=date(2027, 10, 9), is_rest_day=False, name="调休上班")]
    CalendarDay.objects.bulk_create(days)


def test_provisional_window_is_shown_and_recomputed_when_the_year_is_loaded(new_case, staff, settings, django_capture_on_commit_callbacks):
    case = _ready(new_case, staff, settings)
    d = case.parties.get(role="defendant")
    _serve(case, d, date(2027, 9, 16))
    w = AppealWindow.objects.get(case=case, party=d)
    # 2027 not loaded: 名义 10-01 国庆；按放假办法 10-01 至 10-03 放假 → 暂定 10-04
    assert (w.ends_on, w.provisional) == (date(2027, 10, 4), True)
    ts.pronounce(case.judge, case, "judgment", case.filed_on)
    ts.close(case.judge, case, "judgment")
    judge = Client()
    judge.force_login(case.judge)
    page = judge.get(f"/staff/cases/{case.pk}/").content.decode()
    if "appeal-windows" not in page:  # the trial section may load on demand
        page = judge.get(f"/staff/cases/{case.pk}/panels/trial/").content.decode()
    assert "2027-10-04" in page and "暂定" in page

    _load_2027()
    from xiezhi.courts.calendar import year_loaded

    counts = year_loaded([2027])
    w.refresh_from_db()
    assert (w.ends_on, w.provisional) == (date(2027, 10, 8), False)
    assert sum(counts.values()) >= 1
    assert case.events.filter(code="appeal_window_recomputed").count() == 1
    assert sum(year_loaded([2027]).values()) == 0  # idempotent
    call_command("recompute_deadlines", "--year", "2027")
    assert case.events.filter(code="appeal_window_recomputed").count() == 1


def test_admin_adding_a_day_recomputes(new_case, staff, settings, django_capture_on_commit_callbacks):
    from xiezhi.courts.models import CalendarDay

    case = _ready(new_case, staff, settings)
    d = case.parties.get(role="defendant")
    _serve(case, d, date(2027, 9, 16))
    with django_capture_on_commit_callbacks(execute=True):
        _load_2027()
        CalendarDay.objects.create(date=date(2027, 10, 10), is_rest_day=True, name="补休")  # post_save → recompute
    w = AppealWindow.objects.get(case=case, party=d)
    assert (w.ends_on, w.provisional) == (date(2027, 10, 8), False)


def test_fee_due_date_is_recomputed(new_case, staff, settings):
    """诉讼费用交纳办法 第二十二条 with 民事诉讼法 第八十五条第三款: an unpaid fee's due date follows the loaded year."""
    from xiezhi.filing.models import FeeAssessment
    from xiezhi.filing.services import recompute_deadlines

    settings.CLOSING_REQUIRES_SERVICE = False
    case = new_case()
    fa = FeeAssessment.objects.filter(case=case).first()
    assert fa is not None
    case.filed_on = date(2027, 9, 24)  # 7 days → 10-01, provisional 10-04
    case.save(update_fields=["filed_on"])
    FeeAssessment.objects.filter(pk=fa.pk).update(due_on=date(2027, 10, 4), paid_at=None)
    _load_2027()
    from xiezhi.courts.calendar import invalidate

    invalidate()
    assert recompute_deadlines(years=[2027]) == 1
    fa.refresh_from_db()
    assert fa.due_on == date(2027, 10, 8)
    assert case.events.filter(code="fee_due_recomputed").exists()


def test_posted_appeal_is_in_time(new_case, staff, settings):
    """民事诉讼法 第八十五条第四款：期满前交邮的，不算过期。"""
    case = _ready(new_case, staff, settings)
    ts.pronounce(case.judge, case, "judgment", case.filed_on)
    ts.close(case.judge, case, "judgment")
    p, d = list(case.parties.filter(role__in=("plaintiff", "defendant")).order_by("pk"))
    _serve(case, p, date(2025, 9, 23))
    _serve(case, d, date(2025, 9, 23))
    late = ts.record_appeal(case.judge, case, p, date(2025, 10, 13))
    assert late.in_time is False
    posted = ts.record_appeal(case.judge, case, d, date(2025, 10, 13), posted_on=date(2025, 10, 9))
    assert posted.in_time is True and posted.posted_on == date(2025, 10, 9)


def test_late_application_recorded_and_decided(new_case, staff, settings):
    """民事诉讼法 第八十六条：障碍消除后十日内申请顺延，是否准许由法院决定。"""
    case = _ready(new_case, staff, settings)
    d = case.parties.get(role="defendant")
    today = date.today()
    app = ts.record_late_application(case.judge, case, d, period="上诉期", reason="住院治疗",
                                     obstacle_ended_on=today - timedelta(days=3), applied_on=today)
    assert app.in_time is True and app.apply_by >= today
    late = ts.record_late_application(case.judge, case, d, period="上诉期", reason="出差",
                                      obstacle_ended_on=today - timedelta(days=40), applied_on=today)
    assert late.in_time is False
    with pytest.raises(ValidationError):
        ts.decide_late_application(case.judge, app, True)  # a new end is needed
    ts.decide_late_application(case.judge, app, True, "住院证明属实", today + timedelta(days=15))
    app.refresh_from_db()
    assert app.status == LateApplication.Status.GRANTED and app.new_end == today + timedelta(days=15)
    with pytest.raises(ValidationError):
        ts.decide_late_application(case.judge, app, False, "重复")
    assert {"late_application_filed", "late_application_decided"} <= set(case.events.values_list("code", flat=True))


def test_late_application_form_on_the_case_page(new_case, staff, settings):
    case = _ready(new_case, staff, settings)
    d = case.parties.get(role="defendant")
    judge = Client()
    judge.force_login(case.judge)
    r = judge.post(f"/staff/trial/cases/{case.pk}/late-application/",
                   {"party": d.pk, "period": "上诉期", "reason": "住院", "obstacle_ended_on": date.today().isoformat()})
    assert r.status_code == 302
    assert LateApplication.objects.filter(case=case, party=d).exists()
    r = judge.post(f"/staff/trial/cases/{case.pk}/late-application/", {"party": "x", "period": "上诉期"})
    assert r.status_code in (302, 400, 404)
