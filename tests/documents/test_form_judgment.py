"""民事判决书 as the 2016 forms lay it out (《民事诉讼文书样式》: 民事判决书（第一审普通程序用）、（简易程序用）、
（小额诉讼程序用）; 《民事裁判文书制作规范》法〔2016〕221号): every element, for 普通程序 with a panel that has a
人民陪审员, 普通程序 with a sole judge, 简易程序 and 小额诉讼程序."""
import re
from datetime import timedelta

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.documents.forms_helpers import after, civil_case, form_panel, generate, hold_hearing, para, paragraphs, text
from xiezhi.law.amounts import date_cn

pytestmark = pytest.mark.django_db

SECTIONS = {
    "claims": ["1．判令被告偿还借款150000元；2．诉讼费由被告负担。"],
    "claim_facts": ["被告于2025年3月向原告借款150000元，到期未还。"],
    "defence": ["河南中原农商银行股份有限公司通许支行辩称，借款已部分归还。"],
    "evidence_facts": ["本院经审理认定事实如下：被告向原告借款150000元，至今未还。"],
    "reasoning": ["合法的借贷关系受法律保护。", "综上所述，原告的诉讼请求成立。"],
    "legal_basis": ["《中华人民共和国民法典》第六百七十五条", "《中华人民共和国民事诉讼法》第六十七条"],
    "decision": ["被告于本判决生效之日起十日内偿还原告黄强借款150000元", "驳回原告黄强的其他诉讼请求"],
    "fee_burden": "被告河南中原农商银行股份有限公司通许支行负担",
}


@pytest.fixture
def ordinary_panel(court, make_staff, fake_pdf):
    w = civil_case(court, make_staff, "civil_ordinary", amount="900000")
    form_panel(w, assessor=True)
    hold_hearing(w)
    return w


@pytest.fixture
def ordinary_sole(court, make_staff, fake_pdf):
    w = civil_case(court, make_staff, "civil_ordinary", amount="900000")
    form_panel(w, sole_reason="基本事实清楚、权利义务关系明确")
    hold_hearing(w)
    return w


@pytest.fixture
def summary(court, make_staff, fake_pdf):
    w = civil_case(court, make_staff, "civil_summary")
    form_panel(w)
    hold_hearing(w, public=False, closed_reason="privacy")
    return w


@pytest.fixture
def small_claims(court, make_staff, fake_pdf):
    w = civil_case(court, make_staff, "civil_small_claims", amount="20000")
    form_panel(w)
    hold_hearing(w)
    return w


# ---- 普通程序, 合议庭 with a 人民陪审员 -----------------------------------------------------------

