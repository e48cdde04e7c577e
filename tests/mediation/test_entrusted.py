"""委托调解 after filing: 15 days (ordinary) / 7 days (summary) from the mediator's acceptance, and an
agreed extension that is not counted in the trial limit (特邀调解规定 第二十七条; 在线调解规则 第二十四条)."""
from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.helpers import complaint
from xiezhi.cases.services import assign_judge, time_limit_status
from xiezhi.filing import services as fs
from xiezhi.mediation import entrusted
from xiezhi.mediation.models import EntrustedState

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_case(court, staff):
    def make(procedure="civil_ordinary"):
        case = fs.register(staff["lian"], fs.counter_filing(staff["lian"], court, complaint()),
                           procedure_code=procedure)
        assign_judge(staff["lian"], case, staff["judge"])
        return case

    return make


def _today_is(day: date):
    """Pretend today is `day` (timezone.localdate() without an argument); localdate(value) stays real."""
    real = timezone.localdate
    return mock.patch("django.utils.timezone.localdate", side_effect=lambda value=None, *a, **k:
                      day if value is None else real(value, *a, **k))


def _accept_on(em, user, day: date):
    at = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time().replace(hour=10)))
    with mock.patch("django.utils.timezone.now", return_value=at):
        return entrusted.accept(user, em)


@pytest.mark.parametrize("procedure, days, why", [
    ("civil_ordinary", 15, "特邀调解规定 第二十七条第二款：委托调解适用普通程序的调解期限为十五日"),
    ("civil_summary", 7, "特邀调解规定 第二十七条第二款：适用简易程序的调解期限为七日"),
    ("civil_small_claims", 7, "小额诉讼是简易程序（民事诉讼法 第一百六十五条），七日"),
])
def test_the_period_runs_from_the_mediators_acceptance(new_case, staff, roster, procedure, days, why):
    case = new_case(procedure)
    em = entrusted.entrust(staff["judge"], case, roster["mediator"], "双方当庭同意")
    assert em.due_on is None, "第二十七条第三款：期限自签字接收之日起计算，签收前不计"
    em = _accept_on(em, staff["mediator"], date(2026, 3, 2))  # a Monday; 3-17 and 3-9 are working days
    assert em.due_on == date(2026, 3, 2) + timedelta(days=days), why
    assert case.events.filter(code="entrusted_mediation_accepted").count() == 1


def test_the_statutory_days_count_but_the_agreed_extension_does_not(new_case, staff, roster):
    """第二十七条第二款：双方当事人同意延长调解期限的，不受此限；延长的调解期限不计入审理期限."""
    case = new_case("civil_ordinary")
    today = timezone.localdate()
    before = time_limit_status(case, today=today)
    em = entrusted.entrust(staff["judge"], case, roster["mediator"], "双方当庭同意")
    em = entrusted.accept(staff["mediator"], em)
    assert time_limit_status(case, today=today).limit_end == before.limit_end, "the 15 days themselves count"
    em = entrusted.extend(staff["mediator"], em, 10, "双方电话同意延长十日")
    period = entrusted.period_of(em)
    assert (period.extension_end - period.extension_start).days == 10
    started = case.events.get(code="deduction_started")
    assert started.payload["kind"] == "entrusted_mediation"
    assert "第二十七条" in started.payload["basis"]
    # the mediation runs through the whole extension and fails on its last day: 10 days deducted
    with _today_is(period.extension_end):
        entrusted.record_failure(staff["mediator"], em, "分歧较大")
    after = time_limit_status(case, today=period.extension_end)
    assert after.limit_end == before.limit_end + timedelta(days=10)
    assert after.deducted_days == 10


def test_ending_early_deducts_only_the_extension_used(new_case, staff, roster):
    case = new_case("civil_ordinary")
    today = timezone.localdate()
    before = time_limit_status(case, today=today)
    em = entrusted.accept(staff["mediator"], entrusted.entrust(staff["judge"], case, roster["mediator"], "同意"))
    em = entrusted.extend(staff["judge"], em, 10, "双方同意延长")
    period = entrusted.period_of(em)
    # agreement three days into the extension: three days not counted
    with _today_is(period.extension_start + timedelta(days=3)):
        em = entrusted.record_agreement(staff["mediator"], em, "被告分两期还款十万元")
    assert em.state == EntrustedState.AGREEMENT
    assert time_limit_status(case, today=today).limit_end == before.limit_end + timedelta(days=3)
    # agreement within the statutory days: nothing deducted
    case2 = new_case("civil_summary")
    base2 = time_limit_status(case2, today=today).limit_end
    em2 = entrusted.accept(staff["mediator"], entrusted.entrust(staff["judge"], case2, roster["mediator"], "同意"))
    entrusted.record_agreement(staff["mediator"], em2, "原告撤诉，被告当场给付")
    assert time_limit_status(case2, today=today).limit_end == base2
    assert not case2.events.filter(code="deduction_started").exists()


def test_who_may_do_what(new_case, staff, roster, make_staff):
    case = new_case()
    with pytest.raises(PermissionDenied):
        entrusted.entrust(staff["mediator"], case, roster["mediator"], "同意")
    other_judge = make_staff(["judge"], "civil", name="别的法官")
    with pytest.raises(PermissionDenied):
        entrusted.entrust(other_judge, case, roster["mediator"], "同意")
    with pytest.raises(ValidationError, match="同意委托调解"):
        entrusted.entrust(staff["judge"], case, roster["mediator"], "")
    em = entrusted.entrust(staff["judge"], case, roster["mediator"], "同意")
    assert entrusted.entrust(staff["judge"], case, roster["mediator"], "同意").pk == em.pk, "a second click"
    with pytest.raises(PermissionDenied):
        entrusted.accept(staff["other_mediator"], em)
    with pytest.raises(ValidationError, match="签收后"):
        entrusted.record_agreement(staff["mediator"], em, "协议内容")
    assert entrusted.visible_to(staff["other_mediator"], em.pk) is None
    assert entrusted.visible_to(staff["mediator"], em.pk) == em


def test_the_pages(client, new_case, staff, roster):
    case = new_case()
    client.force_login(staff["judge"])
    assert "entrusted_mediation" in client.get(f"/staff/cases/{case.pk}/").content.decode()
    page = client.get(f"/staff/cases/{case.pk}/panels/entrusted_mediation/")
    assert "entrust-form" in page.content.decode()
    r = client.post(f"/staff/mediation/entrust/{case.pk}/", {"mediator": roster["mediator"].pk, "consent": "双方同意"})
    assert r.status_code == 302
    em = case.entrusted_mediations.get()
    client.force_login(staff["mediator"])
    assert case.number in client.get("/staff/mediation/mine/").content.decode()
    r = client.post(f"/staff/mediation/entrusted/{em.pk}/accept/")
    assert r.status_code == 302
    em.refresh_from_db()
    assert em.state == EntrustedState.ACCEPTED and em.due_on
    body = client.get(f"/staff/mediation/entrusted/{em.pk}/").content.decode()
    assert "特邀调解规定 第二十七条" in body
    client.force_login(staff["other_mediator"])
    assert client.get(f"/staff/mediation/entrusted/{em.pk}/").status_code == 404
    r = client.post(f"/staff/mediation/entrusted/{em.pk}/failure/", {"reason": "x"})
    assert r.status_code == 404
    em.refresh_from_db()
    assert em.state == EntrustedState.ACCEPTED
