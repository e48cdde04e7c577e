"""审判组织的形式 by procedure (民事诉讼法 第四十条; 第一百八十五条; 行政诉讼法 第八十三条; 刑事诉讼法 第二百二十四条)."""
import pytest

from xiezhi.law.panels import composition_for


@pytest.mark.parametrize("limit_code, form, single_allowed, article", [
    ("civil_summary", "single", False, "民事诉讼法 第四十条第二款: 简易程序独任审理"),
    ("civil_small_claims", "single", False, "民事诉讼法 第一百六十五条: 小额诉讼独任审理"),
    ("civil_ordinary", "collegial", True, "民事诉讼法 第四十条: 合议庭, 基本事实清楚的可独任"),
    ("admin_simplified", "single", False, "行政诉讼法 第八十三条"),
    ("criminal_fast", "single", False, "刑事诉讼法 第二百二十四条: 速裁独任"),
    ("criminal_summary_long", "collegial", False, "刑事诉讼法 第二百一十六条: 超过三年应当组成合议庭"),
])
def test_form_of_the_trial_organisation(limit_code, form, single_allowed, article):
    c = composition_for(limit_code)
    assert c.form == form, article
    assert c.single_allowed == single_allowed, article
    if form == "collegial":
        assert c.size >= 3 and c.size % 2 == 1, "a panel has an odd number of members, at least three"
    assert c.basis


from xiezhi.law.panels import SINGLE_JUDGE_BARRED, single_judge_refusal  # noqa: E402


@pytest.mark.parametrize("ground", sorted(SINGLE_JUDGE_BARRED))
def test_single_judge_refused_for_art_42_cases(ground):
    """民事诉讼法 第四十二条：六类案件不得由审判员一人独任审理（简易程序与普通程序独任审理都不行）。"""
    for code in ("civil_ordinary", "civil_summary", "civil_small_claims", "civil_special"):
        message = single_judge_refusal(code, [ground])
        assert message and "第四十二条" in message and SINGLE_JUDGE_BARRED[ground] in message


def test_voter_qualification_needs_a_panel_art_185():
    """民事诉讼法 第一百八十五条：选民资格案件由审判员组成合议庭审理。"""
    message = single_judge_refusal("civil_special", voter_qualification=True)
    assert message and "第一百八十五条" in message


def test_single_judge_allowed_otherwise_and_outside_civil():
    """民事诉讼法 第四十条第二款：没有第四十二条情形的可以独任；刑事、行政案件不适用第四十二条。"""
    assert single_judge_refusal("civil_ordinary") is None
    assert single_judge_refusal("criminal_fast", ["new_or_complex"]) is None


def test_unknown_ground_is_an_error():
    with pytest.raises(ValueError):
        single_judge_refusal("civil_ordinary", ["bogus"])
