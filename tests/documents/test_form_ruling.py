"""民事裁定书 by its kind (《民事诉讼文书样式》2016: 民事裁定书（不予受理用）、（驳回起诉用）、（管辖权异议用）、
（准许撤诉用）、（诉讼财产保全用）、（中止诉讼用）、（移送管辖用）): each variant's procedure sentence, sections,
主文, fee and effect sentence (民事诉讼法 第一百五十七条、第一百七十一条第二款、第一百一十一条; 民诉解释
第二百七十六条、第二百七十七条), and the signature block shared with the judgment."""
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.documents.forms_helpers import after, civil_case, form_panel, generate, hold_hearing, para, paragraphs, text
from xiezhi.documents.structure import RULING_TYPES
from xiezhi.law.amounts import date_cn

pytestmark = pytest.mark.django_db

APPEAL_10 = ("如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，并按对方当事人或者代表人的人数提出副本，"
             "上诉于河南省开封市中级人民法院。")
EFFECT = {
    "not_accepted": [APPEAL_10],
    "dismissal": [APPEAL_10],
    "jurisdiction": [APPEAL_10],
    "withdrawal": [],
    "preservation": ["本裁定立即开始执行。",
                     "如不服本裁定，可以自收到裁定书之日起五日内向本院申请复议一次。复议期间不停止裁定的执行。"],
    "suspension": ["本裁定送达后即发生法律效力。"],
    "transfer": ["本裁定送达后即发生法律效力。"],
    # 司法确认 (民事诉讼法 第二百零六条): no appeal; effective when served
    "confirm_agreement": ["本裁定送达后即发生法律效力。"],
    "reject_confirmation": ["本裁定送达后即发生法律效力。"],
}
DECISION = {
    "not_accepted": ["对黄强的起诉，本院不予受理"],
    "dismissal": ["驳回原告黄强的起诉"],
    "jurisdiction": ["驳回被告河南中原农商银行股份有限公司通许支行对本案管辖权提出的异议"],
    "withdrawal": ["准许原告黄强撤诉"],
    "preservation": ["冻结被告河南中原农商银行股份有限公司通许支行银行存款150000元",
                     "或查封、扣押其相应价值的财产"],
    "suspension": ["本案中止诉讼"],
    "transfer": ["本案移送河南省开封市鼓楼区人民法院处理"],
    "confirm_agreement": ["申请人达成的调解协议有效"],
    "reject_confirmation": ["驳回申请人的司法确认申请"],
}
BASIS = {"withdrawal": ["《中华人民共和国民事诉讼法》第一百四十八条第一款"]}


def _sections(variant, fee=""):
    s = {"claims": [f"{RULING_TYPES[variant].title}的事由。"], "reasoning": ["经审查，理由成立。"],
         "legal_basis": BASIS.get(variant, ["《中华人民共和国民事诉讼法》第一百五十七条第一款"]),
         "decision": DECISION[variant]}
    if fee:
        s["fee_burden"] = fee
    return s


@pytest.fixture
def world(court, make_staff, fake_pdf):
    w = civil_case(court, make_staff, "civil_ordinary", amount="900000")
    form_panel(w, assessor=True)
    return w


@pytest.mark.parametrize("variant", list(RULING_TYPES))
def test_every_ruling_type_has_its_effect_sentence(world, variant):
    """The effect sentence by ruling type: 10 days to the named court for 不予受理、驳回起诉、管辖权异议
    (第一百五十七条第二款、第一百七十一条第二款), 复议 within 5 days for 保全 (第一百一十一条), nothing for 准许撤诉,
    otherwise effective on service; never the judgment's 15 days."""
    d = generate(world, "ruling", _sections(variant), variant=variant)
    ps = paragraphs(d)
    body = ps[:ps.index("（院印）") - 4]  # three signers and the date above the seal
    if EFFECT[variant]:
        assert body[-len(EFFECT[variant]):] == EFFECT[variant]
    else:
        assert body[-1] == "准许原告黄强撤诉。"
        assert "上诉" not in text(d) and "发生法律效力" not in text(d)
    assert "本判决" not in text(d) and "十五日" not in text(d)


