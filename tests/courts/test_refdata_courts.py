"""Courts and case types (案号规定; YB/T 51202—2016, 2018 update; case-type standard 2018)."""
import datetime

import pytest

from xiezhi.courts import refdata
from xiezhi.courts.models import CaseType, Court, Courtroom, Division

pytestmark = pytest.mark.django_db


def test_courts_load_once_per_code_and_form_one_tree():
    assert refdata.load_courts() == 3526
    assert Court.objects.count() == 3526
    roots = list(Court.objects.filter(parent__isnull=True))
    assert [c.name for c in roots] == ["最高人民法院"]
    assert roots[0].case_code == "最高法"
    court = Court.objects.get(case_code="豫0222")
    assert court.version == "2018"
    assert court.valid_from == datetime.date(2018, 7, 24)
    assert court.source == "YB/T 51202—2016 (2018-07-24)"


def test_tongxu_court_chain_reaches_kaifeng_and_henan():
    refdata.load_courts()
    court = Court.objects.get(name="通许县人民法院")
    assert court.case_code == "豫0222"
    assert court.level == "basic"
    assert court.province_abbr == "豫"
    intermediate = court.parent
    assert intermediate.case_code == "豫02"
    assert intermediate.name.endswith("开封市中级人民法院")
    assert intermediate.level == "intermediate"
    high = intermediate.parent
    assert (high.case_code, high.name) == ("豫", "河南省高级人民法院")
    assert high.parent.name == "最高人民法院"


def test_duplicate_high_courts_and_annotated_case_codes():
    refdata.load_courts()
    assert Court.objects.filter(case_code="宁").count() == 1
    assert Court.objects.get(case_code="新").level_code == "V00"
    ganxian = Court.objects.get(code="1745")
    assert ganxian.case_code == "赣0721"
    assert "代字尚未修改" in ganxian.source


def test_min_chu_is_0301_and_new_codes_exist():
    refdata.load_case_types()
    min_chu = CaseType.objects.get(type_code="民初")
    assert (min_chu.code, min_chu.category, min_chu.version) == ("0301", "0300", "2018")
    assert CaseType.objects.filter(version="2018").count() == 215
    pre_suit = CaseType.objects.get(type_code="民诉前调")
    assert pre_suit.code == "9901"
    for type_code, code in [("诉前调确", "9902"), ("诉前调书", "9903")]:
        ct = CaseType.objects.get(type_code=type_code)
        assert ct.code == code
        assert ct.valid_from == datetime.date(2022, 1, 1)
        assert "不在2018标准内" in ct.source and "⚠" in ct.source


def test_divisions_for_basic_court_is_idempotent():
    refdata.load_courts()
    court = Court.objects.get(case_code="豫0222")
    divisions = refdata.divisions_for_basic_court(court)
    assert [d.name for d in divisions] == ["立案庭", "民事审判庭", "刑事审判庭", "行政审判庭", "执行局",
                                          "诉讼服务中心", "审判管理办公室", "人民法庭"]
    assert {d.kind for d in divisions} == set(Division.Kind.values)
    # an administrator names the tribunal after its town: no second tribunal appears
    tribunal = divisions[-1]
    tribunal.name = "孙营人民法庭"
    tribunal.save()
    again = refdata.divisions_for_basic_court(court)
    assert [d.pk for d in again] == [d.pk for d in divisions]
    assert Division.objects.filter(court=court).count() == 8
    rooms = Courtroom.objects.filter(court=court)
    assert rooms.count() == 4
    assert list(rooms.filter(supports_online=True).values_list("name", flat=True)) == ["科技法庭"]


def test_full_name_puts_the_province_in_front_as_the_seal_does():
    """人民法院民事裁判文书制作规范 一、(一): 法院名称与院印的文字一致；基层、中级人民法院冠以省、自治区、直辖市名称."""
    refdata.load_courts()
    assert Court.objects.get(case_code="豫0222").full_name == "河南省通许县人民法院"
    assert Court.objects.get(case_code="豫02").full_name == "河南省开封市中级人民法院"  # already carries it
    assert Court.objects.get(case_code="豫").full_name == "河南省高级人民法院"
    assert Court.objects.get(case_code="最高法").full_name == "最高人民法院"
