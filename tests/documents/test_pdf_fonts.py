"""Documents are set in a Simplified Chinese font (issue 9 §4): the templates name the fonts of a
court's Word or WPS (宋体, 黑体), which the server does not have; the PDF must still embed Noto
Serif / Sans CJK SC (Debian fonts-noto-cjk), not a Latin fallback or the Japanese forms."""
import io

from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from xiezhi.documents.convert import FONT_MAP, docx_to_pdf, font_map, fonts_conf


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
    assert "<family>仿宋_GB2312</family><accept><family>Noto Serif CJK SC</family>" in conf
    assert "/etc/fonts/fonts.conf" in conf  # the system's fonts stay available


def test_the_fonts_of_the_2016_styles_embed_noto_cjk_not_a_latin_fallback():
    """Issue 10 §3 (规范 八、): the court name and title ask for 方正小标宋简体, the body for 仿宋_GB2312;
    neither ships with Debian, so the PDF is set in Noto Serif CJK SC (docs/deploy.md "Fonts")."""
    pdf = docx_to_pdf(_docx([("河南省通许县人民法院", "方正小标宋简体"), ("民事判决书", "方正小标宋简体"),
                             ("（2026）豫0222民初1号", "仿宋_GB2312"), ("原告黄强，男，1964年7月21日出生。", "仿宋_GB2312")]))
    fonts = _fonts(pdf)
    assert fonts and all("NotoSerifCJK" in f for f in fonts), fonts
    assert not any(latin in f for f in fonts for latin in ("DejaVu", "Liberation", "Carlito", "Caladea")), fonts


def test_the_substitutes_are_settings_and_an_installed_font_of_the_name_wins(settings):
    settings.PDF_TITLE_FONT, settings.PDF_BODY_FONT = "FZXiaoBiaoSong-B05S", "FZFangSong-Z02S"
    mapping = font_map()
    assert mapping["方正小标宋简体"] == "FZXiaoBiaoSong-B05S" and mapping["仿宋_GB2312"] == "FZFangSong-Z02S"
    assert mapping["黑体"] == "Noto Sans CJK SC"
    conf = fonts_conf()
    assert "<family>方正小标宋简体</family><accept><family>FZXiaoBiaoSong-B05S</family></accept>" in conf
    # accepted after the name, never preferred over it: a licensed 方正 font that is installed is used
    assert "<prefer>" not in conf


def test_a_licensed_font_installed_on_the_server_is_used_instead_of_the_substitute(tmp_path, settings):
    """fontconfig resolves a name the server has to that font; only a missing name gets Noto."""
    import shutil
    import subprocess

    import pytest

    if not shutil.which("fc-match"):
        pytest.skip("needs fontconfig's fc-match")
    settings.PDF_BODY_FONT = "Noto Serif CJK SC"
    conf = tmp_path / "fonts.conf"
    # pretend the court installed a face named like one we alias: DejaVu Serif stands for it here
    conf.write_text(fonts_conf().replace("<family>Times New Roman</family>", "<family>DejaVu Serif</family>"),
                    encoding="utf-8")
    env = {"FONTCONFIG_FILE": str(conf), "PATH": "/usr/bin:/bin"}

    def match(name):
        return subprocess.run(["fc-match", "-f", "%{family[0]}", name], capture_output=True, text=True,
                              env=env, check=False, timeout=30).stdout

    assert match("DejaVu Serif") == "DejaVu Serif"
    assert match("仿宋_GB2312") == "Noto Serif CJK SC" and match("方正小标宋简体") == "Noto Serif CJK SC"
