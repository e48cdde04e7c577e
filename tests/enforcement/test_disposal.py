"""财产处置 services (issue 11 items 6 and 8): reference price (参考价规定), auction rounds (网拍规定), distribution
(民诉解释 第五百零八条至第五百一十条), outside professionals. Refusals name the article and change nothing."""
from datetime import date, datetime, timedelta
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.helpers import assert_refused
from xiezhi.cases.events import summary
from xiezhi.cases.models import Party
from xiezhi.enforcement import disposal as dsp
from xiezhi.enforcement import professionals as pro
from xiezhi.enforcement import selectors as sel
from xiezhi.enforcement import services as svc
from xiezhi.enforcement.models import DistributionPlan, MoneyMovement

pytestmark = pytest.mark.django_db


def _at(d: str, h: int = 10):
    return timezone.make_aware(datetime.fromisoformat(d) + timedelta(hours=h))


def _valuation(case, staff, **kw):
    base = dict(description="通许县某小区 1 号楼 101 室", asset_kind="real_estate", method="network",
                results=["1000000", "1100000", "1200000"], decided_on="2026-02-20", key="v1")
    base.update(kw)
    return dsp.record_valuation(staff["enforcer"], case, **base)


def _first(v, staff, **kw):
    base = dict(auction_round="1", platform="人民法院诉讼资产网", opening_price="770000", deposit="77000",
                notice_on="2026-03-02", starts_at=_at("2026-04-01"), ends_at=_at("2026-04-02"), key="a1")
    base.update(kw)
    return dsp.plan_auction(staff["enforcer"], v, **base)


def test_network_inquiry_value_is_the_average_with_a_five_day_objection_period(case, staff):
    v = _valuation(case, staff)
    assert (v.value, v.objection_until) == (D("1100000.00"), date(2026, 2, 25))
    assert _valuation(case, staff).pk == v.pk  # the same key: recorded once
    ev = case.events.get(code="valuation_decided")
    assert summary("valuation_decided", ev.payload) == "通许县某小区 1 号楼 101 室：网络询价，参考价 1100000.00 元"


@pytest.mark.parametrize("kw, article", [
    ({"method": "bargain", "results": None, "value": "900000", "parties_agreed": False}, "第四条"),
    ({"method": "network", "results": []}, "第十三条"),
    ({"method": "appraisal", "results": None, "value": "900000"}, "第十四条"),
])
def test_a_valuation_without_what_its_method_needs_is_refused(case, staff, kw, article):
    assert_refused(lambda: _valuation(case, staff, **kw), article)


def test_only_the_officer_values_and_auctions(case, staff):
    for who in ("other_enforcer", "judge", "lian"):
        assert_refused(lambda: dsp.record_valuation(staff[who], case, description="车", asset_kind="movable",
                                                    method="directed", value="1", decided_on="2026-01-01", key="x"),
                       "只有本案执行人员", PermissionDenied)


def test_auction_rounds_follow_the_rules_and_name_the_article(case, staff):
    v = _valuation(case, staff)
    # 起拍价 1100000 × 70% = 770000
    assert_refused(lambda: _first(v, staff, opening_price="769999.99"), "第十条")
    assert_refused(lambda: _first(v, staff, notice_on="2026-03-03"), "第十二条")
    assert_refused(lambda: _first(v, staff, deposit="30000"), "第十七条")
    assert_refused(lambda: dsp.plan_auction(staff["enforcer"], v, auction_round="2", platform="p",
                                            opening_price="616000", deposit="61600", notice_on="2026-03-02",
                                            starts_at=_at("2026-04-01"), ends_at=_at("2026-04-02"), key="bad"),
                   "第二十六条")
    a1 = _first(v, staff)
    assert _first(v, staff).pk == a1.pk
    assert_refused(lambda: _first(v, staff, key="again"), "未结束")
    for status in ("announced", "running"):
        dsp.move_auction(staff["enforcer"], a1, status)
    dsp.move_auction(staff["enforcer"], a1, "failed", ended_on="2026-04-02")
    # round 2: cut ≤ 20 % of 770000 → ≥ 616000; held by 2026-05-02; notice 15 days
    r2 = dict(auction_round="2", platform="人民法院诉讼资产网", deposit="61600", notice_on="2026-04-10",
              starts_at=_at("2026-04-28"), ends_at=_at("2026-04-29"))
    assert_refused(lambda: dsp.plan_auction(staff["enforcer"], v, opening_price="615999.99", key="b1", **r2),
                   "第二十六条")
    late = {**r2, "starts_at": _at("2026-05-03"), "ends_at": _at("2026-05-04")}
    assert_refused(lambda: dsp.plan_auction(staff["enforcer"], v, opening_price="616000", key="b2", **late),
                   "三十日内")
    a2 = dsp.plan_auction(staff["enforcer"], v, opening_price="616000", key="b3", **r2)
    assert a2.previous == a1 and a2.round == "2"
    assert_refused(lambda: dsp.move_auction(staff["enforcer"], a2, "sold", winning_bid="700000", bidder_name="买受人丁"),
                   "不能改为")
    dsp.move_auction(staff["enforcer"], a2, "announced")
    dsp.move_auction(staff["enforcer"], a2, "running")
    assert_refused(lambda: dsp.move_auction(staff["enforcer"], a2, "sold", winning_bid="600000", bidder_name="丁"),
                   "第十一条")
    dsp.move_auction(staff["enforcer"], a2, "sold", winning_bid="700000", bidder_name="买受人丁", ended_on="2026-04-29")
    m = dsp.record_auction_payment(staff["enforcer"], a2, "pay-a2")
    assert (m.kind, m.amount, m.payer_name) == ("receipt", D("700000.00"), "买受人丁")
    assert dsp.record_auction_payment(staff["enforcer"], a2, "pay-a2-again").pk == m.pk
    assert sel.case_balance(case).on_hand == D("700000.00")


