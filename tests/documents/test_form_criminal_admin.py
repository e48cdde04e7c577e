"""刑事判决书 (《刑事诉讼文书样式》: 刑事判决书（一审公诉案件适用普通程序用）) and 行政判决书 (《行政诉讼文书样式》:
行政判决书（一审）): title block, parties (公诉机关 and 被告人 with 辩护人; 原告 and the agency with its
法定代表人), procedure sentence, the judge's sections, 主文, fee (行政 only), effect sentence (刑事诉讼法
第二百三十条; 行政诉讼法 第八十五条), signers, date, （院印）, 本件与原本核对无异, 书记员."""
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.documents.forms_helpers import after, generate, other_case, para, paragraphs, text
from xiezhi.law.amounts import date_cn

pytestmark = pytest.mark.django_db

CRIMINAL_SECTIONS = {
    "claims": ["2026年5月1日，被告人王某在通许县城关镇盗窃他人电动车一辆，价值3000元。"],
    "defence": ["被告人王某对指控的事实无异议。辩护人认为被告人系初犯，请求从轻处罚。"],
    "evidence_facts": ["2026年5月1日，被告人王某盗窃电动车一辆，价值3000元。"],
    "reasoning": ["被告人王某以非法占有为目的，秘密窃取他人财物，数额较大，其行为已构成盗窃罪。"],
    "legal_basis": ["《中华人民共和国刑法》第二百六十四条", "第五十二条"],
    "decision": ["被告人王某犯盗窃罪，判处拘役四个月，并处罚金人民币二千元"],
}

ADMIN_SECTIONS = {
    "claims": ["原告张某诉称，被告作出的罚款决定认定事实不清，请求撤销。"],
    "defence": ["被告通许县市场监督管理局辩称，处罚决定事实清楚，程序合法。"],
    "evidence_facts": ["经审理查明，2026年3月1日，被告对原告作出罚款2000元的行政处罚决定。"],
    "reasoning": ["被告作出的行政处罚决定主要证据不足。"],
    "legal_basis": ["《中华人民共和国行政诉讼法》第七十条第一项"],
    "decision": ["撤销被告通许县市场监督管理局作出的行政处罚决定"],
    "fee_burden": "被告通许县市场监督管理局",
}


@pytest.fixture
def criminal(court, make_staff, fake_pdf):
    w = other_case(court, make_staff, "刑初", "criminal_ordinary", "criminal", "盗窃罪", [
        {"role": "accused", "kind": "natural", "name": "王某", "gender": "男", "ethnicity": "汉族",
         "occupation": "无业", "address": "河南省通许县城关镇"},
        {"role": "defender", "kind": "natural", "name": "陈律师", "law_firm": "河南通正律师事务所", "represents": "王某"},
        {"role": "victim", "kind": "natural", "name": "赵某"},
    ])
    from xiezhi.trial.models import PanelMember

    PanelMember.objects.create(case=w["case"], role="sole", user=w["judge"])
    return w


@pytest.fixture
def admin(court, make_staff, fake_pdf):
    w = other_case(court, make_staff, "行初", "admin_ordinary", "administrative", "行政处罚", [
        {"role": "plaintiff", "kind": "natural", "name": "张某", "gender": "女", "ethnicity": "汉族",
         "address": "河南省通许县咸平街道"},
        {"role": "defendant", "kind": "legal", "name": "通许县市场监督管理局", "address": "河南省通许县健康路8号",
         "legal_representative": "孙某", "representative_title": "局长"},
        {"role": "agent", "kind": "natural", "name": "周某", "represents": "通许县市场监督管理局"},
    ])
    from xiezhi.cases.services import append_event
    from xiezhi.trial.models import PanelMember

    append_event(w["case"], "fee_assessed", w["judge"], {"amount": "50"})
    second = make_staff(["judge"], "administrative", name="吴法官")
    third = make_staff(["judge"], "administrative", name="郑法官")
    for role, u in (("presiding", w["judge"]), ("judge", second), ("judge", third)):
        PanelMember.objects.create(case=w["case"], role=role, user=u)
    return w


