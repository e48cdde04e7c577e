"""The judicial documents the judge writes (判决书、裁定书、调解书; 《民事诉讼文书样式》2016): built as .docx templates.
The judge's sections (documents.structure) come from the editor."""
from .layout import footer, loop, new, p, parties


def _judgment_like(title, decision_heading, decision_placeholder, signers=True):
    doc = new(title)
    parties(doc)
    p(doc, "{{ opening }}")
    p(doc, "{{ plaintiffs_names }}向本院提出诉讼请求：{{ claims }}事实和理由：{{ facts }}")
    p(doc, "本案审理经过：", indent=False)
    loop(doc, "{%p for e in history %}", ["{{ e.date_cn }}，{{ e.label }}{% if e.summary %}（{{ e.summary }}）{% endif %}。"])
    p(doc, "{{ findings }}")
    p(doc, decision_heading)
    p(doc, decision_placeholder)
    p(doc, "案件受理费{{ fee_figures }}元（{{ fee_capitals_rmb }}），由{{ fee_bearer }}负担。")
    p(doc, "{{ closing }}")
    footer(doc, signers=signers)
    return doc


def judgment():
    return _judgment_like("民事判决书", "依照{{ legal_basis }}的规定，判决如下：", "{{ decision }}")


def ruling():
    return _judgment_like("民事裁定书", "依照{{ legal_basis }}的规定，裁定如下：", "{{ decision }}")


def mediation():
    doc = new("民事调解书")
    parties(doc)
    p(doc, "案由：{{ cause }}。", indent=False)
    p(doc, "{{ plaintiffs_names }}向本院提出诉讼请求：{{ claims }}")
    p(doc, "本案审理过程中，经本院主持调解，当事人自愿达成如下协议：")
    p(doc, "{{ decision }}")
    p(doc, "案件受理费{{ fee_figures }}元（{{ fee_capitals_rmb }}），减半收取，由{{ fee_bearer }}负担。")
    p(doc, "上述协议，不违反法律规定，本院予以确认。本调解书经各方当事人签收后，即具有法律效力。")
    footer(doc, signers=True)
    return doc


def criminal_judgment():
    return _judgment_like("刑事判决书", "依照{{ legal_basis }}的规定，判决如下：", "{{ decision }}")


def admin_judgment():
    return _judgment_like("行政判决书", "依照{{ legal_basis }}的规定，判决如下：", "{{ decision }}")


BUILDERS = {
    "judgment": judgment,
    "ruling": ruling,
    "mediation": mediation,
    "criminal_judgment": criminal_judgment,
    "admin_judgment": admin_judgment,
}
