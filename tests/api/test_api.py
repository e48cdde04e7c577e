"""公开计算接口（/api/v1/…）：领域文档 §4.6 算例、期间计算与 400 错误体。"""

import pytest

LIT = "/api/v1/fees/litigation"
APP = "/api/v1/fees/application"
PER = "/api/v1/periods/end"


def get_json(client, url, params, status=200):
    r = client.get(url, params)
    assert r.status_code == status, r.content
    assert r["Content-Type"].startswith("application/json")
    return r.json()


# ---------------------------------------------------------------------------
# 案件受理费（诉讼费用交纳办法 第十三条、第十五条、第十六条；领域文档 §4.6）
# ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, expected",
    [
        ({"kind": "property", "amount": "100000"}, {"fee": "2300.00"}),
        ({"kind": "property", "amount": "8000", "procedure": "small_claims"}, {"fee": "25.00"}),
        ({"kind": "property", "amount": "150000"}, {"fee": "3300.00"}),
        ({"kind": "property", "amount": "150000", "closed_by": "mediation"}, {"fee": "1650.00"}),
        ({"kind": "property", "amount": "150000", "procedure": "summary"}, {"fee": "1650.00"}),
        ({"kind": "property", "amount": "150000", "procedure": "summary", "closed_by": "mediation"}, {"fee": "1650.00"}),
        ({"kind": "property", "amount": "1000000"}, {"fee": "13800.00"}),
        ({"kind": "divorce", "property": "500000"}, {"fee_min": "1550.00", "fee_max": "1800.00"}),
        ({"kind": "personality", "damages": "150000"}, {"fee_min": "850.00", "fee_max": "1250.00"}),
        ({"kind": "labor"}, {"fee": "10.00"}),
        ({"kind": "administrative"}, {"fee": "50.00"}),
        ({"kind": "administrative_special"}, {"fee": "100.00"}),
        ({"kind": "ip"}, {"fee_min": "500.00", "fee_max": "1000.00"}),
        ({"kind": "jurisdiction_objection"}, {"fee_min": "50.00", "fee_max": "100.00"}),
        ({"kind": "property", "amount": "100000", "province": "豫"}, {"fee": "2300.00"}),
    ],
)
def test_litigation_fee(client, params, expected):
    body = get_json(client, LIT, params)
    fee_keys = {k: v for k, v in body.items() if k.startswith("fee")}
    assert fee_keys == expected
    assert body["basis"].startswith("诉讼费用交纳办法 第十三条")
    assert isinstance(body["notes"], list)


def test_province_settings_are_used(client, monkeypatch):
    """省级标准（诉讼费用交纳办法 第十三条末款）经 settings_source.get_fee_settings 取得。"""
    from xiezhi.api import settings_source
    from xiezhi.law.fees import ProvinceFeeSettings

    seen = []

    def fake(province):
        seen.append(province)
        return ProvinceFeeSettings(divorce_base=200, stack_halvings=True)

    monkeypatch.setattr(settings_source, "get_fee_settings", fake)
    body = get_json(client, LIT, {"kind": "divorce", "property": "500000", "province": "豫"})
    assert body["fee"] == "1700.00" and seen == ["豫"]
    body = get_json(client, LIT, {"kind": "property", "amount": "150000", "procedure": "summary",
                                  "closed_by": "mediation", "province": "豫"})
    assert body["fee"] == "825.00"


@pytest.mark.django_db
def test_settings_source_reads_the_province_table():
    """Figures a province chose (ProvinceSetting rows, loaded for 豫); none for 京 → statutory range."""
    from xiezhi.api.settings_source import get_fee_settings

    henan = get_fee_settings("豫")
    assert henan is not None and henan.divorce_base is not None
    assert get_fee_settings("京") is None


# ---------------------------------------------------------------------------
# 申请费（诉讼费用交纳办法 第十四条）
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"kind": "enforcement", "amount": "300000"}, {"fee": "4400.00"}),
        ({"kind": "enforcement"}, {"fee_min": "50.00", "fee_max": "500.00"}),
        ({"kind": "preservation", "amount": "300000"}, {"fee": "2020.00"}),
        ({"kind": "preservation", "amount": "2000000"}, {"fee": "5000.00"}),
        ({"kind": "payment_order", "amount": "100000"}, {"fee": "766.67"}),
        ({"kind": "public_summons"}, {"fee": "100.00"}),
        ({"kind": "arbitration_review"}, {"fee": "400.00"}),
        ({"kind": "bankruptcy", "amount": "200000000"}, {"fee": "300000.00"}),
    ],
)
def test_application_fee(client, params, expected):
    body = get_json(client, APP, params)
    assert {k: v for k, v in body.items() if k.startswith("fee")} == expected
    assert body["basis"].startswith("诉讼费用交纳办法 第十四条")


