"""居民身份证号码（GB 11643-1999）与统一社会信用代码（GB 32100-2015）校验；成年判断（民法典 第十七条）。"""

from datetime import date

import pytest

from xiezhi.law.identity import (
    IdentityError,
    birth_date_from_resident_id,
    is_minor_on,
    resident_id_check_char,
    uscc_check_char,
    validate_resident_id,
    validate_uscc,
)


def make_id(address: str, birth: date, seq: str) -> str:
    """按 GB 11643-1999 第 5 章 ISO 7064 MOD 11-2 生成带校验码的号码。"""
    body = f"{address}{birth:%Y%m%d}{seq}"
    return body + resident_id_check_char(body)


def make_uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


@pytest.mark.parametrize(
    "number",
    [
        "11010519491231002X",  # GB 11643-1999 标准示例
        "11010519491231002x",  # 小写 x 视同 X
        " 11010519491231002X ",
        "440524188001010014",  # 常见公开示例（1880 年出生）
        make_id("410222", date(1990, 2, 28), "123"),
        make_id("410222", date(2000, 2, 29), "001"),  # 闰日
        make_id("110101", date(2007, 12, 31), "456"),
    ],
)
def test_valid_resident_ids(number):
    """GB 11643-1999：18 位结构、出生日期码有效、MOD 11-2 校验码正确。"""
    assert validate_resident_id(number)


@pytest.mark.parametrize(
    "number",
    [
        "110105194912310021",  # 校验码错
        "11010519491231002",  # 17 位
        "1101051949123100211",  # 19 位
        "11010519491331002X",  # 13 月
        "010105194912310021",  # 地址码首位不能为 0
        "11010519490230" + "002" + resident_id_check_char("11010519490230002"),  # 2 月 30 日，校验码正确
        "11010517990101" + "002" + resident_id_check_char("11010517990101002"),  # 1799 年不合理
        "11010519491231002Y",
        "",
        "ABCDEFGHIJKLMNOPQR",
    ],
)
def test_invalid_resident_ids(number):
    assert not validate_resident_id(number)


def test_non_string_is_invalid():
    assert not validate_resident_id(None)  # type: ignore[arg-type]


def test_every_single_digit_typo_detected():
    """MOD 11-2 能检出任一位的单个数字错误（GB 11643-1999 第 5 章）。"""
    good = "11010519491231002X"
    for i in range(17):
        for digit in "0123456789":
            if digit == good[i]:
                continue
            typo = good[:i] + digit + good[i + 1 :]
            assert not validate_resident_id(typo), typo


def test_birth_date():
    """GB 11643-1999 第 4.2 条：第 7–14 位为出生日期码。"""
    assert birth_date_from_resident_id("11010519491231002X") == date(1949, 12, 31)
    with pytest.raises(IdentityError, match="校验码"):
        birth_date_from_resident_id("110105194912310021")
    with pytest.raises(IdentityError):
        birth_date_from_resident_id("abc")


@pytest.mark.parametrize(
    "birth, day, minor, minor_if_birthday_counts",
    [
        (date(2007, 6, 15), date(2025, 6, 14), True, True),
        (date(2007, 6, 15), date(2025, 6, 15), True, False),  # 第十八个生日当天（⚠ 两种口径）
        (date(2007, 6, 15), date(2025, 6, 16), False, False),  # 生日次日起为成年人
        (date(2008, 2, 29), date(2026, 2, 28), True, False),  # 非闰年以 2 月 28 日为生日
        (date(2008, 2, 29), date(2026, 3, 1), False, False),
        (date(1990, 1, 1), date(2025, 1, 1), False, False),
        (date(2020, 1, 1), date(2025, 1, 1), True, True),
    ],
)
def test_is_minor_on(birth, day, minor, minor_if_birthday_counts):
    """民法典 第十七条：十八周岁以上为成年人；周岁届满次日起算（见模块说明）。"""
    number = make_id("410222", birth, "011")
    assert is_minor_on(number, day) is minor
    assert is_minor_on(number, day, adult_from_birthday=True) is minor_if_birthday_counts


