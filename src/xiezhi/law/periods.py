"""期间计算。

依据：

- 《中华人民共和国民事诉讼法》（2023 年修正）第八十五条：期间以时、日、月、年计算；
  期间开始的时和日，不计算在期间内（第二款）；期间届满的最后一日是法定休假日的，
  以法定休假日后的第一日为期间届满的日期（第三款）。
- 《中华人民共和国民法典》第二百零一条（开始的当日不计入，自下一日开始计算）、
  第二百零二条（按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，
  月末日为期间的最后一日）、第二百零三条（期间的最后一日是法定休假日的，以法定休假日
  结束的次日为期间的最后一日）。

“法定休假日”包括公休日（周六、周日）和法定节假日；因调休而安排上班的周末（调休上班日）
不是休假日。哪一天是休假日由 :class:`WorkCalendar` 决定。当年的放假通知尚未录入时，
:class:`StatutoryCalendar` 仍按《全国年节及纪念日放假办法》把元旦、春节、清明、劳动节、端午、
中秋、国庆（见 :mod:`xiezhi.law.holidays`）和周末当作休假日，但结果标记为“暂定”
（``PeriodResult.provisional``）：调休安排公布后可能变化，存储的期限应重新计算。

按小时计算的期间（如诉前、诉中紧急保全的 48 小时，民事诉讼法 第一百零三条、第一百零四条）
见 :func:`hours_period_end`；邮寄的诉讼文书在期满前交邮的不算过期（第八十五条第四款），
见 :func:`in_time`；耽误期限的顺延申请（第八十六条）见 :func:`late_application_deadline`。
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Iterable, Protocol, runtime_checkable

from . import holidays as _holidays

__all__ = [
    "CalendarNotAvailable",
    "ChineseCalendarPackage",
    "StatutoryCalendar",
    "hours_period_end",
    "in_time",
    "is_provisional",
    "late_application_deadline",
    "LATE_APPLICATION_DAYS",
    "PeriodError",
    "PeriodResult",
    "StaticCalendar",
    "WorkCalendar",
    "add_months",
    "next_working_day",
    "period_end",
    "period_end_detail",
]

#: 顺延时最多向后找多少天（防止日历数据异常导致死循环；真实最长连休不超过 10 天）。
_MAX_REST_RUN = 60


class CalendarNotAvailable(LookupError):
    """工作日历没有覆盖所需年份的节假日安排。

    ``year`` 属性为缺少数据的年份（未知时为 None）。两种写法都可以::

        CalendarNotAvailable(2027)                      # 使用默认中文消息
        CalendarNotAvailable(2027, "自定义消息")
        CalendarNotAvailable("自定义消息", year=2027)
    """

    def __init__(self, *args, year: int | None = None):
        if args and isinstance(args[0], int) and not isinstance(args[0], bool):
            year, args = args[0], args[1:]
        self.year = year
        message = args[0] if args else None
        if not message:
            where = f" {year} 年" if year is not None else "所需年份"
            message = f"节假日数据未覆盖{where}，无法判断该年的法定休假日；请先录入该年国务院办公厅的放假安排"
        super().__init__(message)


class PeriodError(ValueError):
    """期间参数错误（中文消息）。"""


@runtime_checkable
class WorkCalendar(Protocol):
    """工作日历：判断某日是否为法定休假日（公休日或法定节假日，不含调休上班日）。

    实现者对没有数据的年份应抛出 :class:`CalendarNotAvailable`。
    """

    def is_rest_day(self, d: date) -> bool:  # pragma: no cover - protocol
        ...


class ChineseCalendarPackage:
    """基于 PyPI 包 ``chinese_calendar`` 的工作日历。

    休假日 = 周末或国务院公布的节假日，但调休上班日（如 2025-09-28、2025-10-11）是工作日。
    该包只包含已公布的年份（1.11.0 版为 2004–2026 年），超出范围抛出
    :class:`CalendarNotAvailable`。
    """

    def __init__(self) -> None:
        import chinese_calendar  # 延迟导入：纯计算部分不依赖该包

        self._cc = chinese_calendar
        years = [d.year for d in chinese_calendar.holidays]
        self.first_year = min(years)
        self.last_year = max(years)

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    def is_rest_day(self, d: date) -> bool:
        if not self.covers(d.year):
            raise CalendarNotAvailable(
                d.year,
                f"节假日数据只覆盖 {self.first_year}–{self.last_year} 年，"
                f"无法判断 {d.year} 年的法定休假日",
            )
        try:
            return not self._cc.is_workday(d)
        except NotImplementedError as exc:  # 包内部对年份的校验
            raise CalendarNotAvailable(d.year, str(exc)) from None


class StaticCalendar:
    """由显式列表给出的工作日历（测试或临时数据用）。

    - ``holidays``：法定节假日（休息）；
    - ``workdays``：调休上班日（即使是周末也上班）；
    - ``weekends``：周六、周日是否为公休日（默认是）；
    - ``years``：若给出，则只覆盖这些年份，其他年份抛出 :class:`CalendarNotAvailable`。
    """

    def __init__(
        self,
        holidays: Iterable[date] = (),
        workdays: Iterable[date] = (),
        *,
        weekends: bool = True,
        years: Iterable[int] | None = None,
    ) -> None:
        self.holidays = frozenset(holidays)
        self.workdays = frozenset(workdays)
        self.weekends = weekends
        self.years = frozenset(years) if years is not None else None

    def is_rest_day(self, d: date) -> bool:
        if self.years is not None and d.year not in self.years:
            raise CalendarNotAvailable(d.year)
        if d in self.workdays:
            return False
        if d in self.holidays:
            return True
        return self.weekends and d.weekday() >= 5


class StatutoryCalendar:
    """放假通知未录入时的工作日历：周末和《全国年节及纪念日放假办法》规定的节日是休假日。

    依据：民事诉讼法 第八十五条第三款；《全国年节及纪念日放假办法》第二条（元旦、春节、清明节、
    劳动节、端午节、中秋节、国庆节）。调休（周末上班、工作日补休）只能由当年的通知确定，所以本日历
    判断的每一天都是“暂定”的（:meth:`is_provisional` 为 True）。

    ``base`` 给出时，``base`` 已覆盖的年份以 ``base`` 为准（不是暂定），其余年份用上述规则::

        StatutoryCalendar(base=已录入的日历, covers=lambda year: year in 已录入年份)
    """

    def __init__(self, base: "WorkCalendar | None" = None, covers=None) -> None:
        self.base = base
        self._covers = covers or (lambda year: False)

    def is_provisional(self, d: date) -> bool:
        return self.base is None or not self._covers(d.year)

    def is_rest_day(self, d: date) -> bool:
        if not self.is_provisional(d):
            return self.base.is_rest_day(d)
        try:
            holiday = _holidays.is_statutory_holiday(d)
        except _holidays.HolidayTableError as exc:
            raise CalendarNotAvailable(d.year, str(exc)) from None
        return holiday or d.weekday() >= 5


def is_provisional(calendar: "WorkCalendar", d: date) -> bool:
    """日历对 ``d`` 的判断是否为暂定（当年放假通知未录入）。不提供此信息的日历视为确定。"""
    check = getattr(calendar, "is_provisional", None)
    return bool(check(d)) if check is not None else False


def add_months(d: date, n: int) -> date:
    """把日期加上 ``n`` 个月，取到期月的对应日；没有对应日的取该月最后一日。

    依据：民法典 第二百零二条。例：1 月 31 日加 1 个月为 2 月 28 日（闰年 2 月 29 日）。

    :raises PeriodError: 结果超出公历可表示范围。
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise PeriodError(f"月数应为整数，收到：{n!r}")
    index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise PeriodError("期间过长，超出可计算的日期范围")
    last = _calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def next_working_day(d: date, calendar: WorkCalendar) -> date:
    """若 ``d`` 是法定休假日，返回其后的第一个工作日；否则返回 ``d`` 本身。

    依据：民事诉讼法 第八十五条第三款；民法典 第二百零三条第一款。
    """
    current = d
    for _ in range(_MAX_REST_RUN):
        if not calendar.is_rest_day(current):
            return current
        try:
            current = current + timedelta(days=1)
        except OverflowError:
            raise PeriodError("期间过长，超出可计算的日期范围") from None
    raise PeriodError(f"自 {d.isoformat()} 起连续 {_MAX_REST_RUN} 天都是休假日，工作日历数据可能有误")


