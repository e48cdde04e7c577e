"""审限、案号、证件号码公开接口与接口文档页（issue 9 §2）：回答 tests/law 的算例，错误一律 400 和中文。"""

import json
import re

import pytest

TL = "/api/v1/timelimits/compute"
CN = "/api/v1/casenumbers/parse"
ID = "/api/v1/identity/check"

pytestmark = pytest.mark.django_db


def post(client, body, status=200):
    raw = body if isinstance(body, (str, bytes)) else json.dumps(body)
    r = client.post(TL, raw, content_type="application/json")
    assert r.status_code == status, r.content
    return r.json()


def _no_english_field_name(message):
    """错误消息用中文说明是哪一项，不出现英文字段名。"""
    assert re.search(r"[\u4e00-\u9fa5]", message)
    for name in ("procedure", "filed_on", "public_notice", "deductions", "extensions", "conversions", "text",
                 "kind", "number", "foreign_related", "approved_on"):
        assert not re.search(rf"(?<![a-z_]){name}(?![a-z_])", message.split("（")[0]), message


@pytest.mark.parametrize("body, limit_end, article", [
    ({"procedure": "civil_special", "filed_on": "2025-03-03"}, "2025-04-02", "第一百八十七条"),
    ({"procedure": "civil_special", "filed_on": "2025-03-03",
      "public_notice": {"published_on": "2025-03-05", "ends_on": "2025-06-05"}}, "2025-07-05", "第一百八十七条"),
    ({"procedure": "civil_judicial_confirmation", "filed_on": "2025-03-03"}, "2025-04-02", "第一百八十七条"),
    ({"procedure": "civil_payment_order", "filed_on": "2025-03-03"}, "2025-03-18", "第二百二十七条"),
    ({"procedure": "civil_ordinary", "filed_on": "2020-01-01", "foreign_related": True}, None, "第二百八十七条"),
    ({"procedure": "civil_ordinary_single", "filed_on": "2025-01-10"}, "2025-07-10", "第一百五十二条"),
    ({"procedure": "civil_summary", "filed_on": "2025-01-10",
      "extensions": [{"months": 1, "approver": "president", "approved_on": "2025-03-20"},
                     {"months": 6, "approver": "president", "approved_on": "2025-08-01"}],
      "conversions": [{"on": "2025-04-01", "to": "civil_ordinary"}]}, "2026-01-10", "第二百五十八条"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-10",
      "deductions": [{"kind": "appraisal", "start": "2025-02-01", "end": "2025-03-03"}]}, "2025-08-09", "第二百四十三条"),
])
def test_time_limit_answers_the_law_cases(client, body, limit_end, article):
    """民事诉讼法 第一百五十二条、第一百八十七条、第二百二十七条、第二百八十七条；民诉解释 第二百四十三条、
    第二百五十八条：与 tests/law/test_timelimits.py 的算例一致。"""
    out = post(client, body)
    assert out["limit_end"] == limit_end
    assert any(article in b for b in out["basis"]), out["basis"]
    assert isinstance(out["provisional"], bool) and isinstance(out["deducted_days"], int)


def test_time_limit_public_summons_needs_60_days(client):
    """民事诉讼法 第二百三十条：公示催告期间不得少于六十日。"""
    out = post(client, {"procedure": "civil_public_summons", "filed_on": "2025-03-03",
                        "public_notice": {"published_on": "2025-03-05", "ends_on": "2025-04-05"}}, 400)
    assert "六十日" in out["error"]
    ok = post(client, {"procedure": "civil_public_summons", "filed_on": "2025-03-03",
                       "public_notice": {"published_on": "2025-03-05", "ends_on": "2025-05-04"}})
    assert ok["limit_end"] is None and ok["earliest_judgment_on"] == "2025-05-05"


def test_time_limit_provisional_for_a_year_without_the_notice(client):
    """民事诉讼法 第八十五条：届满日所在年份的放假安排尚未载入时，结果标为待定。"""
    assert post(client, {"procedure": "civil_ordinary", "filed_on": "2099-01-10"})["provisional"] is True


