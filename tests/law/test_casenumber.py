"""案号格式化与解析（《关于人民法院案件案号的若干规定》第一条至第三条、第九条、第十条；领域文档 §1）。"""

import pytest

from xiezhi.law.casenumber import CaseNumber, InvalidCaseNumber, format_case_number, parse_case_number

TYPE_CODES = {"民初", "民终", "执", "执恢", "刑初", "行审", "财保", "诉前调确", "民诉前调"}


@pytest.mark.parametrize(
    "args, expected",
    [
        # 案号规定 第二条：基层法院代字 = 省级简称 + 4 位数字
        ((2025, "豫0222", "民初", 1187), "（2025）豫0222民初1187号"),
        # 中级法院：简称 + 2 位数字（第五条）
        ((2022, "豫02", "民终", 5), "（2022）豫02民终5号"),
        # 高级法院：省级简称（第四条）
        ((2020, "豫", "民终", 12), "（2020）豫民终12号"),
        # 最高人民法院
        ((2019, "最高法", "民终", 1), "（2019）最高法民终1号"),
        # 4 字类型代字（SPC 通知新增，领域文档 §1.3）
        ((2023, "浙0192", "诉前调确", 88), "（2023）浙0192诉前调确88号"),
    ],
)
def test_format(args, expected):
    """案号规定 第一条至第三条：全角括号，各要素依次连写。"""
    assert format_case_number(*args) == expected


def test_format_with_special_code():
    """案号规定（2018 年修改）：专门审判代字置于类型代字之前。"""
    assert format_case_number(2019, "最高法", "民终", 1, special_code="知") == "（2019）最高法知民终1号"
    assert CaseNumber(2019, "最高法", "知", "民终", 1).format() == "（2019）最高法知民终1号"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("（2025）豫0222民初1187号", CaseNumber(2025, "豫0222", "", "民初", 1187)),
        # 半角括号（领域文档 §1.4：同时接受全角和半角括号）
        ("(2025)豫0222民初1187号", CaseNumber(2025, "豫0222", "", "民初", 1187)),
        # 首尾空白
        ("  （2021）川01财保17号\n", CaseNumber(2021, "川01", "", "财保", 17)),
        # 混用全角/半角括号、全角数字
        ("（２０２４)浙02民诉前调595号", CaseNumber(2024, "浙02", "", "民诉前调", 595)),
        ("(2019)最高法知民终1号", CaseNumber(2019, "最高法", "知", "民终", 1)),
        ("（2023）京73知民初100号", CaseNumber(2023, "京73", "知", "民初", 100)),
        ("（2024）豫0222执恢3号", CaseNumber(2024, "豫0222", "", "执恢", 3)),
        ("（2024）豫0222执3号", CaseNumber(2024, "豫0222", "", "执", 3)),
        ("（2022）豫民终12号", CaseNumber(2022, "豫", "", "民终", 12)),
        # 内蒙古的代字为“内”（案号规定 第四条）
        ("（2022）内0102民初1号", CaseNumber(2022, "内0102", "", "民初", 1)),
    ],
)
def test_parse(text, expected):
    """案号规定 第二条；领域文档 §1.4 解析正则。"""
    assert parse_case_number(text) == expected


@pytest.mark.parametrize(
    "cn",
    [
        CaseNumber(2025, "豫0222", "", "民初", 1187),
        CaseNumber(2019, "最高法", "知", "民终", 1),
        CaseNumber(2016, "粤0703", "", "执", 1),
        CaseNumber(2023, "浙0192", "", "诉前调确", 88),
        CaseNumber(2020, "军", "", "刑初", 2),
        CaseNumber(2024, "兵", "", "民终", 9),
    ],
)
def test_round_trip(cn):
    """format → parse 还原全部要素（案号规定 第二条）。"""
    assert parse_case_number(cn.format()) == cn
    assert parse_case_number(cn.format().replace("（", "(").replace("）", ")")) == cn


def test_half_width_input_formats_full_width():
    """输出文书一律使用全角括号（领域文档 §1.4）。"""
    assert parse_case_number("(2025)豫0222民初1187号").format() == "（2025）豫0222民初1187号"


@pytest.mark.parametrize(
    "text, expected",
    [
        # 给出代字表时：整体是已知代字的不拆；否则只有去掉“知”后是已知代字才拆
        ("（2023）京73知民初100号", CaseNumber(2023, "京73", "知", "民初", 100)),
        ("（2023）京73民初100号", CaseNumber(2023, "京73", "", "民初", 100)),
        ("（2023）浙0192诉前调确88号", CaseNumber(2023, "浙0192", "", "诉前调确", 88)),
    ],
)
def test_parse_with_type_codes_splits_zhi_correctly(text, expected):
    """领域文档 §1.4：非贪婪量词不足以区分“知”与以“知”开头的类型代字，须对照代字表。"""
    assert parse_case_number(text, TYPE_CODES) == expected


def test_zhi_plus_unknown_code_rejected_with_table():
    """去掉“知”后仍不是已知代字的，报错而不是猜测（领域文档 §1.4）。"""
    with pytest.raises(InvalidCaseNumber, match="类型代字"):
        parse_case_number("（2023）京73知民再100号", TYPE_CODES)


