"""限制消费 and 执行信息公开: the measures of a consumption-restriction order, the persons it
extends to, the review period of a correction request to the dishonest list, and how an ID number
is shown in public. Pure functions; the enforcement app calls them (domain §6.1, §6.2, §9.1)."""
from __future__ import annotations

from datetime import date, timedelta

#: 限制消费规定（法释〔2015〕17号）第三条第一款：被限制消费的被执行人不得实施的九项高消费及非生活和工作必需的消费行为
CONSUMPTION_MEASURES = {
    1: "乘坐交通工具时，选择飞机、列车软卧、轮船二等以上舱位",
    2: "在星级以上宾馆、酒店、夜总会、高尔夫球场等场所进行高消费",
    3: "购买不动产或者新建、扩建、高档装修房屋",
    4: "租赁高档写字楼、宾馆、公寓等场所办公",
    5: "购买非经营必需车辆",
    6: "旅游、度假",
    7: "子女就读高收费私立学校",
    8: "支付高额保费购买保险理财产品",
    9: "乘坐G字头动车组列车全部座位、其他动车组列车一等以上座位等其他非生活和工作必需的消费行为",
}
#: 限制消费规定 第三条第二款：被执行人为单位的，限制消费及于这四类人员
EXTENDED_PERSONS = {
    "legal_representative": "法定代表人",
    "principal": "主要负责人",
    "responsible": "影响债务履行的直接责任人员",
    "controller": "实际控制人",
}
RESTRICTION_BASIS = "限制消费规定 第一条、第三条"
EXTENSION_BASIS = "限制消费规定 第三条第二款（被执行人为单位的，对其法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人限制消费）"
#: 失信规定 第十二条：收到书面纠正申请之日起十五日内审查
CORRECTION_REVIEW_DAYS = 15
#: 失信规定 第十二条：理由成立的，三个工作日内纠正
CORRECTION_WORKING_DAYS = 3


class CreditError(ValueError):
    """Input a credit rule cannot be applied to; the message is a Chinese sentence."""


def clean_measures(measures) -> list[int]:
    """限制消费令载明的措施编号（第三条第一款第一项至第九项），去重排序；未选择的视为全部九项
    （第三条：被限制消费的被执行人“不得有以下高消费及非生活和工作必需的消费行为”，法律规定的是全部九项）。"""
    if not measures:
        return sorted(CONSUMPTION_MEASURES)
    try:
        items = sorted({int(m) for m in measures})
    except (TypeError, ValueError):
        raise CreditError("限制消费措施应为限制消费规定第三条第一款第一项至第九项的编号") from None
    if any(m not in CONSUMPTION_MEASURES for m in items):
        raise CreditError("限制消费措施应为限制消费规定第三条第一款第一项至第九项的编号")
    return items


def correction_due(filed_on: date) -> date:
    """审查纠正申请的最后一日：收到书面纠正申请之日起十五日。

    依据：失信规定 第十二条（公民、法人或其他组织认为将其纳入失信被执行人名单错误的，可以向执行法院申请纠正；
    人民法院应当自收到书面纠正申请之日起十五日内审查）；民事诉讼法 第八十五条第二款（收到之日不计入）。
    """
    if not isinstance(filed_on, date):
        raise CreditError("收到纠正申请的日期应为日期")
    return filed_on + timedelta(days=CORRECTION_REVIEW_DAYS)


def _is_resident_id(text: str) -> bool:
    return (len(text) == 18 and text[:17].isdigit() and (text[17].isdigit() or text[17] in "Xx")) or (
        len(text) == 15 and text.isdigit())


def mask_id_number(id_number: str, natural_person: bool) -> str:
    """公开的证件号码，同中国执行信息公开网的显示方式：自然人的居民身份证号码隐去出生月日
    （18 位：前 10 位、****、后 4 位，如 4101021985****1234；15 位：前 8 位、****、后 3 位）；
    其他自然人证件只显示首末各 2 位；单位的统一社会信用代码或组织机构代码全文公开（失信规定 第六条
    第一项、第二项公布被执行人的名称、统一社会信用代码或组织机构代码，自然人的身份证号码公布时依
    个人信息保护法 第二十八条作去标识化处理）。空号码返回空字符串。"""
    text = (id_number or "").strip().replace(" ", "")
    if not text:
        return ""
    if not natural_person:
        return text.upper()
    if _is_resident_id(text):
        if len(text) == 18:
            return text[:10] + "****" + text[14:].upper()
        return text[:8] + "****" + text[12:]
    if len(text) <= 4:
        return "*" * len(text)
    return text[:2] + "*" * (len(text) - 4) + text[-2:]


def normalise_id(id_number: str) -> str:
    """The form an ID number or credit code is compared in: no spaces, upper case (the check
    letter X of a resident ID, the letters of a credit code)."""
    return (id_number or "").strip().replace(" ", "").upper()
