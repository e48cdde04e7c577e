"""Documents are set in a Simplified Chinese font (issue 9 §4): the templates name the fonts of a
court's Word or WPS (宋体, 黑体), which the server does not have; the PDF must still embed Noto
Serif / Sans CJK SC (Debian fonts-noto-cjk), not a Latin fallback or the Japanese forms."""
import io

from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from xiezhi.documents.convert import FONT_MAP, docx_to_pdf, fonts_conf


def _docx(runs) -> bytes:
    doc = Document()
    for text, font in runs:
        run = doc.add_paragraph().add_run(text)
        run.font.name = font
        run._element.get_or_add_rPr().find(qn("w:rFonts")).set(qn("w:eastAsia"), font)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_the_pdf_embeds_noto_cjk_for_the_word_font_names():
    """Without the map, 宋体 came out as Noto Sans CJK and the digits of the case number in DejaVu
    Sans. (The subset's PostScript name is that of the collection's first face, …CJKjp…, whichever
    face LibreOffice set the text in; the zh-CN language of the templates selects the SC forms.)"""
    pdf = docx_to_pdf(_docx([("（2026）豫0222民初1号 民事判决书", "宋体"), ("河南省通许县人民法院", "黑体")]))
    fonts = _fonts(pdf)
    assert any("NotoSerifCJK" in f for f in fonts), fonts  # 宋体 → Noto Serif CJK SC
    assert any("NotoSansCJK" in f for f in fonts), fonts  # 黑体 → Noto Sans CJK SC
    assert not any("DejaVu" in f for f in fonts), fonts  # no Latin fallback, even for the digits


def test_every_court_font_name_is_mapped_to_a_simplified_chinese_face():
    conf = fonts_conf()
    assert FONT_MAP["宋体"] == "Noto Serif CJK SC" and FONT_MAP["黑体"] == "Noto Sans CJK SC"
    assert "<family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family>" in conf
    assert "/etc/fonts/fonts.conf" in conf  # the system's fonts stay available