# ---- 刑事判决书 --------------------------------------------------------------------------------

def test_criminal_title_block(criminal):
    d = generate(criminal, "criminal_judgment", CRIMINAL_SECTIONS)
    ps = [p for p in d.paragraphs if p.text.strip()]
    assert [p.text for p in ps[:3]] == ["河南省通许县人民法院", "刑事判决书", criminal["case"].number]
    assert ps[2].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_criminal_parties_procuratorate_accused_and_defender(criminal):
    """样式: 公诉机关河南省通许县人民检察院。 (the procuratorate of the court's place), 被告人… with the 辩护人 under
    him; the victim is not a party of the heading."""
    d = generate(criminal, "criminal_judgment", CRIMINAL_SECTIONS)
    assert paragraphs(d)[3:6] == ["公诉机关河南省通许县人民检察院。", "被告人王某，男，汉族，无业，住河南省通许县城关镇。",
                                  "辩护人陈律师，河南通正律师事务所律师。"]
    assert "赵某" not in text(d)


def test_criminal_procedure_sentence(criminal):
    """样式 审理经过: 公诉机关指控被告人犯…罪，于…向本院提起公诉…公开开庭审理了本案…到庭参加诉讼。现已审理终结。"""
    f = criminal["case"].filed_on
    d = generate(criminal, "criminal_judgment", CRIMINAL_SECTIONS)
    assert para(d, "河南省通许县人民检察院指控被告人").text == (
        f"河南省通许县人民检察院指控被告人王某犯盗窃罪，于{f.year}年{f.month}月{f.day}日向本院提起公诉。本院依法适用普通程序，"
        "由审判员刘法官独任审判，公开开庭审理了本案。河南省通许县人民检察院指派检察员出庭支持公诉，被告人王某及其辩护人陈律师"
        "到庭参加诉讼。现已审理终结。")


def test_criminal_sections_basis_decision_and_no_fee(criminal):
    """样式 正文: 指控, 辩解和辩护意见, 经审理查明, 本院认为, 依照…规定，判决如下：, 主文; no 案件受理费 (刑事案件不收)."""
    d = generate(criminal, "criminal_judgment", CRIMINAL_SECTIONS)
    ps = paragraphs(d)
    assert "河南省通许县人民检察院指控，2026年5月1日，被告人王某在通许县城关镇盗窃他人电动车一辆，价值3000元。" in ps
    assert CRIMINAL_SECTIONS["defence"][0] in ps
    assert "经审理查明，2026年5月1日，被告人王某盗窃电动车一辆，价值3000元。" in ps
    assert "本院认为，" + CRIMINAL_SECTIONS["reasoning"][0] in ps
    assert "依照《中华人民共和国刑法》第二百六十四条、第五十二条规定，判决如下：" in ps
    assert after(d, "依照")[0] == "被告人王某犯盗窃罪，判处拘役四个月，并处罚金人民币二千元。"
    assert "案件受理费" not in text(d) and "第二百六十四条规定，加倍支付" not in text(d)


def test_criminal_effect_ten_days_through_this_court_or_directly(criminal):
    """刑事诉讼法 第二百三十条: 10 days from the day after receipt, to 河南省开封市中级人民法院."""
    d = generate(criminal, "criminal_judgment", CRIMINAL_SECTIONS)
    assert ("如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向河南省开封市中级人民法院提出上诉。"
            "书面上诉的，应当提交上诉状正本一份，副本二份。") in paragraphs(d)


def test_criminal_signers_date_seal_clerk(criminal):
    from django.utils.timezone import localdate

    d = generate(criminal, "criminal_judgment", CRIMINAL_SECTIONS)
    assert paragraphs(d)[-5:] == ["审判员　　刘法官", date_cn(localdate()), "（院印）", "本件与原本核对无异", "书记员　　周书记"]


