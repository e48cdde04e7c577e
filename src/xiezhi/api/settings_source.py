"""Where the public API and the calculator pages take their data-driven settings from.

- :func:`get_fee_settings`: the figures a province chose within the statutory ranges
  (诉讼费用交纳办法 第十三条末款), from the ProvinceSetting table; None → statutory range.
- :func:`get_calendar`: the working calendar for periods (民事诉讼法 第八十五条第三款), from the
  CalendarDay table (strict: a year whose holiday notice is not loaded is refused).
"""

from __future__ import annotations

from xiezhi.courts.calendar import get_work_calendar
from xiezhi.courts.province import fee_settings_for
from xiezhi.law.fees import ProvinceFeeSettings
from xiezhi.law.periods import WorkCalendar


def get_fee_settings(province_abbr: str) -> ProvinceFeeSettings | None:
    return fee_settings_for(province_abbr)


def get_calendar() -> WorkCalendar:
    return get_work_calendar()
