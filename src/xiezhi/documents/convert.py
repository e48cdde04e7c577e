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


# The templates name the fonts a court's Word or WPS has (宋体, 黑体, 仿宋 …). On the server those
# names mean nothing to fontconfig, which would fall back to a Latin font and leave the glyphs to
# LibreOffice's guess; each is mapped here to the Simplified Chinese face of Debian's fonts-noto-cjk,
# so a PDF is always set in Noto Serif / Sans CJK SC (the SC face of the collection; the templates'
# language zh-CN keeps the Simplified Chinese glyph forms).
SERIF_SC, SANS_SC = "Noto Serif CJK SC", "Noto Sans CJK SC"
FONT_MAP = {**dict.fromkeys(("宋体", "SimSun", "新宋体", "NSimSun", "仿宋", "仿宋_GB2312", "FangSong",
                             "楷体", "楷体_GB2312", "KaiTi", "方正小标宋简体", "小标宋", "Times New Roman"), SERIF_SC),
            **dict.fromkeys(("黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "等线", "DengXian", "Calibri"),
                            SANS_SC)}


def fonts_conf() -> str:
    """A fontconfig file: the system's configuration plus FONT_MAP as strong aliases."""
    from xml.sax.saxutils import escape

    aliases = "".join(f'<alias binding="strong"><family>{escape(name)}</family><prefer><family>{face}</family>'
                      f"</prefer></alias>" for name, face in FONT_MAP.items())
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
