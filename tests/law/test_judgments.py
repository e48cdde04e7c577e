"""裁判文书中由法律决定的语句（xiezhi.law.judgments）：生效或上诉告知（民事诉讼法 第一百五十五条、第一百五十七条、
第一百七十一条、第一百六十五条、第一百一十一条、第一百条、第二百八十六条；民诉解释 第二百七十六条、第二百七十七条；
刑事诉讼法 第二百三十条；行政诉讼法 第八十五条），迟延履行告知（民事诉讼法 第二百六十四条），诉讼费用减半
（诉讼费用交纳办法 第十五条、第十六条），主要负责人（民诉解释 第五十二条）。"""
from decimal import Decimal

import pytest

from xiezhi.law.judgments import (
    LATE_PERFORMANCE,
    cn_count,
    effect_sentences,
    fee_line,
    is_unincorporated,
    item_texts,
    orders_money,
    procuratorate_name,
    representative_title,
    yuan,
)

KF = "河南省开封市中级人民法院"


@pytest.mark.parametrize("kind, variant, small, expected", [
    # 民事诉讼法 第一百七十一条第一款、第一百五十五条(四): 15 days, the appeal court named
    ("judgment", "", False, ["如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人或者代表人的人数"
                             f"提出副本，上诉于{KF}。"]),
    # 民事诉讼法 第一百六十五条: 小额诉讼 一审终审
    ("judgment", "", True, ["本判决为终审判决。"]),
    # 第一百五十七条第二款 + 第一百七十一条第二款: appealable rulings, 10 days
    ("ruling", "not_accepted", False, ["如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，并按对方当事人或者"
                                       f"代表人的人数提出副本，上诉于{KF}。"]),
    ("ruling", "dismissal", False, ["如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，并按对方当事人或者"
                                    f"代表人的人数提出副本，上诉于{KF}。"]),
    ("ruling", "jurisdiction", False, ["如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，并按对方当事人或者"
                                       f"代表人的人数提出副本，上诉于{KF}。"]),
    # 民诉解释 第二百七十六条（管辖异议）、第二百七十七条（驳回起诉）: in 小额诉讼 effective at once
    ("ruling", "jurisdiction", True, ["本裁定一经作出即生效。"]),
    ("ruling", "dismissal", True, ["本裁定一经作出即生效。"]),
    # 第一百一十一条: 保全 复议一次, execution not stopped
    ("ruling", "preservation", False, ["本裁定立即开始执行。",
                                       "如不服本裁定，可以自收到裁定书之日起五日内向本院申请复议一次。复议期间不停止裁定的执行。"]),
    # 准许撤诉: no appeal sentence
    ("ruling", "withdrawal", False, []),
    ("ruling", "suspension", False, ["本裁定送达后即发生法律效力。"]),
    ("ruling", "transfer", False, ["本裁定送达后即发生法律效力。"]),
    # 民事诉讼法 第一百条
    ("mediation", "", False, ["本调解书经双方当事人签收后，即具有法律效力。"]),
    # 行政诉讼法 第八十五条
    ("admin_judgment", "", False, ["如不服本判决，可以在判决书送达之日起十五日内向本院递交上诉状，并按对方当事人的人数提出副本，"
                                   f"上诉于{KF}。"]),
])
def test_effect_sentence_by_kind_variant_and_procedure(kind, variant, small, expected):
    assert effect_sentences(kind, variant=variant, small_claims=small, appeal_court=KF) == expected


def test_criminal_judgment_ten_days_through_this_court_or_directly():
    """刑事诉讼法 第二百三十条: 10 days from the day after receipt; 第二百二十七条: through this court or directly."""
    assert effect_sentences("criminal_judgment", appeal_court=KF, copies=2) == [
        f"如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向{KF}提出上诉。书面上诉的，应当提交上诉状正本一份，副本二份。"]


def test_party_without_domicile_in_china_gets_thirty_days():
    """民事诉讼法 第二百八十六条; 民诉解释 第五百三十六条: each side its own period."""
    (s,) = effect_sentences("judgment", appeal_court=KF, parties_abroad=("约翰",), parties_at_home=("黄强",))
    assert "黄强可以在判决书送达之日起十五日内，约翰可以在判决书送达之日起三十日内" in s


def test_mediation_with_more_than_two_parties_says_each_party():
    assert effect_sentences("mediation", two_parties=False) == ["本调解书经各方当事人签收后，即具有法律效力。"]


