"""案号（case numbers）的格式化与解析。

依据：《关于人民法院案件案号的若干规定》（法〔2015〕137号，2016-01-01 施行；
经法〔2018〕335号修改，以下简称“案号规定”）及其配套标准。

结构（案号规定 第一条至第三条）::

    （收案年度）+ 法院代字 + [专门审判代字] + 类型代字 + 案件编号 + 号

例如 ``（2025）豫0222民初1187号``。

- 收案年度：4 位阿拉伯数字，置于括号内；输出一律使用全角括号“（ ）”。
- 法院代字：高级法院为省级简称（第四条），中级法院为简称加 2 位数字，
  基层法院为简称加 4 位数字（第五条）；最高人民法院为“最高法”。
- 专门审判代字：2018 年修改后增设，目前已知的只有“知”（⚠ 2018 年代字表未核实，
  故可识别的代字集中放在 :data:`SPECIAL_CODES`）。
- 类型代字：由类型代字表确定（第七条）。SPC 后续通知增加了 4 字代字（如“诉前调确”），
  所以本模块允许 1 至 4 个汉字。
- 案件编号：同一法院、同一年度、同一专门审判代字和类型代字内，按收案先后从 1 起编
  （第十条第一款）。

本模块不做法院代字、类型代字是否“真实存在”的判断——那需要代字表数据；
:func:`parse_case_number` 可以接收类型代字集合 ``type_codes`` 用来校验并正确拆分“知”。
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, NamedTuple

__all__ = [
    "CaseNumber",
    "InvalidCaseNumber",
    "PROVINCE_CODES",
    "SPECIAL_CODES",
    "CASE_NUMBER_PATTERN",
    "CaseNumberCheck",
    "NOT_FOR_BASIC_COURTS",
    "check_case_number",
    "court_level",
    "format_case_number",
    "parse_case_number",
]

#: 高级人民法院代字（案号规定 第四条）：省级行政区简称，另有“内”（内蒙古）、
#: “兵”（新疆生产建设兵团分院）、“军”（解放军军事法院）。注意是“云”不是“滇”，
#: “川”不是“蜀”，“甘”不是“陇”。
PROVINCE_CODES = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新兵军"

#: 可识别的专门审判代字（案号规定 2018 年修改）。⚠ 只收录已知的“知”；
#: 代字表核实后在此增补。
SPECIAL_CODES = frozenset({"知"})

_COURT = rf"(?:最高法|[{PROVINCE_CODES}](?:\d{{4}}|\d{{2}})?)"

#: 解析用正则（领域文档 §1.4 的写法，已在匹配前把半角括号、全角数字规范化）。
#: 分组：年度、法院代字、代字部分（专门审判代字 + 类型代字，1–5 个汉字）、编号。
CASE_NUMBER_PATTERN = re.compile(
    rf"^[（(](\d{{4}})[）)]({_COURT})([\u4e00-\u9fa5]{{1,5}}?)(\d+)号$"
)

_COURT_CODE_RE = re.compile(rf"^{_COURT}$")
_TYPE_CODE_RE = re.compile(r"^[\u4e00-\u9fa5]{1,4}$")


class InvalidCaseNumber(ValueError):
    """案号不符合案号规定的格式，或者与给定的类型代字表不符。"""


class CaseNumber(NamedTuple):
    """解析后的案号各要素（案号规定 第二条）。"""

    year: int
    court_code: str
    special_code: str  # '' 或 '知'
    type_code: str
    serial: int

    def format(self) -> str:
        """按案号规定 第二条、第三条输出规范案号（全角括号）。"""
        return format_case_number(
            self.year, self.court_code, self.type_code, self.serial, self.special_code
        )


def _check_parts(year: int, court_code: str, type_code: str, serial: int, special_code: str) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999:
        raise InvalidCaseNumber(f"收案年度应为 4 位数字年份，收到：{year!r}")
    if not isinstance(court_code, str) or not _COURT_CODE_RE.match(court_code):
        raise InvalidCaseNumber(
            f"法院代字不正确：{court_code!r}（应为“最高法”，或省级简称，"
            "或省级简称加 2 位/4 位数字，例如“豫”“豫02”“豫0222”）"
        )
    if special_code and special_code not in SPECIAL_CODES:
        raise InvalidCaseNumber(
            f"不认识的专门审判代字：{special_code!r}（目前可用：{'、'.join(sorted(SPECIAL_CODES))}）"
        )
    if not isinstance(type_code, str) or not _TYPE_CODE_RE.match(type_code):
        raise InvalidCaseNumber(f"类型代字应为 1 至 4 个汉字，收到：{type_code!r}")
    if isinstance(serial, bool) or not isinstance(serial, int) or serial < 1:
        raise InvalidCaseNumber(f"案件编号应为从 1 开始的自然数，收到：{serial!r}")


def format_case_number(
    year: int, court_code: str, type_code: str, serial: int, special_code: str = ""
) -> str:
    """生成规范案号，例如 ``（2025）豫0222民初1187号``。

    依据：案号规定 第一条至第三条（案号构成，使用全角括号）；第十条（编号为自然数）。

    :raises InvalidCaseNumber: 任一要素不符合格式。
    """
    special_code = special_code or ""
    _check_parts(year, court_code, type_code, serial, special_code)
    return f"（{year}）{court_code}{special_code}{type_code}{serial}号"


def _normalise(text: str) -> str:
    # NFKC 把全角数字、全角括号转成半角；汉字不受影响。
    return unicodedata.normalize("NFKC", text).strip()


def parse_case_number(text: str, type_codes: Iterable[str] | None = None) -> CaseNumber:
    """解析案号文本。

    依据：案号规定 第一条至第三条、第九条、第十条；解析正则见领域文档 §1.4。

    - 接受全角或半角括号、全角数字，忽略首尾空白。
    - 未给 ``type_codes`` 时：代字部分以“知”开头且不止一个字的，拆为专门审判代字“知”
      加类型代字（与 §1.4 正则中贪婪的 ``(知)?`` 一致）。
    - 给了 ``type_codes`` 时：代字部分本身是已知类型代字的，不拆；否则只有在去掉开头的
      “知”后剩下的部分是已知类型代字时，才拆出专门审判代字“知”；两者都不是则报错。
      （§1.4 指出，单靠非贪婪量词无法区分“知”与以“知”开头的类型代字。）

    :raises InvalidCaseNumber: 格式不符，或类型代字不在 ``type_codes`` 中。
    """
    if not isinstance(text, str):
        raise InvalidCaseNumber(f"案号应为文本，收到：{type(text).__name__}")
    original = text
    m = CASE_NUMBER_PATTERN.match(_normalise(text))
    if not m:
        raise InvalidCaseNumber(
            f"案号格式不正确：{original.strip()!r}。"
            "应为“（年度）法院代字类型代字编号号”，例如“（2025）豫0222民初1187号”"
        )
    year_s, court_code, codes, serial_s = m.groups()
    special = ""
    if type_codes is None:
        if codes[0] in SPECIAL_CODES and len(codes) > 1:
            special, type_code = codes[0], codes[1:]
        else:
            type_code = codes
    else:
        known = {c for c in type_codes}
        if codes in known:
            type_code = codes
        elif codes[0] in SPECIAL_CODES and codes[1:] in known:
            special, type_code = codes[0], codes[1:]
        else:
            raise InvalidCaseNumber(f"案号中的类型代字“{codes}”不在类型代字表中：{original.strip()!r}")
    result = CaseNumber(int(year_s), court_code, special, type_code, int(serial_s))
    try:
        _check_parts(result.year, court_code, type_code, result.serial, special)
    except InvalidCaseNumber as exc:
        raise InvalidCaseNumber(f"{exc}（案号：{original.strip()!r}）") from None
    return result


# ---------------------------------------------------------------------------
# 校验：法院代字表、级别、刑核编号、规范形式
# ---------------------------------------------------------------------------

#: 基层人民法院不能使用的类型代字：二审（“终”）、执行复议（执复，上一级法院审查，民事诉讼法
#: 第二百三十六条）、刑事复核（刑核，死刑复核等由最高人民法院、高级人民法院办理）等。
#: ⚠ 清单以领域文档 §1.3 为准，新代字由数据补充。
NOT_FOR_BASIC_COURTS = frozenset({
    "民终", "刑终", "行终", "民辖终", "行辖终", "刑辖终", "行赔终", "执复", "刑核", "司惩复", "民特监", "民督监",
})
#: 只有最高人民法院、高级人民法院办理的类型代字。
HIGH_ONLY = frozenset({"刑核"})
#: 编号为 8 位随机数的类型代字（案号规定 第十条第二款：刑事复核案件）。
EIGHT_DIGIT_SERIAL = frozenset({"刑核"})


def court_level(court_code: str) -> str:
    """法院级别由代字结构决定（案号规定 第四条、第五条）：“最高法”、省级简称（high）、
    简称加 2 位数字（intermediate）、简称加 4 位数字（basic）。"""
    if court_code == "最高法":
        return "supreme"
    digits = sum(ch.isdigit() for ch in court_code)
    return {0: "high", 2: "intermediate", 4: "basic"}.get(digits, "unknown")


class CaseNumberCheck(NamedTuple):
    """:func:`check_case_number` 的结果：``valid`` 为 True 时 ``errors`` 为空。"""

    valid: bool
    year: int | None
    court_code: str
    court_name: str
    special_code: str
    type_code: str
    type_name: str
    serial: str
    canonical: str
    errors: tuple[str, ...]


def check_case_number(
    text: str,
    courts: "dict[str, str] | None" = None,
    type_codes: "dict[str, str] | None" = None,
    *,
    current_year: int | None = None,
) -> CaseNumberCheck:
    """校验案号，给出所有问题（中文）而不是只报第一个。

    依据：案号规定 第一条至第三条（结构）、第四条至第六条及第十二条（法院代字以最高人民法院公布的
    法院代码为准——``courts`` 为 {法院代字: 法院名称}，由调用方从公布的法院代字表取得，本函数不查库）、
    第七条（类型代字——``type_codes`` 为 {类型代字: 类型名称}）、第九条、第十条（编号从 1 起的自然数，
    不写前导零；刑事复核案件为 8 位随机数）。

    - 法院级别不能办理的类型代字（基层法院的 民终、执复、刑核 等）为错误；
    - 编号有前导零的为错误，``canonical`` 给出规范写法；
    - 收案年度晚于 ``current_year`` 的为错误。
    """
    errors: list[str] = []
    empty = CaseNumberCheck(False, None, "", "", "", "", "", "", "", ())
    if not isinstance(text, str) or not text.strip():
        return empty._replace(errors=("请填写案号",))
    if len(text) > 60:
        return empty._replace(errors=("案号过长",))
    m = CASE_NUMBER_PATTERN.match(_normalise(text))
    if not m:
        return empty._replace(errors=(
            "案号格式不正确，应为“（年度）法院代字类型代字编号号”，例如“（2025）豫0222民初1187号”",))
    year_s, court_code, codes, serial_s = m.groups()
    special, type_code = "", codes
    known = type_codes or {}
    if known:
        if codes not in known and codes[0] in SPECIAL_CODES and codes[1:] in known:
            special, type_code = codes[0], codes[1:]
        elif codes not in known:
            errors.append(f"类型代字“{codes}”不在类型代字表中")
    elif codes[0] in SPECIAL_CODES and len(codes) > 1:
        special, type_code = codes[0], codes[1:]
    year = int(year_s)
    if year < 1949 or (current_year is not None and year > current_year):
        errors.append(f"收案年度 {year} 不合理")
    court_name = ""
    if courts is not None:
        court_name = courts.get(court_code, "")
        if not court_name:
            errors.append(f"法院代字“{court_code}”不在公布的法院代字表中")
    level = court_level(court_code)
    if level == "basic" and type_code in NOT_FOR_BASIC_COURTS:
        errors.append(f"基层人民法院不办理“{type_code}”案件")
    elif level == "intermediate" and type_code in HIGH_ONLY:
        errors.append(f"中级人民法院不办理“{type_code}”案件")
    if type_code in EIGHT_DIGIT_SERIAL:
        if len(serial_s) != 8:
            errors.append(f"“{type_code}”案件的编号应为 8 位数字（案号规定 第十条第二款），收到 {len(serial_s)} 位")
        serial_text = serial_s
    else:
        serial_text = str(int(serial_s))
        if int(serial_s) < 1:
            errors.append("案件编号应从 1 开始")
        elif serial_text != serial_s:
            errors.append(f"案件编号不得有前导零，规范写法为“{serial_text}”")
    canonical = f"（{year}）{court_code}{special}{type_code}{serial_text}号"
    return CaseNumberCheck(
        valid=not errors, year=year, court_code=court_code, court_name=court_name, special_code=special,
        type_code=type_code, type_name=known.get(type_code, ""), serial=serial_text, canonical=canonical,
        errors=tuple(errors),
    )
