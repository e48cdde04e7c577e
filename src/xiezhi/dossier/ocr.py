"""OCR and page rendering behind small adapters (tesseract + poppler's pdftoppm by default).

Configure another engine with DOSSIER_OCR_ENGINE (XIEZHI_DOSSIER_OCR_ENGINE) = "dotted.path.ToClass" (a class with
`recognise(image_path) -> str`)."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from django.conf import settings
from django.utils.module_loading import import_string

CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


def timeout() -> int:
    return settings.DOSSIER_OCR_TIMEOUT


def _env():
    # one OCR process per core: the worker pool gives the parallelism, not tesseract's threads
    return dict(os.environ, OMP_THREAD_LIMIT="1")


def tidy(text: str) -> str:
    """Tesseract puts spaces between Chinese characters; Chinese text has none."""
    lines = [CJK_GAP.sub("", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


class OcrEngine:
    name = "base"

    def recognise(self, image_path: str) -> str:  # pragma: no cover - interface
        raise NotImplementedError


class TesseractEngine(OcrEngine):
    """Tesseract 5 with the chi_sim model (Debian tesseract-ocr-chi-sim)."""

    name = "tesseract"

    def __init__(self, lang: str | None = None):
        self.lang = lang or settings.DOSSIER_OCR_LANG

    def recognise(self, image_path: str) -> str:
        out = subprocess.run(["tesseract", str(image_path), "stdout", "-l", self.lang, "--psm", "3"],
                             capture_output=True, timeout=timeout(), env=_env(), check=True)
        return tidy(out.stdout.decode("utf-8", errors="replace"))


def engine() -> OcrEngine:
    path = settings.DOSSIER_OCR_ENGINE
    return import_string(path)() if path else TesseractEngine()


def rasterise(pdf_path: str, page: int, out_prefix: str, *, dpi: int | None = None,
              scale_to: int | None = None) -> Path:
    """One PDF page to PNG with pdftoppm; returns the PNG path."""
    args = ["pdftoppm", "-f", str(page), "-l", str(page), "-png", "-singlefile"]
    if scale_to:
        args += ["-scale-to", str(scale_to)]
    else:
        args += ["-r", str(dpi or 300)]
    if dpi and dpi >= 200:
        args += ["-gray"]
    subprocess.run(args + [str(pdf_path), str(out_prefix)], capture_output=True, timeout=timeout(), check=True)
    return Path(f"{out_prefix}.png")
