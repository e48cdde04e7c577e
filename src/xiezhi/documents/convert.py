"""Render .docx → PDF with LibreOffice headless (Debian libreoffice-writer-nogui; CJK from
fonts-noto-cjk). Each run gets a private profile (-env:UserInstallation) so parallel runs and
workers do not fight over ~/.config/libreoffice, and a timeout so a stuck converter cannot hang a request."""
import os  # the converter runs with a copy of this environment
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _


class ConversionError(RuntimeError):
    pass


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise ConversionError(_("本机未安装 LibreOffice，无法生成 PDF（系统管理员安装 libreoffice-writer-nogui，或运行 make system-deps）。"))
    return exe


# The templates name the fonts a court's Word or WPS has: 方正小标宋简体 for the court name and the
# title, 仿宋_GB2312 for the case number and the body (人民法院民事裁判文书制作规范 八、), and the older
# 宋体 / 黑体. On a server without them fontconfig would fall back to a Latin font and leave the
# glyphs to LibreOffice's guess, so each name is given a free face of Debian's fonts-noto-cjk as its
# substitute (settings PDF_TITLE_FONT, PDF_BODY_FONT, PDF_SANS_FONT; docs/deploy.md "Fonts").
# The substitute is *accepted* after the name, not preferred over it: a court that licenses and
# installs 方正小标宋简体 or 仿宋_GB2312 gets its own fonts, and the Noto face only fills the gap.
# The templates' language zh-CN keeps the Simplified Chinese glyph forms of the collection.
SERIF_SC, SANS_SC = "Noto Serif CJK SC", "Noto Sans CJK SC"
TITLE_NAMES = ("方正小标宋简体", "方正小标宋_GBK", "小标宋", "小标宋体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong")
BODY_NAMES = ("仿宋", "仿宋_GB2312", "FangSong", "FangSong_GB2312", "华文仿宋", "STFangsong", "宋体", "SimSun",
              "新宋体", "NSimSun", "楷体", "楷体_GB2312", "KaiTi", "Times New Roman")
SANS_NAMES = ("黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "等线", "DengXian", "Calibri")


def font_map() -> dict[str, str]:
    """Each font name a template may ask for → the installed face that stands in for it."""
    title = settings.PDF_TITLE_FONT or SERIF_SC
    body = settings.PDF_BODY_FONT or SERIF_SC
    sans = settings.PDF_SANS_FONT or SANS_SC
    return {**dict.fromkeys(BODY_NAMES, body), **dict.fromkeys(TITLE_NAMES, title),
            **dict.fromkeys(SANS_NAMES, sans)}


FONT_MAP = {**dict.fromkeys(BODY_NAMES + TITLE_NAMES, SERIF_SC), **dict.fromkeys(SANS_NAMES, SANS_SC)}  # the defaults


def fonts_conf() -> str:
    """A fontconfig file: the system's configuration plus font_map() as strong aliases, each
    substitute accepted after the name it stands for (an installed font of that name wins)."""
    from xml.sax.saxutils import escape

    aliases = "".join(f'<alias binding="strong"><family>{escape(name)}</family><accept><family>{escape(face)}'
                      f"</family></accept></alias>" for name, face in font_map().items())
    return ('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>'
            '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' + aliases + "</fontconfig>")


def docx_to_pdf(docx: bytes, timeout: int | None = None) -> bytes:
    timeout = timeout or settings.SOFFICE_TIMEOUT
    with tempfile.TemporaryDirectory(prefix="xiezhi-soffice-") as tmp:
        tmp = Path(tmp)
        src = tmp / "document.docx"
        src.write_bytes(docx)
        profile = tmp / "profile"
        cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmp), str(src)]
        conf = tmp / "fonts.conf"
        conf.write_text(fonts_conf(), encoding="utf-8")
        env = {**os.environ, "HOME": str(tmp), "LANG": "C.UTF-8", "FONTCONFIG_FILE": str(conf)}
        try:
            proc = subprocess.run(cmd, check=False, capture_output=True, timeout=timeout, env=env, cwd=tmp,
                                  start_new_session=True)
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(_("LibreOffice 在 %(s)s 秒内未完成转换。") % {"s": timeout}) from exc
        out = tmp / "document.pdf"
        if proc.returncode != 0 or not out.exists():
            raise ConversionError(_("LibreOffice 转换失败（%(code)s）：%(err)s") % {
                "code": proc.returncode, "err": proc.stderr.decode(errors="replace")[-200:]})
        return out.read_bytes()
