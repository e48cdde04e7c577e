"""The 财产处置 section of the case page, its POST actions and the public auction notices: only the enforcement
staff of the case see the section and act; a refused POST changes nothing and says why in Chinese; the public
pages show announced auctions only, without the buyer's name."""
from datetime import datetime, timedelta
from decimal import Decimal as D

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.enforcement import disposal as dsp
from xiezhi.enforcement import services as svc
from xiezhi.enforcement.models import Auction, DistributionPlan, ProfessionalTask, Valuation

pytestmark = pytest.mark.django_db


def client(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def _messages(r):
    return [str(m) for m in get_messages(r.wsgi_request)]


def _url(case, name):
    return reverse(f"enforcement:{name}", args=[case.pk])


def _panel(c, case):
    return c.get(reverse("cases:panel", args=[case.pk, "disposal"]))


def test_the_officer_values_plans_and_sees_the_limits_before_saving(case, staff):
    c = client(staff["enforcer"])
    r = c.post(_url(case, "valuation_add"), {"description": "轿车一辆", "asset_kind": "movable", "method": "network",
                                             "results": ["100000", "120000", ""], "decided_on": "2026-02-01",
                                             "key": "v1"}, follow=True)
    assert "已登记处置参考价。" in _messages(r)
    v = Valuation.objects.get(case=case)
    assert v.value == D("110000.00")
    page = _panel(c, case).content.decode()
    assert 'id="enforcement-disposal"' in page and "轿车一辆" in page
    # 110000 × 70 % = 77000; deposit 5 %–20 %; movables: 15 days of notice (网拍规定 第十条、第十二条、第十七条)
    assert "起拍价不低于 77000.00 元" in page and "3850.00 至 15400.00 元" in page and "不少于 15 日" in page
    before = row_counts()
    r = c.post(_url(case, "auction_add"), {"valuation": v.pk, "round": "1", "platform": "人民法院诉讼资产网",
                                           "opening_price": "76999", "deposit": "3850", "notice_on": "2026-03-01",
                                           "starts_at": "2026-03-20T10:00", "ends_at": "2026-03-21T10:00", "key": "a1"})
    assert any("第十条" in m for m in _messages(r)), _messages(r)
    assert_nothing_changed(before, "a refused auction plan")
    r = c.post(_url(case, "auction_add"), {"valuation": v.pk, "round": "1", "platform": "人民法院诉讼资产网",
                                           "opening_price": "77000", "deposit": "3850", "notice_on": "2026-03-01",
                                           "starts_at": "2026-03-20T10:00", "ends_at": "2026-03-21T10:00", "key": "a1"},
               follow=True)
    assert "已安排拍卖。" in _messages(r)
    a = Auction.objects.get(case=case)
    r = c.post(_url(case, "auction_move"), {"auction": a.pk, "status": "announced"}, follow=True)
    assert "已更新拍卖状态。" in _messages(r)
    assert Auction.objects.get(pk=a.pk).status == "announced"


def test_others_neither_see_the_section_nor_act(case, staff):
    v = dsp.record_valuation(staff["enforcer"], case, description="车", asset_kind="movable", method="directed",
                             value="1000", decided_on="2026-01-01", key="v")
    for who in ("other_enforcer", "judge", "lian"):
        c = client(staff[who])
        assert 'id="enforcement-disposal"' not in _panel(c, case).content.decode()
        before = row_counts()
        for name, data in [("valuation_add", {"description": "x", "asset_kind": "movable", "method": "directed",
                                              "value": "1", "decided_on": "2026-01-01", "key": "k"}),
                           ("auction_add", {"valuation": v.pk, "round": "1", "platform": "p", "key": "k"}),
                           ("distribution_add", {"served_on": "2026-01-01", "key": "k"}),
                           ("task_add", {"kind": "audit", "assignee_kind": "auditor", "assignee_name": "x",
                                         "due_on": "2099-01-01", "key": "k"})]:
            r = c.post(_url(case, name), data)
            assert r.status_code in (302, 403, 404), (who, name, r.status_code)
        assert_nothing_changed(before, f"{who}'s POSTs")
    assert client(None).post(_url(case, "valuation_add"), {}).status_code in (302, 403)


def test_bad_input_is_a_chinese_message_never_a_500(case, staff):
    c = client(staff["enforcer"])
    for name, data in [("auction_add", {"valuation": "abc"}), ("auction_move", {"auction": "999999", "status": "x"}),
                       ("distribution_execute", {"plan": ""}), ("task_accept", {"task": "1e3"}),
                       ("valuation_add", {"description": "x", "asset_kind": "nope", "method": "directed",
                                          "key": "k"}),
                       ("task_report", {"task": "1"}), ("distribution_add", {"kind_0": "ordinary", "claim_0": "abc",
                                                                            "served_on": "x", "key": "k"})]:
        r = c.post(_url(case, name), data)
        assert r.status_code in (302, 400), (name, r.status_code)


def test_distribution_and_professional_forms(case, staff):
    c = client(staff["enforcer"])
    svc.receive(staff["enforcer"], case, "9000", case.debtor, "r1")
    r = c.post(_url(case, "distribution_add"), {"served_on": "2026-01-01", "key": "d1",
                                                "kind_0": "cost", "claim_0": "1000",
                                                "kind_1": "ordinary", "party_1": case.applicant.pk, "claim_1": "20000"},
               follow=True)
    assert "已制作分配方案。" in _messages(r), _messages(r)
    plan = DistributionPlan.objects.get(case=case)
    assert sorted(ln.share for ln in plan.lines.all()) == [D("1000"), D("8000")]
    r = c.post(_url(case, "distribution_execute"), {"plan": plan.pk}, follow=True)
    assert "已按分配方案发放。" in _messages(r), _messages(r)
    due = (timezone.localdate() + timedelta(days=10)).isoformat()
    c.post(_url(case, "task_add"), {"kind": "audit", "assignee_kind": "auditor", "assignee_name": "审计师庚",
                                    "due_on": due, "key": "t1"})
    t = ProfessionalTask.objects.get(case=case)
    r = c.post(_url(case, "task_report"), {"task": t.pk, "title": "审计报告",
                                           "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x", "application/pdf")},
               follow=True)
    assert "已提交报告并归入电子卷宗。" in _messages(r), _messages(r)
    page = _panel(c, case).content.decode()
    assert "审计师庚" in page and "已报告" in page


