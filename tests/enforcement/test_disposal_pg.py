"""Repeated disposal writes at once are safe: each service locks the case row first, so a double click records one
valuation, one auction round and one plan; a plan executed twice at once pays each creditor once; two auctions
for one asset at once leave one (never an IntegrityError or a 500)."""
from datetime import date, datetime, timedelta
from decimal import Decimal as D

import pytest
from django.utils import timezone

from tests.concurrency import at_once, one_done_rest_refused, require_postgresql
from xiezhi.enforcement import disposal as dsp
from xiezhi.enforcement import selectors as sel
from xiezhi.enforcement import services as svc
from xiezhi.enforcement.models import Auction, DistributionPlan, MoneyMovement, Valuation

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


def _value(e, case, key="v"):
    return dsp.record_valuation(e, case, description="轿车一辆", asset_kind="movable", method="directed",
                                value="100000", decided_on="2026-01-01", key=key)


def test_a_double_click_records_one_valuation(enforcement_case, staff):
    case, e = enforcement_case(), staff["enforcer"]
    outcomes = at_once(*[(lambda: _value(e, case))] * 4)
    assert len({o.pk for o in outcomes}) == 1, outcomes
    assert Valuation.objects.filter(case=case).count() == 1
    assert case.events.filter(code="valuation_decided").count() == 1


def test_two_first_rounds_for_one_asset_at_once_leave_one(enforcement_case, staff):
    case, e = enforcement_case(), staff["enforcer"]
    v = _value(e, case)
    at = timezone.make_aware(datetime(2026, 3, 1, 10))

    def plan(key):
        return lambda: dsp.plan_auction(e, v, auction_round="1", platform="p", opening_price="70000",
                                        deposit="3500", notice_on="2026-02-01", starts_at=at,
                                        ends_at=at + timedelta(days=1), key=key)

    one_done_rest_refused(at_once(plan("a"), plan("b")), "未结束")
    assert Auction.objects.filter(case=case).count() == 1


def test_a_plan_executed_twice_at_once_pays_once(enforcement_case, staff):
    case, e = enforcement_case(), staff["enforcer"]
    svc.receive(e, case, "1000", case.debtor, "in")
    plan = dsp.make_distribution(e, case, claims=[{"kind": "ordinary", "party": case.applicant.pk, "claim": "600"}],
                                 served_on="2026-01-01", key="d")
    outcomes = at_once(*[(lambda: dsp.execute_distribution(e, plan, today=date(2026, 2, 1)))] * 3)
    assert all(isinstance(o, DistributionPlan) for o in outcomes), outcomes
    assert [m.amount for m in MoneyMovement.objects.filter(case=case, kind="payout")] == [D("600")]
    assert sel.case_balance(case).on_hand == D("400")
    assert case.events.filter(code="distribution_executed").count() == 1
