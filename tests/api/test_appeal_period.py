"""``GET /api/v1/periods/appeal`` answers the cases of tests/law/test_appeal_domicile.py with the same
law (民事诉讼法 第一百七十一条、第二百八十六条、第一百六十五条、第八十五条；民诉解释 第五百三十六条、第五百四十九条)."""
import re

import pytest

from xiezhi.law.periods import ChineseCalendarPackage, StatutoryCalendar
from tests.law.test_appeal_domicile import CASES

URL = "/api/v1/periods/appeal"
_PKG = ChineseCalendarPackage()


@pytest.fixture(autouse=True)
def appeal_calendar(request, monkeypatch):
    """Without the database: the published notices (2004–2026) and the statutory holidays after them."""
    if request.node.get_closest_marker("django_db"):
        return
    from xiezhi.api import appeal

    monkeypatch.setattr(appeal, "calendar", lambda: StatutoryCalendar(base=_PKG, covers=_PKG.covers))


@pytest.mark.parametrize("kind, domicile, nationality, hmt, days, end, article", CASES)
def test_appeal_period_by_domicile(client, settings, kind, domicile, nationality, hmt, days, end, article):
    settings.APPEAL_HMT_AS_FOREIGN = hmt
    r = client.get(URL, {"document": kind, "served_on": "2025-09-23", "domicile": domicile,
                         "nationality": nationality})
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["appealable"] is True
    assert (body["days"], body["window_end"], body["in_time"], body["provisional"]) == (days, end.isoformat(), None, False)
    assert any(article in b for b in body["basis"])


@pytest.mark.parametrize("lodged, posted, expected", [
    ("2025-10-09", None, True), ("2025-10-10", None, False),
    ("2025-10-14", "2025-10-09", True), ("2025-10-14", "2025-10-10", False),
])
def test_mailbox_rule(client, lodged, posted, expected):
    """民事诉讼法 第八十五条第四款：期满前交邮的，不算过期。"""
    params = {"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland", "lodged_on": lodged}
    if posted:
        params["posted_on"] = posted
    assert client.get(URL, params).json()["in_time"] is expected


def test_provisional_year(client):
    """民事诉讼法 第八十五条第三款：2027 年通知未录入，国庆节仍顺延，结果标明暂定。"""
    body = client.get(URL, {"document": "judgment", "served_on": "2027-09-16", "domicile": "mainland"}).json()
    assert (body["window_end"], body["provisional"]) == ("2027-10-04", True)


@pytest.mark.django_db
@pytest.mark.parametrize("procedure, appealable, article", [
    ("civil_small_claims", False, "第一百六十五条"),    # 小额诉讼一审终审
    ("civil_special", False, "第一百八十五条"),         # 特别程序一审终审
    ("civil_summary", True, "第一百七十一条"),
    ("admin_ordinary", True, "行政诉讼法 第八十五条"),
])
def test_procedure(client, procedure, appealable, article):
    body = client.get(URL, {"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland",
                            "procedure": procedure, "lodged_on": "2025-09-30"}).json()
    assert body["appealable"] is appealable
    assert any(article in b for b in body["basis"])
    if not appealable:
        assert (body["days"], body["window_end"], body["in_time"]) == (None, None, False)


@pytest.mark.django_db
def test_database_calendar_marks_unloaded_years_provisional(client):
    body = client.get(URL, {"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland"}).json()
    assert (body["window_end"], body["provisional"]) == ("2025-10-09", False)
    body = client.get(URL, {"document": "judgment", "served_on": "2099-09-16", "domicile": "abroad"}).json()
    assert body["provisional"] is True


@pytest.mark.django_db
@pytest.mark.parametrize("params, word", [
    ({"served_on": "2025-09-23", "domicile": "mainland"}, "文书种类"),
    ({"document": "verdict", "served_on": "2025-09-23", "domicile": "mainland"}, "文书种类"),
    ({"document": "judgment", "domicile": "mainland"}, "送达日期"),
    ({"document": "judgment", "served_on": "2025-13-01", "domicile": "mainland"}, "送达日期"),
    ({"document": "judgment", "served_on": "23/09/2025", "domicile": "mainland"}, "送达日期"),
    ({"document": "judgment", "served_on": "9999-12-31", "domicile": "mainland"}, "送达日期"),
    ({"document": "judgment", "served_on": "2025-09-23"}, "住所所在地区"),
    ({"document": "judgment", "served_on": "2025-09-23", "domicile": "moon"}, "住所所在地区"),
    ({"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland", "procedure": "nope"}, "审理程序"),
    ({"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland", "procedure": "enforcement"}, "审理程序"),
    ({"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland", "lodged_on": "x"}, "上诉状收到日期"),
    ({"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland", "posted_on": "2025-10-01"}, "上诉状收到日期"),
    ({"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland", "lodged_on": "2025-10-01",
      "posted_on": "2025-10-02"}, "交邮日期"),
    ({"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland", "lodged_on": "2025-09-01"}, "上诉状收到日期"),
    ({"document": "judgment", "served_on": "2025-09-23", "domicile": "mainland", "nationality": "中" * 100}, "国籍"),
])
def test_bad_input_is_400_in_chinese_naming_the_field(client, params, word):
    r = client.get(URL, params)
    assert r.status_code == 400
    message = r.json()["error"]
    assert word in message
    assert not re.search(r"[A-Za-z_]{3,}", message.replace("YYYY-MM-DD", "")), message  # no English field names


def test_repeated_parameter_is_400(client):
    r = client.get(URL + "?document=judgment&document=ruling&served_on=2025-09-23&domicile=mainland")
    assert r.status_code == 400 and "文书种类" in r.json()["error"]


def test_in_the_schema(client):
    r = client.get("/api/schema/")
    assert b"/api/v1/periods/appeal" in r.content
