"""The court's working calendar, backed by the CalendarDay table (rules as data).

Implements xiezhi.law.periods.WorkCalendar: weekends and public holidays are rest days,
make-up working days (调休上班) are working days (CPL art. 85 ¶3)."""
from __future__ import annotations

from datetime import date
import time
from threading import Lock

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from django.utils.translation import gettext as _

from .models import CalendarDay

#: sent with `years` after the holiday days of those years were loaded or changed; receivers recompute
#: their stored deadlines whose end falls in or after those years and return the number of rows changed
calendar_changed = Signal()

_lock = Lock()
_cache: "DatabaseCalendar | None" = None
_lenient: "DatabaseCalendar | None" = None
_loaded_at = 0.0
TTL = 300  # other processes see an administrator's change within five minutes


class DatabaseCalendar:
    """`strict` refuses days of years whose holiday notice is not loaded yet. The public
    period calculator is strict; stored deadlines (appeal windows, filing review, fee payment,
    service dates) use the lenient form: in such a year weekends and the statutory holidays of
    全国年节及纪念日放假办法 (xiezhi.law.holidays) are rest days and every day is provisional
    (CPL art. 85 ¶3), so a clerk is never blocked at year end and no period ends on 元旦 or 春节.
    Loading the year recomputes the stored deadlines (`year_loaded`)."""

    def __init__(self, days: dict[date, bool], strict: bool = True):
        self.days = days
        self.years = {d.year for d in days}
        self.strict = strict

    def covers(self, day: date) -> bool:
        return day.year in self.years

    def is_provisional(self, day: date) -> bool:
        return day.year not in self.years

    def is_rest_day(self, day: date) -> bool:
        from xiezhi.law.periods import CalendarNotAvailable, StatutoryCalendar

        if day.year not in self.years:
            if self.strict:
                raise CalendarNotAvailable(
                    _("节假日安排尚未录入 %(year)s 年的数据，无法计算期间；请系统管理员先导入该年度国务院办公厅放假通知。")
                    % {"year": day.year})
            return StatutoryCalendar().is_rest_day(day)
        if day in self.days:
            return self.days[day]
        return day.weekday() >= 5


def get_work_calendar(strict: bool = True) -> DatabaseCalendar:
    global _cache, _lenient, _loaded_at
    with _lock:
        if _cache is None or time.monotonic() - _loaded_at > TTL:
            _loaded_at = time.monotonic()
            _cache = DatabaseCalendar(dict(CalendarDay.objects.filter(active=True).values_list("date", "is_rest_day")))
            _lenient = DatabaseCalendar(_cache.days, strict=False)
        return _cache if strict else _lenient


def invalidate() -> None:
    """Forget the cached calendar (after a bulk load that sends no save signals)."""
    _invalidate()


@receiver([post_save, post_delete], sender=CalendarDay)
def _invalidate(**kwargs):
    global _cache
    with _lock:
        _cache = None
    day = kwargs.get("instance")
    if day is not None and not kwargs.get("raw"):  # an administrator added or changed a day in the admin
        transaction.on_commit(lambda: year_loaded([day.date.year]))


def year_loaded(years) -> dict[str, int]:
    """The holiday days of `years` were added or changed: every app recomputes the stored deadlines
    that depend on them (CPL art. 85 ¶3). Receivers of `calendar_changed` return how many rows
    they changed; idempotent (a second call changes nothing)."""
    invalidate()
    years = sorted({int(y) for y in years})
    counts: dict[str, int] = {}
    for receiver_fn, result in calendar_changed.send(sender=CalendarDay, years=years):
        counts[getattr(receiver_fn, "__qualname__", str(receiver_fn))] = int(result or 0)
    return counts
