"""Build the shipped .docx templates (version 1) with python-docx.

Run once (the generated files are committed under templates_docx/):

    .venv/bin/python -m xiezhi.documents.build_templates

A clerk edits these files in Word or WPS; the placeholders are Jinja (docxtpl): {{ case_number }},
and paragraph loops {%p for p in parties %} … {%p endfor %}. The variables are listed in
xiezhi.documents.context (build_context). Each placeholder sits in one run, so Word does not split it.
"""
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).with_name("templates_docx")

FONT = "宋体"          # body (fontconfig maps it to Noto Serif CJK SC when SimSun is absent)
TITLE_FONT = "黑体"


def _font(run, name=FONT, size=15, bold=False):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def _p(doc, text="", align=None, size=15, bold=False, name=FONT, indent=True):
    para = doc.add_paragraph()
    if align is not None:
        para.alignment = align
    if indent and align is None:
        para.paragraph_format.first_line_indent = Pt(size * 2)
    para.paragraph_format.space_after = Pt(0)
    para.paragraph_format.line_spacing = Pt(28)
    if text:
        _font(para.add_run(text), name=name, size=size, bold=bold)
    return para


def _new(title):
    doc = Document()
    # language zh-CN, so Word/WPS and LibreOffice pick Simplified Chinese glyphs and fonts
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): "zh-CN", qn("w:eastAsia"): "zh-CN"})
    rpr.append(lang)
    for s in doc.sections:
        s.page_height, s.page_width = Cm(29.7), Cm(21.0)
        s.top_margin, s.bottom_margin = Cm(3.7), Cm(3.5)
        s.left_margin, s.right_margin = Cm(2.8), Cm(2.6)
    _p(doc, "{{ court_name }}", WD_ALIGN_PARAGRAPH.CENTER, size=22, name=TITLE_FONT)
    _p(doc, title, WD_ALIGN_PARAGRAPH.CENTER, size=26, bold=True, name=TITLE_FONT)
    _p(doc, "{{ case_number }}", WD_ALIGN_PARAGRAPH.RIGHT)
    return doc


def _loop(doc, head, body_lines, tail="{%p endfor %}"):
    _p(doc, head, indent=False)
    for line in body_lines:
        _p(doc, line)
    _p(doc, tail, indent=False)


def _footer(doc, signers=False):
    if signers:
        _p(doc, "")
        _p(doc, "{%p for m in panel %}", indent=False)
        _p(doc, "{{ m.role }}　　{{ m.name }}", WD_ALIGN_PARAGRAPH.RIGHT)
        _p(doc, "{%p endfor %}", indent=False)
        _p(doc, "{{ date_cn }}", WD_ALIGN_PARAGRAPH.RIGHT)
        _p(doc, "书记员　　{{ clerk }}", WD_ALIGN_PARAGRAPH.RIGHT)
        return
    _p(doc, "")
    _p(doc, "{{ court_name }}", WD_ALIGN_PARAGRAPH.RIGHT)
    _p(doc, "{{ date_cn }}", WD_ALIGN_PARAGRAPH.RIGHT)
    _p(doc, "联系人：{{ clerk }}　　联系电话：{{ court_phone }}", indent=False, size=12)


def _parties(doc):
    _loop(doc, "{%p for p in parties %}", ["{{ p.role }}：{{ p.name }}{% if p.detail %}，{{ p.detail }}{% endif %}"
                                             "{% if p.address %}，住所地{{ p.address }}{% endif %}。"])
    _loop(doc, "{%p for a in agents %}", ["{{ a.role }}：{{ a.name }}{% if a.law_firm %}，{{ a.law_firm }}律师{% endif %}"
                                            "{% if a.represents %}（{{ a.represents }}的代理人）{% endif %}。"])