# ---- 行政判决书 --------------------------------------------------------------------------------

def test_admin_title_block_and_parties(admin):
    """行政判决书 样式: 原告…; 被告 the agency, its 住所地, then 法定代表人 with position on its own line; 委托代理人
    (行政诉讼法 第三十一条) under the party it acts for."""
    d = generate(admin, "admin_judgment", ADMIN_SECTIONS)
    ps = [p for p in d.paragraphs if p.text.strip()]
    assert [p.text for p in ps[:3]] == ["河南省通许县人民法院", "行政判决书", admin["case"].number]
    assert [p.text for p in ps[3:7]] == ["原告张某，女，汉族，住河南省通许县咸平街道。",
                                        "被告通许县市场监督管理局，住所地河南省通许县健康路8号。",
                                        "法定代表人孙某，局长。", "委托代理人周某。"]


def test_admin_procedure_sentence(admin):
    f = admin["case"].filed_on
    d = generate(admin, "admin_judgment", ADMIN_SECTIONS)
    assert para(d, "原告张某诉被告").text == (
        f"原告张某诉被告通许县市场监督管理局行政处罚一案，本院于{f.year}年{f.month}月{f.day}日立案后，依法组成合议庭，"
        "公开开庭审理了本案。原告张某、被告通许县市场监督管理局及其委托代理人周某到庭参加诉讼。本案现已审理终结。")


def test_admin_sections_decision_fee_and_effect(admin):
    """行政诉讼法 第八十五条: 15 days to the named court; 案件受理费50元 (交费办法 第十三条第（五）项)."""
    d = generate(admin, "admin_judgment", ADMIN_SECTIONS)
    ps = paragraphs(d)
    assert ADMIN_SECTIONS["claims"][0] in ps and ADMIN_SECTIONS["defence"][0] in ps
    assert "本院认为，被告作出的行政处罚决定主要证据不足。" in ps
    assert "依照《中华人民共和国行政诉讼法》第七十条第一项规定，判决如下：" in ps
    assert after(d, "依照")[0] == "撤销被告通许县市场监督管理局作出的行政处罚决定。"
    assert "案件受理费50元，由被告通许县市场监督管理局负担。" in ps
    assert ("如不服本判决，可以在判决书送达之日起十五日内向本院递交上诉状，并按对方当事人的人数提出副本，"
            "上诉于河南省开封市中级人民法院。") in ps


def test_admin_signers_date_seal_clerk(admin):
    from django.utils.timezone import localdate

    d = generate(admin, "admin_judgment", ADMIN_SECTIONS)
    assert paragraphs(d)[-7:] == ["审判长　　刘法官", "审判员　　吴法官", "审判员　　郑法官", date_cn(localdate()),
                                  "（院印）", "本件与原本核对无异", "书记员　　周书记"]


def test_a_judgment_is_made_under_the_procedure_law_of_its_case(criminal, admin):
    """A 刑事判决书 is for a criminal case (刑事诉讼法), a 行政判决书 for an administrative one (行政诉讼法), a
    民事判决书 for a civil one: the case page offers only those, and a forged request is refused in Chinese."""
    from django.core.exceptions import ValidationError

    from xiezhi.documents import services

    offered = services.kinds_for(criminal["judge"], criminal["case"])
    assert "criminal_judgment" in offered and not {"judgment", "ruling", "mediation", "admin_judgment"} & set(offered)
    assert "admin_judgment" in services.kinds_for(admin["judge"], admin["case"])
    with pytest.raises(ValidationError, match="本案适用刑事普通程序，不能制作民事判决书"):
        services.generate(criminal["judge"], criminal["case"], "judgment")
    with pytest.raises(ValidationError, match="不能制作刑事判决书"):
        services.generate(admin["judge"], admin["case"], "criminal_judgment")
