"""把查询参数转换为 :mod:`xiezhi.law` 的调用，并把一切输入错误统一为 :class:`ParamError`。

公开接口（``views``）和计算器页面（``tool_views``）共用这里的校验，保证两处对同一输入给出
同样的结果和同样的错误消息（按当前语言翻译，默认中文）。
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezhi.law.casenumber import PROVINCE_CODES
from xiezhi.law.fees import FeeError, FeeResult, application_fee, litigation_fee
from xiezhi.law.periods import CalendarNotAvailable, PeriodError, PeriodResult, period_end_detail

from . import settings_source

#: 单个参数值的最大长度（防止超长输入）。
MAX_PARAM_LENGTH = 64
#: 期间数值的最大位数（天数 999999 已远超任何法定期间）。
MAX_PERIOD_DIGITS = 6

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT_RE = re.compile(r"^[+]?\d+$")


class ParamError(ValueError):
    """请求参数错误；消息按当前语言翻译（默认中文），直接返回给用户。"""


def _values(params: Any, name: str) -> list[str]:
    if hasattr(params, "getlist"):
        raw = params.getlist(name)
    elif name in params:
        raw = [params[name]]
    else:
        raw = []
    return [str(v).strip() for v in raw if v is not None and str(v).strip() != ""]


def one(params: Any, name: str, label: str, *, required: bool = False) -> str | None:
    """取单个参数：空值视为未填写；重复或超长报错。"""
    values = _values(params, name)
    if len(values) > 1:
        raise ParamError(_("参数 %(name)s（%(label)s）只能填写一次") % {"name": name, "label": label})
    if not values:
        if required:
            raise ParamError(_("缺少参数 %(name)s（%(label)s）") % {"name": name, "label": label})
        return None
    value = values[0]
    if len(value) > MAX_PARAM_LENGTH:
        raise ParamError(_("参数 %(name)s（%(label)s）过长") % {"name": name, "label": label})
    return value


def province_settings(params: Any):
    """``province`` 参数（高级法院代字，如“豫”）→ 本省收费标准；未填写时为 None。"""
    province = one(params, "province", _("省份代字"))
    if province is None:
        return None, None
    if len(province) != 1 or province not in PROVINCE_CODES:
        raise ParamError(_("不认识的省份代字：%(province)s（应为高级人民法院代字，如“豫”“京”“粤”）") % {"province": province})
    return province, settings_source.get_fee_settings(province)


def litigation_from_params(params: Any) -> FeeResult:
    """``kind``、``amount``、``procedure``、``property``、``damages``、``closed_by``、``province``
    → 案件受理费（诉讼费用交纳办法 第十三条、第十五条、第十六条）。"""
    kind = one(params, "kind", _("案件类型"), required=True)
    procedure = one(params, "procedure", _("审理程序")) or "ordinary"
    closed_by = one(params, "closed_by", _("结案方式"))
    _province, settings = province_settings(params)
    try:
        return litigation_fee(
            kind,
            amount=one(params, "amount", _("诉讼请求金额")),
            procedure=procedure,
            property_value=one(params, "property", _("离婚案件财产总额")),
            damages=one(params, "damages", _("损害赔偿金额")),
            closed_by=closed_by,
            settings=settings,
        )
    except FeeError as exc:
        raise ParamError(str(exc)) from None


def application_from_params(params: Any) -> FeeResult:
    """``kind``、``amount``、``province`` → 申请费（诉讼费用交纳办法 第十四条）。"""
    kind = one(params, "kind", _("申请类型"), required=True)
    _province, settings = province_settings(params)
    try:
        return application_fee(kind, amount=one(params, "amount", _("金额")), settings=settings)
    except FeeError as exc:
        raise ParamError(str(exc)) from None


def parse_date(value: str, label: str) -> date:
    if not _DATE_RE.match(value):
        raise ParamError(_("%(label)s格式应为 YYYY-MM-DD，例如 2025-09-23，收到：%(value)s") % {"label": label, "value": value})
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParamError(_("%(label)s不是有效日期：%(value)s") % {"label": label, "value": value}) from None


def parse_positive_int(value: str, name: str, label: str) -> int:
    if not _INT_RE.match(value):
        raise ParamError(_("参数 %(name)s（%(label)s）应为正整数，收到：%(value)s") % {"name": name, "label": label, "value": value})
    digits = value.lstrip("+").lstrip("0") or "0"
    if len(digits) > MAX_PERIOD_DIGITS:
        raise ParamError(_("参数 %(name)s（%(label)s）过大，期间过长") % {"name": name, "label": label})
    n = int(digits)
    if n < 1:
        raise ParamError(_("参数 %(name)s（%(label)s）应为正整数，收到：%(value)s") % {"name": name, "label": label, "value": value})
    return n


_PERIOD_UNITS = (("days", gettext_lazy("天数")), ("months", gettext_lazy("月数")), ("years", gettext_lazy("年数")))


def period_from_params(params: Any) -> PeriodResult:
    """``start`` 与 ``days``/``months``/``years`` 之一 → 期间届满日
    （民事诉讼法 第八十五条；民法典 第二百零一条至第二百零三条）。"""
    start = parse_date(one(params, "start", _("起算日"), required=True), _("起算日（start）"))
    given = {}
    for name, label in _PERIOD_UNITS:
        value = one(params, name, label)
        if value is not None:
            given[name] = parse_positive_int(value, name, label)
    if len(given) != 1:
        raise ParamError(_("天数（days）、月数（months）、年数（years）须且只能填写一项"))
    try:
        return period_end_detail(start, calendar=settings_source.get_calendar(), **given)
    except (PeriodError, CalendarNotAvailable) as exc:
        raise ParamError(str(exc)) from None


def fee_payload(result: FeeResult) -> dict[str, Any]:
    """接口返回体：``fee`` 或 ``fee_min``/``fee_max``，加 ``basis``、``notes``。"""
    return {**result.as_dict(), "basis": result.basis, "notes": list(result.notes)}


def period_payload(result: PeriodResult) -> dict[str, Any]:
    return {
        "end": result.end.isoformat(),
        "nominal_end": result.nominal_end.isoformat(),
        "extended": result.extended,
        "basis": result.basis,
    }