_MAX_WORKING_DAY_SCAN = 120


def working_days_after(start: date, n: int, calendar: WorkCalendar) -> date:
    """第 ``n`` 个工作日：事由出现之日不计入，从次日起数（民事诉讼法 第八十五条第二款）；休息日与调休上班日由
    ``calendar`` 决定。期限以"工作日"计的规则共用此函数（失信信息删除、司法救助审批与告知……）。

    :raises PeriodError: 日期超出范围，或 120 天内工作日不足（工作日历数据有误）。
    """
    day, counted = start, 0
    for _ in range(_MAX_WORKING_DAY_SCAN):
        try:
            day = day + timedelta(days=1)
        except OverflowError:
            raise PeriodError("日期超出可计算的范围") from None
        if not calendar.is_rest_day(day):
            counted += 1
            if counted == n:
                return day
    raise PeriodError(f"自 {start.isoformat()} 起 {_MAX_WORKING_DAY_SCAN} 天内工作日不足 {n} 日，工作日历数据可能有误")


@dataclass(frozen=True)
class PeriodResult:
    """期间计算结果：``nominal_end`` 为按日历推算的最后一日，``end`` 为顺延后的届满日。"""

    start: date
    nominal_end: date
    end: date
    basis: str
    provisional: bool = False  # 届满日依据尚未录入放假通知的年份推定（调休公布后可能变化）

    @property
    def extended(self) -> bool:
        """届满日是否因法定休假日而顺延。"""
        return self.end != self.nominal_end


