"""结案日期。

依据：

- 民诉解释 第二百四十三条：审理期限自立案之日起计算，至裁判宣告、调解书送达之日止。
- 《最高人民法院关于严格执行案件审理期限制度的若干规定》（审限规定）第十条：人民法院判决书宣判、裁定书
  宣告或者调解书送达最后一名当事人的日期为结案时间。留置送达的，以裁判文书留在受送达人的住所日为结案时间；
  公告送达的，以公告刊登之日为结案时间；邮寄送达的，以交邮日期为结案时间；通过有关单位转交送达的，以送达
  回证上当事人签收的日期为结案时间。

所以结案日期从事实推出，不是点击“结案”的那一天。本模块不依赖 Django。
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["PRONOUNCED_METHODS", "SERVED_METHODS", "ClosingDateError", "MediationService", "closing_date"]

#: 以宣判（宣告）之日结案的结案方式：判决、裁定（含驳回起诉、准予撤诉的裁定）
PRONOUNCED_METHODS = frozenset({"judgment", "ruling", "dismissal", "withdrawal"})
#: 以调解书送达最后一名当事人之日结案
SERVED_METHODS = frozenset({"mediation"})


class ClosingDateError(ValueError):
    """无法从事实确定结案日期（中文消息）。"""


@dataclass(frozen=True)
class MediationService:
    """调解书向一名当事人的送达。``method`` 为送达方式（direct/left/postal/public_notice/portal/sms/email/unit）。"""

    method: str
    served_on: date | None = None  # 签收、留置、到达之日
    posted_on: date | None = None  # 邮寄送达的交邮日期
    published_on: date | None = None  # 公告送达的公告刊登之日


def _closing_day(s: MediationService) -> date | None:
    """审限规定 第十条：邮寄以交邮日期、公告以刊登之日、其他以签收（留置）之日为准。"""
    if s.method == "postal":
        return s.posted_on
    if s.method == "public_notice":
        return s.published_on
    return s.served_on


def closing_date(method: str, *, pronounced_on: date | None = None,
                 mediation_services: list[MediationService] | None = None,
                 parties: int | None = None) -> tuple[date, str]:
    """结案日期及其依据。

    - 判决、裁定（含驳回起诉、准予撤诉）：宣判（宣告）之日（民诉解释 第二百四十三条；审限规定 第十条）；
    - 调解：调解书送达最后一名当事人之日；邮寄送达以交邮日期、公告送达以公告刊登之日为准（审限规定 第十条）。
      ``parties`` 给出时，须每名当事人都已送达。

    :raises ClosingDateError: 事实不足以确定结案日期（例如尚未宣判，或调解书尚未送达全部当事人）。
    """
    if method in PRONOUNCED_METHODS:
        if pronounced_on is None:
            raise ClosingDateError("尚未记录宣判（宣告）日期，不能确定结案日期（民诉解释 第二百四十三条；审限规定 第十条）")
        return pronounced_on, "民诉解释 第二百四十三条；审限规定 第十条（以判决书宣判、裁定书宣告之日为结案时间）"
    if method in SERVED_METHODS:
        services = list(mediation_services or [])
        days = [_closing_day(s) for s in services]
        if not services or any(d is None for d in days) or (parties is not None and len(services) < parties):
            raise ClosingDateError("调解书尚未送达全部当事人，不能确定结案日期（审限规定 第十条）")
        return max(days), ("审限规定 第十条（调解书送达最后一名当事人之日为结案时间；邮寄以交邮日期、"
                           "公告以刊登之日为准）；民诉解释 第二百四十三条")
    raise ClosingDateError("该结案方式没有可推定的结案日期，请填写结案日期")
