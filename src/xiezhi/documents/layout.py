"""Page layout shared by every shipped template (人民法院民事裁判文书制作规范 八、; GB/T 9704 for the page).

- Page: A4 (21.0 × 29.7 cm); margins 上 3.7 cm, 下 3.5 cm, 左 2.8 cm, 右 2.6 cm; lines at a fixed
  29 pt (about 22 lines a page); body paragraphs indented two characters.
- Fonts (规范 第八条): 法院名称 and 文书名称 in 小标宋 二号 (22 pt); 案号 and the body in 仿宋 三号 (16 pt).
  The templates name the fonts a court's Word or WPS has: TITLE_FONT "方正小标宋简体" and BODY_FONT
  "仿宋_GB2312". They are set on every run (ascii, hAnsi, eastAsia and cs) and on the Normal style,
  east-Asian font included, so text typed into a template by a clerk keeps them too. Where those fonts
  are not installed (a Linux server), LibreOffice falls back through fontconfig: helper "court"
  documents and configures the mapping to the free Noto CJK fonts of Debian in docs/deploy.md and
  documents/convert.py. The page number uses PAGE_NUMBER_FONT 宋体 四号 (14 pt), as GB/T 9704 asks.
- Title block (new): the court's full name with its province (the context's court_name, which the
  notices set from Court.full_name), the title, the case number right-aligned.
- Footer: the page number "— 1 —" (a PAGE field), centred, on every page.

Each placeholder sits in one run, so Word does not split it."""
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TITLE_FONT = "方正小标宋简体"   # 小标宋: court name and title
BODY_FONT = "仿宋_GB2312"       # 仿宋: case number and body
PAGE_NUMBER_FONT = "宋体"
FONT = BODY_FONT                # the name build_final uses

TITLE_SIZE = 22   # 二号
BODY_SIZE = 16    # 三号
PAGE_NUMBER_SIZE = 14  # 四号
LINE_SPACING = 29  # fixed, in points (规范: 28–29 磅)


def _set_fonts(rpr, name):
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)


def font(run, name=BODY_FONT, size=BODY_SIZE, bold=False):
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    _set_fonts(run._element.get_or_add_rPr(), name)


def p(doc, text="", align=None, size=BODY_SIZE, bold=False, name=BODY_FONT, indent=True, keep_with_next=False):
    """A paragraph of one run (so a placeholder is never split), fixed line spacing, indented two
    characters unless aligned or `indent=False`."""
    para = doc.add_paragraph()
    if align is not None:
        para.alignment = align
    if indent and align is None:
        para.paragraph_format.first_line_indent = Pt(size * 2)
    para.paragraph_format.space_before = Pt(0)
    para.paragraph_format.space_after = Pt(0)
    para.paragraph_format.line_spacing = Pt(LINE_SPACING)
    if keep_with_next:
        para.paragraph_format.keep_with_next = True
    if text:
        font(para.add_run(text), name=name, size=size, bold=bold)
    return para


def _normal_style(doc):
    """The Normal style carries the body font (east-Asian too), size, language and line spacing, so
    whatever a clerk types into a template looks like the rest."""
    style = doc.styles["Normal"]
    style.font.name = BODY_FONT
    style.font.size = Pt(BODY_SIZE)
    rpr = style.element.get_or_add_rPr()
    _set_fonts(rpr, BODY_FONT)
    # language zh-CN, so Word/WPS and LibreOffice pick Simplified Chinese glyphs and fonts
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = Pt(LINE_SPACING)
    # the document defaults (docDefaults) too: empty paragraphs and table cells inherit them
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        drpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if drpr is not None:
            _set_fonts(drpr, BODY_FONT)