# ---------------------------------------------------------------------------
# 期间（民事诉讼法 第八十五条；民法典 第二百零一条至第二百零三条）
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params, end, extended",
    [
        ({"start": "2025-09-23", "days": "15"}, "2025-10-09", True),  # 国庆假期顺延
        ({"start": "2025-09-18", "days": "10"}, "2025-09-28", False),  # 周日调休上班
        ({"start": "2025-10-01", "days": "10"}, "2025-10-11", False),  # 周六调休上班
        ({"start": "2026-02-05", "days": "10"}, "2026-02-24", True),  # 2026 年春节
        ({"start": "2025-01-31", "months": "1"}, "2025-02-28", False),  # 没有对应日 → 月末
        ({"start": "2024-01-31", "months": "1"}, "2024-02-29", False),
        ({"start": "2025-09-01", "months": "1"}, "2025-10-09", True),
        ({"start": "2024-02-29", "years": "1"}, "2025-02-28", False),
        ({"start": "2025-09-23", "days": "+015"}, "2025-10-09", True),
    ],
)
def test_period_end(client, params, end, extended):
    body = get_json(client, PER, params)
    assert body["end"] == end
    assert body["extended"] is extended
    assert "第八十五条" in body["basis"]


# ---------------------------------------------------------------------------
# 400：参数错误一律返回 {"error": "中文说明"}，不出现 500
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, params, message",
    [
        (LIT, {}, "缺少参数 kind（案件类型）"),
        (LIT, {"kind": ""}, "缺少参数 kind（案件类型）"),
        (LIT, {"kind": "unknown"}, "不认识的案件类型：'unknown'"),
        (LIT, {"kind": "property"}, "财产案件必须填写诉讼请求金额（amount）"),
        (LIT, {"kind": "property", "amount": "-1"}, "诉讼请求金额不能为负数，收到：-1"),
        (LIT, {"kind": "property", "amount": "abc"}, "诉讼请求金额应为数字，收到：'abc'"),
        (LIT, {"kind": "property", "amount": "NaN"}, "诉讼请求金额应为有限的数字，收到：'NaN'"),
        (LIT, {"kind": "property", "amount": "1e400"}, "诉讼请求金额过大"),
        (LIT, {"kind": "property", "amount": "9" * 40}, "诉讼请求金额过大"),
        (LIT, {"kind": "property", "amount": "9" * 100}, "参数 amount（诉讼请求金额）过长"),
        (LIT, {"kind": "property", "amount": "100", "procedure": "fast"}, "不认识的审理程序：'fast'"),
        (LIT, {"kind": "property", "amount": "100", "closed_by": "judgment"}, "不认识的结案方式"),
        (LIT, {"kind": "property", "amount": "100", "province": "滇"}, "不认识的省份代字：滇"),
        (LIT, {"kind": "property", "amount": "100", "damages": "5"}, "只有人格权案件才填写损害赔偿金额"),
        (APP, {}, "缺少参数 kind（申请类型）"),
        (APP, {"kind": "unknown"}, "不认识的申请类型：'unknown'"),
        (APP, {"kind": "payment_order"}, "申请支付令必须填写请求给付的金额（amount）"),
        (APP, {"kind": "enforcement", "amount": "-5"}, "金额不能为负数，收到：-5"),
        (PER, {}, "缺少参数 start（起算日）"),
        (PER, {"start": "2025-09-23"}, "天数（days）、月数（months）、年数（years）须且只能填写一项"),
        (PER, {"start": "2025-09-23", "days": "15", "months": "1"}, "须且只能填写一项"),
        (PER, {"start": "2025-13-01", "days": "15"}, "起算日（start）不是有效日期：2025-13-01"),
        (PER, {"start": "2025-02-30", "days": "15"}, "不是有效日期"),
        (PER, {"start": "23/09/2025", "days": "15"}, "起算日（start）格式应为 YYYY-MM-DD"),
        (PER, {"start": "20250923", "days": "15"}, "格式应为 YYYY-MM-DD"),
        (PER, {"start": "2025-09-23", "days": "abc"}, "参数 days（天数）应为正整数，收到：abc"),
        (PER, {"start": "2025-09-23", "days": "1.5"}, "应为正整数"),
        (PER, {"start": "2025-09-23", "days": "-3"}, "应为正整数"),
        (PER, {"start": "2025-09-23", "days": "0"}, "应为正整数"),
        (PER, {"start": "2025-09-23", "days": "99999999999999999999"}, "期间过长"),
        (PER, {"start": "2025-09-23", "months": "999999"}, "期间过长"),
        (PER, {"start": "9999-12-31", "days": "1"}, "期间过长"),
        (PER, {"start": "2026-12-20", "days": "30"}, "2027"),  # 节假日数据只到 2026 年
        (PER, {"start": "2003-01-01", "days": "30"}, "2003"),
        (PER, {"start": "2025-09-23", "days": "999999"}, "节假日数据"),
    ],
)
def test_bad_parameters_return_400(client, url, params, message):
    body = get_json(client, url, params, status=400)
    assert set(body) == {"error"}
    assert message in body["error"]


