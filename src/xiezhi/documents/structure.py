"""The parts of a judicial document that only the judge can write (裁判文书的“法官撰写部分”).

The 2016 forms (《民事诉讼文书样式》《民事裁判文书制作规范》, 法〔2016〕221号) fix the order of a
judgment, ruling or mediation document: title block, parties, the procedure sentence (审理经过), then
the claims, the defence, the evidence and facts found, the reasoning (本院认为), the legal basis, the
operative part (主文), the fee burden and the effect sentence. Everything the case already knows
(title block, parties, procedure sentence, fee figure, effect sentence, signers) is filled from the
case; this module names the sections between, which the editor (documents.drafts) lets the judge
write and the templates (documents.build_templates) print.

The contract between the editor and the templates:

- a draft holds, per section code, the judge's text: a TEXT section is a list of paragraphs, an
  ITEMS section (主文) a list of items without their numbering, a CITATIONS section a list of
  citations already formatted by xiezhi.law.citations (《中华人民共和国民事诉讼法》第六十七条),
  FEE_BURDEN the words after "由" (被告崔明负担 / 原告黄强负担500元，被告崔明负担2800元);
- documents.services.generate(…, sections=…, variant=…) passes that dict to
  documents.context.build_context(…, sections=…, variant=…), which numbers the 主文 items, joins the
  citations and turns an empty required section into the marker `【待填写：<section title>】`;
- a draft with such a marker is never signed off, sealed or served, and the refusal names the
  section (documents.services._refuse_gaps reads the titles back out of the marker).
"""
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

TEXT, ITEMS, CITATIONS, FEE_BURDEN = "text", "items", "citations", "fee_burden"

#: the marker an empty section prints; the title after the colon names it in the refusal
GAP_PREFIX = "【待填写"


def gap(title) -> str:
    return f"{GAP_PREFIX}：{title}】"


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    guidance: str
    form: str = TEXT
    required: bool = True


CLAIMS = Section("claims", _("诉讼请求"), _("原告的诉讼请求，逐项写明（1．……；2．……）。"))
CLAIM_FACTS = Section("claim_facts", _("事实和理由"), _("原告主张的事实和理由，概括写明。"))
DEFENCE = Section("defence", _("被告答辩"), _("被告的答辩意见（“××辩称，……”）；未答辩的写明“未作答辩”。第三人的意见写“述称”。"))
EVIDENCE_FACTS = Section("evidence_facts", _("证据和事实认定"),
                         _("当事人举证、质证情况，对有争议的证据和事实的认定，以及本院认定的事实。"))
REASONING = Section("reasoning", _("本院认为"), _("围绕争议焦点，根据认定的事实和法律，说明裁判理由。"))
LEGAL_BASIS = Section("legal_basis", _("法律依据"),
                      _("从法条目录中选择：先实体法后程序法，写明法律全称和条、款、项。"), CITATIONS)
DECISION = Section("decision", _("裁判主文"), _("每项一段，内容明确、具体、可执行；给付金钱的写明数额和履行期限。"), ITEMS)
FEE_BURDEN_SECTION = Section("fee_burden", _("诉讼费用负担"), _("写明由谁负担及数额（“被告崔明负担”）。"), FEE_BURDEN)

# 民事裁定书: what was applied for or raised, the court's view, the basis and the ruling
RULING_REQUEST = Section("claims", _("申请或起诉事项"), _("起诉、申请或者异议的内容及理由。"))
RULING_REASONING = Section("reasoning", _("本院经审查认为"), _("审查认定的事实和裁定理由。"))
RULING_DECISION = Section("decision", _("裁定主文"), _("每项一段。"), ITEMS)
RULING_FEE = Section("fee_burden", _("诉讼费用负担"), _("需要写明诉讼费用负担的裁定（驳回起诉、准许撤诉等）写明由谁负担；其他裁定可不写。"),
                     FEE_BURDEN, required=False)

# 民事调解书: 民事诉讼法 第一百条第一款 — 调解书应当写明诉讼请求、案件的事实和调解结果
MEDIATION_FACTS = Section("evidence_facts", _("案件事实"), _("经审理查明的案件事实（民事诉讼法第一百条）。"))
AGREEMENT = Section("decision", _("调解协议"), _("当事人自愿达成的协议内容，每项一段。"), ITEMS)
MEDIATION_FEE = Section("fee_burden", _("诉讼费用负担"), _("协议已约定诉讼费用负担的可不写。"), FEE_BURDEN, required=False)

# 刑事判决书 (刑事诉讼文书样式): 公诉机关指控, 被告人的辩解和辩护人的意见, 经审理查明, 本院认为, 依据, 判决
CHARGE = Section("claims", _("公诉机关指控"), _("起诉书指控的犯罪事实、罪名和量刑建议。"))
CRIMINAL_DEFENCE = Section("defence", _("辩解和辩护意见"), _("被告人的供述、辩解和辩护人的辩护意见。"))
CRIMINAL_FACTS = Section("evidence_facts", _("经审理查明"), _("经审理查明的事实和据以定案的证据。"))
CRIMINAL_DECISION = Section("decision", _("判决主文"), _("罪名、刑罚（含刑期起止）和财物处理，每项一段。"), ITEMS)