def acceptance_notice():
    doc = _new("受理案件通知书")
    _p(doc, "{{ recipient.name }}：", indent=False)
    _p(doc, "你（单位）诉{{ defendants_names }}{{ cause }}一案的起诉状已收到。经审查，起诉符合法定受理条件，本院决定立案审理，"
            "案号为{{ case_number }}，适用{{ procedure }}。现将有关事项通知如下：")
    _p(doc, "一、你（单位）应在收到本通知书之日起七日内预交案件受理费{{ fee_figures }}元（{{ fee_capitals_rmb }}）。"
            "期满不交纳又不提出缓交、减交、免交申请的，按撤诉处理（《诉讼费用交纳办法》第二十二条）。")
    _p(doc, "二、在诉讼中，当事人必须依法行使诉讼权利，遵守诉讼秩序，履行诉讼义务。")
    _p(doc, "三、本案承办法官：{{ judge }}；书记员：{{ clerk }}。")
    _footer(doc)
    return doc


def response_notice():
    doc = _new("应诉通知书")
    _p(doc, "{{ recipient.name }}：", indent=False)
    _p(doc, "本院已受理{{ plaintiffs_names }}诉你（单位）{{ cause }}一案，案号为{{ case_number }}。"
            "依照《中华人民共和国民事诉讼法》第一百二十八条的规定，现随本通知书发送起诉状副本一份。通知如下：")
    _p(doc, "一、你（单位）应当在收到起诉状副本之日起十五日内向本院提交答辩状，并按对方当事人的人数提出副本。"
            "不提出答辩状的，不影响本院审理。")
    _p(doc, "二、原告的诉讼请求：{{ claims }}")
    _p(doc, "三、当事人可以委托一至二人作为诉讼代理人。委托他人代为诉讼，须向本院提交由委托人签名或者盖章的授权委托书。")
    _footer(doc)
    return doc


def evidence_notice():
    doc = _new("举证通知书")
    _p(doc, "{{ recipient.name }}：", indent=False)
    _p(doc, "本院受理{{ case_title }}一案（{{ case_number }}），依照《中华人民共和国民事诉讼法》第六十七条、"
            "第六十八条和《最高人民法院关于民事诉讼证据的若干规定》的规定，现将有关举证事项通知如下：")
    _p(doc, "一、当事人对自己提出的诉讼请求所依据的事实或者反驳对方诉讼请求所依据的事实，应当提供证据加以证明。")
    _p(doc, "二、本案举证期限为{{ evidence_period }}，自收到本通知书的次日起计算。逾期提供证据的，本院将依法处理。")
    _p(doc, "三、当事人因客观原因不能自行收集的证据，可以在举证期限届满前书面申请本院调查收集。")
    _footer(doc)
    return doc


def summons():
    doc = _new("传　　票")
    _p(doc, "案号：{{ case_number }}", indent=False)
    _p(doc, "案由：{{ cause }}", indent=False)
    _p(doc, "被传唤人：{{ recipient.name }}", indent=False)
    _p(doc, "工作单位或者住址：{{ recipient.address }}", indent=False)
    _p(doc, "传唤事由：{{ hearing_purpose }}", indent=False)
    _p(doc, "应到时间：{{ hearing_time }}", indent=False)
    _p(doc, "应到处所：{{ hearing_place }}", indent=False)
    _p(doc, "注意事项：一、被传唤人必须准时到达应到处所。二、本传票由被传唤人携带来院报到。"
            "三、被传唤人收到传票后，应在送达回证上签名或者盖章。")
    _footer(doc)
    return doc


def panel_notice():
    doc = _new("合议庭组成人员通知书")
    _p(doc, "{{ recipient.name }}：", indent=False)
    _p(doc, "本院受理的{{ case_title }}一案（{{ case_number }}），依照《中华人民共和国民事诉讼法》第四十条、"
            "第一百三十条的规定，决定由下列人员组成合议庭进行审理：")
    _loop(doc, "{%p for m in panel %}", ["{{ m.role }}：{{ m.name }}"])
    _p(doc, "书记员：{{ clerk }}")
    _p(doc, "当事人认为上述人员有《中华人民共和国民事诉讼法》第四十七条规定情形之一的，有权申请回避。")
    _footer(doc)
    return doc


