"""The period of a delegated (pre-suit) mediation. Pure Python; moves to law/mediation.py once that
module lands (written in parallel by another helper).

特邀调解规定 第二十七条: a delegated mediation (委派调解) ends within 30 days of the mediator's
acceptance (签收); the parties may agree to extend it. The day of acceptance is not counted and a last
day that falls on a holiday moves to the next working day (民事诉讼法 第八十五条)."""
from __future__ import annotations

from datetime import date, timedelta

from xiezhi.law.periods import period_end

PRE_SUIT_DAYS = 30  # 特邀调解规定 第二十七条
BASIS = "特邀调解规定 第二十七条"
MAX_EXTENSION_DAYS = 30  # ⚠ local cap on one agreed extension: the rule sets none, a bound stops typos


def due_on(accepted_on: date, extension_days: int = 0, calendar=None) -> date:
    """Last day of the mediation: 30 days from acceptance plus the agreed extensions."""
    days = PRE_SUIT_DAYS + max(0, int(extension_days))
    if calendar is None:
        return accepted_on + timedelta(days=days)
    return period_end(accepted_on, days=days, calendar=calendar)