def test_is_minor_on_invalid_id():
    with pytest.raises(IdentityError):
        is_minor_on("110105194912310021", date(2025, 1, 1))


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",  # 常见公开示例
        "91350100m000100y43",  # 小写视同大写
        make_uscc("91410222MA9XXXXXX"),
        make_uscc("12100000400000396"),  # 事业单位（机构类别 1、2）
        make_uscc("52110000500000000"),  # 社会组织
        make_uscc("92410222MA40000000"[:17]),  # 个体工商户
        make_uscc("Y1110000000000000"),  # 其他登记管理部门
    ],
)
def test_valid_uscc(code):
    """GB 32100-2015 第 5 章：加权模 31 校验码。"""
    assert validate_uscc(code)


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y44",  # 校验码错
        "91350100M000100Y4",  # 17 位
        "91350100M000100I43",  # 含字母 I（字符集不含 I、O、Z、S、V）
        "913501O0M000100Y43",  # 行政区划码须为数字
        "",
        None,
    ],
)
def test_invalid_uscc(code):
    assert not validate_uscc(code)


def test_uscc_check_char_rejects_bad_input():
    with pytest.raises(IdentityError):
        uscc_check_char("short")
    with pytest.raises(IdentityError):
        resident_id_check_char("12345")


# ---- issue 9 §1.9 ------------------------------------------------------------------

from datetime import date as _d  # noqa: E402

from xiezhi.law.identity import (  # noqa: E402
    organisation_code_check_char,
    resident_id_check_char,
    resident_id_details,
    uscc_check_char,
    uscc_errors,
    validate_resident_id,
)


def _rid(body17: str) -> str:
    return body17 + resident_id_check_char(body17)


def test_resident_id_with_future_birth_date_is_invalid():
    """GB 11643-1999 第 4.2 条：出生日期码是公民出生的年月日——晚于今天的不可能是真实号码。"""
    future = _rid("11010520300101001")
    assert not validate_resident_id(future, today=_d(2025, 1, 1))
    born_today = _rid("11010520250101001")
    assert validate_resident_id(born_today, today=_d(2025, 1, 1))
    birth, sex, errors = resident_id_details(future, today=_d(2025, 1, 1))
    assert birth is None and errors and "晚于今天" in errors[0]


def test_resident_id_details_sex_from_17th_digit():
    """GB 11643-1999 第 4.3 条：顺序码奇数分配给男性，偶数分配给女性。"""
    assert resident_id_details(_rid("11010519800101001"), today=_d(2025, 1, 1))[:2] == (_d(1980, 1, 1), "男")
    assert resident_id_details(_rid("11010519800101002"), today=_d(2025, 1, 1))[:2] == (_d(1980, 1, 1), "女")


def _uscc(body: str) -> str:
    return body + uscc_check_char(body)


def test_uscc_strict_mode_checks_embedded_organisation_code():
    """GB 32100-2015 第 4.4 条：第 9–17 位为组织机构代码，其校验码按 GB 11714-1997 计算；严格模式下核对。"""
    org = "79965505"
    good = _uscc("91330100" + org + organisation_code_check_char(org))
    bad_char = "0" if organisation_code_check_char(org) != "0" else "1"
    bad = _uscc("91330100" + org + bad_char)
    assert uscc_errors(good, strict=True) == []
    assert uscc_errors(bad) == []  # 默认（非严格）只核对整体校验码
    assert any("组织机构代码" in e for e in uscc_errors(bad, strict=True))


@pytest.mark.parametrize("first8, check", [("D2143569", "X"), ("12345678", "8")])
def test_organisation_code_check_char(first8, check):
    """GB 11714-1997 第 5 章：C9 = 11 − (Σ Ci×Wi mod 11)，10 记为 X，11 记为 0。"""
    assert organisation_code_check_char(first8) == check
