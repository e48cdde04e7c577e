"""Demo disposal (issue 11 item 6): the enforcement officer's cases in the 处置 stage have a reference
price and an online auction — one announced for next month (it is on the public auction page), one
sold last month whose price is on the books and distributed to the applicant. Through the disposal
services with fixed keys: a second run adds nothing."""
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.cases.models import Case
from xiezhi.courts.models import Court


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def seed_disposal(c: Court, users: dict[str, User]) -> int:
    from xiezhi.enforcement import disposal
    from xiezhi.enforcement.models import Auction
    from xiezhi.law.enforcement import auction_plan

    enforcer = users["enforcer"]
    # the apartment on a case in 处置; the car, sold and distributed, on a case now in 结案
    cases = [x for x in (Case.objects.filter(court=c, enforcement__stage=stage).order_by("pk").first()
                         for stage in ("disposal", "closing")) if x is not None]
    if len(cases) < 2 or Auction.objects.filter(case__court=c, key__startswith="demo-auction-").exists():
        return 0
    today = timezone.localdate()
    made = 0
    # an apartment, appraised; round one announced today, bidding opens in 31 days (30-day notice for
    # real estate, 网拍规定 第十二条) and lasts 24 hours
    first = cases[0]
    flat = disposal.record_valuation(
        enforcer, first, description="被执行人名下通许县咸平路某小区3号楼2单元502室住宅（建筑面积118.6㎡）",
        asset_kind="real_estate", method="appraisal", value=Decimal("860000"), appraiser="河南中信房地产评估有限公司",
        decided_on=today - timedelta(days=20), identifier="豫（2024）通许县不动产权第0003021号",
        key=f"demo-valuation-{first.pk}")
    plan = auction_plan(flat.value, "real_estate", 1)
    start = today + timedelta(days=31)
    auction = disposal.plan_auction(
        enforcer, flat, auction_round="1", platform="人民法院诉讼资产网", starts_at=_at(start, 10),
        ends_at=_at(start + timedelta(days=1), 10), opening_price=plan.opening_price_min,
        deposit=plan.deposit_min, increment=Decimal("5000"), notice_on=today, key=f"demo-auction-{first.pk}-1")
    disposal.move_auction(enforcer, auction, "announced")
    made += 1
    # a car on the second case: appraised, auctioned last month and sold; the price came in and the
    # distribution plan (costs first, then the applicant) was served
    second = cases[1]
    car = disposal.record_valuation(
        enforcer, second, description="被执行人名下小型轿车一辆（豫B·7K3**，2019年登记）", asset_kind="movable",
        method="network", results=[Decimal("96000"), Decimal("99000"), Decimal("102000")],
        decided_on=today - timedelta(days=70), identifier="豫B7K3**", key=f"demo-valuation-{second.pk}")
    plan = auction_plan(car.value, "movable", 1)
    notice = today - timedelta(days=60)
    start = notice + timedelta(days=16)  # 15-day notice for movables (网拍规定 第十二条)
    sold = disposal.plan_auction(
        enforcer, car, auction_round="1", platform="人民法院诉讼资产网", starts_at=_at(start, 10),
        ends_at=_at(start + timedelta(days=1), 10), opening_price=plan.opening_price_min,
        deposit=plan.deposit_min, increment=Decimal("1000"), notice_on=notice, key=f"demo-auction-{second.pk}-1")
    for status in ("announced", "running"):
        disposal.move_auction(enforcer, sold, status)
    disposal.move_auction(enforcer, sold, "sold", ended_on=start + timedelta(days=1),
                          winning_bid=plan.opening_price_min + Decimal("6000"), bidder_name="刘某某")
    disposal.record_auction_payment(enforcer, sold, key=f"demo-auction-pay-{second.pk}")
    applicant = second.parties.filter(role="enf_applicant").first()
    if applicant is not None:
        disposal.make_distribution(
            enforcer, second, served_on=today - timedelta(days=10), key=f"demo-distribution-{second.pk}",
            claims=[{"kind": "cost", "claim": Decimal("3200"), "name": "评估、拍卖辅助费用"},
                    {"kind": "ordinary", "party": applicant, "claim": second.amount or Decimal("150000")}])
    return made + 1
