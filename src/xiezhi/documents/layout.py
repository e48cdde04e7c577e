"""Page layout shared by every shipped template (人民法院民事裁判文书制作规范 八、: A4, margins, fonts, title block).

Each placeholder sits in one run, so Word does not split it."""
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "宋体"          # body (fontconfig maps it to Noto Serif CJK SC when SimSun is absent)
TITLE_FONT = "黑体"


def font(run, name=FONT, size=15, bold=False):
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


def p(doc, text="", align=None, size=15, bold=False, name=FONT, indent=True):
    para = doc.add_paragraph()
    if align is not None:
        para.alignment = align
    if indent and align is None:
        para.paragraph_format.first_line_indent = Pt(size * 2)
    para.paragraph_format.space_after = Pt(0)
    para.paragraph_format.line_spacing = Pt(28)
    if text:
        font(para.add_run(text), name=name, size=size, bold=bold)
    return para


def new(title):
    doc = Document()
    # language zh-CN, so Word/WPS and LibreOffice pick Simplified Chinese glyphs and fonts
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): "zh-CN", qn("w:eastAsia"): "zh-CN"})
    rpr.append(lang)
    for s in doc.sections:
        s.page_height, s.page_width = Cm(29.7), Cm(21.0)
        s.top_margin, s.bottom_margin = Cm(3.7), Cm(3.5)
        s.left_margin, s.right_margin = Cm(2.8), Cm(2.6)
    p(doc, "{{ court_name }}", WD_ALIGN_PARAGRAPH.CENTER, size=22, name=TITLE_FONT)
    p(doc, title, WD_ALIGN_PARAGRAPH.CENTER, size=26, bold=True, name=TITLE_FONT)
    p(doc, "{{ case_number }}", WD_ALIGN_PARAGRAPH.RIGHT)
    return doc


def loop(doc, head, body_lines, tail="{%p endfor %}"):
    p(doc, head, indent=False)
    for line in body_lines:
        p(doc, line)
    p(doc, tail, indent=False)


def footer(doc, signers=False):
    if signers:
        p(doc, "")
        p(doc, "{%p for m in panel %}", indent=False)
        p(doc, "{{ m.role }}　　{{ m.name }}", WD_ALIGN_PARAGRAPH.RIGHT)
        p(doc, "{%p endfor %}", indent=False)
        p(doc, "{{ date_cn }}", WD_ALIGN_PARAGRAPH.RIGHT)
        p(doc, "书记员　　{{ clerk }}", WD_ALIGN_PARAGRAPH.RIGHT)
        return
    p(doc, "")
    p(doc, "{{ court_name }}", WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{{ date_cn }}", WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "联系人：{{ clerk }}　　联系电话：{{ court_phone }}", indent=False, size=12)


def parties(doc):
    loop(doc, "{%p for p in parties %}", ["{{ p.role }}：{{ p.name }}{% if p.detail %}，{{ p.detail }}{% endif %}"
                                             "{% if p.address %}，住所地{{ p.address }}{% endif %}。"])
    loop(doc, "{%p for a in agents %}", ["{{ a.role }}：{{ a.name }}{% if a.law_firm %}，{{ a.law_firm }}律师{% endif %}"
                                            "{% if a.represents %}（{{ a.represents }}的代理人）{% endif %}。"])


