"""执行的公开接口与 /tools/enforcement/ 页面，答案与 tests/law/test_enforcement.py 相同
（民事诉讼法 第二百五十条、第八十五条；失信规定 第一条至第四条；网拍规定 第十条、第十二条、第十七条、第二十六条）。"""
import pytest

from xiezhi.law.periods import ChineseCalendarPackage, StatutoryCalendar

WINDOW = "/api/v1/periods/enforcement-application"
DISHONEST = "/api/v1/enforcement/dishonest-term"
AUCTION = "/api/v1/enforcement/auction-plan"
PAGE = "/tools/enforcement/"
_PKG = ChineseCalendarPackage()


@pytest.fixture(autouse=True)
def enforcement_calendar(request, monkeypatch):
    """Without the database: the published notices (2004–2026) and the statutory holidays after them."""
    if request.node.get_closest_marker("django_db"):
        return
    from xiezhi.api import enforcement

    monkeypatch.setattr(enforcement, "calendar", lambda: StatutoryCalendar(base=_PKG, covers=_PKG.covers))


@pytest.mark.parametrize("params, end, article", [
    ({"effective_on": "2023-05-10"}, "2025-05-12", "从生效之日起计算"),
    ({"effective_on": "2023-09-20", "due_on": "2023-10-01"}, "2025-10-09", "履行期间的最后一日起计算"),
    ({"effective_on": "2023-05-10", "installments": "2023-06-30,2024-02-29, 2023-12-31"}, "2026-02-28", "最后一期"),
])
def test_window(client, params, end, article):
    r = client.get(WINDOW, params)
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["window_end"] == end and body["provisional"] is False
    assert "第二百五十条" in body["basis"][0] and any(article in b for b in body["basis"])


@pytest.mark.parametrize("params, message", [
    ({}, "请填写法律文书生效日期"),
    ({"effective_on": "2023-13-01"}, "不是有效的日期"),
    ({"effective_on": "10/05/2023"}, "格式"),
    ({"effective_on": "1990-01-01"}, "2000 年至 2099 年"),
    ({"effective_on": "2023-05-10", "due_on": "2023-01-01"}, "不能早于"),
    ({"effective_on": "2023-05-10", "due_on": "2024-01-01", "installments": "2024-01-01"}, "只能填写一项"),
    ({"effective_on": "2023-05-10", "installments": "2024-01-01,x"}, "格式"),
    ({"effective_on": ["2023-05-10", "2023-05-11"]}, "只能填写一次"),
])
def test_window_errors(client, params, message):
    r = client.get(WINDOW, params)
    assert r.status_code == 400
    assert message in r.json()["error"]


@pytest.mark.parametrize("body, expected", [
    ({"circumstances": [1]}, (True, "until_deleted", None, None)),
    ({"circumstances": [5]}, (True, "fixed", 2, 2)),
    ({"circumstances": [2], "aggravating": True}, (True, "fixed", 2, 5)),
    ({"circumstances": [3, 4]}, (True, "fixed", 2, 5)),
    ({"circumstances": [2], "minor": True}, (False, None, None, None)),
    ({"circumstances": [1], "performed_or_secured": True}, (False, None, None, None)),
])
def test_dishonest_term(client, body, expected):
    r = client.post(DISHONEST, body, content_type="application/json")
    assert r.status_code == 200, r.content
    data = r.json()
    assert (data["listable"], data["term"], data["years_min"], data["years_max"]) == expected
    assert all(b.startswith("失信规定") for b in data["basis"])


@pytest.mark.parametrize("body, message", [
    ({}, "请填写失信情形"),
    ({"circumstances": [7]}, "1 至 6"),
    ({"circumstances": "1"}, "编号列表"),
    ({"circumstances": [1], "minor": "yes"}, "true 或 false"),
    ([1, 2], "JSON 对象"),
])
def test_dishonest_errors(client, body, message):
    r = client.post(DISHONEST, body, content_type="application/json")
    assert r.status_code == 400
    assert message in r.json()["error"]


def test_bad_json_is_400(client):
    for url in (DISHONEST, AUCTION):
        r = client.post(url, "{not json", content_type="application/json")
        assert r.status_code == 400 and "JSON" in r.json()["error"]