def test_public_notices_show_announced_auctions_without_the_buyer(case, staff):
    e = staff["enforcer"]
    v = dsp.record_valuation(e, case, description="通许县某街 8 号商铺", asset_kind="real_estate", method="directed",
                             value="1000000", decided_on="2026-01-01", key="v")
    at = timezone.make_aware(datetime(2026, 3, 1, 10))
    a = dsp.plan_auction(e, v, auction_round="1", platform="人民法院诉讼资产网", opening_price="700000",
                         deposit="70000", notice_on="2026-01-20", starts_at=at, ends_at=at + timedelta(days=1), key="a")
    anon = client(None)
    assert "通许县某街 8 号商铺" not in anon.get(reverse("auctions:list")).content.decode()
    assert anon.get(reverse("auctions:detail", args=[a.pk])).status_code == 404
    for s in ("announced", "running"):
        dsp.move_auction(e, a, s)
    dsp.move_auction(e, a, "sold", winning_bid="750000", bidder_name="买受人丁")
    page = anon.get(reverse("auctions:list")).content.decode()
    assert "通许县某街 8 号商铺" in page
    detail = anon.get(reverse("auctions:detail", args=[a.pk])).content.decode()
    assert "750000" in detail and case.number in detail
    assert "买受人丁" not in detail and "被执行人乙" not in detail and "买受人丁" not in page
    assert anon.get(reverse("auctions:detail", args=[999999])).status_code == 404
