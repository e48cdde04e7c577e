"""诉讼费用（《诉讼费用交纳办法》第十三条至第十六条、第二十条；领域文档 §4）。"""

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_UP, Decimal

import pytest

from xiezhi.law.fees import (
    APPLICATION_KINDS,
    LITIGATION_KINDS,
    FeeError,
    FeeResult,
    ProvinceFeeSettings,
    application_fee,
    litigation_fee,
    property_case_fee,
)

D = Decimal


# ---------------------------------------------------------------------------
# 第十三条第（一）项：财产案件分段累计
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount, fee",
    [
        # 每一档的边界正好落在上一档（“超过 X 至 Y 的部分”），交费办法 第十三条第（一）项
        (0, "50.00"),
        (1, "50.00"),
        (10000, "50.00"),  # 不超过 1 万元，每件 50 元
        ("10000.01", "50.00"),  # 0.01 × 2.5% = 0.00025 → 四舍五入到分
        (10040, "51.00"),
        (100000, "2300.00"),  # 50 + 90,000 × 2.5%
        (100001, "2300.02"),
        (200000, "4300.00"),  # + 100,000 × 2%
        (500000, "8800.00"),  # + 300,000 × 1.5%
        (1000000, "13800.00"),  # + 500,000 × 1%
        (2000000, "22800.00"),  # + 1,000,000 × 0.9%
        (5000000, "46800.00"),  # + 3,000,000 × 0.8%
        (10000000, "81800.00"),  # + 5,000,000 × 0.7%
        (20000000, "141800.00"),  # + 10,000,000 × 0.6%
        (30000000, "191800.00"),  # + 10,000,000 × 0.5%
        (150000, "3300.00"),  # 领域文档 §4.6：0.02 × 150,000 + 300
        (D("123456.78"), "2769.14"),  # 0.02 × 123,456.78 + 300 = 2769.1356
        ("1,000,000", "13800.00"),
    ],
)
def test_property_case_fee_tiers(amount, fee):
    """诉讼费用交纳办法 第十三条第（一）项 第1–10目。"""
    assert property_case_fee(amount) == D(fee)


@pytest.mark.parametrize(
    "x",
    [D(15000), D(99999), D(150000), D(333333), D(750000), D(1500000), D(3000000), D(7000000), D(15000000), D(25000000)],
)
def test_property_closed_forms(x):
    """领域文档 §4.2 的闭式公式与分段累计一致（交费办法 第十三条第（一）项）。"""
    forms = [
        (D(100000), D("0.025"), D(-200)),
        (D(200000), D("0.02"), D(300)),
        (D(500000), D("0.015"), D(1300)),
        (D(1000000), D("0.01"), D(3800)),
        (D(2000000), D("0.009"), D(4800)),
        (D(5000000), D("0.008"), D(6800)),
        (D(10000000), D("0.007"), D(11800)),
        (D(20000000), D("0.006"), D(21800)),
        (None, D("0.005"), D(41800)),
    ]
    for top, rate, const in forms:
        if top is None or x <= top:
            assert property_case_fee(x) == (rate * x + const).quantize(D("0.01"))
            break


# ---------------------------------------------------------------------------
# 领域文档 §4.6 全部算例
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call, expected",
    [
        # 民间借贷 8,000 元，小额诉讼：≤1 万元 50 元，减半 25 元（第十三条第（一）项、第十六条）
        (lambda: litigation_fee("property", 8000, procedure="small_claims"), {"fee": "25.00"}),
        # 民间借贷 15 万元，普通程序判决：3,300 元（第十三条第（一）项）
        (lambda: litigation_fee("property", 150000), {"fee": "3300.00"}),
        # 同上，调解结案：1,650 元（第十五条）
        (lambda: litigation_fee("property", 150000, closed_by="mediation"), {"fee": "1650.00"}),
        # 同上，简易程序：1,650 元（第十六条）
        (lambda: litigation_fee("property", 150000, procedure="summary"), {"fee": "1650.00"}),
        # 买卖合同 100 万元：13,800 元
        (lambda: litigation_fee("property", 1000000), {"fee": "13800.00"}),
        # 离婚，财产 50 万元：(50–300) + 0.5% × 30 万 = 1,550–1,800（第十三条第（二）项第1目）
        (lambda: litigation_fee("divorce", property_value=500000), {"fee_min": "1550.00", "fee_max": "1800.00"}),
        # 名誉权，赔偿 15 万元：(100–500) + 500 + 250 = 850–1,250（第十三条第（二）项第2目）
        (lambda: litigation_fee("personality", damages=150000), {"fee_min": "850.00", "fee_max": "1250.00"}),
        # 劳动争议：10 元（第十三条第（四）项）
        (lambda: litigation_fee("labor"), {"fee": "10.00"}),
        # 行政案件（一般）：50 元（第十三条第（五）项第2目）
        (lambda: litigation_fee("administrative"), {"fee": "50.00"}),
        # 执行 30 万元：0.015 × 300,000 − 100 = 4,400（第十四条第（一）项）
        (lambda: application_fee("enforcement", 300000), {"fee": "4400.00"}),
        # 保全 30 万元：0.005 × 300,000 + 520 = 2,020（第十四条第（二）项）
        (lambda: application_fee("preservation", 300000), {"fee": "2020.00"}),
        # 保全 200 万元：封顶 5,000（第十四条第（二）项）
        (lambda: application_fee("preservation", 2000000), {"fee": "5000.00"}),
        # 支付令 10 万元：2,300 / 3 = 766.67（第十四条第（三）项；舍入 ⚠ 默认四舍五入）
        (lambda: application_fee("payment_order", 100000), {"fee": "766.67"}),
    ],
)
def test_worked_examples(call, expected):
    """领域文档 §4.6 算例，逐一复现。"""
    assert call().as_dict() == expected


