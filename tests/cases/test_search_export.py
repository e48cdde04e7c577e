"""The staff case search as a clerk uses it (issue 9 §4): a case number typed with half-width
brackets or the 〔〕 of document numbers finds the case (case numbers are written （2026）…, 案号规定
第二条); the result sorts by its columns and exports to Excel — capped, audited; a closed case
shows no overdue badge, wherever the badge shows."""
import datetime
import io
import itertools

import pytest
from django.test import Client

from xiezhi.audit.models import AuditEntry
from xiezhi.cases import export
from xiezhi.cases.models import Case, Party
from xiezhi.courts.models import CaseType

pytestmark = pytest.mark.django_db
_serial = itertools.count(1)


def _case(court, number, name, judge, *, day=1, serial=None, status="in_trial", state="ok", limit=None):
    case = Case.objects.create(court=court, case_type=CaseType.objects.order_by("id").first(), number=number,
                               year=2026, serial=serial or next(_serial), filed_on=datetime.date(2026, 3, day),
                               judge=judge, status=status, deadline_state=state,
                               limit_end=limit or datetime.date(2026, 9, day),
                               closed_on=datetime.date(2026, 10, 1) if status == "closed" else None)
    Party.objects.create(case=case, role="plaintiff", name=name)
    return case


@pytest.fixture
def world(court, make_staff):
    judge = make_staff(["judge"])
    cases = [_case(court, f"（2026）豫0222民初{n}号", name, judge, day=d, serial=n)
             for n, name, d in [(1, "张三", 5), (2, "李四", 3), (10, "某某（北京）科技有限公司", 9), (9, "王五", 1)]]
    c = Client()
    c.force_login(judge)
    return {"judge": judge, "cases": cases, "client": c}


def _numbers(resp):
    return [c.number for c in resp.context["page"].object_list]


@pytest.mark.parametrize("typed", ["(2026)豫0222民初1号", "〔2026〕豫0222民初1号", "（2026）豫0222民初1号",
                                   "[2026]豫0222民初1号", "(2026）豫0222民初1号"])
def test_a_case_number_is_found_whatever_brackets_are_typed(world, typed):
    resp = world["client"].get("/staff/cases/", {"q": typed})
    assert _numbers(resp) == ["（2026）豫0222民初1号"]


def test_a_company_name_is_found_with_half_width_brackets(world):
    resp = world["client"].get("/staff/cases/", {"q": "某某(北京)科技"})
    assert _numbers(resp) == ["（2026）豫0222民初10号"]


def test_the_result_sorts_by_its_columns(world):
    get = lambda order: _numbers(world["client"].get("/staff/cases/", {"order": order}))  # noqa: E731
    # by case number: by year and serial, so 10号 comes after 9号 (not after 1号 as text would)
    assert get("number") == ["（2026）豫0222民初1号", "（2026）豫0222民初2号", "（2026）豫0222民初9号",
                             "（2026）豫0222民初10号"]
    assert get("-number")[0] == "（2026）豫0222民初10号"
    assert get("filed") == ["（2026）豫0222民初9号", "（2026）豫0222民初2号", "（2026）豫0222民初1号",
                            "（2026）豫0222民初10号"]
    assert get("-filed") == list(reversed(get("filed")))  # the default: newest first
    assert get("nonsense") == get("-filed")
    # the column headers are the links that sort, keeping the filters
    html = world["client"].get("/staff/cases/", {"q": "张", "order": "number"}).content.decode()
    assert 'href="?q=%E5%BC%A0&amp;order=-number"' in html and 'aria-sort="ascending"' in html


def test_the_result_exports_to_excel_and_the_export_is_audited(world):
    from openpyxl import load_workbook

    resp = world["client"].get("/staff/cases/export/", {"q": "(2026)豫0222民初", "order": "number"})
    assert resp.status_code == 200 and resp.streaming
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    assert "attachment" in resp["Content-Disposition"]
    wb = load_workbook(io.BytesIO(b"".join(resp.streaming_content)), read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("案号", "案件名称", "案由")
    assert [r[0] for r in rows[1:]] == ["（2026）豫0222民初1号", "（2026）豫0222民初2号", "（2026）豫0222民初9号",
                                        "（2026）豫0222民初10号"]
    entry = AuditEntry.objects.filter(user=world["judge"], action="download").latest("pk")
    assert "导出案件查询结果 4 件" in entry.detail and "民初" in entry.detail


def test_the_export_is_capped(world, monkeypatch):
    from openpyxl import load_workbook

    monkeypatch.setattr(export, "EXPORT_CAP", 2)
    resp = world["client"].get("/staff/cases/export/")
    rows = list(load_workbook(io.BytesIO(b"".join(resp.streaming_content)), read_only=True).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 2 + 1 and "只导出前 2 件" in rows[-1][0]
    assert resp["X-Export-Rows"] == "2"


def test_the_export_refuses_the_public(make_public):
    c = Client()
    c.force_login(make_public())
    assert c.get("/staff/cases/export/").status_code == 403
    assert not AuditEntry.objects.filter(action="download").exists()


def test_a_closed_case_loses_its_overdue_badge(court, make_staff):
    president = make_staff(["president"], "management")
    late_open = _case(court, "（2026）豫0222民初101号", "甲", president, state="overdue",
                      limit=datetime.date(2026, 4, 1))
    late_closed = _case(court, "（2026）豫0222民初102号", "乙", president, status="closed", state="overdue",
                        limit=datetime.date(2026, 4, 1))
    c = Client()
    c.force_login(president)
    rows = c.get("/staff/cases/").content.decode().split("<tbody>")[1].split("</tr>")
    closed_row = next(r for r in rows if "民初102号" in r)
    open_row = next(r for r in rows if "民初101号" in r)
    assert "超审限" not in closed_row and "overdue" not in closed_row and "已结案 · 2026-10-01" in closed_row
    assert "badge overdue" in open_row  # an open case past its limit still shows it
    detail = c.get(f"/staff/cases/{late_closed.pk}/").content.decode()
    assert "badge overdue" not in detail and "超审限" not in detail
    # nor is it found as overdue
    overdue = [x.number for x in c.get("/staff/cases/", {"deadline": "overdue"}).context["page"].object_list]
    assert overdue == [late_open.number]


def test_a_case_number_never_breaks_across_lines(world):
    """（2026）豫0222民初1号 is one word: every list and page puts it in a nowrap span."""
    from django.contrib.staticfiles import finders

    css = open(finders.find("xiezhi/css/xiezhi.css"), encoding="utf-8").read()
    assert ".case-no { white-space: nowrap; }" in css
    case = world["cases"][0]
    listing = world["client"].get("/staff/cases/").content.decode()
    assert f'class="case-no">{case.number}</a>' in listing
    detail = world["client"].get(f"/staff/cases/{case.pk}/").content.decode()
    assert f'<span id="case-number" class="case-no">{case.number}</span>' in detail