def test_repeated_parameter_is_400(client):
    r = client.get(LIT + "?kind=property&amount=1&amount=2")
    assert r.status_code == 400
    assert r.json() == {"error": "参数 amount（诉讼请求金额）只能填写一次"}


def test_post_not_allowed_returns_json_error(client):
    r = client.post(LIT, {"kind": "labor"})
    assert r.status_code == 405
    assert "error" in r.json()


# ---------------------------------------------------------------------------
# 访问控制、频率限制、OpenAPI
# ---------------------------------------------------------------------------


def test_anonymous_allowed_and_throttled(client, settings):
    """匿名可访问；超过 AnonRateThrottle 频率返回 429 和中文/JSON 错误体。"""
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    rates = dict(api_settings.DEFAULT_THROTTLE_RATES)
    rates["anon"] = "3/min"
    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = rates
    try:
        for _ in range(3):
            assert client.get(LIT, {"kind": "labor"}).status_code == 200
        r = client.get(LIT, {"kind": "labor"})
        assert r.status_code == 429
        assert set(r.json()) == {"error"}
    finally:
        AnonRateThrottle.THROTTLE_RATES = original


def test_schema_lists_every_query_parameter(client):
    r = client.get("/api/schema/", {"format": "json"})
    assert r.status_code == 200
    schema = r.json()
    paths = schema["paths"]

    def names(p):
        return {prm["name"] for prm in paths[p]["get"]["parameters"]}

    lit, app, per = LIT, APP, PER
    assert {LIT, APP, PER} <= set(paths)
    assert {"kind", "amount", "procedure", "property", "damages", "closed_by", "province"} <= names(lit)
    assert {"kind", "amount", "province"} <= names(app)
    assert {"start", "days", "months", "years"} <= names(per)
    kind = next(prm for prm in paths[lit]["get"]["parameters"] if prm["name"] == "kind")
    assert kind["required"] is True
    assert "property" in kind["schema"]["enum"]
    assert "400" in paths[lit]["get"]["responses"]


@pytest.mark.django_db
def test_period_end_with_database_calendar(client, monkeypatch):
    """真实的数据库节假日表（xiezhi.courts.calendar.get_work_calendar）。"""
    import chinese_calendar

    from xiezhi.courts import calendar as court_calendar
    from xiezhi.courts.models import CalendarDay

    monkeypatch.setattr(court_calendar, "_cache", None)
    for d, name in chinese_calendar.holidays.items():
        if d.year == 2025:
            CalendarDay.objects.update_or_create(date=d, defaults={"is_rest_day": True, "name": str(name), "version": "test"})
    for d, name in chinese_calendar.workdays.items():
        if d.year == 2025:
            CalendarDay.objects.update_or_create(date=d, defaults={"is_rest_day": False, "name": str(name), "version": "test"})
    CalendarDay.objects.filter(date__year__gte=2030).delete()
    monkeypatch.setattr(court_calendar, "_cache", None)

    assert get_json(client, PER, {"start": "2025-09-23", "days": "15"})["end"] == "2025-10-09"
    assert get_json(client, PER, {"start": "2025-09-18", "days": "10"})["end"] == "2025-09-28"
    body = get_json(client, PER, {"start": "2030-02-05", "days": "10"}, status=400)
    assert "2030" in body["error"]
