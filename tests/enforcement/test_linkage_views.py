"""The 网络查控 pages: the central unit's page (集约查控: batches with progress per body, "search all
cases in the search stage"), a batch's page, and the case panel's assets with freeze / deduct /
release. A refused POST is a Chinese message and writes nothing; a user outside enforcement is
denied and nothing changes."""
import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.enforcement.linkage_fixtures import (  # noqa: F401 (fixtures)
    DEBTOR_ID,
    debtor_case,
    run_until_settled,
    simulator,
)
from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.enforcement import linkage
from xiezhi.enforcement.linkage_adapters import BODIES
from xiezhi.enforcement.models import MoneyMovement
from xiezhi.enforcement.models_linkage import Asset, LinkageOrder, SearchBatch

pytestmark = pytest.mark.django_db


def client(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


def _messages(r):
    return " ".join(str(m) for m in get_messages(r.wsgi_request))


def _panel(c, case):
    r = c.get(reverse("cases:panel", args=[case.pk, "linkage"]))
    assert r.status_code in (200, 204, 404)  # 404: a judge of another division does not see the case at all
    return r.content.decode() if r.status_code != 404 else ""


def _asset(case, body="icbc", identifier="ICBC-VIEW-0001", value="80000.00", status="found", **kw):
    return Asset.objects.create(case=case, party=case.debtor, kind=BODIES[body][2], body=body, identifier=identifier,
                                value=value, status=status, found_at=timezone.now(), **kw)


def test_the_central_page_lists_batches_with_progress_per_body(debtor_case, staff, simulator):
    simulator(max_delay=0)
    batch = linkage.start_search(staff["enforcer"], debtor_case, bodies=["icbc", "realestate"])
    linkage.send_pending()
    LinkageOrder.objects.filter(body="icbc").update(status="answered")
    page = client(staff["enforcer"]).get(reverse("enforcement:linkage")).content.decode()
    assert 'id="linkage-batches"' in page and 'id="linkage-search-all"' in page
    assert f"#{batch.pk}" in page and "中国工商银行" in page and "不动产登记中心" in page
    progress = {p["body"]: p for p in linkage.batch_progress(batch)}
    assert (progress["icbc"]["answered"], progress["realestate"]["sent"]) == (1, 1)
    detail = client(staff["enforcer"]).get(reverse("enforcement:linkage_batch", args=[batch.pk])).content.decode()
    assert 'id="linkage-progress"' in detail and debtor_case.number in detail


def test_the_central_page_is_in_the_enforcement_menu(staff):
    home = client(staff["enforcer"]).get(reverse("enforcement:linkage")).content.decode()
    assert f'href="{reverse("enforcement:linkage")}"' in home
    board = client(staff["head"]).get(reverse("enforcement:board")).content.decode()
    assert f'href="{reverse("enforcement:linkage")}"' in board


def test_search_all_cases_in_the_search_stage(enforcement_case, staff, simulator):
    simulator(max_delay=0)
    mine = [enforcement_case(), enforcement_case()]
    theirs = enforcement_case(officer=staff["other_enforcer"])
    r = client(staff["enforcer"]).post(reverse("enforcement:linkage_search_all"))
    assert r.status_code == 302 and "已向协助单位发送网络查控查询" in _messages(r)
    batch = SearchBatch.objects.get()
    assert batch.requested_by == staff["enforcer"] and batch.reason == "central_unit"
    searched = set(batch.orders.values_list("case_id", flat=True))
    assert searched == {c.pk for c in mine} and theirs.pk not in searched
    assert batch.orders.count() == 2 * len(BODIES)
    client(staff["head"]).post(reverse("enforcement:linkage_search_all"))  # the head: every case of the stage
    assert set(SearchBatch.objects.latest("id").orders.values_list("case_id", flat=True)) >= {theirs.pk}


def test_the_case_panel_freeze_deduct_release_through_the_pages(debtor_case, staff, simulator):
    sim = simulator(max_delay=0)
    sim.add_asset(DEBTOR_ID, "icbc", identifier="ICBC-VIEW-0001", value="80000.00")
    c = client(staff["enforcer"])
    r = c.post(reverse("enforcement:linkage_search", args=[debtor_case.pk]))
    assert r.status_code == 302 and "已向协助单位发送网络查控查询" in _messages(r)
    run_until_settled()
    asset = Asset.objects.get(identifier="ICBC-VIEW-0001")
    panel = _panel(c, debtor_case)
    assert 'id="linkage-assets"' in panel and "ICBC-VIEW-0001" in panel
    assert reverse("enforcement:linkage_freeze", args=[debtor_case.pk]) in panel
    r = c.post(reverse("enforcement:linkage_freeze", args=[debtor_case.pk]),
               {"asset": asset.pk, "amount": "50000", "key": "k-f"})
    assert "冻结指令已发送" in _messages(r)
    run_until_settled()
    asset.refresh_from_db()
    assert asset.status == "frozen"
    panel = _panel(c, debtor_case)
    assert reverse("enforcement:linkage_deduct", args=[debtor_case.pk]) in panel
    r = c.post(reverse("enforcement:linkage_deduct", args=[debtor_case.pk]),
               {"asset": asset.pk, "amount": "20000", "key": "k-d"})
    assert "扣划指令已发送" in _messages(r)
    run_until_settled()
    asset.refresh_from_db()
    assert asset.status == "deducted"
    assert MoneyMovement.objects.filter(case=debtor_case, kind="receipt").count() == 1
    other = _asset(debtor_case, identifier="ICBC-VIEW-0002", status="frozen", frozen_amount="100")
    r = c.post(reverse("enforcement:linkage_release", args=[debtor_case.pk]), {"asset": other.pk, "key": "k-r"})
    assert "解冻指令已发送" in _messages(r)
    assert LinkageOrder.objects.filter(asset=other, kind="release").count() == 1


@pytest.mark.parametrize("name, status, data, text", [
    ("linkage_deduct", "found", {"amount": "100"}, "只有已冻结的财产可以扣划"),
    ("linkage_release", "found", {}, "只有已冻结的财产可以解冻"),
    ("linkage_freeze", "frozen", {}, "只有已查到或已解冻的财产可以冻结"),
    ("linkage_freeze", "found", {"amount": "abc"}, "金额须为数字"),
    ("linkage_freeze", "found", {"amount": "-5"}, "金额须大于零"),
    ("linkage_freeze", "found", {"amount": "90000"}, "冻结金额不能超过账户余额"),
    ("linkage_deduct", "frozen", {"amount": ""}, "金额须为数字"),
    ("linkage_deduct", "frozen", {"amount": "999999"}, "扣划金额不能超过冻结金额"),
    ("linkage_freeze", "found", {"asset": "x"}, "财产"),
    ("linkage_freeze", "found", {"asset": "99999999"}, "该财产不属于本案"),
])
def test_refusals_are_chinese_and_write_nothing(case, staff, name, status, data, text):
    asset = _asset(case, status=status, frozen_amount="1000" if status == "frozen" else None)
    before = row_counts()
    r = client(staff["enforcer"]).post(reverse(f"enforcement:{name}", args=[case.pk]), {"asset": asset.pk, **data})
    assert r.status_code in (302, 400), r.status_code
    if r.status_code == 302:
        assert text in _messages(r), _messages(r)
    else:
        assert text in r.content.decode()
    assert_nothing_changed(before, name)


def test_an_asset_of_another_case_is_refused(enforcement_case, staff):
    mine, other = enforcement_case(), enforcement_case()
    asset = _asset(other)
    before = row_counts()
    r = client(staff["enforcer"]).post(reverse("enforcement:linkage_freeze", args=[mine.pk]), {"asset": asset.pk})
    assert "该财产不属于本案" in _messages(r)
    assert_nothing_changed(before, "freezing another case's asset")


@pytest.mark.parametrize("who, status", [
    ("anon", 302), ("judge", 403), ("lian", 403), ("other_enforcer", 404), ("litigant", 403),
])
def test_others_may_not_post_and_nothing_changes(case, staff, make_public, who, status):
    user = {"anon": None, "litigant": make_public()}.get(who) or staff.get(who)
    found = _asset(case, identifier="A-1")
    frozen = _asset(case, identifier="A-2", status="frozen", frozen_amount="100")
    for name, data in (("linkage_search", {}), ("linkage_freeze", {"asset": found.pk}),
                       ("linkage_deduct", {"asset": frozen.pk, "amount": "50"}),
                       ("linkage_release", {"asset": frozen.pk})):
        before = row_counts()
        r = client(user).post(reverse(f"enforcement:{name}", args=[case.pk]), data)
        assert r.status_code == status, (who, name, r.status_code)
        assert_nothing_changed(before, f"{who} posting {name}")


@pytest.mark.parametrize("who, status", [("anon", 302), ("judge", 403), ("lian", 403), ("enforcer", 200),
                                         ("head", 200), ("president", 200)])
def test_the_central_unit_is_for_enforcement_staff(staff, who, status):
    assert client(staff.get(who)).get(reverse("enforcement:linkage")).status_code == status


@pytest.mark.parametrize("who", ["judge", "lian"])
def test_search_all_is_denied_outside_enforcement(case, staff, who):
    before = row_counts()
    r = client(staff[who]).post(reverse("enforcement:linkage_search_all"))
    assert r.status_code == 403
    assert_nothing_changed(before, f"{who} searching all")


def test_a_batch_of_another_court_is_not_found(case, staff, simulator):
    simulator(max_delay=0)
    batch = linkage.start_search(staff["enforcer"], case)
    assert client(staff["enforcer"]).get(reverse("enforcement:linkage_batch", args=[batch.pk])).status_code == 200
    assert client(staff["enforcer"]).get(reverse("enforcement:linkage_batch", args=[batch.pk + 99])).status_code == 404


@pytest.mark.parametrize("who, sees", [("enforcer", True), ("head", True), ("president", True), ("judge", False),
                                       ("lian", False)])
def test_who_sees_the_panel(case, staff, who, sees):
    assert ('id="enforcement-linkage"' in _panel(client(staff[who]), case)) is sees


def test_the_panel_without_assets_says_so(case, staff):
    assert "尚未查到财产" in _panel(client(staff["enforcer"]), case)
