"""Causes of action (案由规定 2020 and 2025), criminal charges and administrative causes."""
import pytest

from xiezhi.courts import refdata
from xiezhi.courts.models import Cause

pytestmark = pytest.mark.django_db

VERSIONS = ["2020", "2025"]

# domain §2.3: (cause, level, parent, parent level)
COMMON = [
    ("民间借贷纠纷", 4, "借款合同纠纷", 3),
    ("金融借款合同纠纷", 4, "借款合同纠纷", 3),
    ("借款合同纠纷", 3, "合同纠纷", 2),
    ("信用卡纠纷", 4, "银行卡纠纷", 3),
    ("买卖合同纠纷", 3, "合同纠纷", 2),
    ("房屋租赁合同纠纷", 4, "租赁合同纠纷", 3),
    ("建设工程施工合同纠纷", 4, "建设工程合同纠纷", 3),
    ("物业服务合同纠纷", 3, "合同纠纷", 2),
    ("服务合同纠纷", 3, "合同纠纷", 2),
    ("教育培训合同纠纷", 4, "服务合同纠纷", 3),
    ("离婚纠纷", 3, "婚姻家庭纠纷", 2),
    ("抚养纠纷", 3, "婚姻家庭纠纷", 2),
    ("赡养纠纷", 3, "婚姻家庭纠纷", 2),
    ("离婚后财产纠纷", 3, "婚姻家庭纠纷", 2),
    ("法定继承纠纷", 3, "继承纠纷", 2),
    ("遗嘱继承纠纷", 3, "继承纠纷", 2),
    ("相邻关系纠纷", 3, "所有权纠纷", 2),
    ("共有纠纷", 3, "所有权纠纷", 2),
    ("劳动合同纠纷", 3, "劳动争议", 2),
    ("确认劳动关系纠纷", 4, "劳动合同纠纷", 3),
    ("追索劳动报酬纠纷", 4, "劳动合同纠纷", 3),
    ("经济补偿金纠纷", 4, "劳动合同纠纷", 3),
    ("竞业限制纠纷", 4, "劳动合同纠纷", 3),
    ("社会保险纠纷", 3, "劳动争议", 2),
    ("工伤保险待遇纠纷", 4, "社会保险纠纷", 3),
    ("机动车交通事故责任纠纷", 3, "侵权责任纠纷", 2),
    ("提供劳务者受害责任纠纷", 3, "侵权责任纠纷", 2),
    ("生命权、身体权、健康权纠纷", 3, "人格权纠纷", 2),
    ("名誉权纠纷", 3, "人格权纠纷", 2),
    ("执行异议之诉", 3, "执行程序中的异议之诉", 2),
    ("案外人执行异议之诉", 4, "执行异议之诉", 3),
    ("申请执行人执行异议之诉", 4, "执行异议之诉", 3),
    ("追加、变更被执行人异议之诉", 3, "执行程序中的异议之诉", 2),
    ("执行分配方案异议之诉", 3, "执行程序中的异议之诉", 2),
]


@pytest.fixture
def causes():
    refdata.load_causes()


def civil(version, **kw):
    return Cause.objects.filter(kind="civil", version=version, **kw)


def test_both_versions_with_their_parts(causes):
    parts_2020 = list(civil("2020", level=1).order_by("id").values_list("name", flat=True))
    parts_2025 = list(civil("2025", level=1).order_by("id").values_list("name", flat=True))
    assert len(parts_2020) == 11
    assert len(parts_2025) == 12
    assert parts_2020[0] == parts_2025[0] == "人格权纠纷"
    assert parts_2020[5] == "劳动争议、人事争议"
    assert parts_2020[10] == parts_2025[11] == "特殊诉讼程序案件案由"
    assert parts_2025[5] == "数据、网络虚拟财产纠纷"
    assert "新就业形态用工纠纷" in parts_2025[6]
    assert civil("2020", level=2).count() == 53
    assert civil("2025", level=2).count() == 59
    assert {c.valid_from.isoformat() for c in civil("2020")} == {"2021-01-01"}
    assert {c.valid_from.isoformat() for c in civil("2025")} == {"2026-01-01"}
    assert all("⚠" in c.source for c in civil("2025"))


@pytest.mark.parametrize("version", VERSIONS)
def test_common_causes_exist_with_their_parents(causes, version):
    problems = []
    for name, level, parent, parent_level in COMMON:
        found = list(civil(version, name=name, level=level))
        if len(found) != 1:
            problems.append(f"{name}: {len(found)} rows at level {level}")
            continue
        cause = found[0]
        if (cause.parent.name, cause.parent.level) != (parent, parent_level):
            problems.append(f"{name}: parent {cause.parent.name}/{cause.parent.level}")
        # the chain reaches a part (level 1) through consecutive levels and code prefixes
        node = cause
        while node.parent_id:
            if node.parent.level != node.level - 1 or not node.code.startswith(node.parent.code + "."):
                problems.append(f"{name}: broken chain at {node.code}")
            node = node.parent
        if node.level != 1:
            problems.append(f"{name}: chain ends at level {node.level}")
    assert problems == []