def test_type_code_starting_with_zhi_is_not_split_when_known():
    """代字表中本身以“知”开头的类型代字不拆出专门审判代字（领域文档 §1.4）。"""
    codes = {"民初", "知产"}
    assert parse_case_number("（2023）京73知产5号", codes) == CaseNumber(2023, "京73", "", "知产", 5)
    # 不给代字表时按贪婪的 (知)? 拆分
    assert parse_case_number("（2023）京73知产5号") == CaseNumber(2023, "京73", "知", "产", 5)


def test_unknown_type_code_with_table():
    """类型代字须在代字表中（案号规定 第七条）。"""
    with pytest.raises(InvalidCaseNumber, match="类型代字"):
        parse_case_number("（2025）豫0222民再1号", TYPE_CODES)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2025豫0222民初1187号",  # 缺括号
        "（25）豫0222民初1187号",  # 年度不是 4 位
        "（2025）豫0222民初1187",  # 缺“号”
        "（2025）豫0222民初号",  # 缺编号
        "（2025）滇0222民初1号",  # 云南的代字是“云”不是“滇”（第四条）
        "（2025）豫022民初1号",  # 3 位数字的法院代字不存在
        "（2025）豫0222民初0号",  # 编号从 1 开始（第十条）
        "（0999）豫0222民初1号",  # 年度不合理
        "（2025）豫0222ABC1号",  # 类型代字须为汉字
        "（2025）豫0222民初民初民初1号",  # 代字过长
        "（2025）豫0222民初1187号（补）",
    ],
)
def test_invalid(text):
    """不符合案号规定 第二条格式的文本应报错，且消息为中文。"""
    with pytest.raises(InvalidCaseNumber) as exc:
        parse_case_number(text)
    assert "案号" in str(exc.value) or "代字" in str(exc.value) or "编号" in str(exc.value) or "年度" in str(exc.value)


def test_invalid_is_value_error():
    assert issubclass(InvalidCaseNumber, ValueError)
    with pytest.raises(ValueError):
        parse_case_number(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "args",
    [
        (25, "豫0222", "民初", 1),
        (2025, "豫022", "民初", 1),
        (2025, "XX", "民初", 1),
        (2025, "豫0222", "", 1),
        (2025, "豫0222", "民初", 0),
        (2025, "豫0222", "民初", -3),
        (2025, "豫0222", "民初", True),
        (2025, "豫0222", "民初一二三", 1),
    ],
)
def test_format_rejects_bad_parts(args):
    """案号规定 第二条至第十条：各要素格式。"""
    with pytest.raises(InvalidCaseNumber):
        format_case_number(*args)


def test_format_rejects_unknown_special_code():
    """专门审判代字只接受已知代字（⚠ 2018 年代字表未核实，目前仅“知”）。"""
    with pytest.raises(InvalidCaseNumber, match="专门审判代字"):
        format_case_number(2025, "京73", "民初", 1, special_code="海")


# ---- issue 9 §1.9：对照法院代字表、级别、刑核编号、规范形式 ----------------------------

from xiezhi.law.casenumber import check_case_number  # noqa: E402

COURTS = {"豫0222": "通许县人民法院", "豫02": "河南省开封市中级人民法院", "豫": "河南省高级人民法院"}
TYPES = {"民初": "民事一审案件", "民终": "民事二审案件", "执复": "执行复议案件", "刑核": "刑事复核案件",
         "民特": "特别程序案件"}


@pytest.mark.parametrize("text, valid, error", [
    ("（2025）豫0222民初1187号", True, None),
    ("(2025)豫0222民初1187号", True, None),  # 半角括号可以识别，规范形式为全角
    ("（2025）豫0299民初1187号", False, "不在公布的法院代字表中"),  # 案号规定 第十二条：以公布的代码为准
    ("（2025）豫0222民终12号", False, "基层人民法院不办理“民终”"),
    ("（2025）豫0222执复3号", False, "基层人民法院不办理“执复”"),
    ("（2025）豫0222刑核12345678号", False, "基层人民法院不办理“刑核”"),
    ("（2025）豫02民终12号", True, None),
    ("（2025）豫刑核1234567号", False, "8 位数字"),  # 案号规定 第十条第二款
    ("（2025）豫刑核01234567号", True, None),
    ("（2025）豫0222民初0012号", False, "前导零"),  # 案号规定 第十条：自然数，一种写法
    ("（2025）豫0222民初0号", False, "从 1 开始"),
    ("（2025）豫0222民XX1号", False, "格式不正确"),
    ("（2025）豫0222民再1号", False, "不在类型代字表中"),
    ("（2099）豫0222民初1号", False, "收案年度"),
])
def test_check_case_number_against_court_list(text, valid, error):
    """案号规定 第四条至第七条、第十条、第十二条：法院代字须在公布的代字表中，类型代字须为该级法院
    能办理的，刑核编号为 8 位，编号没有前导零。"""
    result = check_case_number(text, COURTS, TYPES, current_year=2025)
    assert result.valid is valid, result.errors
    if error:
        assert any(error in e for e in result.errors), result.errors


def test_check_case_number_gives_canonical_form_and_names():
    """案号规定 第二条、第三条：全角括号、无前导零的规范案号。"""
    r = check_case_number("(2025)豫0222民初0012号", COURTS, TYPES, current_year=2025)
    assert r.canonical == "（2025）豫0222民初12号"
    assert (r.court_name, r.type_name, r.serial) == ("通许县人民法院", "民事一审案件", "12")
