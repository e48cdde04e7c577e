"""网络查控: searches, freezes, deductions and releases sent to the simulator of the eight bodies
(a real local HTTP service), which answers late, out of order, partially, twice or never. Every
answer is recorded once, no asset is counted twice, a timed-out order is sent again and its late
answer is still recorded, and a deduction's receipt is in the ledger once."""
import json
import urllib.request
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.enforcement.linkage_fixtures import (  # noqa: F401 (fixtures)
    DEBTOR_ID,
    debtor_case,
    expected_assets,
    overdue_all,
    run_until_settled,
    simulator,
)
from xiezhi.enforcement import linkage
from xiezhi.enforcement.linkage_adapters import HttpLinkageAdapter, canonical, seal_problem
from xiezhi.enforcement.models import MoneyMovement
from xiezhi.enforcement.models_linkage import Asset, LinkageAnswer, LinkageOrder

pytestmark = pytest.mark.django_db


def _answer_ids(sim):
    return {(code, a["answer_id"]) for code, b in sim.bodies.items() for a in b.log}


def test_with_the_simulator_dropping_delaying_and_duplicating_answers_no_search_result_is_lost_or_counted_twice(
        debtor_case, staff, simulator, django_capture_on_commit_callbacks):
    """Issue 11, "Done when": with the simulator dropping, delaying and duplicating answers, no search
    result is lost or counted twice — against the real simulator service over HTTP."""
    # drop: a first sending is lost with this chance (re-sendings are answered); high, so that some order of
    # the eight is lost whatever the ids of this run make of the seeded draws
    sim = simulator(max_delay=3, drop=0.9, partial=0.6, duplicate=0.6)
    with django_capture_on_commit_callbacks(execute=True):
        batch = linkage.start_search(staff["enforcer"], debtor_case)
    assert batch.orders.count() == 8
    assert set(batch.orders.values_list("status", flat=True)) == {"sent"}  # sent after commit
    run_until_settled()
    for _ in range(6):  # late duplicates still arriving after every order is answered
        linkage.run_poll()
    released = _answer_ids(sim)
    logged = sum(len(b.log) for b in sim.bodies.values())
    assert logged > len(released), "the simulator sent duplicates"
    assert set(LinkageAnswer.objects.values_list("body", "answer_id")) == released
    assert LinkageAnswer.objects.count() == len(released)
    assets = list(Asset.objects.filter(case=debtor_case).values_list("body", "identifier"))
    assert len(assets) == len(set(assets))
    assert set(assets) == expected_assets()  # nothing lost: every asset the bodies hold was found
    assert set(LinkageOrder.objects.values_list("status", flat=True)) == {"answered"}
    assert LinkageOrder.objects.filter(attempts__gt=1).exists(), "some orders were dropped and re-sent"
    assert max(b.tick for b in sim.bodies.values()) > 1 and sim.max_delay == 3  # answers were delayed
    events = debtor_case.events.filter(code="linkage_answers_received")
    assert sum(e.payload["assets"] for e in events) == len(assets)
    assert sum(e.payload["answers"] for e in events) == len(released)
    assert debtor_case.events.filter(code="linkage_search_sent").count() == 1


def test_a_timed_out_order_is_sent_again_and_its_late_answer_still_recorded(debtor_case, staff, simulator):
    sim = simulator(max_delay=0, drop=1.0)  # every first sending is lost
    linkage.start_search(staff["enforcer"], debtor_case, bodies=["icbc"])
    order = LinkageOrder.objects.get()
    linkage.run_poll()
    order.refresh_from_db()
    assert (order.status, order.attempts) == ("sent", 1)
    overdue_all()
    result = linkage.run_poll()
    assert result["timed_out"] == 1 and result["sent"] == 1
    order.refresh_from_db()
    assert order.attempts == 2 and order.status == "sent"
    linkage.run_poll()
    order.refresh_from_db()
    assert order.status == "answered"
    assert LinkageAnswer.objects.filter(order=order).count() == 1
    assert sim.bodies["icbc"].seen[order.key] == 2