def test_codes_follow_the_official_numbers(causes):
    assert civil("2020", name="民间借贷纠纷").get().code == "4.10.103.3"
    assert civil("2025", name="民间借贷纠纷").get().code == "4.10.108.3"
    assert civil("2020", name="执行分配方案异议之诉").get().code == "11.53.473"
    assert civil("2025", name="执行分配方案异议之诉").get().code == "12.59.514"
    checked = civil("2020", name="隐私权纠纷").get()
    assert "☑" in checked.source
    assert "⚠" in civil("2020", name="民间借贷纠纷").get().source


FEE_KINDS = [
    ("离婚纠纷", "divorce"),
    ("离婚后财产纠纷", "property"),
    ("名誉权纠纷", "personality"),
    ("肖像权纠纷", "personality"),
    ("隐私权纠纷", "personality"),
    ("生命权、身体权、健康权纠纷", "property"),
    ("追索劳动报酬纠纷", "labor"),
    ("聘用合同纠纷", "labor"),
    ("侵害商标权纠纷", "ip"),
    ("民间借贷纠纷", "property"),
    ("机动车交通事故责任纠纷", "property"),
    ("探望权纠纷", "other_non_property"),
]


@pytest.mark.parametrize("version", VERSIONS)
def test_fee_kinds(causes, version):
    actual = [(name, civil(version, name=name).get().fee_kind) for name, _ in FEE_KINDS]
    assert actual == FEE_KINDS


def test_fee_kinds_are_known_to_the_fee_rules(causes):
    from xiezhi.law.fees import LITIGATION_KINDS

    used = set(Cause.objects.exclude(fee_kind="").values_list("fee_kind", flat=True))
    assert used <= set(LITIGATION_KINDS)


COMMON_CHARGES = [
    "危险驾驶罪", "盗窃罪", "诈骗罪", "故意伤害罪", "交通肇事罪", "帮助信息网络犯罪活动罪", "开设赌场罪", "寻衅滋事罪",
    "走私、贩卖、运输、制造毒品罪", "掩饰、隐瞒犯罪所得、犯罪所得收益罪", "非法吸收公众存款罪", "拒不执行判决、裁定罪",
    "聚众斗殴罪", "故意毁坏财物罪", "抢劫罪", "强奸罪", "非法占用农用地罪", "滥伐林木罪", "非法狩猎罪", "妨害公务罪",
    "信用卡诈骗罪", "合同诈骗罪", "职务侵占罪", "失火罪", "重大责任事故罪", "组织、领导传销活动罪", "侵犯公民个人信息罪",
    "非法捕捞水产品罪", "拒不支付劳动报酬罪", "容留他人吸毒罪", "赌博罪", "敲诈勒索罪", "抢夺罪", "贪污罪", "受贿罪",
    "行贿罪", "挪用资金罪", "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪", "生产、销售伪劣产品罪",
    "非法持有毒品罪",
]


def test_criminal_charges(causes):
    charges = Cause.objects.filter(kind="criminal", version="2021", level=2)
    assert charges.count() >= 40
    names = set(charges.values_list("name", flat=True))
    assert set(COMMON_CHARGES) <= names
    for charge in charges:
        assert charge.source.startswith("刑法第"), charge
        assert charge.parent.level == 1
    assert charges.get(name="危险驾驶罪").code == "133-1"
    assert charges.get(name="开设赌场罪").source.startswith("刑法第303条第2款")


def test_administrative_causes(causes):
    acts = set(Cause.objects.filter(kind="administrative", level=2).values_list("name", flat=True))
    assert {"行政处罚", "行政强制措施", "行政许可", "行政征收或者征用", "行政登记", "行政确认", "行政给付",
            "行政协议", "政府信息公开", "不履行法定职责"} <= acts
    assert all("⚠" in c.source for c in Cause.objects.filter(kind="administrative"))
    assert set(Cause.objects.filter(kind="administrative").values_list("fee_kind", flat=True)) == {"administrative"}


def test_bad_file_is_rejected(tmp_path):
    bad = tmp_path / "causes-bad.csv"
    bad.write_text("kind,version,code,level,name,parent_code,fee_kind,valid_from,source\n"
                   "civil,9999,1.1,2,孤儿案由,1,property,,测试\n", encoding="utf-8")
    with pytest.raises(refdata.RefDataError, match="上级"):
        refdata.load_causes([bad])
    assert not Cause.objects.filter(version="9999").exists()