def service_receipt():
    doc = _new("送达回证")
    table = doc.add_table(rows=7, cols=2)
    table.style = "Table Grid"
    rows = [("案号", "{{ case_number }}"), ("案由", "{{ cause }}"), ("受送达人", "{{ recipient.name }}"),
            ("送达地址", "{{ recipient.address }}"), ("送达文书", "{{ served_documents }}"),
            ("送达方式", "{{ service_method }}"), ("受送达人签名或者盖章", "　　　　年　　月　　日")]
    for (label, value), row in zip(rows, table.rows):
        for cell, text in zip(row.cells, (label, value)):
            para = cell.paragraphs[0]
            _font(para.add_run(text), size=14)
    _p(doc, "送达人：{{ clerk }}　　签发人：{{ judge }}", indent=False)
    _footer(doc)
    return doc


def _judgment_like(title, decision_heading, decision_placeholder, signers=True):
    doc = _new(title)
    _parties(doc)
    _p(doc, "{{ opening }}")
    _p(doc, "{{ plaintiffs_names }}向本院提出诉讼请求：{{ claims }}事实和理由：{{ facts }}")
    _p(doc, "本案审理经过：", indent=False)
    _loop(doc, "{%p for e in history %}", ["{{ e.date_cn }}，{{ e.label }}{% if e.summary %}（{{ e.summary }}）{% endif %}。"])
    _p(doc, "{{ findings }}")
    _p(doc, decision_heading)
    _p(doc, decision_placeholder)
    _p(doc, "案件受理费{{ fee_figures }}元（{{ fee_capitals_rmb }}），由{{ fee_bearer }}负担。")
    _p(doc, "{{ closing }}")
    _footer(doc, signers=signers)
    return doc


def judgment():
    return _judgment_like("民事判决书", "依照{{ legal_basis }}的规定，判决如下：", "{{ decision }}")


def ruling():
    return _judgment_like("民事裁定书", "依照{{ legal_basis }}的规定，裁定如下：", "{{ decision }}")


def mediation():
    doc = _new("民事调解书")
    _parties(doc)
    _p(doc, "案由：{{ cause }}。", indent=False)
    _p(doc, "{{ plaintiffs_names }}向本院提出诉讼请求：{{ claims }}")
    _p(doc, "本案审理过程中，经本院主持调解，当事人自愿达成如下协议：")
    _p(doc, "{{ decision }}")
    _p(doc, "案件受理费{{ fee_figures }}元（{{ fee_capitals_rmb }}），减半收取，由{{ fee_bearer }}负担。")
    _p(doc, "上述协议，不违反法律规定，本院予以确认。本调解书经各方当事人签收后，即具有法律效力。")
    _footer(doc, signers=True)
    return doc


def _simple_notice(title, body):
    def build():
        doc = _new(title)
        _p(doc, "{{ recipient.name }}：", indent=False)
        _p(doc, body)
        _footer(doc)
        return doc
    return build


def criminal_judgment():
    return _judgment_like("刑事判决书", "依照{{ legal_basis }}的规定，判决如下：", "{{ decision }}")


def admin_judgment():
    return _judgment_like("行政判决书", "依照{{ legal_basis }}的规定，判决如下：", "{{ decision }}")


BUILDERS = {
    "fee_notice": _simple_notice("交纳诉讼费用通知书", "本院受理{{ case_title }}一案（{{ case_number }}），"
                                 "请你于收到本通知书次日起七日内预交案件受理费{{ fee_figures }}元。"),
    "rights_notice": _simple_notice("诉讼权利义务告知书", "当事人依法享有诉讼权利，承担诉讼义务。"),
    "small_claims_notice": _simple_notice("小额诉讼程序告知书", "本案适用小额诉讼程序，实行一审终审。"),
    "appearance_notice": _simple_notice("出庭通知书", "请你于{{ hearing_time }}到{{ hearing_place }}出庭。"),
    "criminal_judgment": criminal_judgment,
    "admin_judgment": admin_judgment,
    "acceptance_notice": acceptance_notice,
    "response_notice": response_notice,
    "evidence_notice": evidence_notice,
    "summons": summons,
    "panel_notice": panel_notice,
    "service_receipt": service_receipt,
    "judgment": judgment,
    "ruling": ruling,
    "mediation": mediation,
}


def build(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, fn in BUILDERS.items():
        path = out / f"{kind}.docx"
        doc = fn()
        doc.core_properties.author = "xiezhi"
        doc.core_properties.title = kind
        doc.save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(p)
