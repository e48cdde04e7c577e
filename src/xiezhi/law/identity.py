"""居民身份证号码与统一社会信用代码的校验。

依据：

- GB 11643-1999《公民身份号码》：18 位 = 6 位地址码 + 8 位出生日期码（YYYYMMDD）
  + 3 位顺序码 + 1 位校验码；校验码按 ISO 7064:1983 MOD 11-2 计算，值为 10 时用“X”。
- GB 32100-2015《法人和其他组织统一社会信用代码编码规则》：18 位 = 1 位登记管理部门代码
  + 1 位机构类别代码 + 6 位登记管理机关行政区划码 + 9 位主体标识码（组织机构代码）
  + 1 位校验码；字符集为 0–9 和除 I、O、Z、S、V 外的大写字母（共 31 个），
  校验码按 GB 32100-2015 第 5 章的加权模 31 算法计算。
- 民法典 第十七条：十八周岁以上的自然人为成年人。周岁按公历计算，到第十八个生日
  （没有对应日的取月末日，民法典 第二百零二条）届满，次日起为成年人
  （与《最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释》第二条
  “从周岁生日的第二天起算”一致）。⚠ 民事领域是否同样以次日起算未见明文，
  :func:`is_minor_on` 以参数 ``adult_from_birthday`` 提供另一种口径。
"""

from __future__ import annotations

import re
from datetime import date

from .periods import add_months

__all__ = [
    "IdentityError",
    "birth_date_from_resident_id",
    "is_minor_on",
    "organisation_code_check_char",
    "resident_id_details",
    "resident_id_check_char",
    "uscc_check_char",
    "validate_resident_id",
    "uscc_errors",
    "validate_uscc",
]


class IdentityError(ValueError):
    """证件号码无效（中文消息）。"""


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^[1-9]\d{16}[\dX]$")

#: 身份证号码最早的出生年份（GB 11643 出生日期码为 4 位公历年份；1800 年以前不合理）。
_MIN_BIRTH_YEAR = 1800


def resident_id_check_char(first17: str) -> str:
    """按 ISO 7064 MOD 11-2 计算身份证号码第 18 位校验码（GB 11643-1999 第 5 章）。"""
    if not re.fullmatch(r"\d{17}", first17 or ""):
        raise IdentityError("计算校验码需要 17 位数字本体码")
    total = sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


def _normalise_id(s: str) -> str:
    if not isinstance(s, str):
        raise IdentityError("身份证号码应为文本")
    return s.strip().upper()


def _birth_date(s: str, today: date | None = None) -> date:
    try:
        d = date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        raise IdentityError(f"身份证号码中的出生日期 {s[6:14]} 不是有效日期") from None
    if d.year < _MIN_BIRTH_YEAR:
        raise IdentityError(f"身份证号码中的出生年份 {d.year} 不合理")
    if d > (today or date.today()):
        raise IdentityError(f"身份证号码中的出生日期 {d.isoformat()} 晚于今天")
    return d


def _check_resident_id(s: str, today: date | None = None) -> str:
    s = _normalise_id(s)
    if not _ID_RE.match(s):
        raise IdentityError("身份证号码应为 18 位：前 17 位为数字，最后一位为数字或 X")
    _birth_date(s, today)
    expected = resident_id_check_char(s[:17])
    if s[17] != expected:
        raise IdentityError("身份证号码校验码不正确，请核对是否输错")
    return s


def validate_resident_id(s: str, today: date | None = None) -> bool:
    """校验 18 位公民身份号码：格式、出生日期有效且不晚于今天（``today``，默认当天）、MOD 11-2 校验码正确。

    依据：GB 11643-1999 第 4 章（结构）、第 5 章（校验码）。末位小写 x 视同 X，首尾空白忽略。
    不校验地址码是否为现行行政区划（区划会调整，旧号码继续有效）。
    """
    try:
        _check_resident_id(s, today)
    except IdentityError:
        return False
    return True


def birth_date_from_resident_id(s: str) -> date:
    """从身份证号码取出生日期（GB 11643-1999 第 4.2 条，第 7–14 位）。

    :raises IdentityError: 号码无效。
    """
    return _birth_date(_check_resident_id(s))


