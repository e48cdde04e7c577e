"""公开计算器页面（无需登录）：诉讼费用、期间。GET 表单，服务器端计算，结果显示在同一页。

计算与校验与公开接口共用 :mod:`xiezhi.api.calc`。
"""

from __future__ import annotations

import re

from django.shortcuts import render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_GET

from xiezhi.law.casenumber import PROVINCE_CODES
from xiezhi.site.access import anyone

from . import calc

#: 失信规定 第一条的六种情形（页面上的勾选项）
CIRCUMSTANCE_LABELS = {
    1: gettext_lazy("有履行能力而拒不履行生效法律文书确定义务"),
    2: gettext_lazy("以伪造证据、暴力、威胁等方法妨碍、抗拒执行"),
    3: gettext_lazy("以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行"),
    4: gettext_lazy("违反财产报告制度"),
    5: gettext_lazy("违反限制消费令"),
    6: gettext_lazy("无正当理由拒不履行执行和解协议"),
}

_LITIGATION_FIELDS = ("kind", "amount", "procedure", "property", "damages", "closed_by", "province")
_APPLICATION_FIELDS = ("kind", "amount", "province")


_PARAM = re.compile(r"参数 [A-Za-z_]+（([^）]+)）")
_CODE = re.compile(r"（[A-Za-z_]+）")


def for_people(message: str) -> str:
    """An API message as a page shows it: the field by its Chinese name only, without the
    parameter's code (缺少参数 kind（案件类型） → 缺少案件类型)."""
    return _CODE.sub("", _PARAM.sub(r"\1", message))


def _echo(params, fields) -> dict[str, str]:
    """把用户填写的值原样带回表单（只取每个参数的最后一个值，截断超长输入）。"""
    return {f: (params.get(f) or "")[: calc.MAX_PARAM_LENGTH] for f in fields}


@anyone
@require_GET
def fees_page(request):
    """诉讼费用计算器（诉讼费用交纳办法 第十三条至第十六条）。"""
    which = request.GET.get("calc")
    context = {
        "provinces": list(PROVINCE_CODES),
        "which": which if which in ("litigation", "application") else None,
        "lq": {},
        "aq": {},
        "result": None,
        "error": None,
    }
    if which == "litigation":
        context["lq"] = _echo(request.GET, _LITIGATION_FIELDS)
        compute = calc.litigation_from_params
    elif which == "application":
        context["aq"] = _echo(request.GET, _APPLICATION_FIELDS)
        compute = calc.application_from_params
    else:
        compute = None
    if compute is not None:
        try:
            context["result"] = compute(request.GET)
        except calc.ParamError as exc:
            context["error"] = for_people(str(exc))
    status = 400 if context["error"] else 200
    return render(request, "tools/fees.html", context, status=status)


@anyone
@require_GET
def periods_page(request):
    """期间计算器（民事诉讼法 第八十五条；民法典 第二百零一条至第二百零三条）。"""
    q = {
        "start": (request.GET.get("start") or "")[: calc.MAX_PARAM_LENGTH],
        "n": (request.GET.get("n") or "")[: calc.MAX_PARAM_LENGTH],
        "unit": request.GET.get("unit") if request.GET.get("unit") in ("days", "months", "years") else "days",
    }
    context = {"q": q, "result": None, "error": None}
    if "start" in request.GET or "n" in request.GET:
        if not q["n"].strip():
            context["error"] = gettext("请填写期间长度。")
        else:
            try:
                context["result"] = calc.period_from_params({"start": q["start"], q["unit"]: q["n"]})
            except calc.ParamError as exc:
                context["error"] = for_people(str(exc))
    status = 400 if context["error"] else 200
    return render(request, "tools/periods.html", context, status=status)


_TL_FIELDS = ("procedure", "filed_on", "foreign_related", "published_on", "ends_on", "d_kind", "d_start", "d_end",
              "e_months", "e_approver", "e_approved_on", "c_on", "c_to")


