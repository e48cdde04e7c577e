"""Upload checks: evidence must be what it says it is (type by content, size, damage)."""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from xiezhi.site.uploads import DOCX_MIME, check_docx, check_image_pixels

ALLOWED = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    DOCX_MIME: "DOCX",
}
MAX_PDF_PAGES = 2000


@dataclass
class CheckedUpload:
    content: bytes
    content_type: str
    sha256: str
    size: int
    pages: int | None


def check_upload(uploaded) -> CheckedUpload:
    """Read the upload, identify it by its bytes (never by its name or the browser's claim),
    and reject empty, oversized, unknown or damaged files with a message in the user's language."""
    size = uploaded.size or 0
    limit = settings.UPLOAD_MAX_BYTES
    if size == 0:
        raise ValidationError(_("文件为空，请重新选择。"))
    if size > limit:
        raise ValidationError(_("文件过大（%(size)s MB），单个文件不能超过 %(limit)s MB。")
                              % {"size": f"{size / 1048576:.1f}", "limit": limit // 1048576})
    content = uploaded.read()
    kind = filetype.guess(content)
    mime = kind.mime if kind else ""
    if mime == "application/zip" and (uploaded.name or "").lower().endswith(".docx"):
        mime = DOCX_MIME
    if mime not in ALLOWED:
        raise ValidationError(_("不支持该文件格式。请上传 PDF、JPG、PNG 或 Word（.docx）文件。"))
    pages = None
    if mime == "application/pdf":
        pages = _pdf_pages(content)
    elif mime.startswith("image/"):
        _check_image(content)
        check_image_pixels(content)
    elif mime == DOCX_MIME:
        check_docx(content)
    return CheckedUpload(content, mime, hashlib.sha256(content).hexdigest(), len(content), pages)


def _pdf_pages(content: bytes) -> int:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise ValidationError(_("PDF 文件已加密，请上传未加密的文件。"))
        pages = len(reader.pages)
    except ValidationError:
        raise
    except (PdfReadError, Exception):
        raise ValidationError(_("PDF 文件已损坏，无法打开，请重新导出后上传。"))
    if pages == 0:
        raise ValidationError(_("PDF 文件没有页面。"))
    if pages > MAX_PDF_PAGES:
        raise ValidationError(ngettext("PDF 页数过多（%(pages)d 页），请拆分后上传。",
                                       "PDF 页数过多（%(pages)d 页），请拆分后上传。", pages) % {"pages": pages})
    return pages


def _check_image(content: bytes) -> None:
    # JPEG must end with EOI, PNG with IEND: a truncated transfer is caught here.
    if content[:3] == b"\xff\xd8\xff" and not content.rstrip(b"\x00").endswith(b"\xff\xd9"):
        raise ValidationError(_("图片文件不完整或已损坏，请重新上传。"))
    if content[:8] == b"\x89PNG\r\n\x1a\n" and b"IEND" not in content[-32:]:
        raise ValidationError(_("图片文件不完整或已损坏，请重新上传。"))
