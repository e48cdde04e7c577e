"""The staff case search (/staff/cases/?q=…): what it finds, on PostgreSQL through the bigram
index of party names (cases migration 0005), must be exactly what a substring match over the
cases the user may see finds; the page's query count does not grow with the matches."""
import datetime
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from xiezhi.cases import selectors, views
from xiezhi.cases.models import Case, Party
from xiezhi.courts.models import CaseType, Court

_serial = itertools.count(1)

# Names of every length: two-character personal names (no trigram: the reason for bigrams), names
# that contain another name, company names, LIKE's own wildcards, Latin letters in both cases.
NAMES = ["张伟", "张伟明", "李张伟", "张", "王秀英", "王秀", "秀英王", "王 秀英",
         "中国建设银行股份有限公司开封分行", "建设银行", "建设 银行", "中国工商银行股份有限公司郑州分行",
         "百分之100%_公司", "100_公司", "ABC商贸有限公司", "abc", "陈萍", "欧阳娜娜"]
QUERIES = ["张", "张伟", "伟明", "王秀英", "秀英", "王 秀", "建设银行", "设银", "银行", "有限公司开封分行",
           "民初1187", "1187", "118", "豫0222民初", "（2026）", "号", "%", "_", "100%", "0_公", "ABC", "abc",
           "Abc", "陈萍", "欧阳娜娜", "娜娜", "阳娜", "没有这个人", " 张伟 ", "张伟明张"]


def _case(court, number, names, *, judge=None, team=(), day=1):
    case = Case.objects.create(court=court, case_type=CaseType.objects.order_by("id").first(), number=number,
                               year=2026, serial=next(_serial), filed_on=datetime.date(2026, 3, day), judge=judge)
    case.team.add(*team)
    for i, name in enumerate(names):
        Party.objects.create(case=case, role="plaintiff" if i == 0 else "defendant", name=name)
    return case


@pytest.fixture
def world(court, make_staff):
    """Cases of 豫0222 (some the judge's, one where he is on the team) and of another court
    whose parties have the same names: they must never be found."""
    other = Court.objects.exclude(pk=court.pk).exclude(case_code="").order_by("id").first()
    judge = make_staff(["judge"])
    colleague = make_staff(["judge"])
    clerk = make_staff(["filing_judge"], "filing")
    for i, name in enumerate(NAMES):
        mine = i % 3 == 0
        _case(court, f"（2026）豫0222民初{1187 + i * 10}号", [name, NAMES[(i + 5) % len(NAMES)]],
              judge=judge if mine else colleague, day=1 + i % 28)
        _case(other, f"（2026）{other.case_code}民初{1187 + i}号", [name])
    _case(court, "（2026）豫0222民初11870号", ["赵六"], judge=colleague, team=[judge])  # team member
    _case(court, "（2025）豫0222民初1187号", ["钱七", "孙八"], judge=colleague)
    return {"judge": judge, "clerk": clerk}


def _expected(user, q):
    """The old semantics, computed in Python: a case the user may see whose number or any of
    whose parties' names contains q (after trimming), case-sensitively."""
    q = q.strip()
    found = set()
    for case in selectors.visible_cases(user).prefetch_related("parties"):
        if q in case.number or any(q in p.name for p in case.parties.all()):
            found.add(case.pk)
    return found


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.parametrize("who", ["judge", "clerk"])
def test_the_search_finds_exactly_the_substring_matches_among_visible_cases(world, who):
    if connection.vendor != "postgresql":
        pytest.skip("the bigram index is PostgreSQL's (cases migration 0005); SQLite scans")
    user = world[who]
    for q in QUERIES:
        found = set(selectors.search_cases(user, q=q).values_list("pk", flat=True))
        assert found == _expected(user, q), q
    # not vacuous: names of two and three characters, fragments of companies and numbers all match
    for q in ("张伟", "王秀英", "建设银行", "民初1187"):
        assert _expected(world["clerk"], q), q
    assert _expected(world["judge"], "赵六"), "the team member's case"
    assert selectors.search_cases(world["judge"], q="赵六").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_names_of_two_characters_or_more_are_searched_through_the_bigram_index(world):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    assert selectors.bigrams("王秀英") == ["王秀", "秀英"]
    assert selectors.bigrams("张") == []
    with connection.cursor() as cur:  # Python's bigrams are the index function's
        for name in NAMES:
            cur.execute("SELECT xiezhi_bigrams(%s)", [name])
            assert sorted(cur.fetchone()[0]) == selectors.bigrams(name), name
    parties = selectors._parties_named("张伟")
    sql, params = parties.query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute("SET LOCAL enable_seqscan = off")  # the test table is tiny: ask whether the index can answer
        cur.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cur.fetchall())
    assert "cases_party_name_bigrams" in plan
    assert "xiezhi_bigrams" not in str(selectors._parties_named("张").query)  # one character: no bigram