def test_unnamed_appeal_court_falls_back_to_the_court_above():
    assert effect_sentences("judgment")[0].endswith("上诉于上一级人民法院。")


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        effect_sentences("summons")


@pytest.mark.parametrize("items, expected", [
    (["被告崔明于本判决生效之日起十日内偿还原告黄强借款150000元。"], ["被告崔明于本判决生效之日起十日内偿还原告黄强借款150000元。"]),
    (["被告偿还借款150000元。", "被告支付利息", "驳回原告的其他诉讼请求；"],
     ["一、被告偿还借款150000元；", "二、被告支付利息；", "三、驳回原告的其他诉讼请求。"]),
    (["", "  "], []),
])
def test_decision_items_one_paragraph_each_numbered_when_more_than_one(items, expected):
    assert item_texts(items) == expected


@pytest.mark.parametrize("items, money", [
    (["被告于本判决生效之日起十日内偿还原告借款150000元。"], True),
    (["被告支付原告货款人民币叁万元整"], True),
    (["被告于本判决生效之日起十日内支付原告违约金"], True),
    (["驳回原告黄强的诉讼请求。"], False),
    (["确认原告与被告之间的借款合同有效。"], False),
    (["被告于本判决生效之日起十日内返还原告车辆一辆。"], False),
])
def test_payment_of_money_brings_the_late_performance_warning(items, money):
    """民事诉讼法 第二百六十四条: the warning goes with 给付金钱义务, not with a dismissal or a thing returned."""
    assert orders_money(items) is money
    assert "第二百六十四条" in LATE_PERFORMANCE and "加倍支付迟延履行期间的债务利息" in LATE_PERFORMANCE


@pytest.mark.parametrize("assessed, procedure, closed_by, full, charged, halved", [
    ("3300", "ordinary", None, "3300", "3300", False),        # 第十三条
    ("1650", "summary", None, "3300", "1650", True),          # 第十六条: the assessed fee is already halved
    ("25", "small_claims", None, "50", "25", True),           # 小额 is a summary procedure
    ("3300", "ordinary", "mediation", "3300", "1650", True),  # 第十五条
    ("3300", "ordinary", "withdrawal", "3300", "1650", True),
    ("1650", "summary", "mediation", "3300", "1650", True),   # not stacked (交费办法 is silent; province setting)
    ("12.5", "ordinary", "mediation", "12.50", "6.25", True),
])
def test_fee_sentence_figures(assessed, procedure, closed_by, full, charged, halved):
    line = fee_line(Decimal(assessed), procedure, closed_by)
    assert (line.full, line.charged, line.halved) == (full, charged, halved)


def test_fee_halvings_stack_when_the_province_says_so():
    assert fee_line("1650", "summary", "mediation", stack_halvings=True).charged == "825"


@pytest.mark.parametrize("value, text", [("3300.00", "3300"), ("1650", "1650"), ("12.5", "12.50"), ("0", "0")])
def test_amount_as_a_judgment_writes_it(value, text):
    assert yuan(value) == text


@pytest.mark.parametrize("kind, name, title", [
    ("legal", "通许县惠民农资有限公司", "法定代表人"),
    ("legal", "河南中原农商银行股份有限公司通许支行", "主要负责人"),
    ("legal", "中国农业银行股份有限公司开封分行", "主要负责人"),
    ("legal", "某某建设集团有限公司通许分公司", "主要负责人"),
    ("organisation", "通许县城关镇某村民委员会", "主要负责人"),
    ("legal", "河南某某律师事务所（普通合伙）", "主要负责人"),
    ("natural", "黄强", "法定代表人"),
])
def test_branch_or_unincorporated_organisation_has_a_principal(kind, name, title):
    """民事诉讼法 第五十一条第二款; 民诉解释 第五十条、第五十二条."""
    assert representative_title(kind, name) == title
    assert is_unincorporated(kind, name) is (title == "主要负责人" and kind != "natural")


@pytest.mark.parametrize("court, procuratorate", [
    ("河南省通许县人民法院", "河南省通许县人民检察院"),
    ("河南省开封市中级人民法院", "河南省开封市人民检察院"),
])
def test_procuratorate_of_the_court(court, procuratorate):
    assert procuratorate_name(court) == procuratorate


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (15, "十五"), (21, "二十一"), (30, "三十")])
def test_chinese_count(n, text):
    assert cn_count(n) == text
