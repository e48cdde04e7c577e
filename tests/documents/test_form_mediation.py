"""民事调解书 (《民事诉讼文书样式》2016: 民事调解书（第一审用）; 民事诉讼法 第一百条: 调解书应当写明诉讼请求、
案件的事实和调解结果): title block, parties, the procedure sentence with 案由, the claims and facts, the
agreement one item a paragraph, the fee 减半收取 (交费办法 第十五条), the court's confirmation, the effect on
signature, the signers with （院印）, 本件与原本核对无异 and 书记员."""
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.documents.forms_helpers import after, civil_case, form_panel, generate, hold_hearing, para, paragraphs, text
from xiezhi.law.amounts import date_cn

pytestmark = pytest.mark.django_db

SECTIONS = {
    "claims": ["1．判令被告偿还借款150000元；2．诉讼费由被告负担。"],
    "claim_facts": ["被告向原告借款150000元，到期未还。"],
    "evidence_facts": ["经审理查明：2025年3月1日，被告向原告借款150000元，约定同年9月1日归还，至今未还。"],
    "decision": ["被告于2027年1月31日前偿还原告黄强借款120000元", "原告黄强放弃其他诉讼请求"],
    "fee_burden": "被告河南中原农商银行股份有限公司通许支行",
}


@pytest.fixture
def world(court, make_staff, fake_pdf):
    w = civil_case(court, make_staff, "civil_ordinary", amount="150000")
    form_panel(w, assessor=True)
    return w


def test_title_block_and_parties(world):
    """样式 首部 and 当事人: as the judgment (规范 一、(一), 三、(二))."""
    d = generate(world, "mediation", SECTIONS)
    ps = [p for p in d.paragraphs if p.text.strip()]
    assert [p.text for p in ps[:3]] == ["河南省通许县人民法院", "民事调解书", world["case"].number]
    assert ps[2].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert [p.text for p in ps[3:8]] == [
        "原告：黄强，男，1985年3月15日出生，汉族，农民，住河南省通许县城关镇李庄村。",
        "委托诉讼代理人：何某，河南通正律师事务所律师。",
        "被告：河南中原农商银行股份有限公司通许支行，住所地河南省通许县咸平路1号。",
        "主要负责人：汤红霞，行长。",
        "委托诉讼代理人：李某，河南开源律师事务所律师。",
    ]


def test_procedure_sentence_before_a_hearing_leaves_the_hearing_out(world):
    """样式: …一案，本院于…立案后，依法适用普通程序…（开庭前调解的，不写开庭情况）; no 案由 line of the old styles."""
    f = world["case"].filed_on
    d = generate(world, "mediation", SECTIONS)
    assert para(d, "原告黄强与被告").text == (
        f"原告黄强与被告河南中原农商银行股份有限公司通许支行民间借贷纠纷一案，本院于{f.year}年{f.month}月{f.day}日立案后，"
        "依法适用普通程序进行了审理。")
    assert "案由：" not in text(d) and "本案现已审理终结" not in text(d)


def test_procedure_sentence_after_a_hearing_says_public_hearing(world):
    hold_hearing(world)
    d = generate(world, "mediation", SECTIONS)
    assert para(d, "原告黄强与被告").text.endswith("依法适用普通程序，公开开庭进行了审理。")


def test_claims_facts_and_agreement_items_one_paragraph_each(world):
    """民事诉讼法 第一百条: claims, the facts, and the agreement (一、……； 二、……。), a paragraph each."""
    d = generate(world, "mediation", SECTIONS)
    ps = paragraphs(d)
    assert "黄强向本院提出诉讼请求：1．判令被告偿还借款150000元；2．诉讼费由被告负担。" in ps
    assert "事实和理由：被告向原告借款150000元，到期未还。" in ps
    assert SECTIONS["evidence_facts"][0] in ps
    assert after(d, "本案审理过程中，经本院主持调解，当事人自愿达成如下协议：")[:2] == [
        "一、被告于2027年1月31日前偿还原告黄强借款120000元；", "二、原告黄强放弃其他诉讼请求。"]
    assert "裁判主文" not in text(d)


def test_fee_halved_and_stated_with_both_amounts(world):
    """交费办法 第十五条: 以调解方式结案的减半交纳 — 案件受理费3300元，减半收取计1650元."""
    d = generate(world, "mediation", SECTIONS)
    assert "案件受理费3300元，减半收取计1650元，由被告河南中原农商银行股份有限公司通许支行负担。" in paragraphs(d)


def test_summary_fee_is_not_halved_twice(court, make_staff, fake_pdf):
    """The 简易 fee is already halved (第十六条); mediation does not halve it again (not stacked)."""
    w = civil_case(court, make_staff, "civil_summary")
    d = generate(w, "mediation", SECTIONS)
    assert "案件受理费3300元，减半收取计1650元，由被告河南中原农商银行股份有限公司通许支行负担。" in paragraphs(d)


def test_no_fee_sentence_when_the_agreement_allocates_it(world):
    d = generate(world, "mediation", {k: v for k, v in SECTIONS.items() if k != "fee_burden"})
    assert "案件受理费" not in text(d)


def test_confirmation_and_effect_then_signers_date_seal_and_clerk(world):
    """样式: 上述协议，不违反法律规定，本院予以确认。 / 本调解书经双方当事人签收后，即具有法律效力。 (第一百条), two
    paragraphs; no late-performance warning or appeal; the panel signs, 二〇…日, （院印）, 本件与原本核对无异, 书记员."""
    from django.utils.timezone import localdate

    d = generate(world, "mediation", SECTIONS)
    assert paragraphs(d)[-9:] == [
        "上述协议，不违反法律规定，本院予以确认。", "本调解书经双方当事人签收后，即具有法律效力。",
        "审判长　　张正义", "审判员　　李明法", "人民陪审员　　冯丽", date_cn(localdate()), "（院印）",
        "本件与原本核对无异", "书记员　　赵书记"]
    assert "上诉" not in text(d) and "第二百六十四条" not in text(d)


def test_empty_agreement_prints_its_gap(world):
    d = generate(world, "mediation", {k: v for k, v in SECTIONS.items() if k != "decision"})
    assert after(d, "本案审理过程中")[0] == "【待填写：调解协议】"