@anyone
@require_GET
def time_limits_page(request):
    """审限计算器：与 ``POST /api/v1/timelimits/compute``、案件页面用同一套 xiezhi.law.timelimits。"""
    from xiezhi.courts.models import Procedure
    from xiezhi.law.timelimits import DEDUCTION_KINDS

    from . import limits

    q = _echo(request.GET, _TL_FIELDS)
    context = {
        "q": q, "result": None, "error": None,
        "procedures": list(Procedure.objects.filter(active=True).values_list("code", "name")),
        "deduction_kinds": [(k, v[0]) for k, v in DEDUCTION_KINDS.items()],
    }
    if q["procedure"] or q["filed_on"]:
        body = {"procedure": q["procedure"], "filed_on": q["filed_on"], "foreign_related": q["foreign_related"] == "1"}
        if q["published_on"] or q["ends_on"]:
            body["public_notice"] = {"published_on": q["published_on"], "ends_on": q["ends_on"]}
        if q["d_kind"] or q["d_start"]:
            body["deductions"] = [{"kind": q["d_kind"], "start": q["d_start"], "end": q["d_end"] or None}]
        if q["e_months"]:
            if not q["e_months"].isdigit():
                context["error"] = gettext("延长月数应为 0 至 120 的整数。")
            else:
                body["extensions"] = [{"months": int(q["e_months"]), "approver": q["e_approver"],
                                       "approved_on": q["e_approved_on"] or None}]
        if q["c_on"] or q["c_to"]:
            body["conversions"] = [{"on": q["c_on"], "to": q["c_to"]}]
        if context["error"] is None:
            try:
                context["result"] = limits.time_limit(body)
            except calc.ParamError as exc:
                context["error"] = str(exc)
    status = 400 if context["error"] else 200
    return render(request, "tools/time_limits.html", context, status=status)


_ENF_FIELDS = ("effective_on", "due_on", "installments", "circumstances", "aggravating", "minor",
               "performed_or_secured", "valuation", "asset", "round", "previous_opening_price", "failed_on")


@anyone
@require_GET
def enforcement_page(request):
    """执行计算器：申请执行期间（民事诉讼法 第二百五十条）、失信名单期限（失信规定 第一条至第四条）、
    网络司法拍卖方案（网拍规定 第十条、第十二条、第十七条、第二十六条）。与三个公开接口共用 :mod:`xiezhi.api.enforcement`。"""
    from . import enforcement

    which = request.GET.get("calc")
    which = which if which in ("window", "dishonest", "auction") else None
    q = _echo(request.GET, _ENF_FIELDS)
    chosen = [c for c in request.GET.getlist("circumstances") if c in ("1", "2", "3", "4", "5", "6")]
    context = {"which": which, "q": q, "chosen": chosen, "result": None, "error": None,
               "circumstance_items": [(str(n), text) for n, text in CIRCUMSTANCE_LABELS.items()]}
    try:
        if which == "window":
            context["result"] = enforcement.window_from_params(
                {k: q[k] for k in ("effective_on", "due_on", "installments") if q[k].strip()})
        elif which == "dishonest":
            context["result"] = enforcement.dishonest_from_body({
                "circumstances": [int(c) for c in chosen], "aggravating": q["aggravating"] == "1",
                "minor": q["minor"] == "1", "performed_or_secured": q["performed_or_secured"] == "1"})
        elif which == "auction":
            context["result"] = enforcement.auction_from_body({
                "valuation": q["valuation"].strip(), "asset": q["asset"], "round": q["round"],
                "previous_opening_price": q["previous_opening_price"].strip() or None,
                "failed_on": q["failed_on"].strip() or None})
    except calc.ParamError as exc:
        context["error"] = str(exc)
    status = 400 if context["error"] else 200
    return render(request, "tools/enforcement.html", context, status=status)
