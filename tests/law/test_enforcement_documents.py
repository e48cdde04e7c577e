"""执行文书的法定内容（xiezhi.law.enforcement_documents）：执行裁定书末尾的告知按裁定种类——民事诉讼法
第二百三十六条（执行异议：十日内向上一级人民法院申请复议）、第二百六十九条（终结执行：送达当事人后立即生效）、
第二百四十八条第五款（不予执行仲裁裁决：重新申请仲裁或者起诉）；民诉解释 第五百一十七条第二款、终本规定 第九条
（终本后恢复执行不受申请执行时效限制）；终本规定 第一条的五项条件；民诉解释 第四百八十五条的冻结期限。"""
import pytest

from xiezhi.law.enforcement_documents import FREEZE_MAX_YEARS, RULING_KINDS, ZHONGBEN_CONDITIONS, ruling_effect

HIGHER = "河南省开封市中级人民法院"


@pytest.mark.parametrize("kind,kwargs,expected", [
    # 民事诉讼法 第二百三十六条
    ("objection_upheld", {"higher_court": HIGHER},
     [f"如不服本裁定，可以自本裁定送达之日起十日内，向本院递交复议申请书，向{HIGHER}申请复议。"]),
    ("objection_dismissed", {}, ["如不服本裁定，可以自本裁定送达之日起十日内，向本院递交复议申请书，向上一级人民法院申请复议。"]),
    ("control", {}, ["本裁定立即执行。"]),
    # 民诉解释 第五百一十七条第二款；终本规定 第九条
    ("zhongben", {}, ["申请执行人发现被执行人有可供执行财产的，可以向本院申请恢复执行。申请恢复执行不受申请执行时效期间的限制。",
                      "本裁定送达后即发生法律效力。"]),
    # 民事诉讼法 第二百六十九条
    ("termination", {}, ["本裁定送达当事人后立即生效。"]),
    # 民事诉讼法 第二百四十八条第五款
    ("no_enforcement", {"arbitration": True},
     ["当事人可以根据双方达成的书面仲裁协议重新申请仲裁，也可以向人民法院起诉。", "本裁定送达后即发生法律效力。"]),
    ("no_enforcement", {}, ["本裁定送达后即发生法律效力。"]),
    ("auction", {}, ["本裁定送达后即发生法律效力。"]),
])
def test_ruling_effect(kind, kwargs, expected):
    assert ruling_effect(kind, **kwargs) == expected


def test_no_enforcement_ruling_can_be_appealed():
    """执行裁定不上诉：救济是复议（第二百三十六条）或者另行起诉，不是一审裁判的上诉期。"""
    for kind in RULING_KINDS:
        assert not any("上诉" in s for s in ruling_effect(kind, higher_court=HIGHER, arbitration=True))


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="不认识的执行裁定种类"):
        ruling_effect("preservation")


def test_zhongben_has_the_five_conditions_of_article_one():
    """终本规定 第一条：五项条件，第四项为立案已满三个月。"""
    assert [c[:3] for c in ZHONGBEN_CONDITIONS] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert "超过三个月" in ZHONGBEN_CONDITIONS[3] and "报告财产" in ZHONGBEN_CONDITIONS[0]


def test_freeze_periods_of_article_485():
    """民诉解释 第四百八十五条：存款一年，动产二年，不动产、其他财产权三年。"""
    assert FREEZE_MAX_YEARS == {"deposit": 1, "movable": 2, "real_estate": 3, "property_right": 3}