def is_minor_on(resident_id: str, day: date, *, adult_from_birthday: bool = False) -> bool:
    """在 ``day`` 这一天是否为未成年人（未满十八周岁）。

    依据：民法典 第十七条（十八周岁以上为成年人）；周岁的计算见模块说明。默认第十八个生日
    当天仍为未成年人、次日起为成年人；``adult_from_birthday=True`` 时生日当天即为成年人（⚠）。
    2 月 29 日出生的，非闰年以 2 月 28 日为生日（民法典 第二百零二条）。

    :raises IdentityError: 号码无效。
    """
    birth = birth_date_from_resident_id(resident_id)
    eighteenth = add_months(birth, 18 * 12)
    if adult_from_birthday:
        return day < eighteenth
    return day <= eighteenth


# ---------------------------------------------------------------------------
# 统一社会信用代码
# ---------------------------------------------------------------------------

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {ch: i for i, ch in enumerate(_USCC_CHARS)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_USCC_RE = re.compile(rf"^[{_USCC_CHARS}]{{2}}\d{{6}}[{_USCC_CHARS}]{{10}}$")


def uscc_check_char(first17: str) -> str:
    """按 GB 32100-2015 计算统一社会信用代码第 18 位校验码：C18 = 31 − (Σ Ci×Wi mod 31)，31 记为 0。"""
    first17 = (first17 or "").upper()
    if len(first17) != 17 or any(ch not in _USCC_VALUE for ch in first17):
        raise IdentityError("计算校验码需要 17 位有效字符（数字及除 I、O、Z、S、V 外的大写字母）")
    total = sum(_USCC_VALUE[ch] * w for ch, w in zip(first17, _USCC_WEIGHTS))
    return _USCC_CHARS[(31 - total % 31) % 31]


_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_RE = re.compile(r"^[0-9A-Z]{8}[0-9X]$")


def organisation_code_check_char(first8: str) -> str:
    """组织机构代码第 9 位校验码（GB 11714-1997 第 5 章）：C9 = 11 − (Σ Ci×Wi mod 11)，
    权数 3、7、9、10、5、8、4、2；数字取其值，字母 A–Z 取 10–35；结果 10 记为 X，11 记为 0。"""
    first8 = (first8 or "").upper()
    if not re.fullmatch(r"[0-9A-Z]{8}", first8):
        raise IdentityError("组织机构代码本体应为 8 位数字或大写字母")
    total = sum((int(ch) if ch.isdigit() else ord(ch) - 55) * w for ch, w in zip(first8, _ORG_WEIGHTS))
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_errors(s: str, *, strict: bool = False) -> list[str]:
    """统一社会信用代码的问题清单（中文）；空清单表示有效。

    依据：GB 32100-2015 第 4 章（结构）、第 5 章（校验码）。``strict``（本院设置）为 True 时还核对
    第 9–17 位的主体标识码：它是组织机构代码（GB 32100-2015 第 4.4 条），其第 9 位校验码按
    GB 11714-1997 计算。个体工商户等没有组织机构代码的主体，该段可能不满足该规则——因此这是一项
    法院可以打开的设置，默认关闭。
    """
    if not isinstance(s, str) or not s.strip():
        return ["请填写统一社会信用代码"]
    s = s.strip().upper()
    if not _USCC_RE.match(s):
        return ["统一社会信用代码应为 18 位：数字及除 I、O、Z、S、V 外的大写字母，第 3–8 位为行政区划码"]
    errors = []
    if uscc_check_char(s[:17]) != s[17]:
        errors.append("统一社会信用代码校验码不正确，请核对是否输错")
    if strict:
        org = s[8:17]
        if not _ORG_RE.match(org) or organisation_code_check_char(org[:8]) != org[8]:
            errors.append("统一社会信用代码中的组织机构代码（第 9–17 位）校验码不正确")
    return errors


def resident_id_details(s: str, today: date | None = None) -> tuple[date | None, str, list[str]]:
    """``(出生日期, 性别, 问题清单)``：性别由第 17 位（顺序码末位）奇数为男、偶数为女（GB 11643-1999
    第 4.3 条）；号码无效时出生日期为 None、性别为空。"""
    try:
        n = _check_resident_id(s, today)
    except IdentityError as exc:
        return None, "", [str(exc)]
    return _birth_date(n, today), ("男" if int(n[16]) % 2 else "女"), []


def validate_uscc(s: str, strict: bool = False) -> bool:
    """校验 18 位统一社会信用代码：字符集、第 3–8 位为数字（行政区划码）、校验码正确。

    依据：GB 32100-2015 第 4 章（代码结构）、第 5 章（校验码）。小写字母视同大写，首尾空白忽略。
    不校验登记管理部门代码、机构类别代码是否在现行代码表中（代码表会扩充）。
    """
    return not uscc_errors(s, strict=strict)
