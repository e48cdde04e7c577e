"""法律依据的引用格式: 《人民法院民事裁判文书制作规范》（法〔2016〕221号）“裁判依据”——法律全称加书名号，
条、款、项用汉字，“项”不加括号；and the fee-burden suggestion of 《诉讼费用交纳办法》第二十九条."""
import pytest

from xiezhi.law import citations, fee_burden
from xiezhi.law.citations import CitationError, cn_number, format_citation


@pytest.mark.parametrize("n, text", [
    (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (67, "六十七"), (100, "一百"), (101, "一百零一"),
    (110, "一百一十"), (157, "一百五十七"), (171, "一百七十一"), (264, "二百六十四"), (1001, "一千零一"),
    (1010, "一千零一十"), (1165, "一千一百六十五"), (1208, "一千二百零八"), (1260, "一千二百六十"),
])
def test_article_numbers_in_chinese_as_statutes_write_them(n, text):
    assert cn_number(n) == text


@pytest.mark.parametrize("args, text", [
    (("民事诉讼法", 67, 1), "《中华人民共和国民事诉讼法》第六十七条第一款"),
    (("中华人民共和国民事诉讼法", 157, 1, 3), "《中华人民共和国民事诉讼法》第一百五十七条第一款第三项"),
    (("《中华人民共和国民法典》", 675), "《中华人民共和国民法典》第六百七十五条"),
    (("民法典", 1165, 1), "《中华人民共和国民法典》第一千一百六十五条第一款"),
    (("诉讼费用交纳办法", 29), "《诉讼费用交纳办法》第二十九条"),
    # a title quoting another title: the inner 书名号 become 〈〉
    (("民诉解释", 90), "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条"),
    (("民事诉讼法", 264), "《中华人民共和国民事诉讼法》第二百六十四条"),
])
def test_format_citation_standard_form(args, text):
    assert format_citation(*args) == text


@pytest.mark.parametrize("args", [("", 1), ("民法典", 0), ("民法典", -3), ("民法典", True), ("民法典", 10000)])
def test_bad_citations_are_refused(args):
    with pytest.raises(CitationError):
        format_citation(*args)


@pytest.mark.parametrize("query, expected", [
    ("民法典 675", "《中华人民共和国民法典》第六百七十五条"),
    ("第六百七十五条", "《中华人民共和国民法典》第六百七十五条"),
    ("民事诉讼法 驳回起诉", "《中华人民共和国民事诉讼法》第一百五十七条第一款第三项"),
    ("交费办法 29 败诉", "《诉讼费用交纳办法》第二十九条第一款"),
    ("迟延履行", "《中华人民共和国民事诉讼法》第二百六十四条"),
])
def test_search_by_name_number_or_words(query, expected):
    assert expected in [a.citation for a in citations.search(query)]


def test_search_finds_nothing_for_unknown_words_and_the_catalogue_is_well_formed():
    assert citations.search("不存在的法律 9999") == []
    cat = citations.catalogue()
    assert len(cat) >= 40
    assert len({a.citation for a in cat}) == len(cat)  # no article listed twice
    assert all(a.citation.startswith("《") and a.summary for a in cat)


@pytest.mark.parametrize("outcome, fee, claimed, granted, text", [
    # 第二十九条第一款: the losing party bears the fee
    ("won", None, None, None, "被告崔明负担"),
    ("lost", None, None, None, "原告黄强负担"),
    # 第二十九条第二款: partly won → in proportion to what was granted
    ("partly", "3300", "100000", "84848.48", "原告黄强负担500元，被告崔明负担2800元"),
    ("partly", "1050", "40000", "30000", "原告黄强负担262.5元，被告崔明负担787.5元"),
    ("partly", "1000", "5000", "5000", "被告崔明负担"),
    ("partly", "1000", "5000", "0", "原告黄强负担"),
    # figures missing or absurd: the amounts stay a gap the judge must fill
    ("partly", None, "5000", "100", "原告黄强负担【待填写：数额】元，被告崔明负担【待填写：数额】元"),
    ("partly", "1000", "5000", "6000", "原告黄强负担【待填写：数额】元，被告崔明负担【待填写：数额】元"),
])
def test_fee_burden_suggestion(outcome, fee, claimed, granted, text):
    assert fee_burden.suggest(outcome, ["黄强"], ["崔明"], fee, claimed, granted) == text


def test_fee_burden_names_every_losing_party():
    assert fee_burden.suggest("won", ["黄强"], ["崔明", "李四"]) == "被告崔明、李四负担"