def test_title_block_court_full_name_title_and_number(ordinary_panel):
    """样式 首部: 河南省通许县人民法院 / 民事判决书 centred, the case number right-aligned below (规范 一、(一))."""
    d = generate(ordinary_panel, "judgment", SECTIONS)
    ps = [p for p in d.paragraphs if p.text.strip()]
    assert ps[0].text == "河南省通许县人民法院" and ps[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert ps[1].text == "民事判决书" and ps[1].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert ps[2].text == ordinary_panel["case"].number and ps[2].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_party_listing_in_the_forms_order(ordinary_panel):
    """规范 三、(二): each party then its agents under it; a natural person with the birth date from the ID
    number and 住…; a bank branch with its address (住所地) and, on its own line, its 主要负责人 and position
    (民诉解释 第五十二条) — never a 法定代表人."""
    d = generate(ordinary_panel, "judgment", SECTIONS)
    ps = paragraphs(d)
    i = ps.index("原告：黄强，男，1985年3月15日出生，汉族，农民，住河南省通许县城关镇李庄村。")
    assert ps[i + 1:i + 5] == [
        "委托诉讼代理人：何某，河南通正律师事务所律师。",
        "被告：河南中原农商银行股份有限公司通许支行，住所地河南省通许县咸平路1号。",
        "主要负责人：汤红霞，行长。",
        "委托诉讼代理人：李某，河南开源律师事务所律师。",
    ]
    assert "法定代表人" not in text(d) and "的代理人" not in text(d)


def test_a_company_has_its_legal_representative_on_its_own_line(court, make_staff, fake_pdf):
    """样式: 法定代表人：×××，职务。 on a line of its own, after the company's 住所地."""
    w = civil_case(court, make_staff, "civil_summary", defendant_name="通许县惠民农资有限公司")
    d = generate(w, "judgment", SECTIONS)
    ps = paragraphs(d)
    i = ps.index("被告：通许县惠民农资有限公司，住所地河南省通许县咸平路1号。")
    assert ps[i + 1] == "法定代表人：汤红霞，行长。"


def test_procedure_sentence_with_cause_filing_date_procedure_and_attendance(ordinary_panel):
    """样式 审理经过 (民事诉讼法 第一百五十五条(一) 案由): parties, 案由, filing date, procedure, public hearing,
    who attended — not the platform's timeline. Attendance: every party and agent (no roll-call is recorded)."""
    case = ordinary_panel["case"]
    d = generate(ordinary_panel, "judgment", SECTIONS)
    f = case.filed_on
    assert para(d, "原告黄强与被告").text == (
        f"原告黄强与被告河南中原农商银行股份有限公司通许支行民间借贷纠纷一案，本院于{f.year}年{f.month}月{f.day}日立案后，"
        "依法适用普通程序，公开开庭进行了审理。原告黄强及其委托诉讼代理人何某、被告河南中原农商银行股份有限公司通许支行"
        "及其委托诉讼代理人李某到庭参加诉讼。本案现已审理终结。")
    assert "本案审理经过" not in text(d) and "核定诉讼费用" not in text(d)


def test_the_judges_sections_in_order_with_the_forms_lead_ins(ordinary_panel):
    """样式 正文: 诉讼请求、事实和理由、答辩、证据和事实认定、本院认为 in that order, each paragraph its own."""
    d = generate(ordinary_panel, "judgment", SECTIONS)
    ps = paragraphs(d)
    start = next(i for i, t in enumerate(ps) if t.startswith("原告黄强与被告"))
    assert ps[start + 1:start + 7] == [
        "黄强向本院提出诉讼请求：1．判令被告偿还借款150000元；2．诉讼费由被告负担。",
        "事实和理由：被告于2025年3月向原告借款150000元，到期未还。",
        "河南中原农商银行股份有限公司通许支行辩称，借款已部分归还。",
        "本院经审理认定事实如下：被告向原告借款150000元，至今未还。",
        "本院认为，合法的借贷关系受法律保护。",
        "综上所述，原告的诉讼请求成立。",
    ]


def test_legal_basis_and_numbered_decision_one_paragraph_per_item(ordinary_panel):
    """规范 裁判依据/裁判主文: 依照《…》第…条、《…》第…条规定，判决如下： then 一、……； 二、……。 each a paragraph."""
    d = generate(ordinary_panel, "judgment", SECTIONS)
    assert after(d, "依照")[:2] == ["一、被告于本判决生效之日起十日内偿还原告黄强借款150000元；", "二、驳回原告黄强的其他诉讼请求。"]
    assert para(d, "依照").text == ("依照《中华人民共和国民法典》第六百七十五条、《中华人民共和国民事诉讼法》第六十七条规定，"
                                   "判决如下：")


def test_late_performance_warning_after_a_money_decision(ordinary_panel):
    """民事诉讼法 第二百六十四条: printed right after 主文 when an item orders the payment of money."""
    d = generate(ordinary_panel, "judgment", SECTIONS)
    assert after(d, "二、驳回")[0] == ("如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》"
                                      "第二百六十四条规定，加倍支付迟延履行期间的债务利息。")


def test_no_late_performance_warning_when_nothing_is_paid(ordinary_panel):
    d = generate(ordinary_panel, "judgment", {**SECTIONS, "decision": ["驳回原告黄强的诉讼请求"]})
    assert "第二百六十四条" not in text(d)
    assert after(d, "依照")[0] == "驳回原告黄强的诉讼请求。"  # a single item carries no number


def test_fee_sentence_ordinary_procedure(ordinary_panel):
    """样式: 案件受理费×元，由……负担。 (交费办法 第十三条: 900000 元 → 12800 元), in figures without separators."""
    d = generate(ordinary_panel, "judgment", SECTIONS)
    assert "案件受理费12800元，由被告河南中原农商银行股份有限公司通许支行负担。" in paragraphs(d)
    assert "减半" not in text(d) and "人民币" not in text(d)


def test_effect_sentence_names_the_appeal_court_and_fifteen_days(ordinary_panel):
    """民事诉讼法 第一百七十一条第一款、第一百五十五条(四): 15 days, 上诉于河南省开封市中级人民法院 (the court's parent)."""
    d = generate(ordinary_panel, "judgment", SECTIONS)
    assert ("如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人或者代表人的人数提出副本，"
            "上诉于河南省开封市中级人民法院。") in paragraphs(d)


def test_panel_signs_presiding_judge_assessor_then_date_seal_and_clerk(ordinary_panel):
    """样式 落款: 审判长、审判员、人民陪审员 of the panel formed (民事诉讼法 第一百五十五条), the date in Chinese
    numerals right-aligned, （院印）, 本件与原本核对无异, 书记员."""
    from django.utils.timezone import localdate

    d = generate(ordinary_panel, "judgment", SECTIONS)
    tail = paragraphs(d)[-7:]
    assert tail == ["审判长　　张正义", "审判员　　李明法", "人民陪审员　　冯丽", date_cn(localdate()), "（院印）",
                    "本件与原本核对无异", "书记员　　赵书记"]
    assert para(d, date_cn(localdate())).alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert re.fullmatch(r"二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日", tail[3])


def test_date_is_the_pronouncement_date(ordinary_panel):
    """规范 落款: the date the judgment was pronounced (民诉解释 第二百四十三条), when it is recorded."""
    from xiezhi.trial import services as ts

    case = ordinary_panel["case"]
    earlier = case.filed_on - timedelta(days=40)
    type(case).objects.filter(pk=case.pk).update(filed_on=earlier)
    case.refresh_from_db()
    ts.pronounce(ordinary_panel["judge"], case, "judgment", earlier + timedelta(days=30))
    d = generate(ordinary_panel, "judgment", SECTIONS)
    assert date_cn(earlier + timedelta(days=30)) in paragraphs(d)


def test_an_empty_required_section_prints_its_gap(ordinary_panel):
    """structure.gap: an empty required section shows 【待填写：<title>】 where it belongs."""
    d = generate(ordinary_panel, "judgment", {k: v for k, v in SECTIONS.items() if k not in ("reasoning", "decision")})
    assert "【待填写：本院认为】" in paragraphs(d)
    assert after(d, "依照")[0] == "【待填写：裁判主文】"


# ---- 普通程序, 独任审理 ---------------------------------------------------------------------------

def test_ordinary_procedure_sole_judge_sentence_and_signer(ordinary_sole):
    """民事诉讼法 第四十条第二款: 依法适用普通程序，由审判员×××独任审理; the sole judge signs as 审判员, never 审判长."""
    d = generate(ordinary_sole, "judgment", SECTIONS)
    assert "依法适用普通程序，由审判员张正义独任审理，公开开庭进行了审理。" in para(d, "原告黄强与被告").text
    assert "审判员　　张正义" in paragraphs(d) and "审判长" not in text(d)


# ---- 简易程序 ----------------------------------------------------------------------------------

def test_summary_procedure_not_public_halved_fee_and_sole_signer(summary):
    """民事判决书（简易程序用）: 依法适用简易程序; a private hearing says why (民事诉讼法 第一百三十七条);
    案件受理费×元，减半收取计×元 (交费办法 第十六条: 150000 元 → 3300 元, halved 1650 元); one 审判员 signs."""
    d = generate(summary, "judgment", SECTIONS)
    assert "依法适用简易程序，因涉及个人隐私不公开开庭进行了审理。" in para(d, "原告黄强与被告").text
    assert "案件受理费3300元，减半收取计1650元，由被告河南中原农商银行股份有限公司通许支行负担。" in paragraphs(d)
    assert "审判员　　张正义" in paragraphs(d) and "审判长" not in text(d)
    assert "上诉于河南省开封市中级人民法院" in text(d)


def test_summary_case_with_a_supervising_head_on_the_team_still_has_one_signer(summary):
    """Review §1: a 庭长 added to the team of a sole-judge case must not become a second signer."""
    head = summary["make_staff"](["judge", "division_head"], name="刘庭长")
    summary["case"].team.add(head)
    d = generate(summary, "judgment", SECTIONS)
    assert "刘庭长" not in text(d)


# ---- 小额诉讼程序 -------------------------------------------------------------------------------

def test_small_claims_judgment_is_final(small_claims):
    """民事判决书（小额诉讼程序用）: 本判决为终审判决 (民事诉讼法 第一百六十五条), no appeal offered; the fee halved."""
    d = generate(small_claims, "judgment", SECTIONS)
    assert "依法适用小额诉讼程序，公开开庭进行了审理。" in para(d, "原告黄强与被告").text
    assert "本判决为终审判决。" in paragraphs(d)
    assert "上诉" not in text(d)
    assert re.search(r"案件受理费\d+元，减半收取计\d+元", text(d))
    assert paragraphs(d)[-1] == "书记员　　赵书记"


# ---- the old generate form still works until the editor replaces it ---------------------------

def test_old_free_text_form_still_fills_the_judgment(summary):
    d = generate(summary, "judgment", extra={"findings": "借款事实清楚。", "decision": "被告偿还原告借款150000元。",
                                             "legal_basis": "《中华人民共和国民法典》第六百七十五条",
                                             "fee_bearer": "案件受理费由被告负担。"})
    assert "【待填写" not in text(d)
    assert "依照《中华人民共和国民法典》第六百七十五条规定，判决如下：" in paragraphs(d)
    assert "被告偿还原告借款150000元。" in paragraphs(d)
    assert "案件受理费3300元，减半收取计1650元，由被告负担。" in paragraphs(d)