def _positive_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PeriodError(f"{name}应为正整数，收到：{value!r}")
    if value < 1:
        raise PeriodError(f"{name}应为正整数，收到：{value}")
    return value


def period_end_detail(
    start: date,
    *,
    days: int | None = None,
    months: int | None = None,
    years: int | None = None,
    calendar: WorkCalendar,
) -> PeriodResult:
    """计算期间届满日，并说明是否因休假日顺延。参数与 :func:`period_end` 相同。"""
    given = [(k, v) for k, v in (("days", days), ("months", months), ("years", years)) if v is not None]
    if len(given) != 1:
        raise PeriodError("天数（days）、月数（months）、年数（years）须且只能填写一项")
    unit, value = given[0]
    if not isinstance(start, date):
        raise PeriodError(f"起算日应为日期，收到：{start!r}")
    if unit == "days":
        n = _positive_int(value, "天数")
        try:
            nominal = start + timedelta(days=n)
        except OverflowError:
            raise PeriodError("期间过长，超出可计算的日期范围") from None
        basis = "民事诉讼法 第八十五条第二款（期间开始的日不计算在期间内）"
    else:
        n = _positive_int(value, "月数" if unit == "months" else "年数")
        if n > 12 * 9999:
            raise PeriodError("期间过长，超出可计算的日期范围")
        nominal = add_months(start, n if unit == "months" else 12 * n)
        basis = (
            "民事诉讼法 第八十五条第二款；民法典 第二百零一条、第二百零二条"
            "（到期月的对应日为最后一日，没有对应日的为月末日）"
        )
    end = next_working_day(nominal, calendar)
    if end != nominal:
        basis += "；民事诉讼法 第八十五条第三款、民法典 第二百零三条（最后一日为法定休假日的顺延至休假日后第一日）"
    provisional = any(is_provisional(calendar, nominal + timedelta(days=i)) for i in range((end - nominal).days + 1))
    if provisional:
        basis += "；该年放假通知尚未录入，按《全国年节及纪念日放假办法》暂定"
    return PeriodResult(start=start, nominal_end=nominal, end=end, basis=basis, provisional=provisional)