def _field(paragraph, instruction, placeholder="1", name=PAGE_NUMBER_FONT, size=PAGE_NUMBER_SIZE):
    """A Word field (PAGE) as begin / instruction / separate / cached result / end runs."""
    def run_with(child=None, text=None):
        run = paragraph.add_run(text or "")
        font(run, name=name, size=size)
        if child is not None:
            run._element.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    run_with(text=placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def page_number(section):
    """— 1 — centred in the footer of every page (GB/T 9704: 4号 宋体, a dash on each side)."""
    footer_ = section.footer
    footer_.is_linked_to_previous = False
    para = footer_.paragraphs[0] if footer_.paragraphs else footer_.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    font(para.add_run("— "), name=PAGE_NUMBER_FONT, size=PAGE_NUMBER_SIZE)
    _field(para, "PAGE")
    font(para.add_run(" —"), name=PAGE_NUMBER_FONT, size=PAGE_NUMBER_SIZE)


def new(title, number=True):
    """A document with the page set up and the title block: court full name, title, and (unless
    `number=False`, for a form that puts the case number in its table) the case number."""
    doc = Document()
    _normal_style(doc)
    for s in doc.sections:
        s.page_height, s.page_width = Cm(29.7), Cm(21.0)
        s.top_margin, s.bottom_margin = Cm(3.7), Cm(3.5)
        s.left_margin, s.right_margin = Cm(2.8), Cm(2.6)
        page_number(s)
    p(doc, "{{ court_name }}", WD_ALIGN_PARAGRAPH.CENTER, size=TITLE_SIZE, name=TITLE_FONT)
    p(doc, title, WD_ALIGN_PARAGRAPH.CENTER, size=TITLE_SIZE, name=TITLE_FONT)
    if number:
        p(doc, "{{ case_number }}", WD_ALIGN_PARAGRAPH.RIGHT)
    return doc


def loop(doc, head, body_lines, tail="{%p endfor %}"):
    p(doc, head, indent=False)
    for line in body_lines:
        p(doc, line)
    p(doc, tail, indent=False)


def when(doc, condition, lines, **kwargs):
    """Paragraphs printed only when `condition` (a Jinja test) holds: {%p if … %} … {%p endif %}."""
    p(doc, "{%p if " + condition + " %}", indent=False)
    for line in lines:
        p(doc, line, **kwargs)
    p(doc, "{%p endif %}", indent=False)


def table(doc, rows, widths=(Cm(5.0), Cm(10.6)), size=BODY_SIZE - 2):
    """A ruled table (Table Grid) of label | value rows, as the 传票 and 送达回证 forms are laid out.
    A value may hold several lines separated by "\n" (one paragraph each)."""
    t = doc.add_table(rows=len(rows), cols=2)
    t.style = "Table Grid"
    t.autofit = False
    for column, width in zip(t.columns, widths):  # the grid, which LibreOffice and WPS lay out by
        column.width = width
    for (label, value), row in zip(rows, t.rows):
        for cell, text, width in zip(row.cells, (label, value), widths):
            cell.width = width
            for i, line in enumerate(text.split("\n")):
                para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                para.paragraph_format.space_after = Pt(0)
                para.paragraph_format.line_spacing = Pt(LINE_SPACING - 3)
                if cell is row.cells[0]:
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                if line:
                    font(para.add_run(line), size=size)
    return t


def signature(doc, seal=True, court=True):
    """The foot of a court document: the court's full name and the date in Chinese numerals,
    right-aligned, and (院印) where the form is sealed."""
    p(doc, "")
    if court:
        p(doc, "{{ court_name }}", WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{{ date_cn }}", WD_ALIGN_PARAGRAPH.RIGHT)
    if seal:
        p(doc, "（院印）", WD_ALIGN_PARAGRAPH.RIGHT)


def contacts(doc):
    """The court's contact lines of a notice (联系人、联系电话、本院地址), each printed only when known:
    never "联系电话：" with nothing after it."""
    p(doc, "")
    when(doc, "contact", ["联系人：{{ contact }}"], indent=False)
    when(doc, "court_phone", ["联系电话：{{ court_phone }}"], indent=False)
    when(doc, "court_address", ["本院地址：{{ court_address }}"], indent=False)


def footer(doc, signers=False, seal=True, contact=True):
    """The foot of a document. signers=True: the judges (panel), date and clerk (the judge's
    documents; build_final may print its own block). Otherwise a notice's foot: court name, date,
    (院印) and the contact lines."""
    if signers:
        p(doc, "")
        p(doc, "{%p for m in panel %}", indent=False)
        p(doc, "{{ m.role }}　　{{ m.name }}", WD_ALIGN_PARAGRAPH.RIGHT)
        p(doc, "{%p endfor %}", indent=False)
        p(doc, "{{ date_cn }}", WD_ALIGN_PARAGRAPH.RIGHT)
        if seal:
            p(doc, "（院印）", WD_ALIGN_PARAGRAPH.RIGHT)
        p(doc, "书记员　　{{ clerk }}", WD_ALIGN_PARAGRAPH.RIGHT)
        return
    signature(doc, seal=seal)
    if contact:
        contacts(doc)


def parties(doc):
    loop(doc, "{%p for p in parties %}", ["{{ p.role }}：{{ p.name }}{% if p.detail %}，{{ p.detail }}{% endif %}"
                                             "{% if p.address %}，住所地{{ p.address }}{% endif %}。"])
    loop(doc, "{%p for a in agents %}", ["{{ a.role }}：{{ a.name }}{% if a.law_firm %}，{{ a.law_firm }}律师{% endif %}"
                                            "{% if a.represents %}（{{ a.represents }}的代理人）{% endif %}。"])
