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


def docx_to_pdf(docx: bytes, timeout: int | None = None) -> bytes:
    timeout = timeout or settings.SOFFICE_TIMEOUT
    with tempfile.TemporaryDirectory(prefix="xiezhi-soffice-") as tmp:
        tmp = Path(tmp)
        src = tmp / "document.docx"
        src.write_bytes(docx)
        profile = tmp / "profile"
        cmd = [soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(tmp), str(src)]
        env = {**os.environ, "HOME": str(tmp), "LANG": "C.UTF-8"}
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