# ---------------------------------------------------------------------------
# 减半与叠加（第十五条、第十六条；⚠ 叠加与否可配置）
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "procedure, closed_by, stack, fee",
    [
        ("ordinary", None, False, "3300.00"),
        ("summary", None, False, "1650.00"),  # 第十六条
        ("small_claims", None, False, "1650.00"),  # 小额诉讼属简易程序，第十六条
        ("ordinary", "mediation", False, "1650.00"),  # 第十五条
        ("ordinary", "withdrawal", False, "1650.00"),  # 第十五条
        ("summary", "mediation", False, "1650.00"),  # 默认不叠加：只减半一次
        ("summary", "withdrawal", False, "1650.00"),
        ("summary", "mediation", True, "825.00"),  # 设置叠加：四分之一
        ("small_claims", "withdrawal", True, "825.00"),
        ("ordinary", "mediation", True, "1650.00"),  # 只有一项减半时叠加设置不起作用
    ],
)
def test_halvings(procedure, closed_by, stack, fee):
    """交费办法 第十五条、第十六条；两项减半是否叠加由 ProvinceFeeSettings.stack_halvings 决定。"""
    settings = ProvinceFeeSettings(stack_halvings=stack)
    r = litigation_fee("property", 150000, procedure=procedure, closed_by=closed_by, settings=settings)
    assert r.fee == D(fee)
    assert "第十三条第（一）项" in r.basis
    if procedure != "ordinary":
        assert "第十六条" in r.basis
    if closed_by:
        assert "第十五条" in r.basis


def test_stacking_note_when_not_stacked():
    r = litigation_fee("property", 150000, procedure="summary", closed_by="mediation")
    assert any("不叠加" in n for n in r.notes)


def test_range_is_halved():
    """幅度也按第十六条减半：离婚 50–300 元简易程序 → 25–150 元。"""
    r = litigation_fee("divorce", procedure="summary")
    assert r.is_range
    assert (r.fee_min, r.fee_max) == (D("25.00"), D("150.00"))
    assert r.as_dict() == {"fee_min": "25.00", "fee_max": "150.00"}


def test_labor_summary_is_five():
    """劳动争议 10 元，简易程序减半为 5 元（第十三条第（四）项、第十六条）。"""
    assert litigation_fee("labor", procedure="summary").fee == D("5.00")


