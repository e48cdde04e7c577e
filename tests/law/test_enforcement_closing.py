"""终结本次执行程序的条件与终本后的定期查询（xiezhi.law.enforcement_closing）。

终本规定（法〔2016〕373号）第一条：五项条件须同时具备；第二条：责令报告财产的内容；第三条：财产调查措施
（领域文件 §6.3 所述的最低要求）；第九条：终本后五年内每六个月网络查询一次。
"""
from dataclasses import replace
from datetime import date

import pytest

from xiezhi.law.enforcement_closing import (
    RESCAN_RUNS,
    ZhongbenError,
    ZhongbenFacts,
    rescan_schedule,
    zhongben_earliest_date,
    zhongben_missing,
)

D = date.fromisoformat

#: 五项条件全部具备的案件：立案 2026-01-15，2026-05-20 终本；被执行人报告了财产且曾逾期报告、
#: 符合失信条件、申请人提供了线索、有网络查不到的财产、曾下落不明、有人妨害执行——每一项都已处理。
COMPLETE = ZhongbenFacts(
    filed_on=D("2026-01-15"),
    decided_on=D("2026-05-20"),
    notice_served=True,
    report_order_served=True,
    debtor_reported=True,
    report_verified=True,
    report_breach=True,
    report_breach_sanctioned=True,
    report_recorded=True,
    consumption_restricted=True,
    dishonest_listing_required=True,
    dishonest_listed=True,
    network_searched=True,
    leads_given=True,
    leads_checked=True,
    onsite_needed=True,
    onsite_done=True,
    asset_outcome="none_found",
    debtor_missing=True,
    debtor_searched=True,
    obstruction=True,
    obstruction_sanctioned=True,
)

#: 最简单的完整案件：没有需要额外处理的情形
PLAIN = ZhongbenFacts(
    filed_on=D("2026-01-15"),
    decided_on=D("2026-05-20"),
    notice_served=True,
    report_order_served=True,
    report_recorded=True,
    consumption_restricted=True,
    network_searched=True,
    asset_outcome="not_disposable",
)


def _items(missing):
    """每条说明开头的“终本规定 第一条第N项”。"""
    return [m.split("（", 1)[0] for m in missing]


# ---- 第一条：全部具备 → 空列表 ---------------------------------------------------------------------

@pytest.mark.parametrize("facts", [COMPLETE, PLAIN, replace(PLAIN, asset_outcome="none_found")])
def test_all_conditions_met_art_1(facts):
    assert zhongben_missing(facts) == []


# ---- 第一条：缺一项，只指出这一项 -------------------------------------------------------------------

@pytest.mark.parametrize("change, item, detail", [
    # 第一条第一项：执行通知、责令报告财产（第二条）
    ({"notice_served": False}, "第一项", "未向被执行人发出执行通知"),
    ({"report_order_served": False}, "第一项", "未发出报告财产令（第二条）"),
    ({"report_verified": False}, "第一项", "未核查被执行人报告的财产情况（第二条）"),
    ({"report_breach_sanctioned": False}, "第一项", "逾期报告、拒绝报告或者虚假报告，未采取罚款、拘留等强制措施"),
    ({"report_recorded": False}, "第一项", "未记录入卷（第二条）"),
    # 第一条第二项：限制消费令；符合条件的纳入失信名单
    ({"consumption_restricted": False}, "第二项", "未向被执行人发出限制消费令"),
    ({"dishonest_listed": False}, "第二项", "未纳入失信被执行人名单"),
    # 第一条第三项：穷尽财产调查措施（第三条）；未发现可供执行的财产或者不能处置
    ({"network_searched": False}, "第三项", "未通过网络执行查控系统查询"),
    ({"leads_checked": False}, "第三项", "未核查申请执行人或者其他人提供的财产线索"),
    ({"onsite_done": False}, "第三项", "未到实地进行必要调查"),
    ({"asset_outcome": "disposable"}, "第三项", "已发现可供执行且能够处置的财产"),
    ({"asset_outcome": None}, "第三项", "尚未查明被执行人有无可供执行的财产"),
    # 第一条第四项：自立案之日起已超过三个月
    ({"decided_on": D("2026-04-15")}, "第四项", "未超过三个月"),
    # 第一条第五项：下落不明的已查找；妨害执行的已采取强制措施或者追究刑事责任
    ({"debtor_searched": False}, "第五项", "被执行人下落不明，未依法查找"),
    ({"obstruction_sanctioned": False}, "第五项", "未依法采取罚款、拘留等强制措施或者启动刑事责任追究程序"),
])
def test_one_condition_missing_names_exactly_it_art_1(change, item, detail):
    missing = zhongben_missing(replace(COMPLETE, **change))
    assert _items(missing) == [f"终本规定 第一条{item}"]
    assert detail in missing[0]


