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
