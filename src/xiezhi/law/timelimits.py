"""审理期限（审限）、延长与扣除。

依据（详见领域文档 §3.1、§3.2）：

- 民事：民事诉讼法 第一百五十二条（普通程序 6 个月）、第一百六十四条（简易程序 3 个月）、
  第一百六十八条（小额诉讼 2 个月）、第一百八十三条（二审）、第一百八十七条（特别程序）；
  民诉解释 第二百四十三条（审限起止与扣除）、第二百五十八条（简易程序延长累计不超过
  4 个月；转普通程序的审限自立案之日计算）、第三百三十九条（裁定上诉案件）。
- 行政：行政诉讼法 第八十一条、第八十三条、第八十八条；行诉解释 第五十条。
- 刑事：刑事诉讼法 第二百零八条、第二百二十条、第二百二十五条、第二百四十三条；
  刑诉解释 第二百一十条、第三百六十八条、第三百七十六条。
- 执行：《最高人民法院关于严格执行案件审理期限制度的若干规定》（以下简称“审限规定”）
  第五条。
- 扣除：审限规定 第九条；民诉解释 第二百四十三条；行诉解释 第五十条等。
- 延长申请时点：《最高人民法院关于严格规范民商事案件延长审限和延期开庭问题的规定》
  （以下简称“延长审限规定”）第一条。

计数规则：立案当日不计入（民诉解释 第二百四十三条“从立案之日起”；审限规定 第八条
“立案次日起”——两者都不把立案当日算作完整一天），按月计算的取对应日（民法典
第二百零二条，见 :func:`xiezhi.law.periods.add_months`）。扣除区间按“起日不计、止日计入”
计天数，即 ``(end - start).days``，与期间计算一致；重叠的扣除区间合并后计算，不重复扣除。

⚠ 审限届满日遇法定休假日是否顺延，法律没有专门规定（民事诉讼法 第八十五条第三款针对的是
“期间”，审限是否适用各地做法不一）。:func:`compute_time_limit` 的 ``calendar`` 参数为
None（默认）时不顺延，给出工作日历时顺延到休假日后的第一个工作日。

⚠ 法律未规定幅度、由审限规定（2000 年）补充的延长幅度（如普通程序报上级法院批准再延长
3 个月）在 :data:`TRIAL_LIMITS` 中注明；调用方可以传入自己的 ``rules`` 覆盖。
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Iterable, Mapping, Sequence

from .periods import WorkCalendar, add_months, next_working_day

__all__ = [
    "foreign_related_kind",
    "APPROVER_ROLES",
    "CONVERSION_BASIS",
    "DEDUCTION_KINDS",
    "ExtensionNotAllowed",
    "EXTENSION_SCHEDULES",
    "ExtensionStep",
    "FOREIGN_RELATED_BASIS",
    "Interval",
    "PUBLIC_SUMMONS_MIN_DAYS",
    "LimitRule",
    "Span",
    "TRIAL_LIMITS",
    "TimeLimitError",
    "TimeLimitStatus",
    "as_span",
    "check_extensions",
    "check_public_notice",
    "compute_time_limit",
    "deadline_state",
    "extension_request_deadlines",
    "max_extension_allowed",
    "payment_order_objection_end",
]


class TimeLimitError(ValueError):
    """审限计算的输入错误（中文消息）。"""


class ExtensionNotAllowed(TimeLimitError):
    """按规定不能再延长审限。"""


# ---------------------------------------------------------------------------
# 时长
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """以“月 + 日”表示的时长（如一个半月 = Span(months=1, days=15)）。"""

    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        for name in ("months", "days"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                raise TimeLimitError(f"时长的{'月数' if name == 'months' else '天数'}应为非负整数，收到：{v!r}")
        if self.months > 1200 or self.days > 36600:
            raise TimeLimitError("时长过长")

    def __add__(self, other: "Span") -> "Span":
        return Span(self.months + other.months, self.days + other.days)

    def add_to(self, d: date) -> date:
        """从 ``d`` 起算（``d`` 当日不计），先按月取对应日，再加天数。"""
        return add_months(d, self.months) + timedelta(days=self.days)

    @property
    def is_zero(self) -> bool:
        return self.months == 0 and self.days == 0

    def label(self) -> str:
        """中文表述，如“6个月”“30日”“1个月15日”。"""
        parts = []
        if self.months:
            parts.append(f"{self.months}个月")
        if self.days:
            parts.append(f"{self.days}日")
        return "".join(parts) or "0日"


def _int_field(value: Any, name: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool):
        raise TimeLimitError(f"延长的{name}应为整数，收到：{value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise TimeLimitError(f"延长的{name}应为整数，收到：{value!r}")


def as_span(value: Any) -> Span:
    """把延长记录转换为 :class:`Span`（不能为零时长）。

    接受 :class:`Span`；映射 ``{"months": n}`` / ``{"days": n}``（可含其他键如审批人，忽略）；
    二元组 ``("months", n)`` / ``("days", n)``；或带 ``months``/``days`` 属性的对象（如模型实例）。

    :raises TimeLimitError: 无法识别或时长为零。
    """
    if isinstance(value, Span):
        span = value
    elif isinstance(value, Mapping):
        span = Span(_int_field(value.get("months"), "月数"), _int_field(value.get("days"), "天数"))
    elif isinstance(value, tuple) and len(value) == 2 and value[0] in ("months", "days"):
        span = Span(**{value[0]: _int_field(value[1], "时长")})
    elif not isinstance(value, (type, str)) and (hasattr(value, "months") or hasattr(value, "days")):
        span = Span(
            _int_field(getattr(value, "months", 0), "月数"),
            _int_field(getattr(value, "days", 0), "天数"),
        )
    else:
        raise TimeLimitError(f"无法识别的延长时长：{value!r}（应为 {{'months': n}} 或 {{'days': n}}）")
    if span.is_zero:
        raise TimeLimitError("延长时长不能为零")
    return span


# ---------------------------------------------------------------------------
# 审限规则表
# ---------------------------------------------------------------------------

#: 审批角色代码 → 中文。
APPROVER_ROLES = {
    "president": "本院院长",
    "higher_court": "上一级人民法院",
    "high_court": "高级人民法院",
    "spc": "最高人民法院",
    "high_court_record": "层报高级人民法院备案",
}


@dataclass(frozen=True)
class ExtensionStep:
    """一级延长：由谁批准、可延长多久（``amount`` 为 None 表示法律未规定幅度，由批准机关决定）。"""

    approver: str
    amount: Span | None
    basis: str

    @property
    def approver_label(self) -> str:
        return APPROVER_ROLES.get(self.approver, self.approver)


@dataclass(frozen=True)
class LimitRule:
    """一种程序的审限规则。

    - ``limit``：法定审限；
    - ``extensions``：依次可用的延长步骤；
    - ``further``：上述步骤用完后还可以继续申请的延长（None 表示不能再延长）；
    - ``max_total``：审限与延长累计的上限（如简易程序 4 个月）；
    - ``category``：civil / administrative / criminal / enforcement，决定程序转换时如何起算。
    """

    label: str
    limit: Span
    basis: str
    category: str
    extensions: tuple[ExtensionStep, ...] = ()
    further: ExtensionStep | None = None
    max_total: Span | None = None
    note: str = ""

    @property
    def months(self) -> int:
        return self.limit.months

    @property
    def days(self) -> int:
        return self.limit.days


def _m(n: int) -> Span:
    return Span(months=n)


def _d(n: int) -> Span:
    return Span(days=n)


TRIAL_LIMITS: dict[str, LimitRule] = {
    "civil_ordinary": LimitRule(
        "民事一审普通程序",
        _m(6),
        "民事诉讼法 第一百五十二条",
        "civil",
        extensions=(
            ExtensionStep("president", _m(6), "民事诉讼法 第一百五十二条（经本院院长批准，可以延长六个月）"),
            ExtensionStep(
                "higher_court",
                _m(3),
                "民事诉讼法 第一百五十二条（报请上级人民法院批准）；幅度 3 个月见审限规定 第二条（⚠ 2000 年规定）",
            ),
        ),
        further=ExtensionStep("higher_court", None, "民事诉讼法 第一百五十二条（还需要延长的，报请上级人民法院批准）"),
    ),
    "civil_summary": LimitRule(
        "民事一审简易程序",
        _m(3),
        "民事诉讼法 第一百六十四条",
        "civil",
        extensions=(
            ExtensionStep("president", _m(1), "民事诉讼法 第一百六十四条；民诉解释 第二百五十八条第一款"),
        ),
        max_total=_m(4),
        note="延长后的审理期限累计不得超过四个月；需要继续审理的，应在审限届满前裁定转为普通程序（民诉解释 第二百五十八条）",
    ),
    "civil_small_claims": LimitRule(
        "民事小额诉讼程序",
        _m(2),
        "民事诉讼法 第一百六十八条",
        "civil",
        extensions=(ExtensionStep("president", _m(1), "民事诉讼法 第一百六十八条（经本院院长批准，可以延长一个月）"),),
        note="不宜适用小额诉讼程序的，适用简易程序其他规定或裁定转为普通程序（民事诉讼法 第一百六十九条）",
    ),
    "civil_second_judgment": LimitRule(
        "民事二审（判决上诉）",
        _m(3),
        "民事诉讼法 第一百八十三条第一款",
        "civil",
        extensions=(
            ExtensionStep(
                "president",
                _m(3),
                "民事诉讼法 第一百八十三条第一款（由本院院长批准）；幅度 3 个月见审限规定 第二条（⚠）",
            ),
        ),
        further=ExtensionStep("president", None, "民事诉讼法 第一百八十三条第一款"),
    ),
    "civil_second_ruling": LimitRule(
        "民事二审（裁定上诉）",
        _d(30),
        "民事诉讼法 第一百八十三条第二款；民诉解释 第三百三十九条",
        "civil",
        further=ExtensionStep("president", None, "民诉解释 第三百三十九条（由本院院长批准）"),
    ),
    "civil_special": LimitRule(
        "民事特别程序",
        _d(30),
        "民事诉讼法 第一百八十七条",
        "civil",
        extensions=(
            ExtensionStep(
                "president",
                _d(30),
                "民事诉讼法 第一百八十七条（由本院院长批准）；幅度 30 日见审限规定 第二条（⚠）",
            ),
        ),
        further=ExtensionStep("president", None, "民事诉讼法 第一百八十七条"),
        note="自立案之日起三十日内或者公告期满后三十日内审结；选民资格案件必须在选举日前审结，不得延长",
    ),
    "civil_payment_order": LimitRule(
        "督促程序（支付令）",
        _d(15),
        "民事诉讼法 第二百二十七条第一款（人民法院受理申请后，经审查债权人提供的事实、证据，对债权债务关系"
        "明确、合法的，应当在受理之日起十五日内向债务人发出支付令）",
        "civil",
        note="债务人应当自收到支付令之日起十五日内清偿债务，或者向人民法院提出书面异议（民事诉讼法 第二百二十七条第二款）",
    ),
    "civil_public_summons": LimitRule(
        "公示催告程序",
        _d(0),
        "民事诉讼法 第二百三十条（公示催告的期间由人民法院根据情况决定，但不得少于六十日）；"
        "第二百三十二条（没有人申报的，根据申请人的申请作出判决）",
        "civil",
        note="法律未规定公示催告程序的审理期限：公示催告期间届满后方可判决",
    ),
    "admin_first": LimitRule(
        "行政一审普通程序",
        _m(6),
        "行政诉讼法 第八十一条",
        "administrative",
        further=ExtensionStep("high_court", None, "行政诉讼法 第八十一条（由高级人民法院批准）；行诉解释 第五十条"),
    ),
    "admin_simplified": LimitRule(
        "行政一审简易程序",
        _d(45),
        "行政诉讼法 第八十三条",
        "administrative",
        note="不宜适用简易程序的，裁定转为普通程序（行政诉讼法 第八十四条）",
    ),
    "admin_second": LimitRule(
        "行政二审",
        _m(3),
        "行政诉讼法 第八十八条",
        "administrative",
        further=ExtensionStep("high_court", None, "行政诉讼法 第八十八条（由高级人民法院批准）"),
    ),
    "criminal_first": LimitRule(
        "刑事一审公诉案件",
        _m(2),
        "刑事诉讼法 第二百零八条第一款（受理后二个月以内宣判，至迟不得超过三个月）",
        "criminal",
        extensions=(
            ExtensionStep(
                "president",
                _m(1),
                "刑事诉讼法 第二百零八条第一款（至迟不得超过三个月；⚠ 批准人为本院院长系通行做法）",
            ),
            ExtensionStep(
                "higher_court",
                _m(3),
                "刑事诉讼法 第二百零八条第一款；刑诉解释 第二百一十条（可能判处死刑、附带民事诉讼或者有"
                "刑事诉讼法第一百五十八条情形的案件，上一级人民法院可以批准延长一次，期限为三个月）",
            ),
        ),
        further=ExtensionStep("spc", None, "刑事诉讼法 第二百零八条第一款；刑诉解释 第二百一十条（报请最高人民法院批准）"),
    ),
    "criminal_summary": LimitRule(
        "刑事简易程序（可能判处三年有期徒刑以下刑罚）",
        _d(20),
        "刑事诉讼法 第二百二十条",
        "criminal",
    ),
    "criminal_summary_long": LimitRule(
        "刑事简易程序（可能判处有期徒刑超过三年）",
        Span(months=1, days=15),
        "刑事诉讼法 第二百二十条（一个半月）",
        "criminal",
    ),
    "criminal_fast": LimitRule("刑事速裁程序", _d(10), "刑事诉讼法 第二百二十五条", "criminal"),
    "criminal_fast_long": LimitRule(
        "刑事速裁程序（可能判处有期徒刑超过一年）",
        _d(15),
        "刑事诉讼法 第二百二十五条",
        "criminal",
    ),
    "criminal_second": LimitRule(
        "刑事二审",
        _m(2),
        "刑事诉讼法 第二百四十三条",
        "criminal",
        extensions=(
            ExtensionStep(
                "high_court",
                _m(2),
                "刑事诉讼法 第二百四十三条（可能判处死刑、附带民事诉讼或者有第一百五十八条情形的，"
                "经高级人民法院批准或者决定，可以延长二个月）",
            ),
        ),
        further=ExtensionStep("spc", None, "刑事诉讼法 第二百四十三条（报请最高人民法院批准）"),
    ),
    "enforcement": LimitRule(
        "执行案件",
        _m(6),
        "审限规定 第五条",
        "enforcement",
        extensions=(ExtensionStep("president", _m(3), "审限规定 第五条（经本院院长批准，可以延长三个月）"),),
        further=ExtensionStep("high_court_record", None, "审限规定 第五条（还需延长的，层报高级人民法院备案）"),
    ),
    "enforcement_non_litigation": LimitRule(
        "非诉执行案件",
        _m(3),
        "审限规定 第五条",
        "enforcement",
        extensions=(ExtensionStep("president", _m(3), "审限规定 第五条（经本院院长批准，可以延长三个月）"),),
        further=ExtensionStep("high_court_record", None, "审限规定 第五条（还需延长的，层报高级人民法院备案）"),
    ),
}

#: 程序转换后审限如何起算：civil / administrative 自原立案之日，criminal 自决定转换之日。
CONVERSION_BASIS = {
    "civil": "民诉解释 第二百五十八条第三款（转为普通程序审理的，审理期限自人民法院立案之日计算；"
    "小额诉讼转换的依第二百八十一条适用同一规则）",
    "administrative": "行诉解释 第一百零五条（⚠ 条文序号未核实：转为普通程序审理的，审理期限自立案之日起计算）",
    "criminal": "刑诉解释 第三百六十八条、第三百七十六条（转为普通程序或者简易程序审理的，审理期限自作出决定之日起计算）",
}


# ---------------------------------------------------------------------------
# 审限扣除
# ---------------------------------------------------------------------------

#: 扣除类型代码 → (中文名称, 依据)。
DEDUCTION_KINDS: dict[str, tuple[str, str]] = {
    "public_notice": ("公告期间", "民诉解释 第二百四十三条；审限规定 第九条第（六）项；行诉解释 第五十条"),
    "appraisal": ("鉴定期间", "民诉解释 第二百四十三条；审限规定 第九条第（六）项；行诉解释 第五十条"),
    "settlement": ("双方当事人和解期间", "民诉解释 第二百四十三条；民事调解规定 第二条"),
    "mediation": ("调解期间（行政案件）", "行诉解释 第五十条"),
    "mediation_extended": (
        "经当事人同意延长的调解期间（答辩期届满前调解超过法定期限的部分）",
        "《最高人民法院关于人民法院民事调解工作若干问题的规定》第四条",
    ),
    "entrusted_mediation": (
        "立案后委托调解经当事人同意延长的期间",
        "《最高人民法院关于人民法院特邀调解的规定》第二十七条；《人民法院在线调解规则》第二十四条",
    ),
    "jurisdiction_objection": (
        "审理当事人提出的管辖权异议以及处理人民法院之间的管辖争议期间",
        "民诉解释 第二百四十三条；审限规定 第九条第（七）项",
    ),
    "audit_valuation": (
        "由有关专业机构进行审计、评估、资产清理的期间",
        "审限规定 第九条第（八）项",
    ),
    "suspension": ("中止诉讼（审理）或者执行至恢复的期间", "审限规定 第九条第（九）项；行诉解释 第五十条"),
    "enforcement_deferral": (
        "当事人达成执行和解或者提供执行担保后决定暂缓执行的期间",
        "审限规定 第九条第（十）项",
    ),
    "higher_court_deferral": ("上级人民法院通知暂缓执行的期间", "审限规定 第九条第（十一）项"),
    "auction_sale": ("执行中拍卖、变卖被查封、扣押财产的期间", "审限规定 第九条第（十二）项"),
    "psychiatric_examination": ("对被告人作精神病鉴定的期间", "刑诉解释 第二百一十一条；审限规定 第九条第（一）项"),
    "prosecutor_file_review": ("二审期间人民检察院查阅案卷的期间", "刑诉解释 第三百九十六条"),
    "related_civil_suit": ("行政案件中相关民事争议另行解决的期间", "行诉解释 第一百三十八条"),
}


@dataclass
class Interval:
    """一个审限扣除区间。``end`` 为 None 表示尚未结束（计算到今天或结案日）。

    ``basis`` 为空时自动取 :data:`DEDUCTION_KINDS` 中的依据。
    """

    start: date
    end: date | None
    kind: str
    basis: str = ""

    def __post_init__(self) -> None:
        if self.kind not in DEDUCTION_KINDS:
            raise TimeLimitError(f"不认识的审限扣除类型：{self.kind!r}")
        if not isinstance(self.start, date) or (self.end is not None and not isinstance(self.end, date)):
            raise TimeLimitError("扣除区间的起止应为日期")
        if self.end is not None and self.end < self.start:
            raise TimeLimitError(f"扣除区间的结束日 {self.end} 早于开始日 {self.start}")
        if not self.basis:
            self.basis = DEDUCTION_KINDS[self.kind][1]

    @property
    def label(self) -> str:
        return DEDUCTION_KINDS[self.kind][0]


def _merged_days(intervals: Iterable[tuple[date, date]]) -> int:
    spans = sorted((a, b) for a, b in intervals if b > a)
    total = 0
    cur_a: date | None = None
    cur_b: date | None = None
    for a, b in spans:
        if cur_b is None or a > cur_b:
            if cur_b is not None:
                total += (cur_b - cur_a).days
            cur_a, cur_b = a, b
        elif b > cur_b:
            cur_b = b
    if cur_b is not None:
        total += (cur_b - cur_a).days
    return total


# ---------------------------------------------------------------------------
# 计算
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeLimitStatus:
    """审限计算结果。

    - ``start``：起算日（当日不计入）；
    - ``nominal_end``：法定审限加延长后的届满日（未计扣除）；
    - ``limit_end``：计入扣除（及可选的休假日顺延）后的审限届满日；
    - ``days_total_limit``：审限与延长合计的天数（不含扣除）；
    - ``deducted_days``：扣除天数（未结束的扣除计算到参考日）；
    - ``days_used``：截至参考日已用天数（已减去参考日之前的扣除）；
    - ``days_left``：参考日距届满日的天数，负数表示已超期；
    - ``overdue``：参考日（结案日或今天）晚于届满日。
    """

    procedure: str
    start: date
    nominal_end: date | None
    limit_end: date | None
    days_total_limit: int | None
    days_used: int
    days_left: int | None
    deducted_days: int
    overdue: bool
    basis: str
    reference_date: date
    closed: bool
    extension_total: Span = field(default_factory=Span)
    #: 涉外、涉港澳台民事案件不受审限限制（民事诉讼法 第二百八十七条；审限规定 第二条）；
    #: 公示催告程序法律未规定审限。此时 ``limit_end``、``nominal_end``、``days_left`` 为 None，
    #: ``overdue`` 恒为 False。
    unlimited: bool = False
    #: 公示催告程序：最早可以判决的日期（公示催告期间届满次日，民事诉讼法 第二百三十条、第二百三十二条）。
    earliest_judgment_on: date | None = None
    #: 因程序转换而不再计入的延长（转换前批准的延长，民诉解释 第二百五十八条第三款）。
    dropped_extensions: int = 0


def _rule(procedure: str, rules: Mapping[str, LimitRule]) -> LimitRule:
    try:
        return rules[procedure]
    except KeyError:
        raise TimeLimitError(f"不认识的程序：{procedure!r}（可选：{'、'.join(rules)}）") from None


def check_extensions(procedure: str, extensions: Sequence[Any], rules: Mapping[str, LimitRule] | None = None) -> list[Span]:
    """核对已批准的延长是否符合规则（幅度、次数、累计上限），返回规范化的 :class:`Span` 列表。

    :raises ExtensionNotAllowed: 某次延长超过该步骤的法定幅度、超过累计上限或次数。
    """
    rule = _rule(procedure, rules or TRIAL_LIMITS)
    spans = [as_span(e) for e in extensions]
    for i, sp in enumerate(spans):
        if i < len(rule.extensions):
            step = rule.extensions[i]
        elif rule.further is not None:
            step = rule.further
        else:
            raise ExtensionNotAllowed(f"{rule.label}最多延长 {len(rule.extensions)} 次，已记录 {len(spans)} 次")
        given = _approver(extensions[i])
        if given is not None and (given == "president") != (step.approver == "president"):
            raise ExtensionNotAllowed(
                f"{rule.label}第 {i + 1} 次延长应由{step.approver_label}批准，不是{APPROVER_ROLES.get(given, given)}"
                f"（{step.basis}）"
            )
        if step.amount is not None and _exceeds(sp, step.amount):
            raise ExtensionNotAllowed(
                f"{rule.label}第 {i + 1} 次延长为{sp.label()}，超过可延长的{step.amount.label()}（{step.basis}）"
            )
    if rule.max_total is not None:
        total = rule.limit
        for sp in spans:
            total = total + sp
        if _exceeds(total, rule.max_total):
            raise ExtensionNotAllowed(f"{rule.label}审理期限累计不得超过{rule.max_total.label()}（{rule.basis}）")
    return spans


def _approver(ext: Any) -> str | None:
    raw = ext.get("approver") if isinstance(ext, Mapping) else None
    # only a role code is checked; free text (a name, as older records carry) is ignored
    return raw if isinstance(raw, str) and raw in APPROVER_ROLES else None


def _exceeds(a: Span, b: Span) -> bool:
    """a 是否长于 b。同为整月或同为整日时直接比较；混合时以 2000-01-31 为基准比较天数（保守）。"""
    if a.days == 0 and b.days == 0:
        return a.months > b.months
    if a.months == 0 and b.months == 0:
        return a.days > b.days
    base = date(2000, 1, 31)
    return a.add_to(base) > b.add_to(base)


def max_extension_allowed(
    procedure: str, extensions_so_far: Sequence[Any] = (), rules: Mapping[str, LimitRule] | None = None
) -> tuple[Span | None, str]:
    """下一次可申请的延长幅度及批准人。

    返回 ``(amount, approver_role)``：``amount`` 为 :class:`Span`，或 None（法律未规定幅度，
    由批准机关决定）；``approver_role`` 为 :data:`APPROVER_ROLES` 中的代码。

    依据：各程序条文见 :data:`TRIAL_LIMITS`（如民事诉讼法 第一百五十二条、第一百六十四条、
    第一百六十八条，民诉解释 第二百五十八条）。

    :raises ExtensionNotAllowed: 不能再延长，例如简易程序已延长至累计 4 个月、小额诉讼已延长
        1 个月、行政简易程序、刑事速裁程序。
    """
    rules = rules or TRIAL_LIMITS
    rule = _rule(procedure, rules)
    spans = check_extensions(procedure, extensions_so_far, rules)
    k = len(spans)
    if k < len(rule.extensions):
        step = rule.extensions[k]
        amount = step.amount
    elif rule.further is not None:
        step = rule.further
        amount = None
    else:
        tail = f"。{rule.note}" if rule.note else ""
        if not rule.extensions:
            raise ExtensionNotAllowed(f"{rule.label}的审理期限不能延长（{rule.basis}）{tail}")
        raise ExtensionNotAllowed(f"{rule.label}的审理期限已延长，不能再延长{tail}")
    if rule.max_total is not None:
        used = rule.limit
        for sp in spans:
            used = used + sp
        if not (used.days == 0 and rule.max_total.days == 0):
            raise TimeLimitError("累计上限只支持按月计算的程序")
        remaining = rule.max_total.months - used.months
        if remaining <= 0:
            raise ExtensionNotAllowed(
                f"{rule.label}审理期限累计不得超过{rule.max_total.label()}，不能再延长。{rule.note}"
            )
        if amount is None or amount.months > remaining:
            amount = _m(remaining)
    return amount, step.approver


#: 公示催告期间的最短天数（民事诉讼法 第二百三十条）。
PUBLIC_SUMMONS_MIN_DAYS = 60

#: 不受审限限制的依据（涉外、涉港澳台民事案件）。
FOREIGN_RELATED_BASIS = (
    "民事诉讼法 第二百八十七条（人民法院审理涉外民事案件的期间，不受本法第一百五十二条、第一百八十三条规定的限制）；"
    "审限规定 第二条（审理涉港、澳、台的民事案件的期限，参照涉外审理民事案件的规定办理）"
)


def _as_date(value: Any, label: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise TimeLimitError(f"{label}应为日期（YYYY-MM-DD），收到：{value!r}")


def _approved_on(ext: Any) -> date | None:
    raw = ext.get("approved_on") if isinstance(ext, Mapping) else getattr(ext, "approved_on", None)
    return _as_date(raw, "延长的批准日期")


def check_public_notice(published_on: date, ends_on: date, procedure: str = "civil_special") -> None:
    """核对公告期间：结束日不得早于发布日；公示催告的期间不得少于六十日（民事诉讼法 第二百三十条）。

    :raises TimeLimitError: 期间颠倒或不足六十日。
    """
    if not isinstance(published_on, date) or not isinstance(ends_on, date):
        raise TimeLimitError("公告的发布日和届满日应为日期")
    if ends_on < published_on:
        raise TimeLimitError(f"公告届满日 {ends_on} 早于发布日 {published_on}")
    if procedure == "civil_public_summons" and (ends_on - published_on).days < PUBLIC_SUMMONS_MIN_DAYS:
        raise TimeLimitError(
            f"公示催告的期间不得少于六十日（民事诉讼法 第二百三十条），"
            f"{published_on} 至 {ends_on} 只有 {(ends_on - published_on).days} 日"
        )


def compute_time_limit(
    procedure: str,
    filed_on: date,
    *,
    deductions: Iterable[Interval] = (),
    extensions: Sequence[Any] = (),
    converted: Iterable[tuple[date, str]] = (),
    today: date | None = None,
    closed_on: date | None = None,
    calendar: WorkCalendar | None = None,
    restarted_on: date | None = None,
    rules: Mapping[str, LimitRule] | None = None,
    foreign_related: bool = False,
    public_notice: tuple[date, date] | None = None,
) -> TimeLimitStatus:
    """计算审限届满日和使用情况。

    依据：民诉解释 第二百四十三条（审限自立案之日起至裁判宣告、调解书送达之日止，
    公告、鉴定、和解、管辖异议期间不计入）；审限规定 第九条（扣除）；各程序条文见
    :data:`TRIAL_LIMITS`。

    - 届满日 = 起算日 + 法定审限（按月取对应日，民法典 第二百零二条）+ 已批准的延长 +
      扣除天数（未结束的扣除计算到 ``today``/``closed_on``）。
    - ``extensions``：当前程序下已批准的延长，如 ``[{"months": 6, "approved_on": date}]``；见
      :func:`as_span`。带 ``approved_on`` 且早于最后一次程序转换的延长不再计入：转换后的审限
      另行计算（民诉解释 第二百五十八条第三款），转换前为原程序批准的延长随原程序结束。
    - ``converted``：程序转换 ``[(决定日期, 新程序), …]``。民事、行政案件转换后审限仍自原立案
      之日计算（民诉解释 第二百五十八条第三款）；刑事案件自决定转换之日起计算
      （刑诉解释 第三百六十八条、第三百七十六条）。
    - ``restarted_on``：刑事案件补充侦查完毕移送后重新计算审限的日期
      （刑事诉讼法 第二百零八条第三款）；给出时从该日起算。
    - ``foreign_related``：涉外或涉港澳台的**民事**案件不受审限限制（民事诉讼法 第二百八十七条；
      审限规定 第二条），结果 ``unlimited`` 为 True、从不超期。刑事、行政案件不适用。
    - ``public_notice``：``(发布日, 届满日)``。特别程序自公告期满后三十日内审结（民事诉讼法
      第一百八十七条；宣告失踪、死亡的公告见第一百九十二条，认定财产无主见第二百零三条）；
      公示催告程序的期间不得少于六十日，期满后才能判决（第二百三十条），法律未规定审限。
    - ``calendar``：⚠ 为 None（默认）时届满日遇休假日不顺延；给出工作日历时顺延。
    - ``closed_on``：结案日（宣判或调解书送达日），给出时以其为参考日判断是否超审限。

    :raises TimeLimitError: 参数错误（程序不认识、日期先后颠倒、转换跨类别等）。
    """
    rules = rules or TRIAL_LIMITS
    rule = _rule(procedure, rules)
    if not isinstance(filed_on, date):
        raise TimeLimitError("立案日期应为日期")
    current = procedure
    start = filed_on
    basis_parts = [rule.basis]
    last_conversion: date | None = None
    for conv_date, new_proc in sorted(converted, key=lambda c: c[0]):
        new_rule = _rule(new_proc, rules)
        if not isinstance(conv_date, date):
            raise TimeLimitError("程序转换日期应为日期")
        if conv_date < filed_on:
            raise TimeLimitError(f"程序转换日期 {conv_date} 早于立案日期 {filed_on}")
        old_rule = rules[current]
        if new_rule.category != old_rule.category:
            raise TimeLimitError(f"不能从{old_rule.label}转换为{new_rule.label}")
        if new_rule.category == "criminal":
            start = conv_date
        current, rule = new_proc, new_rule
        last_conversion = conv_date
        basis_parts = [rule.basis, CONVERSION_BASIS[rule.category]]
    if restarted_on is not None:
        if rule.category != "criminal":
            raise TimeLimitError("只有刑事案件补充侦查后才重新计算审限")
        if restarted_on < start:
            raise TimeLimitError("重新计算审限的日期早于起算日")
        start = restarted_on
        basis_parts.append("刑事诉讼法 第二百零八条第三款（补充侦查完毕移送后重新计算审理期限）")

    reference = closed_on or today or date.today()
    if closed_on is not None and closed_on < filed_on:
        raise TimeLimitError(f"结案日期 {closed_on} 早于立案日期 {filed_on}")

    earliest_judgment: date | None = None
    if public_notice is not None:
        try:
            published_on, notice_ends = public_notice
        except (TypeError, ValueError):
            raise TimeLimitError("公告应给出发布日和届满日") from None
        check_public_notice(published_on, notice_ends, current)
        if published_on < filed_on:
            raise TimeLimitError(f"公告发布日 {published_on} 早于立案日期 {filed_on}")
        if current == "civil_special":
            start = notice_ends
            basis_parts.append("民事诉讼法 第一百八十七条（公告期满后三十日内审结）")
        elif current == "civil_public_summons":
            earliest_judgment = notice_ends + timedelta(days=1)
        else:
            raise TimeLimitError(f"{rule.label}的审限不从公告期满起算；公告期间请作为审限扣除填写")

    kept = list(extensions)
    dropped = 0
    if last_conversion is not None:
        kept = []
        for e in extensions:
            approved = _approved_on(e)
            if approved is not None and approved < last_conversion:
                dropped += 1
            else:
                kept.append(e)
    spans = [as_span(e) for e in kept]
    ext_total = Span()
    for sp in spans:
        ext_total = ext_total + sp

    def _unlimited(basis: str) -> TimeLimitStatus:
        return TimeLimitStatus(
            procedure=current, start=start, nominal_end=None, limit_end=None, days_total_limit=None,
            days_used=max(0, (reference - start).days), days_left=None, deducted_days=0, overdue=False,
            basis=basis, reference_date=reference, closed=closed_on is not None, extension_total=ext_total,
            unlimited=True, earliest_judgment_on=earliest_judgment, dropped_extensions=dropped,
        )

    if foreign_related and rule.category == "civil":
        return _unlimited(FOREIGN_RELATED_BASIS)
    if current == "civil_public_summons":
        return _unlimited("；".join(basis_parts + [rule.note]))

    total = rule.limit + ext_total
    nominal_end = total.add_to(start)

    full: list[tuple[date, date]] = []
    until_ref: list[tuple[date, date]] = []
    for iv in deductions:
        if not isinstance(iv, Interval):
            raise TimeLimitError(f"审限扣除应为 Interval，收到：{iv!r}")
        a = max(iv.start, start)
        b = iv.end if iv.end is not None else max(reference, a)
        full.append((a, b))
        until_ref.append((a, min(b, reference)))
    deducted = _merged_days(full)
    deducted_before_ref = _merged_days(until_ref)

    limit_end = nominal_end + timedelta(days=deducted)
    if deducted:
        basis_parts.append("审限扣除：民诉解释 第二百四十三条、审限规定 第九条")
    if dropped:
        basis_parts.append("程序转换前批准的延长不再计入（民诉解释 第二百五十八条第三款）")
    if calendar is not None:
        pushed = next_working_day(limit_end, calendar)
        if pushed != limit_end:
            basis_parts.append("届满日为法定休假日，顺延（民事诉讼法 第八十五条第三款，按本院设置适用于审限）")
        limit_end = pushed

    days_used = max(0, (reference - start).days - deducted_before_ref)
    return TimeLimitStatus(
        procedure=current,
        start=start,
        nominal_end=nominal_end,
        limit_end=limit_end,
        days_total_limit=(nominal_end - start).days,
        days_used=days_used,
        days_left=(limit_end - reference).days,
        deducted_days=deducted,
        overdue=reference > limit_end,
        basis="；".join(basis_parts),
        reference_date=reference,
        closed=closed_on is not None,
        extension_total=ext_total,
        dropped_extensions=dropped,
    )


def payment_order_objection_end(received_on: date, calendar: WorkCalendar) -> date:
    """债务人清偿或者提出书面异议的最后一日：收到支付令之日起十五日（民事诉讼法 第二百二十七条第二款），
    按期间规则计算（第八十五条，:func:`xiezhi.law.periods.period_end`）。"""
    from .periods import period_end

    if not isinstance(received_on, date):
        raise TimeLimitError("收到支付令的日期应为日期")
    return period_end(received_on, days=15, calendar=calendar)


#: 延长审限的申请、决定时点（届满日前若干日）：程序类别 → (申请期限, 决定期限, 依据)。
#: 决定期限为 0 表示“审限届满前”（届满前一日为最后一日）。
EXTENSION_SCHEDULES: dict[str, tuple[int, int, str]] = {
    "civil": (15, 5, "延长审限规定 第一条（审限届满十五日前申请，院长或上级人民法院在届满五日前决定）"),
    "criminal": (
        7,
        3,
        "审限规定 第十一条（刑事公诉案件、被告人被羁押的自诉案件，在审理期限届满七日以前向高级人民法院提出申请）；"
        "第十四条（上级人民法院在审理期限届满三日前作出决定）",
    ),
    "criminal_private": (
        10,
        0,
        "审限规定 第十一条（被告人未被羁押的刑事自诉案件，在审理期限届满十日前向本院院长提出申请）；"
        "第十四条（院长在审限届满前批准或者决定）",
    ),
    "administrative": (
        10,
        3,
        "审限规定 第十三条（行政案件在审理期限届满十日前向高级人民法院或者最高人民法院提出申请）；"
        "第十四条（上级人民法院在审理期限届满三日前作出决定）⚠ 条文未与官方文本逐字核对",
    ),
}


def extension_request_deadlines(limit_end: date, category: str = "civil") -> tuple[date, date]:
    """延长审限的申请与决定期限：``(apply_by, decide_by)``。

    依据（:data:`EXTENSION_SCHEDULES`）：

    - 民事（含执行，⚠ 执行案件沿用民事的时点）：延长审限规定 第一条——届满十五日前申请，
      院长或者上级人民法院届满五日前决定；
    - 刑事公诉及被告人被羁押的自诉：审限规定 第十一条——届满七日以前向高级人民法院申请；
      第十四条——上级人民法院届满三日前决定；``criminal_private``（被告人未被羁押的自诉）：
      届满十日前向院长申请，院长在届满前决定；
    - 行政：审限规定 第十三条——届满十日前申请；第十四条——届满三日前决定。
    """
    if category == "enforcement":
        category = "civil"
    try:
        apply_days, decide_days, _basis = EXTENSION_SCHEDULES[category]
    except KeyError:
        raise TimeLimitError(f"不认识的案件类别：{category!r}") from None
    if not isinstance(limit_end, date):
        raise TimeLimitError("审限届满日应为日期")
    decide_by = limit_end - timedelta(days=decide_days) if decide_days else limit_end - timedelta(days=1)
    return limit_end - timedelta(days=apply_days), decide_by


def deadline_state(status: TimeLimitStatus, warn_days: int) -> str:
    """审限状态：``'unlimited'``（不受审限限制）、``'overdue'``（已超审限）、``'near'``（剩余天数不超过 ``warn_days``）或 ``'ok'``。

    预警天数由各院设置（例如延长审限规定 第一条的 15 日申请期限可作为预警线）。
    已结案且未超期的案件为 ``'ok'``。
    """
    if isinstance(warn_days, bool) or not isinstance(warn_days, int) or warn_days < 0:
        raise TimeLimitError(f"预警天数应为非负整数，收到：{warn_days!r}")
    if status.unlimited:
        return "unlimited"  # 不受审限限制（民事诉讼法 第二百八十七条），从不超期
    if status.overdue:
        return "overdue"
    if status.closed:
        return "ok"
    if status.days_left <= warn_days:
        return "near"
    return "ok"


CHINESE_NATIONALITY = ("", "中国", "中华人民共和国")


def foreign_related_kind(parties: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
    """涉外或涉港澳台：从当事人的（国籍, 住所所在地区）判断，供立案时认定。

    依据：民诉解释 第五百二十条第（一）项（当事人是外国人）、第（二）项（经常居所地在中华人民共和国
    领域外）——涉外，返回 ``("foreign", 理由)``；第五百四十九条（涉港澳台参照涉外）——住所在港澳台的，
    返回 ``("hmt", 理由)``；都不是的返回 None。住所地区取值：mainland / hk_macao_taiwan / abroad。
    其他涉外情形（标的物在境外等）由法官在案件页面认定。"""
    parties = list(parties)
    if any(nat not in CHINESE_NATIONALITY or dom == "abroad" for nat, dom in parties):
        return "foreign", "当事人为外国人或者住所在中华人民共和国领域外（民诉解释第五百二十条第（一）（二）项）"
    if any(dom == "hk_macao_taiwan" for _nat, dom in parties):
        return "hmt", "当事人住所在香港、澳门或者台湾地区（民诉解释第五百四十九条）"
    return None
