"""Render .docx → PDF with LibreOffice headless (Debian libreoffice-writer-nogui; CJK from
fonts-noto-cjk). Each run gets a private profile (-env:UserInstallation) so parallel runs and
workers do not fight over ~/.config/libreoffice, and a timeout so a stuck converter cannot hang a request."""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = int(os.environ.get("XIEZHI_SOFFICE_TIMEOUT", "120"))


class ConversionError(RuntimeError):
    pass


def soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise ConversionError("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    return exe


def docx_to_pdf(docx: bytes, timeout: int = TIMEOUT) -> bytes:
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
            raise ConversionError(f"LibreOffice did not finish within {timeout}s") from exc
        out = tmp / "document.pdf"
        if proc.returncode != 0 or not out.exists():
            raise ConversionError(f"LibreOffice failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-500:]}")
        return out.read_bytes()