# ---------------------------------------------------------------------------
# 非财产案件与幅度（第十三条第（二）项至第（六）项）
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, kwargs, expected",
    [
        ("divorce", {}, {"fee_min": "50.00", "fee_max": "300.00"}),
        ("divorce", {"property_value": 200000}, {"fee_min": "50.00", "fee_max": "300.00"}),  # 不超过 20 万不另交
        ("divorce", {"property_value": 200001}, {"fee_min": "50.01", "fee_max": "300.01"}),  # 0.005 元 → 0.01
        ("divorce", {"amount": 500000}, {"fee_min": "1550.00", "fee_max": "1800.00"}),  # amount 作为财产总额
        ("personality", {}, {"fee_min": "100.00", "fee_max": "500.00"}),
        ("personality", {"damages": 50000}, {"fee_min": "100.00", "fee_max": "500.00"}),  # 不超过 5 万不另交
        ("personality", {"damages": 100000}, {"fee_min": "600.00", "fee_max": "1000.00"}),  # +1% × 5 万
        ("personality", {"amount": 150000}, {"fee_min": "850.00", "fee_max": "1250.00"}),
        ("other_non_property", {}, {"fee_min": "50.00", "fee_max": "100.00"}),
        ("ip", {}, {"fee_min": "500.00", "fee_max": "1000.00"}),  # 第十三条第（三）项，无争议金额
        ("ip", {"amount": 100000}, {"fee": "2300.00"}),  # 有争议金额按财产案件
        ("labor", {"amount": 50000}, {"fee": "10.00"}),  # 金额不影响
        ("administrative", {}, {"fee": "50.00"}),
        ("administrative_special", {}, {"fee": "100.00"}),  # 商标、专利、海事
        ("jurisdiction_objection", {}, {"fee_min": "50.00", "fee_max": "100.00"}),
    ],
)
def test_non_property(kind, kwargs, expected):
    """交费办法 第十三条第（二）项至第（六）项。"""
    assert litigation_fee(kind, **kwargs).as_dict() == expected


@pytest.mark.parametrize(
    "kind, setting, value, kwargs, fee",
    [
        ("divorce", "divorce_base", 200, {"property_value": 500000}, "1700.00"),
        ("personality", "personality_base", 300, {"damages": 150000}, "1050.00"),
        ("other_non_property", "other_non_property", 80, {}, "80.00"),
        ("ip", "ip_no_amount", 800, {}, "800.00"),
        ("jurisdiction_objection", "jurisdiction_objection", 100, {}, "100.00"),
    ],
)
def test_province_settings_fix_the_figure(kind, setting, value, kwargs, fee):
    """交费办法 第十三条末款：省级人民政府在幅度内确定具体标准。"""
    s = ProvinceFeeSettings(**{setting: value})
    r = litigation_fee(kind, settings=s, **kwargs)
    assert not r.is_range
    assert r.as_dict() == {"fee": fee}


@pytest.mark.parametrize(
    "setting, value",
    [
        ("divorce_base", 49),
        ("divorce_base", 301),
        ("personality_base", 99),
        ("personality_base", 501),
        ("other_non_property", 101),
        ("ip_no_amount", 1001),
        ("jurisdiction_objection", 40),
        ("enforcement_no_amount", 600),
        ("divorce_base", -1),
        ("divorce_base", "abc"),
    ],
)
def test_settings_outside_statutory_range_rejected(setting, value):
    """具体标准只能在法定幅度内确定（第十三条末款）。"""
    with pytest.raises(ValueError):
        ProvinceFeeSettings(**{setting: value})


def test_settings_boundaries_accepted():
    s = ProvinceFeeSettings(divorce_base=50, personality_base=500, enforcement_no_amount="500")
    assert s.divorce_base == D(50) and s.enforcement_no_amount == D(500)


def test_settings_rejects_bad_rounding():
    with pytest.raises(ValueError):
        ProvinceFeeSettings(rounding="ROUND_SOMETIMES")


@pytest.mark.parametrize(
    "rounding, fee",
    [(ROUND_UP, "766.67"), (ROUND_DOWN, "766.66"), (ROUND_HALF_EVEN, "766.67")],
)
def test_rounding_is_configurable(rounding, fee):
    """⚠ 舍入规则可配置（领域文档 §4.6 支付令一例，附录 C 第 6 项）。"""
    assert application_fee("payment_order", 100000, settings=ProvinceFeeSettings(rounding=rounding)).fee == D(fee)


def test_rounding_half_up_vs_even_on_halving():
    """50.05 元减半 = 25.025：四舍五入 25.03，银行家舍入 25.02。"""
    amount = D(10002)  # 50 + 2 × 2.5% = 50.05
    assert litigation_fee("property", amount, procedure="summary").fee == D("25.03")
    even = ProvinceFeeSettings(rounding=ROUND_HALF_EVEN)
    assert litigation_fee("property", amount, procedure="summary", settings=even).fee == D("25.02")


