"""The judicial documents the judge writes (判决书、裁定书、调解书; 《民事诉讼文书样式》2016, 《民事裁判文书
制作规范》法〔2016〕221号; 刑事、行政 by their own 样式): built as .docx templates.

The order is the form's: title block, the parties (each with its agents under it), the procedure sentence
(审理经过), the judge's sections (documents.structure, filled by documents.context.judicial_context),
the legal basis and 主文 (one paragraph per item), the 迟延履行 warning, the fee sentence, the effect or
appeal sentence, then the signers of the trial organisation, the date in Chinese numerals, （院印）,
本件与原本核对无异 and the 书记员. The form's fixed wording stays in the template, so a court can adjust
it in Word within the structure; what depends on the case comes from the context."""
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .layout import loop, new, p

RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


def _lines(doc, var):
    """One paragraph per element of a list variable."""
    loop(doc, f"{{%p for t in {var} %}}", ["{{ t }}"])


def _parties(doc):
    loop(doc, "{%p for l in party_lines %}", ["{{ l }}"])


def _sections(doc, *codes):
    for code in codes:
        _lines(doc, f"sec.{code}")


def _decision(doc, verb):
    p(doc, "依照{{ citations }}规定，" + verb + "如下：")
    _lines(doc, "decision_items")


def _late_performance(doc):
    """民事诉讼法 第二百六十四条: printed when a 主文 item orders the payment of money."""
    p(doc, "{%p if pays_money %}", indent=False)
    p(doc, "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条规定，"
           "加倍支付迟延履行期间的债务利息。")
    p(doc, "{%p endif %}", indent=False)


def _fee(doc):
    """案件受理费×元（简易程序、调解、撤诉：减半收取计×元），由……负担 (交费办法 第十五条、第十六条)."""
    p(doc, "{%p if fee_burden %}", indent=False)
    p(doc, "案件受理费{{ fee_full }}元，{% if fee_halved %}减半收取计{{ fee_charged }}元，{% endif %}由{{ fee_burden }}负担。")
    p(doc, "{%p endif %}", indent=False)


def _signature(doc):
    """The trial organisation formed signs (审判长、审判员、人民陪审员, or 审判员 alone), then the date in
    Chinese numerals with （院印） over it, 本件与原本核对无异 and the 书记员 (2016 样式 落款)."""
    p(doc, "")
    p(doc, "{%p for m in signers %}", indent=False)
    p(doc, "{{ m.role }}　　{{ m.name }}", RIGHT)
    p(doc, "{%p endfor %}", indent=False)
    p(doc, "")
    p(doc, "{{ sign_date_cn }}", RIGHT)
    p(doc, "（院印）", RIGHT)
    p(doc, "本件与原本核对无异")
    p(doc, "书记员　　{{ clerk }}", RIGHT)


def judgment():
    """民事判决书（第一审普通程序用／简易程序用／小额诉讼程序用）: the procedure, the 迟延履行 warning, the
    fee halving and the effect sentence follow the case's procedure."""
    doc = new("民事判决书")
    _parties(doc)
    p(doc, "{{ procedure_sentence }}")
    _sections(doc, "claims", "claim_facts", "defence", "evidence_facts", "reasoning")
    _decision(doc, "判决")
    _late_performance(doc)
    _fee(doc)
    _lines(doc, "effect")
    _signature(doc)
    return doc


def ruling():
    """民事裁定书 by its kind (不予受理、驳回起诉、管辖权异议、准许撤诉、保全、中止诉讼、移送管辖)."""
    doc = new("民事裁定书")
    _parties(doc)
    p(doc, "{{ procedure_sentence }}")
    _sections(doc, "claims", "reasoning")
    _decision(doc, "裁定")
    _fee(doc)
    _lines(doc, "effect")
    _signature(doc)
    return doc


def mediation():
    """民事调解书: claims, the facts (民事诉讼法 第一百条), the agreement one item a paragraph, the fee,
    the court's confirmation and the effect on signature."""
    doc = new("民事调解书")
    _parties(doc)
    p(doc, "{{ procedure_sentence }}")
    _sections(doc, "claims", "claim_facts", "evidence_facts")
    p(doc, "本案审理过程中，经本院主持调解，当事人自愿达成如下协议：")
    _lines(doc, "decision_items")
    _fee(doc)
    p(doc, "上述协议，不违反法律规定，本院予以确认。")
    _lines(doc, "effect")
    _signature(doc)
    return doc


def criminal_judgment():
    """刑事判决书（一审公诉案件适用普通程序用）: 公诉机关, 被告人 and 辩护人; no fee; 10 days to appeal."""
    doc = new("刑事判决书")
    _parties(doc)
    p(doc, "{{ procedure_sentence }}")
    _sections(doc, "claims", "defence", "evidence_facts", "reasoning")
    _decision(doc, "判决")
    _lines(doc, "effect")
    _signature(doc)
    return doc


def admin_judgment():
    """行政判决书（一审）: 原告诉称, 被告辩称, facts, reasoning, basis, 主文, fee, 15 days to appeal."""
    doc = new("行政判决书")
    _parties(doc)
    p(doc, "{{ procedure_sentence }}")
    _sections(doc, "claims", "defence", "evidence_facts", "reasoning")
    _decision(doc, "判决")
    _fee(doc)
    _lines(doc, "effect")
    _signature(doc)
    return doc


BUILDERS = {
    "judgment": judgment,
    "ruling": ruling,
    "mediation": mediation,
    "criminal_judgment": criminal_judgment,
    "admin_judgment": admin_judgment,
}

#: what an uploaded template of each kind must keep (template_check.check_structure): the title block,
#: the parties, the procedure sentence, the judge's sections, 主文, the effect sentence and the 落款
#: (signers, date, （院印）, 本件与原本核对无异, 书记员) — the court may reword around them, not drop them.
_TAIL = ("effect", "signers", "{{ sign_date_cn }}", "（院印）", "本件与原本核对无异", "{{ clerk }}")
_HEAD = ("{{ court_name }}", "{{ case_number }}", "party_lines", "{{ procedure_sentence }}")
REQUIRED: dict[str, tuple[str, ...]] = {
    "judgment": _HEAD + ("民事判决书", "sec.claims", "sec.evidence_facts", "sec.reasoning", "{{ citations }}",
                         "decision_items", "pays_money", "fee_burden") + _TAIL,
    "ruling": _HEAD + ("民事裁定书", "sec.reasoning", "{{ citations }}", "decision_items") + _TAIL,
    "mediation": _HEAD + ("民事调解书", "sec.claims", "sec.evidence_facts", "decision_items") + _TAIL,
    "criminal_judgment": _HEAD + ("刑事判决书", "sec.claims", "sec.evidence_facts", "sec.reasoning", "{{ citations }}",
                                  "decision_items") + _TAIL,
    "admin_judgment": _HEAD + ("行政判决书", "sec.claims", "sec.evidence_facts", "sec.reasoning", "{{ citations }}",
                               "decision_items", "fee_burden") + _TAIL,
}
