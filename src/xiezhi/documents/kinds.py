"""The documents the court generates (诉讼文书样式, 最高人民法院《民事诉讼文书样式》2016)."""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    code: str
    title: str
    paper_kind: str          # catalogue hint for xiezhi.cases.signals.paper_added
    served: bool = True      # the document is served on the parties (送达)
    recipient_roles: tuple = ()  # whom it is addressed to by default
    final: bool = False      # 裁判文书: sealed only as the final text, after 签发 (services.sign_off)
    filing_stage: bool = False  # a notice of the filing stage, which the 立案法官 may issue (民事诉讼法 第一百二十八条)
    case_kind: str = ""      # a 裁判文书 of one procedure law only (Procedure.case_kind): civil, criminal, administrative
    case_types: tuple = ()   # only on cases of these types (CaseType.type_code): the enforcement forms


KINDS: dict[str, Kind] = {k.code: k for k in [
    Kind("acceptance_notice", _("受理案件通知书"), "notice", recipient_roles=("plaintiff", "applicant"),
         filing_stage=True),
    Kind("response_notice", _("应诉通知书"), "notice", recipient_roles=("defendant", "respondent"),
         filing_stage=True),
    Kind("evidence_notice", _("举证通知书"), "notice", filing_stage=True),
    Kind("summons", _("传票"), "summons"),
    Kind("panel_notice", _("合议庭组成人员通知书"), "notice"),
    Kind("service_receipt", _("送达回证"), "receipt", served=False),
    Kind("judgment", _("民事判决书"), "judgment", final=True, case_kind="civil"),
    Kind("ruling", _("民事裁定书"), "ruling", final=True, case_kind="civil"),
    Kind("mediation", _("民事调解书"), "mediation", final=True, case_kind="civil"),
    # issue 10: the rest of the 2016 forms a basic court sends in a first-instance case
    Kind("fee_notice", _("交纳诉讼费用通知书"), "notice", recipient_roles=("plaintiff", "applicant"),
         filing_stage=True),
    Kind("rights_notice", _("诉讼权利义务告知书"), "notice", filing_stage=True),
    Kind("small_claims_notice", _("小额诉讼程序告知书"), "notice", filing_stage=True),
    Kind("appearance_notice", _("出庭通知书"), "notice"),
    Kind("criminal_judgment", _("刑事判决书"), "judgment", final=True, case_kind="criminal"),
    Kind("admin_judgment", _("行政判决书"), "judgment", final=True, case_kind="administrative"),
    # issue 11: the enforcement forms (《人民法院执行文书样式》2016), on enforcement cases only
    Kind("enf_notice", _("执行通知书"), "notice", recipient_roles=("judgment_debtor",), case_types=("执", "执恢", "执保")),
    Kind("property_report_order", _("报告财产令"), "notice", recipient_roles=("judgment_debtor",),
         case_types=("执", "执恢", "执保")),
    Kind("consumption_order", _("限制消费令"), "notice", recipient_roles=("judgment_debtor",),
         case_types=("执", "执恢", "执保")),
    Kind("dishonest_decision", _("失信决定书"), "notice", recipient_roles=("judgment_debtor",),
         case_types=("执", "执恢", "执保")),
    Kind("enf_ruling", _("执行裁定书"), "ruling", final=True, case_types=("执", "执恢", "执保", "执异")),
    # to a bank or registry, not to a party: it leaves the court as an electronic order, not by 送达
    Kind("assist_notice", _("协助执行通知书"), "notice", served=False, case_types=("执", "执恢", "执保")),
]}

#: the case types of enforcement implementation (执行实施); 执异 / 执复 are enforcement-review cases
ENFORCEMENT_TYPES = ("执", "执恢", "执保")
ENFORCEMENT_KINDS = frozenset(k.code for k in KINDS.values() if k.case_types)
FILING_STAGE_KINDS = frozenset(k.code for k in KINDS.values() if k.filing_stage)
CHOICES = [(k.code, k.title) for k in KINDS.values()]
