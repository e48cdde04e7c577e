"""审判组织的组成规则: single judge or collegial panel by procedure (pure; no Django)."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SINGLE_JUDGE_BARRED", "SUMMARY_LIMIT_CODES", "Composition", "composition_for", "single_judge_refusal"]

#: 审限规则代码为这些的程序由审判员一人独任审理。
SUMMARY_LIMIT_CODES = {
    "civil_summary": "民事诉讼法 第四十条第二款（适用简易程序审理的民事案件，由审判员一人独任审理）",
    "civil_small_claims": "民事诉讼法 第四十条第二款、第一百六十五条（小额诉讼属简易程序，独任审理）",
    "civil_special": "民事诉讼法 第一百八十五条（特别程序一般由审判员一人独任审理；选民资格案件或者重大、疑难的由审判员组成合议庭）",
    "admin_simplified": "行政诉讼法 第八十三条（适用简易程序审理的行政案件，由审判员一人独任审理）",
    "criminal_summary": "刑事诉讼法 第二百一十六条（可能判处三年有期徒刑以下刑罚的，可以组成合议庭，也可以由审判员一人独任审判）",
    "criminal_summary_long": "刑事诉讼法 第二百一十六条（可能判处的有期徒刑超过三年的，应当组成合议庭）",
    "criminal_fast": "刑事诉讼法 第二百二十四条（速裁程序由审判员一人独任审判）",
    "criminal_fast_long": "刑事诉讼法 第二百二十四条（速裁程序由审判员一人独任审判）",
}


@dataclass(frozen=True)
class Composition:
    """``form``：'single'（独任）或 'collegial'（合议庭）；``size``：合议庭人数；
    ``single_allowed``：普通程序可否经说明理由改为独任（民事诉讼法 第四十条第二款）。"""

    form: str
    size: int
    basis: str
    single_allowed: bool = False


def composition_for(limit_code: str, court_level: str = "basic") -> Composition:
    """按程序确定审判组织的形式。

    依据：民事诉讼法 第四十条（第一审民事案件由合议庭审理，人数为单数；简易程序独任审理；
    基层法院审理基本事实清楚、权利义务关系明确的第一审民事案件，可以由审判员一人适用普通
    程序独任审理）、第一百八十五条；行政诉讼法 第六十八条、第八十三条；刑事诉讼法 第一百八十三条、
    第二百一十六条、第二百二十四条。
    """
    if limit_code == "criminal_summary_long":
        return Composition("collegial", 3, SUMMARY_LIMIT_CODES[limit_code])
    if limit_code in SUMMARY_LIMIT_CODES:
        return Composition("single", 1, SUMMARY_LIMIT_CODES[limit_code])
    if limit_code == "civil_ordinary":
        return Composition("collegial", 3, "民事诉讼法 第四十条第一款（合议庭成员人数必须是单数）",
                           single_allowed=court_level == "basic")
    if limit_code.startswith("admin"):
        return Composition("collegial", 3, "行政诉讼法 第六十八条（人民法院审理行政案件，由审判员组成合议庭，或者由审判员、陪审员组成合议庭）")
    if limit_code.startswith("criminal"):
        return Composition("collegial", 3, "刑事诉讼法 第一百八十三条（基层人民法院审判第一审案件，应当由审判员三人或者由审判员和人民陪审员共三人或者七人组成合议庭）")
    return Composition("collegial", 3, "民事诉讼法 第四十一条（第二审民事案件由审判员组成合议庭）")


#: 民事诉讼法 第四十二条：不得由审判员一人独任审理的案件。代码 → 中文。
SINGLE_JUDGE_BARRED: dict[str, str] = {
    "state_public_interest": "涉及国家利益、社会公共利益的案件",
    "group_dispute": "涉及群体性纠纷，可能影响社会稳定的案件",
    "wide_attention": "人民群众广泛关注或者其他社会影响较大的案件",
    "new_or_complex": "属于新类型或者疑难复杂的案件",
    "law_requires_panel": "法律规定应当组成合议庭审理的案件",
    "other_unsuitable": "其他不宜由审判员一人独任审理的案件",
}
SINGLE_JUDGE_BARRED_BASIS = "民事诉讼法 第四十二条"
VOTER_QUALIFICATION_BASIS = "民事诉讼法 第一百八十五条（选民资格案件或者重大、疑难的案件，由审判员组成合议庭审理）"


def single_judge_refusal(limit_code: str, grounds=(), *, voter_qualification: bool = False) -> str | None:
    """独任审理是否被法律排除：返回中文理由，或 None（可以独任）。

    依据：民事诉讼法 第四十二条（六类案件不得由审判员一人独任审理，适用于一切民事独任审理，
    包括简易程序和普通程序独任审理）；第一百八十五条（特别程序中的选民资格案件由审判员组成合议庭）。
    ``grounds`` 为 :data:`SINGLE_JUDGE_BARRED` 的代码。刑事、行政案件不适用本条。
    """
    if not limit_code.startswith("civil"):
        return None
    unknown = [g for g in grounds if g not in SINGLE_JUDGE_BARRED]
    if unknown:
        raise ValueError(f"unknown ground(s) {unknown!r}")
    if voter_qualification:
        return f"选民资格案件应当组成合议庭审理（{VOTER_QUALIFICATION_BASIS}）"
    if grounds:
        labels = "、".join(SINGLE_JUDGE_BARRED[g] for g in grounds)
        return f"{labels}不得由审判员一人独任审理（{SINGLE_JUDGE_BARRED_BASIS}）"
    return None