# ---------------------------------------------------------------------------
# 第十四条：申请费
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, amount, expected",
    [
        # 执行（第十四条第（一）项）
        ("enforcement", None, {"fee_min": "50.00", "fee_max": "500.00"}),
        ("enforcement", 10000, {"fee": "50.00"}),
        ("enforcement", 500000, {"fee": "7400.00"}),
        ("enforcement", 5000000, {"fee": "52400.00"}),
        ("enforcement", 10000000, {"fee": "77400.00"}),
        ("enforcement", 20000000, {"fee": "87400.00"}),  # 0.001x + 67,400
        # 保全（第十四条第（二）项）
        ("preservation", None, {"fee": "30.00"}),
        ("preservation", 1000, {"fee": "30.00"}),
        ("preservation", 100000, {"fee": "1020.00"}),
        ("preservation", 896000, {"fee": "5000.00"}),  # 恰好达到封顶
        ("preservation", 895000, {"fee": "4995.00"}),
        # 支付令（第十四条第（三）项）
        ("payment_order", 9000, {"fee": "16.67"}),
        ("payment_order", 150000, {"fee": "1100.00"}),
        # 公示催告、仲裁（第十四条第（四）、（五）项）
        ("public_summons", None, {"fee": "100.00"}),
        ("arbitration_review", None, {"fee": "400.00"}),
        # 破产（第十四条第（六）项）：财产案件标准减半，最高 30 万元
        ("bankruptcy", 1000000, {"fee": "6900.00"}),
        ("bankruptcy", 100000000, {"fee": "270900.00"}),
        ("bankruptcy", 200000000, {"fee": "300000.00"}),
    ],
)
def test_application_fees(kind, amount, expected):
    """诉讼费用交纳办法 第十四条。"""
    assert application_fee(kind, amount).as_dict() == expected


def test_enforcement_no_amount_setting():
    s = ProvinceFeeSettings(enforcement_no_amount=100)
    assert application_fee("enforcement", settings=s).as_dict() == {"fee": "100.00"}


def test_enforcement_notes_payment_after_enforcement():
    """执行申请费执行后交纳（第二十条第二款），由被执行人负担（第三十八条）。"""
    r = application_fee("enforcement", 300000)
    assert any("执行后交纳" in n for n in r.notes)


# ---------------------------------------------------------------------------
# 输入错误
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"kind": "nope"}, "不认识的案件类型"),
        ({"kind": "property"}, "必须填写诉讼请求金额"),
        ({"kind": "property", "amount": -1}, "不能为负数"),
        ({"kind": "property", "amount": "abc"}, "应为数字"),
        ({"kind": "property", "amount": "NaN"}, "有限"),
        ({"kind": "property", "amount": "Infinity"}, "有限"),
        ({"kind": "property", "amount": "1e30"}, "过大"),
        ({"kind": "property", "amount": True}, "应为数字"),
        ({"kind": "property", "amount": 100, "procedure": "fast"}, "不认识的审理程序"),
        ({"kind": "property", "amount": 100, "closed_by": "judgment"}, "不认识的结案方式"),
        ({"kind": "property", "amount": 100, "damages": 5}, "人格权"),
        ({"kind": "labor", "property_value": 5}, "离婚"),
        ({"kind": "divorce", "amount": 1, "property_value": 2}, "不一致"),
    ],
)
def test_litigation_errors(kwargs, message):
    """错误输入抛出 FeeError（ValueError 子类），消息为中文。"""
    with pytest.raises(FeeError, match=message):
        litigation_fee(**kwargs)


@pytest.mark.parametrize(
    "kind, amount, message",
    [
        ("nope", None, "不认识的申请类型"),
        ("payment_order", None, "必须填写"),
        ("bankruptcy", None, "必须填写"),
        ("enforcement", -5, "不能为负数"),
    ],
)
def test_application_errors(kind, amount, message):
    with pytest.raises(FeeError, match=message):
        application_fee(kind, amount)


def test_float_and_string_inputs():
    assert property_case_fee(150000.0) == D("3300.00")
    assert property_case_fee(" 150000 ") == D("3300.00")
    assert property_case_fee("150，000") == D("3300.00")


def test_fee_result_shape():
    r = FeeResult(D("2300.00"), None, None, "x")
    assert not r.is_range and r.as_dict() == {"fee": "2300.00"}
    assert FeeError.__mro__[1] is ValueError


@pytest.mark.parametrize("kind", LITIGATION_KINDS)
def test_every_litigation_kind_has_basis(kind):
    """每个结果都写明依据条文（交费办法 第十三条）。"""
    r = litigation_fee(kind, amount=100000 if kind in ("property", "ip") else None)
    assert r.basis.startswith("诉讼费用交纳办法 第十三条")


@pytest.mark.parametrize("kind", APPLICATION_KINDS)
def test_every_application_kind_has_basis(kind):
    r = application_fee(kind, amount=100000)
    assert r.basis.startswith("诉讼费用交纳办法 第十四条")


# ---------------------------------------------------------------------------
# 按程序收费（issue 9 §1.4）
# ---------------------------------------------------------------------------

