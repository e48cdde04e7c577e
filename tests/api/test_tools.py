"""公开计算器页面 /tools/fees/、/tools/periods/（无需登录，GET 表单，服务器端计算）。"""

import re
from pathlib import Path

import pytest

import xiezhi

TEMPLATES = Path(xiezhi.__file__).parent / "api" / "templates" / "tools"


def page(client, url, params=None, status=200):
    r = client.get(url, params or {})
    assert r.status_code == status
    return r.content.decode()


def test_fee_page_renders_empty_form(client):
    html = page(client, "/tools/fees/")
    assert "<title>诉讼费用计算" in html
    assert "诉讼服务网" in html  # 继承 base_public.html
    assert 'name="viewport"' in html
    assert 'method="get"' in html
    assert 'name="kind"' in html and 'name="amount"' in html
    assert "应交纳" not in html


@pytest.mark.parametrize(
    "params, shown",
    [
        # 领域文档 §4.6 算例
        ({"calc": "litigation", "kind": "property", "amount": "100000", "procedure": "ordinary"}, ["2300.00"]),
        ({"calc": "litigation", "kind": "property", "amount": "8000", "procedure": "small_claims"}, ["25.00"]),
        ({"calc": "litigation", "kind": "property", "amount": "150000", "closed_by": "mediation"}, ["1650.00"]),
        ({"calc": "litigation", "kind": "divorce", "property": "500000"}, ["1550.00", "1800.00", "第十三条末款"]),
        ({"calc": "litigation", "kind": "personality", "damages": "150000"}, ["850.00", "1250.00"]),
        ({"calc": "litigation", "kind": "labor", "amount": "", "property": "", "damages": "", "closed_by": "",
          "province": ""}, ["10.00"]),
        ({"calc": "application", "kind": "enforcement", "amount": "300000"}, ["4400.00", "执行后交纳"]),
        ({"calc": "application", "kind": "preservation", "amount": "2000000"}, ["5000.00"]),
        ({"calc": "application", "kind": "payment_order", "amount": "100000"}, ["766.67"]),
    ],
)
def test_fee_page_results(client, params, shown):
    html = page(client, "/tools/fees/", params)
    assert "应交纳" in html
    for text in shown:
        assert text in html
    assert "诉讼费用交纳办法 第十" in html  # 依据


def test_fee_page_keeps_entered_values(client):
    html = page(client, "/tools/fees/", {"calc": "litigation", "kind": "divorce", "property": "500000",
                                          "procedure": "summary"})
    assert 'value="500000"' in html
    assert '<option value="divorce" selected>' in html
    assert '<option value="summary" selected>' in html
    assert "775.00" in html and "900.00" in html  # 1550–1800 减半


@pytest.mark.parametrize(
    "params, message",
    [
        ({"calc": "litigation", "kind": "property", "amount": "-1"}, "不能为负数"),
        ({"calc": "litigation", "kind": "property", "amount": ""}, "必须填写诉讼请求金额"),
        ({"calc": "litigation", "kind": "nope"}, "不认识的案件类型"),
        ({"calc": "application", "kind": "payment_order"}, "必须填写"),
        ({"calc": "litigation", "kind": "property", "amount": "1" * 30}, "过大"),
    ],
)
def test_fee_page_errors(client, params, message):
    html = page(client, "/tools/fees/", params, status=400)
    assert 'class="notice error"' in html
    assert message in html


def test_fee_page_escapes_input(client):
    html = page(client, "/tools/fees/", {"calc": "litigation", "kind": "property", "amount": "<script>x</script>"},
                status=400)
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;" in html


def test_period_page_renders(client):
    html = page(client, "/tools/periods/")
    assert "<title>期间计算" in html
    assert 'type="date"' in html
    assert "届满日" in html


@pytest.mark.parametrize(
    "params, end, nominal",
    [
        ({"start": "2025-09-23", "n": "15", "unit": "days"}, "2025-10-09", "2025-10-08"),
        ({"start": "2026-02-05", "n": "10", "unit": "days"}, "2026-02-24", "2026-02-15"),
        ({"start": "2025-01-31", "n": "1", "unit": "months"}, "2025-02-28", None),
        ({"start": "2024-02-29", "n": "1", "unit": "years"}, "2025-02-28", None),
        ({"start": "2025-09-18", "n": "10", "unit": "days"}, "2025-09-28", None),
    ],
)
def test_period_page_results(client, params, end, nominal):
    html = page(client, "/tools/periods/", params)
    assert f"<b class=\"nowrap\">{end}</b>" in html
    if nominal:
        assert nominal in html and "顺延" in html
    else:
        assert 'class="notice warn"' not in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "2025-09-23", "n": "", "unit": "days"}, "请填写期间长度"),
        ({"start": "", "n": "15", "unit": "days"}, "缺少"),
        ({"start": "2025-02-30", "n": "15", "unit": "days"}, "不是有效日期"),
        ({"start": "2025-09-23", "n": "abc", "unit": "days"}, "应为正整数"),
        ({"start": "2026-12-20", "n": "30", "unit": "days"}, "2027"),
        ({"start": "2025-09-23", "n": "15", "unit": "weeks"}, None),  # 单位不认识 → 按日计算
    ],
)
def test_period_page_errors(client, params, message):
    if message is None:
        assert "2025-10-09" in page(client, "/tools/periods/", params)
        return
    html = page(client, "/tools/periods/", params, status=400)
    assert message in html


@pytest.mark.parametrize("url, params", [
    ("/tools/periods/", {"start": "", "n": "15", "unit": "days"}),
    ("/tools/periods/", {"start": "2025-09-23", "n": "十五", "unit": "days"}),
    ("/tools/fees/", {"calc": "application", "kind": "payment_order"}),
    ("/tools/fees/", {"calc": "litigation", "kind": "property", "amount": "-1"}),
])
def test_page_errors_name_the_field_in_chinese_not_by_its_code(client, url, params):
    """A person reads the calculator's page: 缺少起算日, not 缺少参数 start（起算日）(issue 9 §4)."""
    import re

    html = page(client, url, params, status=400)
    message = re.search(r'<p class="notice error" role="alert">(.*?)</p>', html, re.S).group(1)
    assert not re.search(r"[A-Za-z_]{3,}", message), message


@pytest.mark.parametrize("url", ["/tools/fees/", "/tools/periods/"])
def test_post_not_allowed(client, url):
    assert client.post(url).status_code == 405


@pytest.mark.parametrize("url", ["/tools/fees/?calc=litigation&kind=labor", "/tools/periods/?start=2025-09-23&n=15"])
def test_no_inline_styles_or_external_assets(client, url):
    """CSP 为 style-src 'self'：页面不得有内联样式；不引用外部资源。"""
    html = page(client, url)
    assert "style=" not in html and "<style" not in html
    assert not re.search(r"""(src|href)=["']https?://""", html)


@pytest.mark.parametrize("name", ["fees.html", "periods.html"])
def test_all_template_text_is_translatable(name):
    """项目约定：模板中的中文一律经 {% translate %} / {% blocktranslate %}。"""
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    stripped = re.sub(r"{% blocktranslate.*?%}.*?{% endblocktranslate %}", "", source, flags=re.S)
    stripped = re.sub(r"{%\s*translate\s+\"[^\"]*\"\s*%}", "", stripped)
    stripped = re.sub(r"{#.*?#}", "", stripped, flags=re.S)
    leftover = re.findall(r"[\u4e00-\u9fff]+", stripped)
    assert leftover == []
