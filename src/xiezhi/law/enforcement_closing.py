"""终结本次执行程序（终本）的条件与终本后的定期查询。

依据：《最高人民法院关于严格规范终结本次执行程序的规定（试行）》（终本规定，法〔2016〕373号，2016-12-01 施行），
按领域文件 /work/shared/domain/court-domain.md §6.3 的写法：

- 第一条：终结本次执行程序须**同时**符合下列条件：
  （一）已向被执行人发出执行通知、责令被执行人报告财产；
  （二）已向被执行人发出限制消费令，并将符合条件的被执行人纳入失信被执行人名单；
  （三）已穷尽财产调查措施，未发现被执行人有可供执行的财产或者发现的财产不能处置；
  （四）自执行案件立案之日起已超过三个月；
  （五）被执行人下落不明的，已依法予以查找；被执行人或者其他人妨害执行的，已依法采取罚款、拘留等强制措施，
  构成犯罪的，已依法启动刑事责任追究程序。
- 第二条：“责令被执行人报告财产”是指：发出报告财产令；对被执行人报告的财产情况予以核查；对逾期报告、拒绝
  报告或者虚假报告的，采取罚款、拘留等强制措施；财产报告、核实及处罚的情况记录入卷。
- 第三条（领域文件标为 ⚠，只按其所述的最低要求）：通过网络执行查控系统查询；对申请执行人或者其他人提供的
  财产线索予以核查；网络执行查控系统无法查询的财产类型，到实地进行必要调查。
- 第九条：终本后五年内，人民法院应当每六个月通过网络执行查控系统查询一次被执行人的财产，并将查询结果告知
  申请执行人；符合恢复执行条件的，依职权恢复执行。

“已超过三个月”的计算：三个月按民法典 第二百零一条（开始的当日不计入）、第二百零二条（到期月的对应日为期间的
最后一日，没有对应日的以月末日为最后一日）计算，期间最后一日过后才算“已超过”；不因节假日顺延——这里不是
当事人为诉讼行为的期间，而是法院可以作出终本裁定的最早日期。

终本前听取申请执行人意见（终本规定 第五条）不在领域文件 §6.3 中，本模块不检查。

本模块是纯 Python，不依赖 Django。
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .periods import add_months

__all__ = [
    "ASSET_OUTCOMES",
    "RESCAN_INTERVAL_MONTHS",
    "RESCAN_RUNS",
    "RESCAN_YEARS",
    "WAITING_MONTHS",
    "ZhongbenError",
    "ZhongbenFacts",
    "rescan_schedule",
    "zhongben_earliest_date",
    "zhongben_missing",
]

#: 自立案之日起须已超过的月数（终本规定 第一条第四项）
WAITING_MONTHS = 3
#: 终本后定期查询的年限与间隔（终本规定 第九条）
RESCAN_YEARS = 5
RESCAN_INTERVAL_MONTHS = 6
RESCAN_RUNS = RESCAN_YEARS * 12 // RESCAN_INTERVAL_MONTHS  # 10 次

#: 财产调查的结果：未发现可供执行的财产 / 发现的财产不能处置 / 发现可以处置的财产
ASSET_OUTCOMES = ("none_found", "not_disposable", "disposable")


class ZhongbenError(ValueError):
    """终本条件的输入错误（中文消息）。"""


@dataclass(frozen=True)
class ZhongbenFacts:
    """执行案件中与终本条件有关的事实。未知的事实按“未做”处理。

    条件适用与否的前提（如“被执行人下落不明”“符合纳入失信名单的条件”）由调用方认定，
    失信条件可用 :func:`xiezhi.law.enforcement.dishonest_term` 判断。
    """

    # 立案日与拟作出终本裁定之日（第一条第四项）
    filed_on: date
    decided_on: date
    # 第一条第一项、第二条
    notice_served: bool = False  # 已发出执行通知
    report_order_served: bool = False  # 已发出报告财产令（第二条）
    debtor_reported: bool = False  # 被执行人报告了财产
    report_verified: bool = False  # 已核查被执行人报告的财产情况（第二条）
    report_breach: bool = False  # 被执行人逾期报告、拒绝报告或者虚假报告
    report_breach_sanctioned: bool = False  # 已对上述行为采取罚款、拘留等强制措施（第二条）
    report_recorded: bool = False  # 财产报告、核实及处罚情况已记录入卷（第二条）
    # 第一条第二项
    consumption_restricted: bool = False  # 已发出限制消费令
    dishonest_listing_required: bool = False  # 被执行人符合纳入失信被执行人名单的条件
    dishonest_listed: bool = False  # 已纳入失信被执行人名单
    # 第一条第三项、第三条
    network_searched: bool = False  # 已通过网络执行查控系统查询
    leads_given: bool = False  # 申请执行人或者其他人提供了财产线索
    leads_checked: bool = False  # 已核查所提供的财产线索
    onsite_needed: bool = False  # 有网络执行查控系统无法查询的财产类型
    onsite_done: bool = False  # 已到实地进行必要调查
    asset_outcome: str | None = None  # ASSET_OUTCOMES 之一；None 为尚无结论
    # 第一条第五项
    debtor_missing: bool = False  # 被执行人下落不明
    debtor_searched: bool = False  # 已依法查找被执行人
    obstruction: bool = False  # 被执行人或者其他人妨害执行
    obstruction_sanctioned: bool = False  # 已采取罚款、拘留等强制措施，或者已启动刑事责任追究程序

    def __post_init__(self) -> None:
        if not isinstance(self.filed_on, date) or not isinstance(self.decided_on, date):
            raise ZhongbenError("立案日期和终本日期须为日期")
        if self.decided_on < self.filed_on:
            raise ZhongbenError("终本日期不能早于立案日期")
        if self.asset_outcome is not None and self.asset_outcome not in ASSET_OUTCOMES:
            raise ZhongbenError("财产调查结果须为：未发现可供执行的财产、发现的财产不能处置、发现可以处置的财产之一")


def zhongben_earliest_date(filed_on: date) -> date:
    """可以终本的最早日期：立案之日起三个月届满的次日（终本规定 第一条第四项；民法典 第二百零一条、第二百零二条）。"""
    return add_months(filed_on, WAITING_MONTHS) + timedelta(days=1)


def _condition_1(f: ZhongbenFacts) -> list[str]:
    gaps = []
    if not f.notice_served:
        gaps.append("未向被执行人发出执行通知")
    if not f.report_order_served:
        gaps.append("未发出报告财产令（第二条）")
    if f.debtor_reported and not f.report_verified:
        gaps.append("未核查被执行人报告的财产情况（第二条）")
    if f.report_breach and not f.report_breach_sanctioned:
        gaps.append("被执行人逾期报告、拒绝报告或者虚假报告，未采取罚款、拘留等强制措施（第二条）")
    if not f.report_recorded:
        gaps.append("财产报告、核实及处罚的情况未记录入卷（第二条）")
    return gaps


def _condition_2(f: ZhongbenFacts) -> list[str]:
    gaps = []
    if not f.consumption_restricted:
        gaps.append("未向被执行人发出限制消费令")
    if f.dishonest_listing_required and not f.dishonest_listed:
        gaps.append("被执行人符合条件，未纳入失信被执行人名单")
    return gaps


def _condition_3(f: ZhongbenFacts) -> list[str]:
    gaps = []
    if not f.network_searched:
        gaps.append("未通过网络执行查控系统查询被执行人的财产（第三条）")
    if f.leads_given and not f.leads_checked:
        gaps.append("未核查申请执行人或者其他人提供的财产线索（第三条）")
    if f.onsite_needed and not f.onsite_done:
        gaps.append("网络执行查控系统无法查询的财产，未到实地进行必要调查（第三条）")
    if f.asset_outcome is None:
        gaps.append("尚未查明被执行人有无可供执行的财产")
    elif f.asset_outcome == "disposable":
        gaps.append("已发现可供执行且能够处置的财产")
    return gaps


def _condition_4(f: ZhongbenFacts) -> list[str]:
    earliest = zhongben_earliest_date(f.filed_on)
    if f.decided_on < earliest:
        return [
            f"自立案之日（{f.filed_on.isoformat()}）起未超过三个月，"
            f"最早可于 {earliest.isoformat()} 终结本次执行程序"
        ]
    return []


def _condition_5(f: ZhongbenFacts) -> list[str]:
    gaps = []
    if f.debtor_missing and not f.debtor_searched:
        gaps.append("被执行人下落不明，未依法查找")
    if f.obstruction and not f.obstruction_sanctioned:
        gaps.append("有人妨害执行，未依法采取罚款、拘留等强制措施或者启动刑事责任追究程序")
    return gaps


_CONDITIONS = (
    ("第一项", "已向被执行人发出执行通知、责令被执行人报告财产", _condition_1),
    ("第二项", "已向被执行人发出限制消费令，并将符合条件的被执行人纳入失信被执行人名单", _condition_2),
    ("第三项", "已穷尽财产调查措施，未发现可供执行的财产或者发现的财产不能处置", _condition_3),
    ("第四项", "自执行案件立案之日起已超过三个月", _condition_4),
    ("第五项", "被执行人下落不明的已依法查找，妨害执行的已依法采取强制措施或者追究刑事责任", _condition_5),
)


def zhongben_missing(facts: ZhongbenFacts) -> list[str]:
    """终本规定 第一条所列条件中尚未满足的，按该条的顺序，每项条件一条中文说明；全部满足时返回空列表。

    每条以“终本规定 第一条第N项”开头，随后是该项条件和缺少的具体事项。
    """
    missing = []
    for item, condition, check in _CONDITIONS:
        gaps = check(facts)
        if gaps:
            missing.append(f"终本规定 第一条{item}（{condition}）：{'；'.join(gaps)}")
    return missing


def rescan_schedule(closed_on: date) -> list[date]:
    """终本后的网络查控查询日期（终本规定 第九条：五年内每六个月查询一次），共 10 次。

    按日历月计算：第 k 次为终本之日起 6k 个月的对应日（民法典 第二百零二条，没有对应日的取月末日），
    每次都从终本之日算起，不累加，月末不漂移；第 10 次即五年期间的最后一日。

    领域文件中平台的写法是“每 180 天一次，共 10 次”；180 天 × 10 = 1800 天，比五年少约 26 天，
    且与“每六个月”逐次偏离。本函数按法条的“每六个月”计算。
    """
    if not isinstance(closed_on, date):
        raise ZhongbenError("终本日期须为日期")
    return [add_months(closed_on, RESCAN_INTERVAL_MONTHS * k) for k in range(1, RESCAN_RUNS + 1)]