# 行政判决书: 被诉行政行为, 原告诉称, 被告辩称, 经审理查明, 本院认为, 依据, 判决, 诉讼费用
ADMIN_CLAIMS = Section("claims", _("原告诉称"), _("被诉行政行为和原告的诉讼请求、理由。"))
ADMIN_DEFENCE = Section("defence", _("被告辩称"), _("被告的答辩意见和作出行政行为的证据、依据。"))

# 执行裁定书 (《人民法院执行文书样式》2016): what was applied for or objected to, how enforcement went (the
# searches and their results), the court's view, the basis and the ruling; no fee, no appeal
ENF_REQUEST = Section("claims", _("申请或者异议事项"),
                      _("申请执行人的申请、异议人的异议请求和理由；依职权作出的裁定可不写。"), required=False)
ENF_FACTS = Section("evidence_facts", _("执行情况和查明的事实"),
                    _("执行依据、已采取的执行措施和结果（查询、冻结、查封、拍卖、到位款项），执行异议写明审查查明的事实。"))
ENF_REASONING = Section("reasoning", _("本院认为"), _("裁定的理由：执行措施的依据，或者异议成立与否的理由。"))

STRUCTURES: dict[str, tuple[Section, ...]] = {
    "judgment": (CLAIMS, CLAIM_FACTS, DEFENCE, EVIDENCE_FACTS, REASONING, LEGAL_BASIS, DECISION, FEE_BURDEN_SECTION),
    "ruling": (RULING_REQUEST, RULING_REASONING, LEGAL_BASIS, RULING_DECISION, RULING_FEE),
    "mediation": (CLAIMS, CLAIM_FACTS, MEDIATION_FACTS, AGREEMENT, MEDIATION_FEE),
    "criminal_judgment": (CHARGE, CRIMINAL_DEFENCE, CRIMINAL_FACTS, REASONING, LEGAL_BASIS, CRIMINAL_DECISION),
    "admin_judgment": (ADMIN_CLAIMS, ADMIN_DEFENCE, EVIDENCE_FACTS, REASONING, LEGAL_BASIS, DECISION,
                       FEE_BURDEN_SECTION),
    "enf_ruling": (ENF_REQUEST, ENF_FACTS, ENF_REASONING, LEGAL_BASIS, RULING_DECISION),
}


@dataclass(frozen=True)
class RulingType:
    """民事裁定书 by its kind (民事诉讼法 第一百五十七条第一款). `appealable`: 不予受理、对管辖权有异议的、
    驳回起诉的裁定可以上诉 (第一百五十七条第二款), within 10 days (第一百七十一条第二款); `review`:
    保全裁定 may be reconsidered once within 5 days (第一百一十一条); the rest take effect when served."""

    code: str
    title: str
    appealable: bool = False
    review: bool = False


RULING_TYPES: dict[str, RulingType] = {r.code: r for r in [
    RulingType("not_accepted", _("不予受理"), appealable=True),
    RulingType("dismissal", _("驳回起诉"), appealable=True),
    RulingType("jurisdiction", _("管辖权异议"), appealable=True),
    RulingType("withdrawal", _("准许撤诉")),
    RulingType("preservation", _("保全"), review=True),
    RulingType("suspension", _("中止诉讼")),
    RulingType("transfer", _("移送管辖")),
    # 司法确认 (民事诉讼法 第二百零六条): no appeal; effective when served (xiezhi.confirmation)
    RulingType("confirm_agreement", _("确认调解协议效力")),
    RulingType("reject_confirmation", _("驳回司法确认申请")),
]}
#: the 司法确认 variants: the ruling of a 民特 / 诉前调确 case
CONFIRMATION_VARIANTS = frozenset({"confirm_agreement", "reject_confirmation"})

#: 执行裁定书 by its kind. `review`: the 执行异议 ruling may be reconsidered by the court one level up within
#: 10 days (民事诉讼法 第二百三十六条); `case_types`: the cases it is made in (执行实施 执 / 执恢 / 执保, or 执异).
ENF_RULING_TYPES: dict[str, RulingType] = {r.code: r for r in [
    RulingType("control", _("冻结、扣划、查封")),
    RulingType("auction", _("拍卖")),
    RulingType("zhongben", _("终结本次执行程序")),
    RulingType("termination", _("终结执行")),
    RulingType("no_enforcement", _("不予执行")),
    RulingType("objection_upheld", _("执行异议（异议成立）"), review=True),
    RulingType("objection_dismissed", _("执行异议（驳回异议）"), review=True),
]}
#: the 执异 variants: made in an enforcement-objection case, by the judges who try it
OBJECTION_VARIANTS = frozenset({"objection_upheld", "objection_dismissed"})

#: which kinds take a variant, and the variants offered
VARIANTS: dict[str, dict] = {"ruling": RULING_TYPES, "enf_ruling": ENF_RULING_TYPES}


def sections_for(kind: str) -> tuple[Section, ...]:
    return STRUCTURES.get(kind, ())


def is_structured(kind: str) -> bool:
    """A kind the judge writes in the editor (裁判文书); notices are filled from the case alone."""
    return kind in STRUCTURES
