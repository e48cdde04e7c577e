"""审限计算、案号解析、证件号码校验的公开接口：把请求转换为 :mod:`xiezhi.law` 的调用。

每一处输入错误都成为 :class:`~xiezhi.api.calc.ParamError`，消息为中文并用中文说明是哪一项
（不出现英文字段名）。接口（``views``）与 ``/tools/time-limits/`` 页面共用这里的代码，
与案件页面用的是同一套 :mod:`xiezhi.law.timelimits`。
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.courts import refcache
from xiezhi.courts.calendar import get_work_calendar
from xiezhi.courts.models import CaseType, Court
from xiezhi.law.casenumber import check_case_number
from xiezhi.law.identity import resident_id_details, uscc_errors
from xiezhi.law.timelimits import (
    APPROVER_ROLES,
    DEDUCTION_KINDS,
    TRIAL_LIMITS,
    Interval,
    TimeLimitError,
    check_extensions,
    compute_time_limit,
)

from .calc import ParamError

#: 列表项最多个数（扣除、延长、转换各自）。
MAX_ITEMS = 50
#: 可接受的日期范围：早于 1990 年或晚于 2100 年的日期按输入错误处理。
_MIN_DATE, _MAX_DATE = date(1990, 1, 1), date(2100, 12, 31)
API_APPROVERS = ("president", "higher_court")


def _date(value: Any, label: str, *, required: bool = True) -> date | None:
    if value is None or value == "":
        if required:
            raise ParamError(_("请填写%(label)s。") % {"label": label})
        return None
    if not isinstance(value, str) or len(value) != 10:
        raise ParamError(_("%(label)s应为日期，格式为 YYYY-MM-DD。") % {"label": label})
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise ParamError(_("%(label)s应为日期，格式为 YYYY-MM-DD。") % {"label": label}) from None
    if not _MIN_DATE <= d <= _MAX_DATE:
        raise ParamError(_("%(label)s超出可计算的范围（1990 年至 2100 年）。") % {"label": label})
    return d


def _list(body: dict, key: str, label: str) -> list:
    value = body.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ParamError(_("%(label)s应为列表。") % {"label": label})
    if len(value) > MAX_ITEMS:
        raise ParamError(_("%(label)s最多 %(n)s 项。") % {"label": label, "n": MAX_ITEMS})
    for item in value:
        if not isinstance(item, dict):
            raise ParamError(_("%(label)s的每一项应为对象。") % {"label": label})
    return value


def limit_code_for(code: Any) -> str:
    """程序代码（程序表 ``Procedure.code``，如 civil_ordinary_single）或审限规则代码 → 审限规则代码。"""
    if not isinstance(code, str) or not code.strip() or len(code) > 60:
        raise ParamError(_("请填写审理程序。"))
    code = code.strip()
    procedure = refcache.procedure(code)
    if procedure is not None:
        return procedure.limit_code
    if code in TRIAL_LIMITS:
        return code
    raise ParamError(_("不认识的审理程序：%(code)s。") % {"code": code})


def _int(value: Any, label: str) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 120:
        raise ParamError(_("%(label)s应为 0 至 120 的整数。") % {"label": label})
    return value


def time_limit(body: Any, today: date | None = None) -> dict:
    """``POST /api/v1/timelimits/compute`` 的计算（见 ``views.TimeLimitComputeView``）。"""
    if not isinstance(body, dict):
        raise ParamError(_("请求内容应为 JSON 对象。"))
    limit_code = limit_code_for(body.get("procedure"))
    filed_on = _date(body.get("filed_on"), _("立案日期"))
    foreign = body.get("foreign_related", False)
    if not isinstance(foreign, bool):
        raise ParamError(_("是否涉外应为 true 或 false。"))
    notice = body.get("public_notice")
    public_notice = None
    if notice is not None:
        if not isinstance(notice, dict):
            raise ParamError(_("公告应为对象，含发布日和届满日。"))
        public_notice = (_date(notice.get("published_on"), _("公告发布日")),
                         _date(notice.get("ends_on"), _("公告届满日")))
    deductions = []
    for item in _list(body, "deductions", _("审限扣除")):
        kind = item.get("kind")
        if kind not in DEDUCTION_KINDS:
            raise ParamError(_("不认识的审限扣除类型：%(kind)s。") % {"kind": str(kind)[:40]})
        start = _date(item.get("start"), _("扣除开始日"))
        end = _date(item.get("end"), _("扣除结束日"), required=False)
        if end is not None and end < start:
            raise ParamError(_("扣除结束日早于开始日。"))
        deductions.append(Interval(start=start, end=end, kind=kind))
    conversions = []
    for item in _list(body, "conversions", _("程序转换")):
        conversions.append((_date(item.get("on"), _("程序转换日期")), limit_code_for(item.get("to"))))
    extensions = []
    for item in _list(body, "extensions", _("延长审限")):
        approver = item.get("approver")
        if approver not in API_APPROVERS:
            raise ParamError(_("延长审限的批准机关应为本院院长（president）或上一级人民法院（higher_court）。"))
        months, days = _int(item.get("months"), _("延长月数")), _int(item.get("days"), _("延长天数"))
        if not months and not days:
            raise ParamError(_("请填写延长的月数或天数。"))
        extensions.append({"months": months, "days": days, "approver": approver,
                           "approved_on": _date(item.get("approved_on"), _("延长批准日期"), required=False)})
    today = today or timezone.localdate()
    try:
        status = compute_time_limit(limit_code, filed_on, deductions=deductions, extensions=extensions,
                                    converted=conversions, today=today, foreign_related=foreign,
                                    public_notice=public_notice)
        current = status.procedure
        # the extensions that count for the procedure now applied are checked against its steps
        kept = [e for e in extensions if not (conversions and e["approved_on"] is not None
                                                and e["approved_on"] < max(c[0] for c in conversions))]
        if kept and not status.unlimited:
            check_extensions(current, kept)
    except TimeLimitError as exc:
        raise ParamError(str(exc)) from None
    provisional = False
    if status.limit_end is not None:
        provisional = not get_work_calendar(strict=False).covers(status.limit_end)
    out = {
        "limit_end": status.limit_end.isoformat() if status.limit_end else None,
        "deducted_days": status.deducted_days,
        "basis": [part for part in status.basis.split("；") if part],
        "provisional": provisional,
    }
    if status.earliest_judgment_on is not None:
        out["earliest_judgment_on"] = status.earliest_judgment_on.isoformat()
    return out


class _CourtNames:
    """法院代字表（已公布的法院代码，courts 参考数据），按需逐个查询。"""

    def __contains__(self, code):
        return bool(self.get(code))

    def get(self, code, default=""):
        name = Court.objects.filter(case_code=code, active=True).values_list("name", flat=True).first()
        return name or default


class _TypeNames:
    def __bool__(self):
        return True

    def __contains__(self, code):
        return bool(self.get(code))

    def get(self, code, default=""):
        t = refcache.case_type(code)
        return t.name if t is not None else default


def case_number(params: Any) -> dict:
    """``GET /api/v1/casenumbers/parse``：案号规定 第一条至第十二条，法院代字表为已公布的法院代码。"""
    text = params.get("text") if hasattr(params, "get") else None
    if text is None or not str(text).strip():
        raise ParamError(_("请填写案号。"))
    if len(text) > 60:
        raise ParamError(_("案号过长。"))
    r = check_case_number(text, _CourtNames(), _TypeNames(), current_year=timezone.localdate().year)
    return {
        "valid": r.valid, "year": r.year, "court_code": r.court_code or None, "court_name": r.court_name or None,
        "special_code": r.special_code or None, "type_code": r.type_code or None, "type_name": r.type_name or None,
        "serial": r.serial or None, "canonical": r.canonical or None, "errors": list(r.errors),
    }


def identity(params: Any) -> dict:
    """``GET /api/v1/identity/check``：只核对结构和校验码，不查询、不保存。"""
    kind = params.get("kind")
    number = params.get("number")
    if kind not in ("resident_id", "uscc"):
        raise ParamError(_("证件类型应为居民身份证（resident_id）或统一社会信用代码（uscc）。"))
    if number is None or not str(number).strip():
        raise ParamError(_("请填写证件号码。"))
    if len(number) > 40:
        raise ParamError(_("证件号码过长。"))
    if kind == "resident_id":
        birth, sex, errors = resident_id_details(number, today=timezone.localdate())
        return {"valid": not errors, "birth_date": birth.isoformat() if birth else None, "sex": sex or None,
                "errors": errors}
    errors = uscc_errors(number, strict=settings.USCC_STRICT)
    return {"valid": not errors, "birth_date": None, "sex": None, "errors": errors}


__all__ = ["API_APPROVERS", "APPROVER_ROLES", "case_number", "identity", "limit_code_for", "time_limit"]
