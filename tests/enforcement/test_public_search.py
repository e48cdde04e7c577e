"""执行信息公开 (issue 11 item 11): anyone searches the dishonest list and restricted persons by
name or ID number; ID numbers are masked; deleted entries and lifted orders are never shown;
the search is rate-limited per client address."""
import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from xiezhi.cases.models import Party
from xiezhi.enforcement import credit, dishonest

pytestmark = pytest.mark.django_db
ID = "410102198503071234"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def _search(q, c=None):
    return (c or Client()).get(reverse("enforcement_public:search"), {"q": q})


def test_search_by_name_or_id_shows_the_masked_number(case, staff):
    Party.objects.filter(pk=case.debtor.pk).update(id_number=ID)
    dishonest.list_debtor(staff["enforcer"], case, case.debtor, [2])
    for q in ("被执行人乙", "被执行", ID, ID.lower()):
        page = _search(q).content.decode()
        results = page[page.index('id="public-results"'):]
        assert case.number in results and "4101021985****1234" in results, q
        assert ID not in results  # the number typed is echoed in the search box only


def test_deleted_and_lifted_are_not_shown(case, staff):
    e = staff["enforcer"]
    entry = dishonest.list_debtor(e, case, case.debtor, [2])
    r = credit.restrict(e, case, case.debtor)
    assert "public-results" in _search("被执行人乙").content.decode()
    dishonest.delete_entry(e, entry, 8)
    credit.lift(e, r, "已履行")
    page = _search("被执行人乙").content.decode()
    assert "public-none" in page and case.number not in page


def test_one_character_is_not_a_name_search(case, staff):
    dishonest.list_debtor(staff["enforcer"], case, case.debtor, [2])
    assert "public-none" in _search("被").content.decode()


def test_the_page_is_open_and_linked_from_home():
    assert Client().get(reverse("enforcement_public:search")).status_code == 200
    assert reverse("enforcement_public:search") in Client().get("/").content.decode()


@override_settings(PUBLIC_SEARCH_RATE_LIMIT=(3, 60))
def test_the_search_is_rate_limited_per_address(case, staff):
    c = Client(REMOTE_ADDR="10.0.0.9")
    assert [_search("某人", c).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert "查询过于频繁" in _search("某人", c).content.decode()
    assert _search("某人", Client(REMOTE_ADDR="10.0.0.10")).status_code == 200


def test_the_selector_takes_the_rows_to_show(case, staff):
    from xiezhi.enforcement.models import PublicCreditRecord

    dishonest.list_debtor(staff["enforcer"], case, case.debtor, [2])
    credit.restrict(staff["enforcer"], case, case.debtor)
    assert len(credit.public_records(query="被执行人乙")) == 2
    only = PublicCreditRecord.objects.filter(kind="restricted")
    assert [r.kind for r in credit.public_records(only, "被执行人乙")] == ["restricted"]
