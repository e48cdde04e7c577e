"""The page of every shipped notice as 规范 八、 and GB/T 9704 ask: A4, margins 上3.7 下3.5 左2.8 右2.6 cm,
lines at a fixed 29 pt; 法院名称 and title in 小标宋 二号 (方正小标宋简体, 22 pt); case number and body in 仿宋 三号
(仿宋_GB2312, 16 pt) on the runs and on the Normal style (east-Asian font included); the page number
"— 1 —" (a PAGE field) centred in the footer."""
import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from xiezhi.documents import build_notices, layout, services

NOTICE_KINDS = list(build_notices.BUILDERS)


def _shipped(kind) -> Document:
    return Document(io.BytesIO((services.SHIPPED / f"{kind}.docx").read_bytes()))


def _fonts(run_or_style_rpr):
    rfonts = run_or_style_rpr.find(qn("w:rFonts"))
    return {a: rfonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia")}


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_page_is_a4_with_the_standard_margins(kind):
    for s in _shipped(kind).sections:
        assert (round(s.page_width.cm, 1), round(s.page_height.cm, 1)) == (21.0, 29.7)
        assert [round(x.cm, 2) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == \
            [3.7, 3.5, 2.8, 2.6]


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_title_block_fonts(kind):
    """Court name and title: 方正小标宋简体 22 pt (二号), centred; case number 仿宋_GB2312 16 pt (三号)."""
    paras = _shipped(kind).paragraphs
    for para in paras[:2]:
        assert para.alignment == WD_ALIGN_PARAGRAPH.CENTER
        for run in para.runs:
            assert run.font.size == Pt(22) and not run.font.bold
            assert _fonts(run._element.rPr) == dict.fromkeys(("ascii", "hAnsi", "eastAsia"), "方正小标宋简体")
    assert paras[0].text == "{{ court_name }}"
    if kind != "summons":  # the 传票 carries its case number in the table
        assert paras[2].text == "{{ case_number }}" and paras[2].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert paras[2].runs[0].font.size == Pt(16)


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_body_is_fangsong_16pt_at_fixed_line_spacing(kind):
    doc = _shipped(kind)
    body = [r for para in doc.paragraphs[2:] for r in para.runs if r.text.strip()]
    assert body
    for run in body:
        assert _fonts(run._element.rPr)["eastAsia"] == "仿宋_GB2312"
        assert run.font.size == Pt(16)
    for para in doc.paragraphs:
        assert para.paragraph_format.line_spacing == Pt(29)


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_normal_style_carries_the_body_font(kind):
    """Text a clerk types into the template keeps 仿宋 三号: the Normal style has the font, east-Asian too."""
    normal = _shipped(kind).styles["Normal"]
    assert normal.font.size == Pt(16)
    assert _fonts(normal.element.rPr) == dict.fromkeys(("ascii", "hAnsi", "eastAsia"), "仿宋_GB2312")
    lang = normal.element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_footer_has_a_centred_page_number(kind):
    """— 1 — : a PAGE field between dashes, centred, 宋体 四号 (GB/T 9704)."""
    for section in _shipped(kind).sections:
        para = section.footer.paragraphs[0]
        assert para.alignment == WD_ALIGN_PARAGRAPH.CENTER
        xml = para._element.xml
        assert 'w:fldCharType="begin"' in xml and "PAGE" in xml and 'w:fldCharType="end"' in xml
        assert para.text.startswith("— ") and para.text.endswith(" —")


def test_the_functions_the_judges_documents_use_keep_working():
    """build_final uses new / p / loop / footer / parties: they still build a document (names and
    arguments kept), with the new defaults (仿宋 三号)."""
    doc = layout.new("民事判决书")
    layout.parties(doc)
    layout.loop(doc, "{%p for e in history %}", ["{{ e.date_cn }}"])
    para = layout.p(doc, "{{ opening }}")
    layout.footer(doc, signers=True)
    assert para.runs[0].font.size == Pt(16) and para.paragraph_format.first_line_indent == Pt(32)
    texts = [x.text for x in doc.paragraphs]
    assert texts[:3] == ["{{ court_name }}", "民事判决书", "{{ case_number }}"]
    assert "{{ m.role }}　　{{ m.name }}" in texts and "书记员　　{{ clerk }}" in texts
    assert round(doc.sections[0].left_margin.cm, 2) == 2.8