@pytest.mark.parametrize("body, words", [
    ({}, "审理程序"),
    ({"procedure": "nope", "filed_on": "2025-01-01"}, "审理程序"),
    ({"procedure": "civil_ordinary"}, "立案日期"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-13-01"}, "立案日期"),
    ({"procedure": "civil_ordinary", "filed_on": 20250101}, "立案日期"),
    ({"procedure": "civil_ordinary", "filed_on": "9999-01-01"}, "立案日期"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01", "foreign_related": "yes"}, "涉外"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01", "public_notice": "x"}, "公告"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01", "deductions": {"a": 1}}, "审限扣除"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01", "deductions": [{"kind": "x", "start": "2025-01-02"}]},
     "扣除类型"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01",
      "deductions": [{"kind": "appraisal", "start": "2025-02-02", "end": "2025-02-01"}]}, "早于"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01", "extensions": [{"months": 6}]}, "批准机关"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01",
      "extensions": [{"months": "6", "approver": "president"}]}, "延长月数"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01",
      "extensions": [{"months": 6, "approver": "president"}, {"months": 3, "approver": "president"}]}, "上一级人民法院"),
    ({"procedure": "civil_summary", "filed_on": "2025-01-01", "extensions": [{"months": 2, "approver": "president"}]},
     "超过"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01", "conversions": [{"on": "2025-02-01", "to": "criminal_fast"}]},
     "转换"),
    ({"procedure": "civil_ordinary", "filed_on": "2025-01-01", "public_notice": {"published_on": "2025-01-02"}},
     "公告届满日"),
    ([], "JSON 对象"),
])
def test_time_limit_bad_input_is_400_in_chinese(client, body, words):
    out = post(client, body, 400)
    assert words in out["error"], out
    _no_english_field_name(out["error"])


@pytest.mark.parametrize("raw", ["{", "NaN", "[1,", "\x00"])
def test_time_limit_unparseable_body_is_400(client, raw):
    out = post(client, raw, 400)
    assert out["error"] == "请求内容不是有效的 JSON。"


def test_time_limit_needs_no_csrf_for_a_logged_in_user(client, make_staff):
    """公开接口不用会话：登录的工作人员从别处调用也不会因 CSRF 被拒。"""
    from django.test import Client

    c = Client(enforce_csrf_checks=True)
    c.force_login(make_staff("judge"))
    r = c.post(TL, json.dumps({"procedure": "civil_ordinary", "filed_on": "2025-01-10"}), content_type="application/json")
    assert r.status_code == 200


@pytest.mark.parametrize("text, valid, fields, error", [
    ("（2025）豫0222民初1187号", True,
     {"court_name": "通许县人民法院", "type_code": "民初", "serial": "1187", "canonical": "（2025）豫0222民初1187号"}, None),
    ("(2025)豫0222民初0012号", False, {"canonical": "（2025）豫0222民初12号"}, "前导零"),
    ("（2025）豫0222民终12号", False, {}, "基层人民法院不办理“民终”"),
    ("（2025）豫0222执复3号", False, {}, "执复"),
    ("（2025）豫0222刑核12345678号", False, {}, "刑核"),
    ("（2025）豫刑核1234567号", False, {}, "8 位"),
    ("（2025）豫0999民初1号", False, {}, "法院代字表"),
    ("（2025）豫02民终12号", True, {"court_name": "河南省开封市中级人民法院"}, None),
    ("豫0222民初1号", False, {}, "格式不正确"),
])
def test_case_number_parse_answers_the_law_cases(client, text, valid, fields, error):
    """案号规定 第四条至第十二条：与 tests/law/test_casenumber.py 的算例一致，代字表来自已公布的法院代码。"""
    r = client.get(CN, {"text": text})
    assert r.status_code == 200, r.content
    out = r.json()
    assert out["valid"] is valid, out
    for k, v in fields.items():
        assert out[k] == v, (k, out)
    if error:
        assert any(error in e for e in out["errors"]), out["errors"]
    else:
        assert out["errors"] == []


@pytest.mark.parametrize("params, words", [({}, "案号"), ({"text": "x" * 200}, "案号过长")])
def test_case_number_bad_input_is_400(client, params, words):
    r = client.get(CN, params)
    assert r.status_code == 400
    assert words in r.json()["error"]
    _no_english_field_name(r.json()["error"])


def _rid(body17):
    from xiezhi.law.identity import resident_id_check_char

    return body17 + resident_id_check_char(body17)