@pytest.mark.django_db
def test_search_semantics_also_hold_without_the_index(world):
    """On SQLite (the demo) the same search is a plain scan with the same answers."""
    for q in ("张伟", "王秀英", "建设银行", "民初1187", "张", "%"):
        for user in world.values():
            assert set(selectors.search_cases(user, q=q).values_list("pk", flat=True)) == _expected(user, q), q


def _search_page(client, q, page=1):
    with CaptureQueriesContext(connection) as ctx:
        resp = client.get("/staff/cases/", {"q": q, "page": page})
    assert resp.status_code == 200
    return resp, len(ctx.captured_queries)


@pytest.mark.django_db
def test_the_search_page_makes_the_same_number_of_queries_however_many_cases_match(client, court, make_staff):
    clerk = make_staff(["filing_judge"], "filing")
    judge = make_staff(["judge"])
    _case(court, "（2026）豫0222民初1号", ["周一"], judge=judge)
    for i in range(120):
        _case(court, f"（2026）豫0222民初{100 + i}号", [f"吴{i}号公司", "郑二"], judge=judge, day=1 + i % 28)
    client.force_login(clerk)
    client.get("/staff/")  # the session's first request warms what every page loads once
    none, q_none = _search_page(client, "没有这个人")
    one, q_one = _search_page(client, "周一")
    many, q_many = _search_page(client, "郑二")
    middle, q_middle = _search_page(client, "郑二", page=2)
    last, q_last = _search_page(client, "郑二", page=3)
    beyond, q_beyond = _search_page(client, "郑二", page=9)
    assert "共 0 件" in none.content.decode() and "共 1 件" in one.content.decode()
    assert "共 120 件" in many.content.decode() and "第 3 / 3 页" in last.content.decode()
    assert len(many.context["page"].object_list) == views.PAGE
    assert [c.number for c in last.context["page"].object_list] == [c.number for c in beyond.context["page"].object_list]
    assert len(last.context["page"].object_list) == 20
    # the last page's rows give the count; a page with more after it also counts (capped)
    assert q_none == q_one == q_last
    assert q_many == q_middle == q_one + 1
    assert q_beyond <= q_one + 2


@pytest.mark.django_db
def test_a_search_broader_than_the_cap_says_so_and_pages_through_the_first_matches(client, court, make_staff,
                                                                                  monkeypatch):
    monkeypatch.setattr(views, "SEARCH_COUNT_CAP", 60)
    clerk = make_staff(["filing_judge"], "filing")
    for i in range(70):
        _case(court, f"（2026）豫0222民初{500 + i}号", ["郑二"], day=1 + i % 28)
    client.force_login(clerk)
    resp, _ = _search_page(client, "郑二")
    html = resp.content.decode()
    assert "超过 60 件，只列出前 60 件" in html and "第 1 / 2 页" in html
    resp, _ = _search_page(client, "郑二", page=2)
    assert len(resp.context["page"].object_list) == 10
    assert not resp.context["page"].has_next()
    resp, _ = _search_page(client, "民初50")  # 民初500 … 民初509: under the cap, counted exactly
    assert "共 10 件" in resp.content.decode()
