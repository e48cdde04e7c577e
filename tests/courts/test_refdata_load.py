"""load_all / load_refdata: idempotent, and every value fits its column."""
import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import CharField

from xiezhi.courts import refdata
from xiezhi.courts.calendar import get_work_calendar
from xiezhi.courts.models import CalendarDay, CaseType, Cause, Court, Procedure, ProvinceSetting

pytestmark = pytest.mark.django_db

MODELS = [Court, CaseType, Cause, Procedure, ProvinceSetting, CalendarDay]


def snapshot():
    return {m.__name__: sorted(m.objects.values_list(*[f.attname for f in m._meta.concrete_fields]))
            for m in MODELS}


def test_loading_twice_is_idempotent(fresh_calendar_cache):
    first = refdata.load_all()
    before = snapshot()
    assert refdata.load_all() == first
    assert snapshot() == before
    assert first["courts"] == Court.objects.count() == 3526
    assert first["causes"] == Cause.objects.count()
    assert first["calendar"] == CalendarDay.objects.count()


def test_reload_keeps_admin_choices_and_additions(fresh_calendar_cache):
    refdata.load_courts()
    Court.objects.filter(case_code="豫0222").update(active=False)
    internet = Court.objects.create(code="9999", name="某互联网法院", case_code="浙0192", version="local",
                                    parent=Court.objects.get(case_code="浙01"))
    refdata.load_courts()
    assert not Court.objects.get(case_code="豫0222").active
    internet.refresh_from_db()
    assert internet.parent.case_code == "浙01"


def test_values_fit_their_columns(fresh_calendar_cache):
    """SQLite does not enforce max_length; PostgreSQL would refuse the load."""
    refdata.load_all()
    for model in MODELS:
        for field in model._meta.concrete_fields:
            if isinstance(field, CharField):
                longest = max((len(v) for v in model.objects.values_list(field.attname, flat=True)), default=0)
                assert longest <= field.max_length, (model.__name__, field.name, longest)


def test_procedures_cover_every_time_limit_rule():
    refdata.load_procedures()
    assert set(Procedure.objects.values_list("limit_code", flat=True)) == refdata.LIMIT_CODES
    # every procedure names its fee rule (诉讼费用交纳办法), and every fee rule is used
    assert set(Procedure.objects.values_list("fee_procedure", flat=True)) == refdata.FEE_PROCEDURES
    for code, limit, fee in [("civil_ordinary", "civil_ordinary", "ordinary"),
                             ("civil_ordinary_single", "civil_ordinary", "ordinary"),
                             ("civil_summary", "civil_summary", "summary"),
                             ("civil_small_claims", "civil_small_claims", "small_claims"),
                             ("civil_special", "civil_special", "special"),  # 第八条第（一）项
                             ("civil_judicial_confirmation", "civil_special", "special"),
                             ("civil_security_realization", "civil_special", "special"),
                             ("civil_payment_order", "civil_payment_order", "payment_order"),  # 第十四条第（三）项
                             ("civil_public_summons", "civil_public_summons", "public_summons"),
                             ("civil_second_judgment", "civil_second_judgment", "appeal"),  # 第十七条
                             ("civil_second_ruling", "civil_second_ruling", "ruling_appeal"),  # 第八条第（三）项
                             ("criminal_fast", "criminal_fast", "criminal"),
                             ("enforcement", "enforcement", "enforcement")]:
        p = Procedure.objects.get(code=code)
        assert (p.limit_code, p.fee_procedure) == (limit, fee)
    names = set(Procedure.objects.values_list("name", flat=True))
    assert {"普通程序", "简易程序", "小额诉讼程序", "特别程序", "督促程序", "公示催告程序", "刑事普通程序",
            "刑事简易程序", "速裁程序", "行政普通程序", "行政简易程序", "执行实施", "非诉执行审查"} <= names


def test_province_settings_for_henan_are_marked_examples():
    refdata.load_province_settings()
    rows = ProvinceSetting.objects.filter(province="豫")
    assert set(rows.values_list("key", flat=True)) == {
        "avg_wage_employed", "divorce_base", "personality_base", "other_non_property", "ip_no_amount",
        "jurisdiction_objection", "enforcement_no_amount"}
    assert all("示例数据 ⚠ 须以本省公布数据替换" in r.source for r in rows)
    assert rows.get(key="avg_wage_employed").year is not None
    refdata.load_province_settings()
    assert rows.count() == 7


def test_calendar_holidays_and_makeup_days(fresh_calendar_cache):
    count = refdata.load_calendar()
    assert count == CalendarDay.objects.count() > 700
    cal = get_work_calendar()
    assert cal.is_rest_day(datetime.date(2025, 10, 1))           # 国庆节
    assert datetime.date(2025, 9, 28).weekday() == 6
    assert not cal.is_rest_day(datetime.date(2025, 9, 28))       # Sunday, 调休上班
    assert cal.is_rest_day(datetime.date(2025, 3, 8))            # plain Saturday, no row
    assert not CalendarDay.objects.filter(date=datetime.date(2025, 3, 8)).exists()
    assert not cal.is_rest_day(datetime.date(2025, 3, 10))       # plain Monday
    assert CalendarDay.objects.get(date=datetime.date(2025, 10, 1)).name == "国庆节"
    assert CalendarDay.objects.get(date=datetime.date(2024, 2, 10)).name == "春节"
    makeup = CalendarDay.objects.get(date=datetime.date(2025, 9, 28))
    assert makeup.name.startswith("调休上班")
    import chinese_calendar
    assert makeup.version == chinese_calendar.__version__
    assert makeup.source == f"chinese_calendar {chinese_calendar.__version__} (国务院办公厅放假通知)"
    first, last = CalendarDay.objects.earliest("date").date.year, CalendarDay.objects.latest("date").date.year
    assert all(cal.covers(datetime.date(y, 6, 1)) for y in range(first, last + 1))
    assert not cal.covers(datetime.date(last + 1, 6, 1))


def test_calendar_for_selected_and_unknown_years(fresh_calendar_cache):
    CalendarDay.objects.all().delete()  # the session may have preloaded everything
    refdata.load_calendar([2024])
    assert {d.year for d in CalendarDay.objects.values_list("date", flat=True)} == {2024}
    with pytest.raises(refdata.RefDataError, match="2099"):
        refdata.load_calendar([2099])


def test_management_command_reports_in_chinese(fresh_calendar_cache):
    out = StringIO()
    call_command("load_refdata", "--only", "procedures,province_settings", stdout=out)
    text = out.getvalue()
    assert "审理程序：已导入 23 条" in text
    assert "省级设置：已导入 7 条" in text
    assert "基础数据导入完成" in text
