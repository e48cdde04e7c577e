"""The period of a delegated (pre-suit) mediation, as the mediation services use it. The rule itself is
law.mediation (特邀调解规定 第二十七条: 30 days from the mediator's acceptance, the parties may agree to
extend; the day of acceptance not counted, a last day on a holiday moves on, 民事诉讼法 第八十五条)."""
from __future__ import annotations

from datetime import date, timedelta

from xiezhi.law.mediation import DELEGATED, mediation_days, mediation_period

PRE_SUIT_DAYS = mediation_days(DELEGATED)
BASIS = "特邀调解规定 第二十七条"
MAX_EXTENSION_DAYS = 30  # ⚠ local cap on one agreed extension: the rule sets none, a bound stops typos


def due_on(accepted_on: date, extension_days: int = 0, calendar=None) -> date:
    """Last day of the mediation: 30 days from acceptance plus the agreed extensions."""
    extension_days = max(0, int(extension_days))
    if calendar is None:  # no working calendar at hand: the nominal day count, without holiday roll-over
        return accepted_on + timedelta(days=PRE_SUIT_DAYS + extension_days)
    return mediation_period(DELEGATED, accepted_on, extensions=[extension_days] if extension_days else [],
                            calendar=calendar).end