def test_a_late_answer_to_the_first_sending_counts_once(debtor_case, staff, simulator):
    sim = simulator(max_delay=6, duplicate=1.0)
    linkage.start_search(staff["enforcer"], debtor_case, bodies=["ccb", "samr"])
    linkage.send_pending()
    overdue_all()
    linkage.expire_overdue()  # both timed out before any answer was read: sent again, the body knows the ref
    linkage.send_pending()
    assert set(LinkageOrder.objects.values_list("attempts", flat=True)) == {2}
    run_until_settled(force_timeouts_every=100)
    for _ in range(10):
        linkage.run_poll()
    assert LinkageAnswer.objects.count() == len(_answer_ids(sim))
    assert set(Asset.objects.values_list("body", "identifier")) == {
        x for x in expected_assets() if x[0] in ("ccb", "samr")}


def test_the_same_answers_read_again_record_nothing(debtor_case, staff, simulator):
    sim = simulator(max_delay=0)
    linkage.start_search(staff["enforcer"], debtor_case)
    run_until_settled()
    n_answers, n_assets = LinkageAnswer.objects.count(), Asset.objects.count()
    from xiezhi.enforcement.models_linkage import LinkageCursor

    LinkageCursor.objects.update(since=0)  # a poller that lost its place reads everything again
    assert linkage.poll_answers() == 0
    assert (LinkageAnswer.objects.count(), Asset.objects.count()) == (n_answers, n_assets)
    assert sum(len(b.log) for b in sim.bodies.values()) == n_answers


def _bank_asset(case, staff, sim):
    sim.add_asset(DEBTOR_ID, "icbc", identifier="ICBC-TEST-0001", value="80000.00")
    linkage.start_search(staff["enforcer"], case, bodies=["icbc"])
    run_until_settled()
    return Asset.objects.get(identifier="ICBC-TEST-0001")


def test_freeze_deduct_and_release_through_the_body(debtor_case, staff, simulator):
    sim = simulator(max_delay=1, duplicate=1.0)
    asset = _bank_asset(debtor_case, staff, sim)
    e = staff["enforcer"]
    linkage.freeze(e, asset, "50000", key="f1")
    with pytest.raises(ValidationError, match="未反馈的控制指令"):
        linkage.freeze(e, asset, "50000", key="f2")
    assert linkage.freeze(e, asset, "50000", key="f1").kind == "freeze"  # the same click: the same order
    run_until_settled()
    asset.refresh_from_db()
    assert asset.status == "frozen" and asset.frozen_amount == D("50000")
    assert asset.freeze_ends_on is not None
    with pytest.raises(ValidationError, match="不能超过冻结金额"):
        linkage.deduct(e, asset, "60000")
    order = linkage.deduct(e, asset, "30000", key="d1")
    run_until_settled()
    for _ in range(4):
        linkage.run_poll()
    receipts = MoneyMovement.objects.filter(case=debtor_case, kind="receipt")
    assert [(m.amount, m.key) for m in receipts] == [(D("30000.00"), f"linkage-{order.pk}")]
    assert debtor_case.events.filter(code="money_received").count() == 1
    assert debtor_case.events.filter(code="linkage_deducted").count() == 1
    asset.refresh_from_db()
    assert asset.status == "deducted" and asset.value == D("50000.00")


def test_a_deduction_answer_delivered_twice_is_one_receipt(debtor_case, staff, simulator):
    sim = simulator(max_delay=0)
    asset = _bank_asset(debtor_case, staff, sim)
    linkage.freeze(staff["enforcer"], asset, "1000")
    run_until_settled()
    order = linkage.deduct(staff["enforcer"], asset, "1000")
    answer = {"answer_id": "icbc-x1", "ref": order.key, "kind": "deduct", "final": True, "result": "ok",
              "assets": [], "amount": "1000.00"}
    from xiezhi.enforcement.linkage import _record_answers

    assert _record_answers("icbc", [answer, dict(answer)]) == 1
    assert _record_answers("icbc", [dict(answer)]) == 0
    assert MoneyMovement.objects.filter(case=debtor_case, kind="receipt").count() == 1


