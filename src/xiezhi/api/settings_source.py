"""公开接口和计算器页面从这里取“数据型”的设置，便于以后改由数据库提供、在测试中替换。

- :func:`get_fee_settings`：某省在法定幅度内确定的收费标准（诉讼费用交纳办法 第十三条末款）。
  目前一律返回 None（计算结果给出法定区间）；以后由数据库表提供。
- :func:`get_calendar`：期间计算用的工作日历（民事诉讼法 第八十五条第三款）。优先使用
  ``xiezhi.courts.calendar.get_work_calendar``（数据库中的节假日表）；该模块不可用时退回
  ``chinese_calendar`` 包。
"""

from __future__ import annotations

from xiezhi.law.fees import ProvinceFeeSettings
from xiezhi.law.periods import ChineseCalendarPackage, WorkCalendar


def get_fee_settings(province_abbr: str) -> ProvinceFeeSettings | None:
    """返回省份（高级人民法院代字，如“豫”）在法定幅度内确定的具体收费标准。

    暂未接入数据：返回 None，计算结果以法定区间表示。
    """
    return None


_fallback: ChineseCalendarPackage | None = None


def get_calendar() -> WorkCalendar:
    """期间计算用的工作日历。"""
    try:
        from xiezhi.courts.calendar import get_work_calendar
    except ImportError:  # pragma: no cover - 只在 courts 应用缺失时发生
        global _fallback
        if _fallback is None:
            _fallback = ChineseCalendarPackage()
        return _fallback
    return get_work_calendar()
