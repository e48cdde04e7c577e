"""The case timeline drives the time limit (domain §3.1–3.2): deductions, extensions and
conversions are events, and the snapshot the workbench reads is recomputed from them."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from xiezhi.cases import services as cs
from xiezhi.cases.models import Notification
from xiezhi.courts.models import CaseType, Procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_staff):
    return {"judge": make_staff(["judge"], name="承办法官"), "president": make_staff(["president"], "management"),
            "clerk": make_staff(["filing_judge"], "filing")}


def imported(court, people, limit_code, filed_on, extra_events=()):
    proc = Procedure.objects.filter(limit_code=limit_code).first()
    ct = CaseType.objects.filter(type_code="民初").order_by("-version").first()
    at = lambda d: __import__("django.utils.timezone", fromlist=["x"]).make_aware(  # noqa: E731
        __import__("datetime").datetime.combine(d, __import__("datetime").time(9)))
    events = [("registered", at(filed_on), people["clerk"], {}),
              ("procedure_set", at(filed_on), people["clerk"], {"procedure": proc.name, "limit_code": limit_code}),
              ("organisation_set", at(filed_on), people["clerk"], {"judge": "承办法官"})] + list(extra_events)
    return cs.import_case(court=court, case_type=ct, year=filed_on.year, serial=9000 + filed_on.toordinal() % 999,
                          filed_on=filed_on, procedure=proc, judge=people["judge"],
                          parties=[{"role": "plaintiff", "name": "甲"}, {"role": "defendant", "name": "乙"}],
                          events=events)


@pytest.mark.parametrize("limit_code, filed_on, expected_end, basis", [
    ("civil_ordinary", date(2025, 3, 10), date(2025, 9, 10), "民事诉讼法 第一百五十二条: 6个月"),
    ("civil_summary", date(2025, 3, 10), date(2025, 6, 10), "民事诉讼法 第一百六十四条: 3个月"),
    ("civil_small_claims", date(2025, 3, 10), date(2025, 5, 10), "民事诉讼法 第一百六十八条: 2个月"),
    ("civil_ordinary", date(2025, 8, 31), date(2026, 2, 28), "民法典 第二百零二条: 无对应日的为月末日"),
])
def test_limit_from_procedure(court, people, limit_code, filed_on, expected_end, basis):
    case = imported(court, people, limit_code, filed_on)
    assert case.limit_end == expected_end, basis


def test_deduction_moves_the_limit_and_is_shown_to_the_parties(court, people):
    """民诉解释 第二百四十三条 (appraisal not counted); 延长审限规定 第七条 (shown to parties)."""
    case = imported(court, people, "civil_summary", date(2025, 3, 10))
    cs.start_deduction(people["judge"], case, "appraisal", date(2025, 4, 1), "委托司法鉴定")
    case.refresh_from_db()
    assert case.deadline_state == "stopped"  # the clock does not run during appraisal
    cs.end_deduction(people["judge"], case, "appraisal", date(2025, 4, 21))
    case.refresh_from_db()
    assert case.limit_end == date(2025, 6, 10) + timedelta(days=20)
    assert case.events.get(code="deduction_started").public_to_parties


def test_summary_extension_is_capped_at_four_months(court, people):
    """民事诉讼法 第一百六十四条; 民诉解释 第二百五十八条: +1 month, total ≤ 4 months."""
    case = imported(court, people, "civil_summary", date(2025, 3, 10))
    with pytest.raises(PermissionDenied):
        cs.approve_extension(people["judge"], case, "案情复杂", months=1)
    cs.approve_extension(people["president"], case, "案情复杂", months=1)
    case.refresh_from_db()
    assert case.limit_end == date(2025, 7, 10)
    with pytest.raises(ValidationError):
        cs.approve_extension(people["president"], case, "仍需时间", months=1)


def test_summary_converted_to_ordinary_counts_from_the_original_filing_date(court, people):
    """民诉解释 第二百五十八条: after conversion the ordinary limit runs from the filing date."""
    case = imported(court, people, "civil_summary", date(2025, 3, 10))
    ordinary = Procedure.objects.filter(limit_code="civil_ordinary").first()
    cs.convert_procedure(people["judge"], case, ordinary, "案情复杂，转为普通程序", on=date(2025, 5, 20))
    case.refresh_from_db()
    assert case.limit_end == date(2025, 9, 10)
    assert case.procedure == ordinary


def test_conversion_is_ruled_before_the_summary_limit_runs_out(court, people):
    """民诉解释 第二百五十八条第二款: 应当在审理期限届满前作出裁定."""
    case = imported(court, people, "civil_summary", date(2025, 3, 10))  # summary limit ends 2025-06-10
    ordinary = Procedure.objects.filter(limit_code="civil_ordinary").first()
    with pytest.raises(ValidationError, match="2025-06-10"):
        cs.convert_procedure(people["judge"], case, ordinary, "案情复杂", on=date(2025, 6, 11))
    case.refresh_from_db()
    assert case.procedure.limit_code == "civil_summary"
    assert not case.events.filter(code="procedure_converted").exists()
    cs.convert_procedure(people["judge"], case, ordinary, "案情复杂", on=date(2025, 6, 10))  # the last day is in time


def test_a_summary_extension_does_not_carry_over_into_the_ordinary_limit(court, people):
    """第二百五十八条第一款 extends the summary limit (to four months at most); once converted, the
    ordinary limit is six months from filing (第三款; 民事诉讼法 第一百五十二条) and is extended on its own."""
    case = imported(court, people, "civil_summary", date(2025, 3, 10))
    cs.approve_extension(people["president"], case, "需要鉴定", months=1)
    case.refresh_from_db()
    assert case.limit_end == date(2025, 7, 10)
    ordinary = Procedure.objects.filter(limit_code="civil_ordinary").first()
    cs.convert_procedure(people["judge"], case, ordinary, "案情复杂", on=date(2025, 7, 1))
    case.refresh_from_db()
    assert case.limit_end == date(2025, 9, 10)
    cs.approve_extension(people["president"], case, "仍需时间", months=6)  # 第一百五十二条: up to six months
    case.refresh_from_db()
    assert case.limit_end == date(2026, 3, 10)


def test_deadline_job_marks_near_and_overdue_and_notifies_the_judge_once(court, people, settings):
    from django.utils import timezone

    from xiezhi.law.periods import add_months

    settings.DEADLINE_WARN_DAYS = 15
    today = timezone.localdate()
    six_months_ago = add_months(today, -6)
    near = imported(court, people, "civil_ordinary", six_months_ago + timedelta(days=10))  # 10 days left
    over = imported(court, people, "civil_ordinary", six_months_ago - timedelta(days=5))  # 5 days over
    fine = imported(court, people, "civil_ordinary", six_months_ago + timedelta(days=60))
    counts = cs.mark_deadlines(today)
    for c in (near, over, fine):
        c.refresh_from_db()
    assert (near.deadline_state, over.deadline_state, fine.deadline_state) == ("near", "overdue", "ok")
    assert counts["notified"] == 2
    assert cs.mark_deadlines(today)["notified"] == 0  # idempotent: no second message
    texts = list(Notification.objects.filter(user=people["judge"]).values_list("text", flat=True))
    assert any("已超过审限" in t for t in texts)
    assert any(f"将于 {near.limit_end} 届满" in t for t in texts)


def test_imported_numbers_push_the_counter_so_new_numbers_never_collide(court, people):
    from xiezhi.cases.services import allocate_serial

    case = imported(court, people, "civil_ordinary", date(2025, 3, 10))
    assert allocate_serial("豫0222", 2025, "民初") == case.serial + 1
