"""The demo court shows disposal (issue 11 item 6 and "Done when": an auction, money on the books): an
apartment's first round is announced and on the public auction page, a car was sold and its price is
on the books with a distribution plan served. A second run adds nothing."""
import pytest
from django.test import Client
from django.urls import reverse

from xiezhi.demo.seed import seed_cases, seed_enforcement, seed_people
from xiezhi.demo.seed_disposal import seed_disposal
from xiezhi.enforcement import selectors
from xiezhi.enforcement.models import Auction, DistributionPlan

pytestmark = pytest.mark.django_db


def test_demo_has_an_announced_auction_and_a_sold_one_on_the_books(court):
    users = seed_people(court)
    seed_cases(court, users, n=300)
    seed_enforcement(court, users)
    assert seed_disposal(court, users) == 2
    announced = Auction.objects.get(status="announced")
    sold = Auction.objects.get(status="sold")
    assert announced.valuation.asset_kind == "real_estate"
    assert announced.opening_price >= announced.valuation.value * 7 / 10  # 网拍规定 第十条
    assert sold.payment.amount == sold.winning_bid
    assert selectors.case_balance(sold.case).received >= sold.winning_bid
    plan = DistributionPlan.objects.get(case=sold.case)
    assert plan.money == sold.winning_bid and plan.lines.count() == 2
    html = Client().get(reverse("auctions:list")).content.decode()
    assert announced.valuation.description[:10] in html

    assert seed_disposal(court, users) == 0
    assert Auction.objects.count() == 2
