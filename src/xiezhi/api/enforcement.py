"""执行的公开接口：申请执行期间、失信名单期限、网络司法拍卖方案。把请求转换为 :mod:`xiezhi.law.enforcement`
的调用（执行案件页面用同一套函数），每一处输入错误都成为 :class:`~xiezhi.api.calc.ParamError`，消息为中文。

- ``GET  /api/v1/periods/enforcement-application``（民事诉讼法 第二百五十条、第八十五条）
- ``POST /api/v1/enforcement/dishonest-term``（失信规定 第一条至第四条）
- ``POST /api/v1/enforcement/auction-plan``（网拍规定 第十条、第十二条、第十七条、第二十六条）
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from xiezhi.law.enforcement import (
    MAX_INSTALLMENTS,
    AuctionPlan,
    DishonestTerm,
    EnforcementError,
    EnforcementWindow,
    auction_plan,
    dishonest_term,
    enforcement_application_window,
)
from xiezhi.law.periods import CalendarNotAvailable, PeriodError

from .calc import ParamError

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_LENGTH = 64


def calendar():
    """与上诉期接口相同的工作日历（放假通知未录入的年份按法定节日暂定）。"""
    from . import appeal

    return appeal.calendar()


def _date(value: Any, label: str) -> date:
    if not isinstance(value, str) or not _DATE_RE.match(value.strip()):
        raise ParamError(_("%(label)s应为“年-月-日”格式的日期，例如 2025-09-23") % {"label": label})
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise ParamError(_("%(label)s不是有效的日期") % {"label": label}) from None
    if not 2000 <= day.year <= 2099:
        raise ParamError(_("%(label)s应在 2000 年至 2099 年之间") % {"label": label})
    return day


def _one(params: Any, name: str, label: str) -> str | None:
    raw = params.getlist(name) if hasattr(params, "getlist") else ([params[name]] if name in params else [])
    values = [str(v).strip() for v in raw if v is not None and str(v).strip()]
    if len(values) > 1:
        raise ParamError(_("%(label)s只能填写一次") % {"label": label})
    return values[0] if values else None


def window_from_params(params: Any) -> EnforcementWindow:
    effective = _one(params, "effective_on", _("生效日期"))
    if effective is None:
        raise ParamError(_("请填写法律文书生效日期"))
    if len(effective) > MAX_LENGTH:
        raise ParamError(_("生效日期过长"))
    effective_on = _date(effective, _("生效日期"))
    due = _one(params, "due_on", _("履行期间的最后一日"))
    due_on = None
    if due is not None:
        if len(due) > MAX_LENGTH:
            raise ParamError(_("履行期间的最后一日过长"))
        due_on = _date(due, _("履行期间的最后一日"))
    text = _one(params, "installments", _("分期履行的各期期限"))
    installments = None
    if text is not None:
        parts = [p.strip() for p in re.split(r"[,，\s]+", text) if p.strip()]
        if len(parts) > MAX_INSTALLMENTS:
            raise ParamError(_("分期履行最多填写 %(n)s 期") % {"n": MAX_INSTALLMENTS})
        installments = [_date(p, _("分期履行的履行期限")) for p in parts]
    try:
        return enforcement_application_window(effective_on, due_on=due_on, installments=installments,
                                              calendar=calendar())
    except (EnforcementError, PeriodError, CalendarNotAvailable) as exc:
        raise ParamError(str(exc)) from None


def window_payload(w: EnforcementWindow) -> dict[str, Any]:
    return {"window_end": w.window_end.isoformat(), "start": w.start.isoformat(),
            "provisional": w.provisional, "basis": list(w.basis)}


def _body(data: Any) -> dict:
    if not isinstance(data, dict):
        raise ParamError(_("请求内容应为 JSON 对象。"))
    return data


def _bool(body: dict, name: str, label: str) -> bool:
    value = body.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ParamError(_("%(label)s应为 true 或 false") % {"label": label})
    return value


def dishonest_from_body(data: Any) -> DishonestTerm:
    body = _body(data)
    circumstances = body.get("circumstances")
    if circumstances is None:
        raise ParamError(_("请填写失信情形（失信规定第一条第一项至第六项的编号）"))
    if not isinstance(circumstances, list) or len(circumstances) > 6:
        raise ParamError(_("失信情形应为 1 至 6 的编号列表，例如 [1, 4]"))
    for c in circumstances:
        if isinstance(c, bool) or not isinstance(c, int) or not 1 <= c <= 6:
            raise ParamError(_("失信情形应为 1 至 6 的编号（失信规定第一条第一项至第六项）"))
    try:
        return dishonest_term(circumstances,
                              aggravating=_bool(body, "aggravating", _("是否情节严重")),
                              minor=_bool(body, "minor", _("是否未成年人")),
                              performed_or_secured=_bool(body, "performed_or_secured", _("是否已履行或已提供充分担保")))
    except EnforcementError as exc:
        raise ParamError(str(exc)) from None


def dishonest_payload(r: DishonestTerm) -> dict[str, Any]:
    return {"listable": r.listable, "term": r.term, "years_min": r.years_min, "years_max": r.years_max,
            "basis": list(r.basis)}


def _amount(value: Any, label: str):
    if value is None or value == "":
        return None
    if isinstance(value, bool) or isinstance(value, float) and value != int(value):
        raise ParamError(_("%(label)s请以字符串或整数填写，例如 \"1000000.00\"") % {"label": label})
    if isinstance(value, float):
        value = int(value)
    if not isinstance(value, str | int) or isinstance(value, str) and len(value) > MAX_LENGTH:
        raise ParamError(_("%(label)s应为金额数字，例如 1000000.00") % {"label": label})
    return value


def auction_from_body(data: Any) -> AuctionPlan:
    body = _body(data)
    valuation = _amount(body.get("valuation"), _("评估价"))
    if valuation is None:
        raise ParamError(_("请填写评估价（或市场价）"))
    asset = body.get("asset")
    if asset is None or asset == "":
        raise ParamError(_("请填写财产类别"))
    round_ = body.get("round")
    if round_ in ("1", "2"):
        round_ = int(round_)
    if round_ is None or round_ == "":
        raise ParamError(_("请填写拍卖轮次"))
    failed = body.get("failed_on")
    failed_on = _date(failed, _("流拍日期")) if failed not in (None, "") else None
    try:
        return auction_plan(valuation, asset if isinstance(asset, str) else "", round_,
                            previous_opening_price=_amount(body.get("previous_opening_price"), _("前次起拍价")),
                            failed_on=failed_on)
    except EnforcementError as exc:
        raise ParamError(str(exc)) from None


def _money(d) -> str | None:
    return None if d is None else f"{d:.2f}"


def auction_payload(p: AuctionPlan) -> dict[str, Any]:
    return {"opening_price_min": _money(p.opening_price_min), "deposit_min": _money(p.deposit_min),
            "deposit_max": _money(p.deposit_max), "notice_days": p.notice_days,
            "must_be_held_by": p.must_be_held_by.isoformat() if p.must_be_held_by else None,
            "notice_by": p.notice_by.isoformat() if p.notice_by else None, "basis": list(p.basis)}