def test_sale_only_after_a_failed_second_round(case, staff):
    v = _valuation(case, staff)
    assert_refused(lambda: dsp.plan_auction(staff["enforcer"], v, auction_round="sale", platform="p",
                                            starts_at=_at("2026-04-01"), ends_at=_at("2026-04-02"), key="s"),
                   "第二十六条")


def test_a_payment_before_the_sale_is_refused(case, staff):
    a = _first(_valuation(case, staff), staff)
    assert_refused(lambda: dsp.record_auction_payment(staff["enforcer"], a, "k"), "已成交")


def _joined(case, name="参与分配债权人戊"):
    return Party.objects.create(case=case, role="enf_applicant", name=name)


def test_distribution_made_then_executed_after_fifteen_days(case, staff):
    e = staff["enforcer"]
    svc.receive(e, case, "100000", case.debtor, "r1")
    bank = _joined(case, "某银行")
    claims = [{"kind": "cost", "claim": "2000"},
              {"kind": "priority", "party": bank.pk, "claim": "50000", "secured": "30000"},
              {"kind": "ordinary", "party": case.applicant.pk, "claim": "60000"}]
    plan = dsp.make_distribution(e, case, claims=claims, served_on="2026-05-01", key="d1")
    assert plan.objection_until == date(2026, 5, 16) and plan.money == D("100000")
    shares = {ln.creditor_name: ln.share for ln in plan.lines.all()}
    assert shares == {"执行费用": D("2000"), "某银行": D("47000"), "申请执行人甲": D("51000")}
    assert dsp.make_distribution(e, case, claims=claims, served_on="2026-05-01", key="d1").pk == plan.pk
    assert_refused(lambda: dsp.execute_distribution(e, plan, today=date(2026, 5, 16)), "第五百零九条")
    dsp.execute_distribution(e, plan, today=date(2026, 5, 17))
    dsp.execute_distribution(e, plan, today=date(2026, 5, 18))  # a retry pays nothing twice
    payouts = MoneyMovement.objects.filter(case=case, kind="payout")
    assert sorted(m.amount for m in payouts) == [D("47000"), D("51000")]
    assert sel.case_balance(case).on_hand == D("2000")  # the costs stay with the court
    assert DistributionPlan.objects.get(pk=plan.pk).status == "executed"


def test_distribution_refusals(case, staff, enforcement_case):
    e = staff["enforcer"]
    assert_refused(lambda: dsp.make_distribution(e, case, claims=[{"kind": "ordinary", "party": case.applicant.pk,
                                                                   "claim": "1"}], served_on="2026-05-01", key="x"),
                   "没有可分配")
    svc.receive(e, case, "1000", case.debtor, "r1")
    assert_refused(lambda: dsp.make_distribution(e, case, money="1000.01", claims=[], served_on="2026-05-01",
                                                 key="x"), "超过本案执行款结存")
    stranger = enforcement_case().applicant
    assert_refused(lambda: dsp.make_distribution(e, case, claims=[{"kind": "ordinary", "party": stranger.pk,
                                                                   "claim": "1"}], served_on="2026-05-01", key="x"),
                   "本案当事人")
    plan = dsp.make_distribution(e, case, claims=[{"kind": "ordinary", "party": case.applicant.pk, "claim": "800"}],
                                 served_on=timezone.localdate().isoformat(), key="d")
    assert plan.surplus == D("200")
    dsp.record_objection(e, plan, "被执行人认为债权数额有误")
    assert_refused(lambda: dsp.execute_distribution(e, plan, today=plan.objection_until + timedelta(days=1)),
                   "第五百一十条")


def test_professional_task_report_filed_in_the_e_file_and_accepted(case, staff):
    from xiezhi.dossier.models import Entry

    e = staff["enforcer"]
    due = (timezone.localdate() + timedelta(days=30)).isoformat()
    t = pro.assign(e, case, kind="investigation", assignee_kind="lawyer", assignee_name="律师己",
                   organisation="某律师事务所", due_on=due, key="t1")
    assert pro.assign(e, case, kind="investigation", assignee_kind="lawyer", assignee_name="律师己",
                      due_on=due, key="t1").pk == t.pk
    assert_refused(lambda: pro.accept(e, t), "提交报告后")
    assert_refused(lambda: pro.report(e, t, title="调查报告", data=b"hello"), "PDF")
    pro.report(e, t, title="财产调查报告", data=b"%PDF-1.4 not really", name="r.pdf")
    assert Entry.objects.filter(dossier__case=case, source=f"enforcement.ProfessionalTask:{t.pk}").exists()
    t = pro.accept(e, t)
    assert t.status == "accepted"
    assert [ev.code for ev in case.events.filter(code__startswith="professional_").order_by("seq")] == [
        "professional_assigned", "professional_reported", "professional_accepted"]