@pytest.mark.parametrize("body, expected", [
    ({"valuation": "1000000", "asset": "real_estate", "round": 1},
     {"opening_price_min": "700000.00", "deposit_min": "35000.00", "deposit_max": "140000.00", "notice_days": 30,
      "must_be_held_by": None}),
    ({"valuation": 50000, "asset": "movable", "round": 1},
     {"opening_price_min": "35000.00", "notice_days": 15}),
    ({"valuation": "1000000", "asset": "movable", "round": 2, "previous_opening_price": "700000",
      "failed_on": "2025-03-03"},
     {"opening_price_min": "560000.00", "notice_days": 7, "must_be_held_by": "2025-04-02", "notice_by": "2025-03-26"}),
    ({"valuation": "1000000", "asset": "real_estate", "round": "sale"},
     {"opening_price_min": None, "notice_days": None}),
])
def test_auction_plan(client, body, expected):
    r = client.post(AUCTION, body, content_type="application/json")
    assert r.status_code == 200, r.content
    data = r.json()
    for key, value in expected.items():
        assert data[key] == value
    assert all("网拍规定" in b or "民事诉讼法" in b for b in data["basis"])


@pytest.mark.parametrize("body, message", [
    ({"asset": "movable", "round": 1}, "请填写评估价"),
    ({"valuation": "1000", "round": 1}, "请填写财产类别"),
    ({"valuation": "1000", "asset": "movable"}, "请填写拍卖轮次"),
    ({"valuation": "1000", "asset": "movable", "round": 3}, "拍卖轮次"),
    ({"valuation": "1000", "asset": "movable", "round": [1]}, "拍卖轮次"),
    ({"valuation": "1000", "asset": "boat", "round": 1}, "财产类别"),
    ({"valuation": 10.5, "asset": "movable", "round": 1}, "字符串"),
    ({"valuation": {"a": 1}, "asset": "movable", "round": 1}, "金额数字"),
    ({"valuation": "-1", "asset": "movable", "round": 1}, "应大于零"),
    ({"valuation": "1000", "asset": "movable", "round": 2, "previous_opening_price": "700"}, "流拍日期"),
    ({"valuation": "1000", "asset": "movable", "round": 2, "previous_opening_price": "700", "failed_on": "2025-02-30"},
     "不是有效的日期"),
    ({"valuation": "1000", "asset": "movable", "round": 2, "previous_opening_price": "600", "failed_on": "2025-02-03"},
     "第十条"),
])
def test_auction_errors(client, body, message):
    r = client.post(AUCTION, body, content_type="application/json")
    assert r.status_code == 400, r.content
    assert message in r.json()["error"]


def test_documented_in_openapi(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for path, method in ((WINDOW, "get"), (DISHONEST, "post"), (AUCTION, "post")):
        op = schema["paths"][path][method]
        assert "400" in op["responses"] and "200" in op["responses"]


# ---- /tools/enforcement/ ---------------------------------------------------------------------------

def test_page_empty_and_linked_from_other_calculators(client):
    r = client.get(PAGE)
    assert r.status_code == 200
    html = r.content.decode()
    assert "<title>执行计算" in html and 'name="effective_on"' in html and 'name="valuation"' in html
    for other in ("/tools/fees/", "/tools/periods/"):
        assert PAGE in client.get(other).content.decode()


@pytest.mark.parametrize("params, shown", [
    ({"calc": "window", "effective_on": "2023-09-20", "due_on": "2023-10-01"}, ["2025-10-09", "第二百五十条"]),
    ({"calc": "dishonest", "circumstances": ["2"], "aggravating": "1"}, ["2</b> 至 <b>5", "失信规定 第二条"]),
    ({"calc": "dishonest", "circumstances": ["1"]}, ["不设期限"]),
    ({"calc": "dishonest", "circumstances": ["1"], "minor": "1"}, ["不得纳入", "第四条"]),
    ({"calc": "auction", "valuation": "1000000", "asset": "real_estate", "round": "1"}, ["700000.00", "35000.00"]),
    ({"calc": "auction", "valuation": "1000000", "asset": "movable", "round": "2", "previous_opening_price": "700000",
      "failed_on": "2025-03-03"}, ["560000.00", "2025-04-02"]),
    ({"calc": "auction", "valuation": "1000000", "asset": "movable", "round": "sale"}, ["变卖"]),
])
def test_page_results(client, params, shown):
    r = client.get(PAGE, params)
    assert r.status_code == 200, r.content.decode()
    html = r.content.decode()
    for text in shown:
        assert text in html


@pytest.mark.parametrize("params, message", [
    ({"calc": "window", "effective_on": ""}, "请填写法律文书生效日期"),
    ({"calc": "auction", "valuation": "abc", "asset": "movable", "round": "1"}, "金额数字"),
    ({"calc": "auction", "valuation": "<script>x</script>", "asset": "movable", "round": "1"}, "金额数字"),
])
def test_page_errors(client, params, message):
    r = client.get(PAGE, params)
    assert r.status_code == 400
    html = r.content.decode()
    assert 'class="notice error"' in html and message in html and "<script>x" not in html