def test_identity_resident_id(client):
    """GB 11643-1999：出生日期、性别；出生日期晚于今天的无效。"""
    out = client.get(ID, {"kind": "resident_id", "number": _rid("41022219800101001")}).json()
    assert out == {"valid": True, "birth_date": "1980-01-01", "sex": "男", "errors": []}
    future = client.get(ID, {"kind": "resident_id", "number": _rid("41022221000101002")}).json()
    assert future["valid"] is False and "晚于今天" in future["errors"][0]


def test_identity_uscc_strict_mode_is_a_court_setting(client, settings):
    """GB 32100-2015 第 4.4 条：严格模式（本院设置 XIEZHI_USCC_STRICT）核对其中的组织机构代码。"""
    from xiezhi.law.identity import uscc_check_char

    body = "9141022279965505"
    bad = body + "0" + uscc_check_char(body + "0")  # 组织机构代码 79965505-0：校验码应为另一位
    settings.USCC_STRICT = False
    assert client.get(ID, {"kind": "uscc", "number": bad}).json()["valid"] is True
    settings.USCC_STRICT = True
    out = client.get(ID, {"kind": "uscc", "number": bad}).json()
    assert out["valid"] is False and "组织机构代码" in out["errors"][0]


@pytest.mark.parametrize("params, words", [
    ({"kind": "passport", "number": "1"}, "证件类型"),
    ({"kind": "uscc"}, "证件号码"),
    ({"kind": "uscc", "number": "9" * 100}, "过长"),
])
def test_identity_bad_input_is_400(client, params, words):
    r = client.get(ID, params)
    assert r.status_code == 400
    assert words in r.json()["error"]
    _no_english_field_name(r.json()["error"])


def test_identity_stores_nothing(client):
    """“只核对，不保存”：请求前后数据库行数不变。"""
    from tests.helpers import row_counts

    before = row_counts()
    client.get(ID, {"kind": "resident_id", "number": _rid("41022219800101001")})
    assert row_counts() == before


def test_new_endpoints_are_in_the_openapi_schema(client):
    r = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert r.status_code == 200
    text = r.content.decode()
    for path in ("/api/v1/timelimits/compute", "/api/v1/casenumbers/parse", "/api/v1/identity/check"):
        assert path in text


def test_docs_page_loads_with_no_external_url(client):
    """接口文档页（Swagger UI）由本平台提供：页面和它引用的脚本、样式都不指向外部地址。"""
    r = client.get("/api/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    refs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert refs, html
    for ref in refs:
        assert not re.match(r"^(https?:)?//", ref), ref
    assert "<script>" not in html.replace(" ", "")  # no inline script: CSP script-src 'self' holds
    scripts = [ref for ref in refs if ref.endswith(".js") or "swagger" in ref]
    for ref in scripts:
        if ref.startswith("/static/"):
            continue
        js = client.get(ref)
        assert js.status_code == 200, ref
        assert "cdn" not in js.content.decode().lower() or "unpkg" not in js.content.decode().lower()


def test_docs_linked_from_the_footer_of_both_layouts(client, make_staff):
    """公众页面（base_public）和工作人员页面（base_staff）的页脚都链接接口文档页。"""
    assert 'href="/api/docs/"' in client.get("/").content.decode()
    client.force_login(make_staff("judge"))
    r = client.get("/staff/")
    assert r.status_code == 200
    assert 'href="/api/docs/"' in r.content.decode()


def test_time_limits_page_computes_like_the_api(client):
    """/tools/time-limits/：特别程序公告期满后三十日（民事诉讼法 第一百八十七条）。"""
    r = client.get("/tools/time-limits/", {"procedure": "civil_special", "filed_on": "2025-03-03",
                                           "published_on": "2025-03-05", "ends_on": "2025-06-05"})
    assert r.status_code == 200
    assert "2025-07-05" in r.content.decode()
    bad = client.get("/tools/time-limits/", {"procedure": "civil_special", "filed_on": "2025-02-30"})
    assert bad.status_code == 400 and "立案日期" in bad.content.decode()
    foreign = client.get("/tools/time-limits/", {"procedure": "civil_ordinary", "filed_on": "2020-01-01",
                                                 "foreign_related": "1"})
    assert "不受审限限制" in foreign.content.decode()