from datetime import date as _date  # noqa: E402

from xiezhi.law.fees import (  # noqa: E402
    FEE_RULES,
    conversion_balance,
    fee_due_date,
    fee_for_procedure,
    mixed_claims_fee,
)


@pytest.mark.parametrize(
    "rule, kind, amount, kwargs, fee, article",
    [
        ("special", "property", 500000, {}, "0.00", "第八条第（一）项"),  # 司法确认、实现担保物权也走特别程序
        ("payment_order", "property", 100000, {}, "766.67", "第十四条第（三）项"),
        ("public_summons", "property", 800000, {}, "100.00", "第十四条第（四）项"),
        ("appeal", "property", 1000000, {"appealed_amount": 100000}, "2300.00", "第十七条"),
        ("appeal", "property", 100000, {}, "2300.00", "第十七条"),
        ("ruling_appeal", "property", 100000, {}, "0.00", "第八条第（三）项"),
        ("criminal", "property", None, {}, "0.00", "第六条"),
        ("enforcement", "property", 300000, {}, "0.00", "第二十条第二款"),
        ("ordinary", "property", 100000, {"claim_role": "counterclaim"}, "1150.00", "第十八条"),
        ("ordinary", "property", 100000, {"claim_role": "third_party"}, "1150.00", "第十八条"),
        ("summary", "property", 100000, {}, "1150.00", "第十六条"),
        ("ordinary", "property", 100000, {}, "2300.00", "第十三条"),
    ],
)
def test_fee_for_procedure_table(rule, kind, amount, kwargs, fee, article):
    """诉讼费用交纳办法 第八条（特别程序、裁定上诉不交）、第十四条（支付令 1/3、公示催告 100 元）、
    第十七条（上诉按不服部分）、第十八条（反诉、第三人请求减半）。"""
    result = fee_for_procedure(rule, kind, amount, **kwargs)
    assert result.fee == D(fee)
    assert article in result.basis


def test_appeal_is_never_halved_for_summary():
    """交费办法 第十七条：二审按上诉请求数额交纳，第十六条的简易程序减半只适用于一审。"""
    assert fee_for_procedure("appeal", "property", 150000).fee == D("3300.00")


def test_every_fee_rule_has_a_basis():
    for code, (label, basis) in FEE_RULES.items():
        assert "交纳办法" in basis and label


def test_unknown_fee_rule_refused():
    with pytest.raises(FeeError):
        fee_for_procedure("nonsense")


@pytest.mark.parametrize(
    "claims, fee",
    [
        ([("property", 60000), ("property", 40000)], "2300.00"),  # 多个财产性请求合并计算
        ([("property", 100000), ("other_non_property", None)], "2300.00"),  # 按财产性请求的标准
        ([("labor", None), ("labor", None)], "10.00"),  # 多个非财产性请求按一件
    ],
)
def test_mixed_claims_follow_art_201(claims, fee):
    """民诉解释 第二百零一条：既有财产性又有非财产性请求的按财产性标准；多个财产性请求合并；
    多个非财产性请求按一件。"""
    result = mixed_claims_fee(claims)
    assert result.fee == D(fee)
    assert "第二百零一条" in result.basis


def test_mixed_non_property_takes_one_fee_range():
    """民诉解释 第二百零一条：两个非财产请求只交一件的费用（不相加）。"""
    result = mixed_claims_fee([("other_non_property", None), ("other_non_property", None)])
    assert (result.fee_min, result.fee_max) == (D("50.00"), D("100.00"))


def test_conversion_balance_art_199():
    """民诉解释 第一百九十九条：简易转普通，补交普通程序受理费与已交减半数额之差。"""
    assert conversion_balance("1150.00", "2300.00") == D("1150.00")
    assert conversion_balance("2300.00", "2300.00") == D("0.00")


class _Cal:
    def __init__(self, rest=()):
        self.rest = set(rest)

    def is_rest_day(self, d):
        return d in self.rest


@pytest.mark.parametrize(
    "received, rest, due",
    [
        (_date(2025, 3, 3), (), _date(2025, 3, 10)),  # 次日起七日：3-4 … 3-10
        (_date(2025, 3, 3), (_date(2025, 3, 10),), _date(2025, 3, 11)),  # 届满日休假顺延
    ],
)
def test_fee_due_date_runs_from_day_after_notice_received(received, rest, due):
    """交费办法 第二十二条第一款：自接到交纳诉讼费用通知次日起七日内交纳；民事诉讼法 第八十五条顺延。"""
    assert fee_due_date(received, _Cal(rest)) == due
