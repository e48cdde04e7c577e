"""送达：各种送达方式的送达日期，以及哪些文书可以电子送达。

依据（条文序号依 2023 年修正的《中华人民共和国民事诉讼法》）：

- 民事诉讼法 第八十七条：送达回证上的签收日期为送达日期。
- 民事诉讼法 第八十八条：直接送达，受送达人（或同住成年家属、收件人、诉讼代理人、代收人）
  在送达回证上签收的日期为送达日期。
- 民事诉讼法 第八十九条：留置送达，把诉讼文书留在受送达人的住所（见证人或拍照录像），即视为送达；
  《最高人民法院关于严格执行案件审理期限制度的若干规定》第十条：留置送达的，以留置之日为送达日期。
  民诉解释 第一百三十三条：调解书应当直接送达当事人本人，不适用留置送达。
- 民事诉讼法 第九十条：经受送达人同意，可以采用能够确认其收悉的电子方式送达；以送达信息到达
  受送达人特定系统的日期为送达日期。判决书、裁定书、调解书也可电子送达，受送达人要求纸质文书的应当提供。
  民诉解释 第一百三十五条第二款：到达日期为法院系统显示发送成功的日期，受送达人证明到达日期不同的除外。
  民诉解释 第一百三十六条：同意电子送达的，应当在送达地址确认书中确认。
- 《人民法院在线诉讼规则》第三十一条：向受送达人主动提供或者确认的电子地址送达的，送达信息到达
  电子地址所在系统时即为送达（第一款）；未提供或者未确认的，受送达人回复收悉或系统反馈已阅知的，
  推定完成送达（第二款）；同一内容多种电子方式送达的，以最先完成的有效送达时间为准（第四款）。
- 民事诉讼法 第九十一条：邮寄送达，以回执上注明的收件日期为送达日期。
- 《最高人民法院关于以法院专递方式邮寄送达民事诉讼文书的若干规定》（法院专递规定）第十一条：因受送达人
  自己提供或者确认的送达地址不准确、拒不提供送达地址、送达地址变更未及时告知人民法院、受送达人本人或者
  其指定的代收人拒绝签收，导致诉讼文书未能被受送达人实际接收的，文书退回之日视为送达之日；受送达人能够
  证明自己没有过错的除外。
- 民事诉讼法 第二百八十三条第一款第（八）项：向在中华人民共和国领域内没有住所的当事人邮寄送达，自邮寄之日
  起满三个月，送达回证没有退回，但根据各种情况足以认定已经送达的，期间届满之日视为送达。
- 民事诉讼法 第九十五条：公告送达，自发出公告之日起经过三十日即视为送达；第二百八十三条第二款：
  在中华人民共和国领域内没有住所的当事人，经过六十日即视为送达。民诉解释 第一百三十八条：发出公告
  日期以最后张贴或者刊登的日期为准；第一百四十条：适用简易程序的案件不适用公告送达。
- 《最高人民法院关于人民法院通过互联网公开审判流程信息的规定》第十四条：经受送达人书面同意，
  可以通过平台向其专用邮箱送达判决书、裁定书、调解书以外的诉讼文书。2021 年修正后的民事诉讼法
  第九十条已允许经同意电子送达判决书、裁定书、调解书；本模块要求送达地址确认书对这三类文书另有明示同意。

本模块不依赖 Django。
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .periods import StatutoryCalendar, WorkCalendar, period_end_detail

__all__ = [
    "ELECTRONIC_METHODS",
    "JUDGMENT_KINDS",
    "METHODS",
    "PUBLIC_NOTICE_DAYS",
    "PUBLIC_NOTICE_DAYS_ABROAD",
    "POSTAL_ABROAD_MONTHS",
    "RETURN_REASONS",
    "ServiceError",
    "ServiceDate",
    "earliest_service",
    "electronic_allowed",
    "public_notice_served_on",
    "service_date",
]


class ServiceError(ValueError):
    """送达规则不允许（中文消息）。"""


#: 送达方式 → (中文名称, 依据)
METHODS: dict[str, tuple[str, str]] = {
    "portal": ("诉讼服务平台电子送达", "民事诉讼法 第九十条；在线诉讼规则 第二十九条、第三十一条"),
    "sms": ("短信电子送达", "民事诉讼法 第九十条；民诉解释 第一百三十五条；在线诉讼规则 第三十一条"),
    "email": ("电子邮件送达", "民事诉讼法 第九十条；民诉解释 第一百三十五条；在线诉讼规则 第三十一条"),
    "direct": ("直接送达", "民事诉讼法 第八十七条、第八十八条"),
    "left": ("留置送达", "民事诉讼法 第八十九条；审限规定 第十条"),
    "postal": ("邮寄送达", "民事诉讼法 第九十一条"),
    "public_notice": ("公告送达", "民事诉讼法 第九十五条、第二百八十三条；民诉解释 第一百三十八条"),
}
ELECTRONIC_METHODS = frozenset({"portal", "sms", "email"})

#: 判决书、裁定书、调解书：电子送达须在送达地址确认书中另行明示同意（民事诉讼法 第九十条第一款；
#: 流程公开规定 第十四条）。
JUDGMENT_KINDS = frozenset({"judgment", "ruling", "mediation"})

#: 公告期间（民事诉讼法 第九十五条；第二百八十三条第二款）
PUBLIC_NOTICE_DAYS = 30
PUBLIC_NOTICE_DAYS_ABROAD = 60

#: 向境外邮寄送达，送达回证未退回的，自邮寄之日起满三个月视为送达（民事诉讼法 第二百八十三条第一款第（八）项）
POSTAL_ABROAD_MONTHS = 3

#: 邮件被退回的原因 → 中文。前两种依法院专递规定 第十一条视为送达（退回之日）；其他原因不发生送达。
RETURN_REASONS: dict[str, tuple[str, bool]] = {
    "wrong_address": ("受送达人提供或确认的送达地址不准确", True),
    "refused": ("受送达人或其指定的代收人拒绝签收", True),
    "moved_unreported": ("送达地址变更未及时告知法院", True),
    "other": ("其他原因（如查无此人且地址未经确认）", False),
}


@dataclass(frozen=True)
class ServiceDate:
    """送达日期及其依据。``on`` 为 None 表示尚未发生法律上的送达（例如未确认的地址尚未阅知）。"""

    on: date | None
    basis: str


def _day(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def public_notice_served_on(published_on: date, *, abroad: bool = False,
                            calendar: WorkCalendar | None = None) -> date:
    """公告送达视为送达之日：自发出公告之日起经过三十日（境外当事人六十日）。

    依据：民事诉讼法 第九十五条第一款、第二百八十三条第二款；发出公告日期以最后张贴或刊登的
    日期为准（民诉解释 第一百三十八条）；期间开始的日不计算在内（民事诉讼法 第八十五条第二款）。
    例：2025-03-03 发出公告，2025-04-02 视为送达。

    公告期间和其他期间一样，届满日为法定休假日的顺延至其后第一个工作日（民事诉讼法 第八十五条第三款）。
    ``calendar`` 为 None 时按《全国年节及纪念日放假办法》的节日和周末暂定（:class:`StatutoryCalendar`）。
    """
    return public_notice_detail(published_on, abroad=abroad, calendar=calendar).end


def public_notice_detail(published_on: date, *, abroad: bool = False, calendar: WorkCalendar | None = None):
    """同 :func:`public_notice_served_on`，返回 :class:`~xiezhi.law.periods.PeriodResult`（含 ``provisional``）。"""
    days = PUBLIC_NOTICE_DAYS_ABROAD if abroad else PUBLIC_NOTICE_DAYS
    return period_end_detail(published_on, days=days, calendar=calendar or StatutoryCalendar())


def postal_abroad_served_on(posted_on: date, *, calendar: WorkCalendar | None = None):
    """向境外当事人邮寄送达、送达回证没有退回的，自邮寄之日起满三个月，期间届满之日视为送达。

    依据：民事诉讼法 第二百八十三条第一款第（八）项；期间计算依第八十五条（届满日遇休假日顺延）。
    例：2025-01-10 交邮，2025-04-10 视为送达。返回 :class:`~xiezhi.law.periods.PeriodResult`。
    """
    return period_end_detail(posted_on, months=POSTAL_ABROAD_MONTHS, calendar=calendar or StatutoryCalendar())


def returned_post_served_on(returned_on: date, reason: str, *, address_confirmed: bool = True) -> ServiceDate:
    """邮件被退回：地址由受送达人提供或确认而不准确、拒收的，退回之日视为送达之日。

    依据：法院专递规定 第十一条第一款；民诉解释 第一百三十七条（当事人拒绝提供自己的送达地址，经人民法院
    告知后仍不提供的，自然人以其户籍登记的住所为送达地址……）。地址未经受送达人提供或确认的，或退回原因为
    其他的，不发生送达（``on`` 为 None），应当另行送达。
    """
    if reason not in RETURN_REASONS:
        raise ServiceError("请选择邮件退回的原因")
    label, deemed = RETURN_REASONS[reason]
    if not isinstance(returned_on, date):
        raise ServiceError("请填写邮件退回的日期")
    if not deemed or not address_confirmed:
        return ServiceDate(None, f"法院专递规定 第十一条（{label}，且地址{'已' if address_confirmed else '未经'}"
                                 "受送达人确认：不视为送达，应另行送达）")
    return ServiceDate(_day(returned_on), f"法院专递规定 第十一条（{label}，文书退回之日视为送达之日）")


def service_date(method: str, *, signed_on: date | None = None, left_on: date | None = None,
                 receipt_on: date | None = None, arrived_at: date | datetime | None = None,
                 address_confirmed: bool = True, read_at: date | datetime | None = None,
                 published_on: date | None = None, abroad: bool = False,
                 calendar: WorkCalendar | None = None) -> ServiceDate:
    """按送达方式确定法律上的送达日期。

    - ``direct``：受送达人在送达回证上的签收日期（民事诉讼法 第八十七条第二款、第八十八条第二款）；
    - ``left``：留置之日（民事诉讼法 第八十九条；审限规定 第十条）；
    - ``postal``：回执上注明的收件日期（民事诉讼法 第九十一条）；
    - ``portal``/``sms``/``email``：向受送达人提供或确认的电子地址送达的，送达信息到达其系统之日
      （民事诉讼法 第九十条第二款；民诉解释 第一百三十五条第二款；在线诉讼规则 第三十一条第一款）；
      地址未经确认的，以系统反馈已阅知之日推定送达，未阅知的尚未送达（在线诉讼规则 第三十一条第二款）；
    - ``public_notice``：发出公告之日起经过三十日（境外六十日）（民事诉讼法 第九十五条、第二百八十三条）。
    """
    if method not in METHODS:
        raise ServiceError(f"未知的送达方式：{method}")
    basis = METHODS[method][1]
    if method == "direct":
        if signed_on is None:
            raise ServiceError("直接送达须记明受送达人在送达回证上的签收日期")
        return ServiceDate(_day(signed_on), "民事诉讼法 第八十七条第二款、第八十八条第二款（送达回证上的签收日期）")
    if method == "left":
        if left_on is None:
            raise ServiceError("留置送达须记明留置日期")
        return ServiceDate(_day(left_on), "民事诉讼法 第八十九条；审限规定 第十条（以留置之日为送达日期）")
    if method == "postal":
        if receipt_on is None:
            raise ServiceError("邮寄送达须记明回执上注明的收件日期")
        return ServiceDate(_day(receipt_on), "民事诉讼法 第九十一条（回执上注明的收件日期）")
    if method == "public_notice":
        if published_on is None:
            raise ServiceError("公告送达须记明发出公告的日期")
        days = PUBLIC_NOTICE_DAYS_ABROAD if abroad else PUBLIC_NOTICE_DAYS
        art = "第二百八十三条第二款" if abroad else "第九十五条第一款"
        return ServiceDate(public_notice_served_on(published_on, abroad=abroad, calendar=calendar),
                           f"民事诉讼法 {art}（自发出公告之日起经过{days}日视为送达）；民诉解释 第一百三十八条")
    # electronic
    if address_confirmed:
        if arrived_at is None:
            return ServiceDate(None, basis)
        return ServiceDate(_day(arrived_at), "民事诉讼法 第九十条第二款；民诉解释 第一百三十五条第二款；"
                                             "在线诉讼规则 第三十一条第一款（送达信息到达受送达人特定系统的日期）")
    if read_at is None:
        return ServiceDate(None, "在线诉讼规则 第三十一条第二款（未确认的电子地址，须受送达人阅知或回复收悉）")
    return ServiceDate(_day(read_at), "在线诉讼规则 第三十一条第二款（系统反馈受送达人已阅知，推定送达）")


def earliest_service(dates) -> date | None:
    """同一文书以多种方式送达同一受送达人的，以最先完成的有效送达为准。

    依据：在线诉讼规则 第三十一条第四款（多种电子方式）；其他方式同理取最早的法律送达日期。
    """
    valid = [d for d in dates if d is not None]
    return min(valid) if valid else None


def electronic_allowed(document_kind: str, *, consent: bool, judgment_consent: bool = False,
                       address_confirmed: bool = True, portal_identified: bool = False,
                       method: str = "portal") -> None:
    """检查能否以电子方式送达该文书；不能时抛出 :class:`ServiceError`（中文理由）。

    - 电子送达须经受送达人同意（民事诉讼法 第九十条第一款），同意应在送达地址确认书中确认
      （民诉解释 第一百三十六条）；
    - 判决书、裁定书、调解书须另行明示同意（民事诉讼法 第九十条第一款；流程公开规定 第十四条）；
    - 只能向受送达人提供或确认的电子地址送达（在线诉讼规则 第三十一条第一款）。例外：受送达人
      经实名认证的诉讼服务平台账户属于“能够确认为受送达人本人的电子地址”，可以送达，但须阅知后
      才推定送达（在线诉讼规则 第三十一条第二款）；这种情形不得送达判决书、裁定书、调解书。
    """
    if method not in ELECTRONIC_METHODS:
        raise ServiceError(f"{METHODS.get(method, (method,))[0]}不是电子送达方式（民事诉讼法 第九十条）")
    label = METHODS[method][0]
    if address_confirmed:
        if not consent:
            raise ServiceError("受送达人未在送达地址确认书中同意电子送达，不能采用" + label
                               + "（民事诉讼法 第九十条第一款；民诉解释 第一百三十六条）")
        if document_kind in JUDGMENT_KINDS and not judgment_consent:
            raise ServiceError("受送达人未同意以电子方式接收判决书、裁定书、调解书，请采用其他方式送达"
                               "（民事诉讼法 第九十条第一款；流程公开规定 第十四条）")
        return
    if method == "portal" and portal_identified:
        if document_kind in JUDGMENT_KINDS:
            raise ServiceError("受送达人未确认电子送达地址，判决书、裁定书、调解书不能通过诉讼服务平台送达"
                               "（民事诉讼法 第九十条第一款）")
        return
    raise ServiceError("受送达人未确认该电子送达地址，不能采用" + label
                       + "；请先记录送达地址确认书（在线诉讼规则 第三十一条；民诉解释 第一百三十六条）")


def check_method_allowed(method: str, document_kind: str, *, summary_procedure: bool = False) -> None:
    """送达方式本身的限制：调解书不适用留置送达（民诉解释 第一百三十三条）；
    适用简易程序的案件不适用公告送达（民诉解释 第一百四十条）。"""
    if method not in METHODS:
        raise ServiceError(f"未知的送达方式：{method}")
    if method == "left" and document_kind == "mediation":
        raise ServiceError("调解书应当直接送达当事人本人，不适用留置送达（民诉解释 第一百三十三条）")
    if method == "public_notice" and summary_procedure:
        raise ServiceError("适用简易程序的案件不适用公告送达（民诉解释 第一百四十条）")


__all__ += ["check_method_allowed", "postal_abroad_served_on", "public_notice_detail", "returned_post_served_on"]