def test_release_and_a_refused_order(debtor_case, staff, simulator):
    sim = simulator(max_delay=0)
    asset = _bank_asset(debtor_case, staff, sim)
    with pytest.raises(ValidationError, match="只有已冻结的财产可以解冻"):
        linkage.release(staff["enforcer"], asset)
    linkage.freeze(staff["enforcer"], asset)
    run_until_settled()
    linkage.release(staff["enforcer"], asset)
    run_until_settled()
    asset.refresh_from_db()
    assert asset.status == "released" and asset.freeze_ends_on is None
    vehicle = Asset.objects.create(case=debtor_case, party=debtor_case.debtor, kind="vehicle", body="vehicle",
                                   identifier="豫B-NOPE", found_at=asset.found_at)
    linkage.freeze(staff["enforcer"], vehicle)
    run_until_settled()
    vehicle.refresh_from_db()
    assert vehicle.status == "found"
    assert debtor_case.events.filter(code="linkage_control_refused").count() == 1


def test_a_new_asset_in_the_world_is_found_by_the_next_search_once(debtor_case, simulator):
    sim = simulator(max_delay=0)
    linkage.start_search(None, debtor_case, reason="zhongben_rescan")
    run_until_settled()
    before = Asset.objects.count()
    url = f"{linkage.settings.LINKAGE_URL}/world/assets"
    req = urllib.request.Request(url, data=json.dumps({"id_number": DEBTOR_ID, "body": "realestate",
                                                       "value": "900000"}).encode(), method="POST")
    added = json.loads(urllib.request.urlopen(req).read())
    linkage.start_search(None, debtor_case, reason="zhongben_rescan")
    run_until_settled()
    assert Asset.objects.count() == before + 1
    assert Asset.objects.filter(identifier=added["identifier"], kind="real_estate").count() == 1
    last = debtor_case.events.filter(code="linkage_answers_received").order_by("-seq")
    assert sum(e.payload["assets"] for e in last[:8]) == 1
    assert sim.received[-1]["seal"]["alg"] == "ES256"


def test_orders_carry_the_courts_seal_and_the_simulator_checks_it(debtor_case, staff, simulator):
    sim = simulator(max_delay=0)
    linkage.start_search(staff["enforcer"], debtor_case, bodies=["alipay"])
    linkage.send_pending()
    order = LinkageOrder.objects.get()
    assert seal_problem(order.payload) == ""
    assert sim.received[0]["ref"] == order.key
    tampered = {**order.payload, "debtor": {"name": "别人", "id_number": "1"}}
    assert seal_problem(tampered) == "电子签章验证失败"
    assert seal_problem({k: v for k, v in order.payload.items() if k != "seal"}) == "缺少电子签章"
    bad = {**order.payload, "seal": {**order.payload["seal"], "signature": "!!"}}
    assert seal_problem(bad) == "电子签章格式错误"
    link = HttpLinkageAdapter(linkage.settings.LINKAGE_URL)
    acks = link.submit("alipay", [dict(order.payload, ref="x-1", seal=None), tampered])
    assert [a["accepted"] for a in acks] == [False, False]
    assert canonical(order.payload) == canonical({k: order.payload[k] for k in reversed(list(order.payload))})


def test_a_link_that_is_down_keeps_the_orders_pending(debtor_case, staff, settings,
                                                      django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.LINKAGE_URL = f"http://127.0.0.1:{port}"  # nothing listens
    with django_capture_on_commit_callbacks(execute=True):
        linkage.start_search(staff["enforcer"], debtor_case)
    assert set(LinkageOrder.objects.values_list("status", flat=True)) == {"pending"}
    from xiezhi.enforcement.tasks import poll_linkage

    assert poll_linkage() is None


def test_only_the_cases_enforcement_staff_may_search(debtor_case, staff, simulator):
    simulator()
    with pytest.raises(PermissionDenied):
        linkage.start_search(staff["judge"], debtor_case)
    with pytest.raises(ValidationError, match="未知的协助单位"):
        linkage.start_search(staff["enforcer"], debtor_case, bodies=["nowhere"])
    assert LinkageOrder.objects.count() == 0