@pytest.mark.parametrize("variant", list(RULING_TYPES))
def test_every_ruling_type_title_block_parties_sections_decision_signers(world, variant):
    """民事裁定书 样式: title block, the parties as in the judgment, the procedure sentence without
    本案现已审理终结, 本院经审查认为, 依照…规定，裁定如下：, 主文 numbered when more than one item, the panel signs
    with the date, （院印）, 本件与原本核对无异 and 书记员."""
    from django.utils.timezone import localdate

    d = generate(world, "ruling", _sections(variant), variant=variant)
    ps = [p for p in d.paragraphs if p.text.strip()]
    assert [p.text for p in ps[:3]] == ["河南省通许县人民法院", "民事裁定书", world["case"].number]
    assert ps[2].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert "原告：黄强，男，1985年3月15日出生，汉族，农民，住河南省通许县城关镇李庄村。" in paragraphs(d)
    assert "本案现已审理终结" not in text(d) and "审理经过" not in text(d)
    assert "本院经审查认为，经审查，理由成立。" in paragraphs(d)
    assert para(d, "依照").text.endswith("规定，裁定如下：")
    items = after(d, "依照")
    if len(DECISION[variant]) == 1:
        assert items[0] == DECISION[variant][0] + "。"
    else:
        assert items[:2] == [f"一、{DECISION[variant][0]}；", f"二、{DECISION[variant][1]}。"]
    assert paragraphs(d)[-7:] == ["审判长　　张正义", "审判员　　李明法", "人民陪审员　　冯丽", date_cn(localdate()),
                                  "（院印）", "本件与原本核对无异", "书记员　　赵书记"]


def test_withdrawal_procedure_sentence_and_halved_fee(world):
    """民事裁定书（准许撤诉用）: …一案，本院于…立案。 then the application; 案件受理费×元，减半收取计×元，由原告负担
    (交费办法 第十五条)."""
    case = world["case"]
    d = generate(world, "ruling", _sections("withdrawal", fee="原告黄强"), variant="withdrawal")
    f = case.filed_on
    assert para(d, "原告黄强与被告").text == (
        f"原告黄强与被告河南中原农商银行股份有限公司通许支行民间借贷纠纷一案，本院于{f.year}年{f.month}月{f.day}日立案。")
    assert "案件受理费12800元，减半收取计6400元，由原告黄强负担。" in paragraphs(d)
    assert "依照《中华人民共和国民事诉讼法》第一百四十八条第一款规定，裁定如下：" in paragraphs(d)


def test_a_ruling_without_fee_burden_prints_no_fee_sentence(world):
    """Many rulings (保全、中止、移送) carry no fee sentence (structure: optional for rulings)."""
    d = generate(world, "ruling", _sections("suspension"), variant="suspension")
    assert "案件受理费" not in text(d)


def test_dismissal_fee_is_not_halved(world):
    d = generate(world, "ruling", _sections("dismissal", fee="原告黄强"), variant="dismissal")
    assert "案件受理费12800元，由原告黄强负担。" in paragraphs(d)


def test_not_accepted_says_the_complaint_was_received(world):
    """民事裁定书（不予受理用）: ××××年××月××日，本院收到×××的起诉状。"""
    f = world["case"].filed_on
    d = generate(world, "ruling", _sections("not_accepted"), variant="not_accepted")
    assert f"{f.year}年{f.month}月{f.day}日，本院收到黄强的起诉状。" in paragraphs(d)


@pytest.mark.parametrize("variant", ["dismissal", "jurisdiction"])
def test_small_claims_dismissal_and_jurisdiction_rulings_are_final(court, make_staff, fake_pdf, variant):
    """民诉解释 第二百七十六条（管辖权异议）、第二百七十七条（驳回起诉）: in 小额诉讼 the ruling takes effect at once;
    one 审判员 signs."""
    w = civil_case(court, make_staff, "civil_small_claims", amount="20000")
    form_panel(w)
    hold_hearing(w)
    d = generate(w, "ruling", _sections(variant), variant=variant)
    assert "本裁定一经作出即生效。" in paragraphs(d)
    assert "上诉" not in text(d)
    assert "审判员　　张正义" in paragraphs(d) and "审判长" not in text(d)