@pytest.mark.parametrize("change", [
    {"debtor_reported": False, "report_verified": False},  # 没有报告，无从核查
    {"report_breach": False, "report_breach_sanctioned": False},  # 按时如实报告，无须处罚
    {"dishonest_listing_required": False, "dishonest_listed": False},  # 不符合失信条件的，不纳入
    {"leads_given": False, "leads_checked": False},  # 无人提供线索
    {"onsite_needed": False, "onsite_done": False},  # 网络都能查到
    {"debtor_missing": False, "debtor_searched": False},  # 下落清楚
    {"obstruction": False, "obstruction_sanctioned": False},  # 无妨害执行
])
def test_conditional_duties_only_when_their_case_arises_art_1_2_3(change):
    assert zhongben_missing(replace(COMPLETE, **change)) == []


# ---- 第一条：缺几项，全部按法条顺序列出 -------------------------------------------------------------

def test_several_missing_all_named_in_the_law_order_art_1():
    facts = replace(COMPLETE, obstruction_sanctioned=False, decided_on=D("2026-02-01"),
                    network_searched=False, notice_served=False)
    assert _items(zhongben_missing(facts)) == [
        "终本规定 第一条第一项", "终本规定 第一条第三项", "终本规定 第一条第四项", "终本规定 第一条第五项",
    ]


def test_nothing_done_names_all_five_art_1():
    bare = ZhongbenFacts(filed_on=D("2026-03-01"), decided_on=D("2026-03-02"))
    assert _items(zhongben_missing(bare)) == [f"终本规定 第一条第{n}项" for n in "一二三四五"][:4]
    # 第五项只在下落不明或者妨害执行时才有要求
    assert _items(zhongben_missing(replace(bare, debtor_missing=True))) == [
        f"终本规定 第一条第{n}项" for n in "一二三四五"
    ]


def test_several_gaps_of_one_condition_in_one_entry_art_1_2():
    missing = zhongben_missing(replace(COMPLETE, notice_served=False, report_order_served=False))
    assert len(missing) == 1
    assert "未向被执行人发出执行通知；未发出报告财产令" in missing[0]


# ---- 第一条第四项：自立案之日起已超过三个月（民法典 第二百零一条、第二百零二条） ---------------------

@pytest.mark.parametrize("filed, earliest", [
    ("2026-01-15", "2026-04-16"),  # 三个月于 04-15 届满，次日才“已超过”
    ("2025-11-30", "2026-03-01"),  # 2026-02 没有 30 日，以月末日 02-28 为最后一日
    ("2026-10-31", "2027-02-01"),  # 跨年，01-31 届满
    ("2027-11-30", "2028-03-01"),  # 闰年 2028-02-29 届满
])
def test_earliest_date_more_than_three_months_art_1_4(filed, earliest):
    assert zhongben_earliest_date(D(filed)) == D(earliest)
    at = replace(COMPLETE, filed_on=D(filed), decided_on=D(earliest))
    assert zhongben_missing(at) == []
    day_before = replace(at, decided_on=date.fromordinal(D(earliest).toordinal() - 1))
    missing = zhongben_missing(day_before)
    assert _items(missing) == ["终本规定 第一条第四项"]
    assert f"最早可于 {earliest} 终结本次执行程序" in missing[0]


# ---- 输入错误：中文消息 ---------------------------------------------------------------------------

@pytest.mark.parametrize("change, message", [
    ({"decided_on": D("2026-01-14")}, "终本日期不能早于立案日期"),
    ({"asset_outcome": "some"}, "财产调查结果须为"),
])
def test_bad_input_chinese_error(change, message):
    with pytest.raises(ZhongbenError, match=message):
        replace(COMPLETE, **change)


def test_facts_are_frozen():
    with pytest.raises(AttributeError):
        COMPLETE.notice_served = False  # type: ignore[misc]


# ---- 第九条：终本后五年内每六个月查询一次 ---------------------------------------------------------

@pytest.mark.parametrize("closed, expected", [
    ("2026-05-20", ["2026-11-20", "2027-05-20", "2027-11-20", "2028-05-20", "2028-11-20",
                    "2029-05-20", "2029-11-20", "2030-05-20", "2030-11-20", "2031-05-20"]),
    # 月末：没有对应日的取月末日；每次从终本日算起，不漂移（08-31 → 02-28/29 → 08-31）
    ("2026-08-31", ["2027-02-28", "2027-08-31", "2028-02-29", "2028-08-31", "2029-02-28",
                    "2029-08-31", "2030-02-28", "2030-08-31", "2031-02-28", "2031-08-31"]),
])
def test_rescan_every_six_months_for_five_years_art_9(closed, expected):
    assert rescan_schedule(D(closed)) == [D(d) for d in expected]


def test_rescan_ten_runs_last_on_the_fifth_anniversary_art_9():
    runs = rescan_schedule(D("2028-02-29"))
    assert len(runs) == RESCAN_RUNS == 10
    assert runs[-1] == D("2033-02-28")  # 五年期间的最后一日（2033 年无 02-29）
    # 平台所写的“每 180 天”会在 1800 天后停下，比五年早约一个月；本函数按日历月
    assert (runs[-1] - D("2028-02-29")).days == 1826


def test_rescan_bad_input():
    with pytest.raises(ZhongbenError, match="终本日期须为日期"):
        rescan_schedule("2026-05-20")  # type: ignore[arg-type]