def period_end(
    start: date,
    *,
    days: int | None = None,
    months: int | None = None,
    years: int | None = None,
    calendar: WorkCalendar,
) -> date:
    """期间届满日。

    依据：民事诉讼法 第八十五条第二款（开始的日不计算在期间内）、第三款（最后一日为法定
    休假日的，以法定休假日后的第一日为届满日）；民法典 第二百零一条、第二百零二条
    （按年、月计算的，到期月的对应日为最后一日，没有对应日的为月末日）、第二百零三条。

    ``days``、``months``、``years`` 须且只能给出一项，且为正整数。例如 2025-09-23 起算
    （判决送达日）15 日上诉期：名义最后一日 2025-10-08 为国庆假期，顺延至 2025-10-09。

    :raises PeriodError: 参数错误或超出日期范围。
    :raises CalendarNotAvailable: 工作日历没有届满日所在年份的数据。
    """
    return period_end_detail(start, days=days, months=months, years=years, calendar=calendar).end


def hours_period_end(start: datetime, hours: int) -> datetime:
    """以小时计算的期间的届满时刻。

    依据：民事诉讼法 第八十五条第一款（期间以时、日、月、年计算）、第二款（期间开始的时不计算在期间内）。
    例：紧急情况下的诉讼保全、诉前保全，人民法院接受申请后必须在四十八小时内作出裁定
    （民事诉讼法 第一百零三条第三款、第一百零四条第一款）：2025-03-07 16:20 接受申请，从 17:00 起算，
    2025-03-09 17:00 届满。以小时计算的期间不因休假日顺延（第八十五条第三款只就“最后一日”而言）。
    """
    if not isinstance(start, datetime):
        raise PeriodError(f"起算时间应为日期时间，收到：{start!r}")
    n = _positive_int(hours, "小时数")
    begin = start.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    try:
        return begin + timedelta(hours=n)
    except OverflowError:
        raise PeriodError("期间过长，超出可计算的日期范围") from None


def in_time(lodged_on: date, posted_on: date | None, window_end: date | None) -> bool:
    """诉讼文书是否在期间内提交：在期满前交邮的，不算过期（民事诉讼法 第八十五条第四款）。

    ``lodged_on`` 为法院收到的日期，``posted_on`` 为交邮日期（邮戳日期；不是邮寄的填 None），
    ``window_end`` 为期间届满日（None 表示期间尚未开始计算，例如文书尚未送达，视为未逾期）。

    :raises PeriodError: 交邮日期晚于收到日期。
    """
    if not isinstance(lodged_on, date) or (posted_on is not None and not isinstance(posted_on, date)):
        raise PeriodError("收到日期、交邮日期应为日期")
    if posted_on is not None and posted_on > lodged_on:
        raise PeriodError("交邮日期不能晚于法院收到的日期")
    if window_end is None:
        return True
    return lodged_on <= window_end or (posted_on is not None and posted_on <= window_end)


#: 耽误期限后申请顺延的期间（民事诉讼法 第八十六条）
LATE_APPLICATION_DAYS = 10


def late_application_deadline(obstacle_ended_on: date, *, calendar: WorkCalendar) -> PeriodResult:
    """当事人因不可抗拒的事由或者其他正当理由耽误期限的，在障碍消除后的十日内，可以申请顺延期限，
    是否准许，由人民法院决定（民事诉讼法 第八十六条）。返回申请期间的届满日（第八十五条计算）。"""
    result = period_end_detail(obstacle_ended_on, days=LATE_APPLICATION_DAYS, calendar=calendar)
    return PeriodResult(start=result.start, nominal_end=result.nominal_end, end=result.end,
                        basis="民事诉讼法 第八十六条（障碍消除后十日内申请顺延）；" + result.basis,
                        provisional=result.provisional)
