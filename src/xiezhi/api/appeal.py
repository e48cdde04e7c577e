"""``GET /api/v1/periods/appeal``: the appeal period of one party for one judgment or ruling, by the
same :func:`xiezhi.law.appeal.appeal_period` the case page uses (民事诉讼法 第一百七十一条、第二百八十六条、
第一百六十五条、第八十五条; 民诉解释 第五百三十六条、第五百四十九条).

Errors are :class:`~xiezhi.api.calc.ParamError` with a Chinese sentence naming the field in Chinese."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezhi.law.appeal import DOMICILES, AppealError, AppealPeriod, appeal_period, final_instance_basis
from xiezhi.law.periods import CalendarNotAvailable, PeriodError, WorkCalendar

from .calc import ParamError

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE_RE = re.compile(r"^[a-z_]{1,40}$")
MAX_LENGTH = 64

DOCUMENTS = {"judgment": gettext_lazy("判决"), "ruling": gettext_lazy("裁定")}
LABELS = {
    "document": gettext_lazy("文书种类"),
    "served_on": gettext_lazy("送达日期"),
    "domicile": gettext_lazy("住所所在地区"),
    "nationality": gettext_lazy("国籍"),
    "procedure": gettext_lazy("审理程序"),
    "lodged_on": gettext_lazy("上诉状收到日期"),
    "posted_on": gettext_lazy("交邮日期"),
}


def calendar() -> WorkCalendar:
    """The court's calendar; a year whose holiday notice is not loaded is computed from the statutory
    holidays and marked provisional (民事诉讼法 第八十五条第三款)."""
    from xiezhi.courts.calendar import get_work_calendar

    return get_work_calendar(strict=False)


def _one(params: Any, name: str, *, required: bool = False) -> str | None:
    raw = params.getlist(name) if hasattr(params, "getlist") else ([params[name]] if name in params else [])
    values = [str(v).strip() for v in raw if v is not None and str(v).strip()]
    label = LABELS[name]
    if len(values) > 1:
        raise ParamError(_("%(label)s只能填写一次") % {"label": label})
    if not values:
        if required:
            raise ParamError(_("请填写%(label)s") % {"label": label})
        return None
    if len(values[0]) > MAX_LENGTH:
        raise ParamError(_("%(label)s过长") % {"label": label})
    return values[0]


def _date(params: Any, name: str, *, required: bool = False) -> date | None:
    value = _one(params, name, required=required)
    if value is None:
        return None
    label = LABELS[name]
    if not _DATE_RE.match(value):
        raise ParamError(_("%(label)s应为“年-月-日”格式的日期，例如 2025-09-23") % {"label": label})
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise ParamError(_("%(label)s不是有效的日期") % {"label": label}) from None
    if not 2000 <= day.year <= 2099:
        raise ParamError(_("%(label)s应在 2000 年至 2099 年之间") % {"label": label})
    return day


def _procedure(code: str | None):
    """(category, small_claims, final_basis) of the procedure code; civil ordinary when none is given."""
    if code is None:
        return "civil", False, None
    if not _CODE_RE.match(code):
        raise ParamError(_("不认识的审理程序"))
    from xiezhi.courts import refcache

    proc = refcache.procedure(code)
    if proc is None:
        raise ParamError(_("不认识的审理程序"))
    if proc.case_kind not in ("civil", "administrative", "criminal"):
        raise ParamError(_("该审理程序没有上诉期"))
    return proc.case_kind, proc.limit_code == "civil_small_claims", final_instance_basis(proc.code, proc.limit_code)


def appeal_from_params(params: Any) -> AppealPeriod:
    document = _one(params, "document", required=True)
    if document not in DOCUMENTS:
        raise ParamError(_("文书种类应为判决或裁定"))
    served_on = _date(params, "served_on", required=True)
    domicile = _one(params, "domicile", required=True)
    if domicile not in DOMICILES:
        raise ParamError(_("住所所在地区应为境内（内地）、港澳台或境外"))
    nationality = _one(params, "nationality") or ""
    category, small, final = _procedure(_one(params, "procedure"))
    lodged_on = _date(params, "lodged_on")
    posted_on = _date(params, "posted_on")
    if posted_on is not None and lodged_on is None:
        raise ParamError(_("填写交邮日期时，请同时填写上诉状收到日期"))
    if lodged_on is not None and lodged_on < served_on:
        raise ParamError(_("上诉状收到日期不能早于送达日期"))
    try:
        return appeal_period(document, served_on, calendar=calendar(), domicile=domicile, category=category,
                             small_claims=small, hmt_as_foreign=settings.APPEAL_HMT_AS_FOREIGN,
                             nationality=nationality, lodged_on=lodged_on, posted_on=posted_on, final_basis=final)
    except (AppealError, PeriodError, CalendarNotAvailable) as exc:
        raise ParamError(str(exc)) from None


def appeal_payload(p: AppealPeriod) -> dict[str, Any]:
    return {"appealable": p.appealable, "days": p.days,
            "window_end": p.window_end.isoformat() if p.window_end else None,
            "in_time": p.in_time, "provisional": p.provisional, "basis": list(p.basis)}
