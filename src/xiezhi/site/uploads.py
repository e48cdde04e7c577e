"""Checks every upload path shares (filing evidence, e-file scans, served documents, hearing audio,
document templates): the file name as it will be shown and sent back, an image's pixel count read
from its header, and a Word package's structure and inflated size. Security review findings F19,
F24, F25."""
from __future__ import annotations

import io
import unicodedata
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# An image is decoded in full by the e-file worker (page image, thumbnail, OCR): 40 megapixels is
# an A3 page scanned at 600 dpi (7016 × 4961 = 34.8 Mpx) with room to spare, and about 120 MB as RGB.
# A 32 KB PNG declaring 12000 × 12000 took 753 MB in the worker.
MAX_IMAGE_PIXELS = 40_000_000
# A real judgment or complaint in .docx inflates to a few MB; 50 MB leaves room for scanned images.
MAX_DOCX_INFLATED_BYTES = 50 * 1024 * 1024
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_DOCX_PARTS = ("[Content_Types].xml", "word/document.xml")


def clean_filename(name: str | None, limit: int = 255) -> str:
    """The name a file is shown and sent back under: the last path part only, with control and
    format characters (Unicode Cc, Cf: U+202E RIGHT-TO-LEFT OVERRIDE made `起诉状\\u202egpj.pdf`
    read as 起诉状fdp.jpg) and surrounding blanks removed."""
    text = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    return text.strip()[:limit]


def image_pixels(data: bytes) -> int | None:
    """Width × height from the image's header (nothing decoded); None when it is not an image Pillow
    reads. Pillow's own bomb error (above twice its limit) counts as too many pixels."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            width, height = im.size
    except Image.DecompressionBombError:
        return MAX_IMAGE_PIXELS + 1
    except Exception:
        return None
    return width * height


def check_image_pixels(data: bytes) -> None:
    """Refuse an image with more than MAX_IMAGE_PIXELS pixels, before anything decodes it."""
    pixels = image_pixels(data)
    if pixels is not None and pixels > MAX_IMAGE_PIXELS:
        raise ValidationError(_("图片像素过多（超过 %(mp)d 百万像素），请缩小或重新扫描后上传。")
                              % {"mp": MAX_IMAGE_PIXELS // 1_000_000})


def check_docx(data: bytes) -> None:
    """A .docx must be a Word package — a ZIP holding [Content_Types].xml and word/document.xml —
    whose members inflate to at most MAX_DOCX_INFLATED_BYTES (by the sizes the ZIP declares: a
    204 KB ZIP named bomb.docx held one 200 MB member). Nothing is inflated here."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ValidationError(_("该文件不是有效的 Word（.docx）文档。"))
    names = {i.filename for i in infos}
    if not all(part in names for part in _DOCX_PARTS):
        raise ValidationError(_("该文件不是有效的 Word（.docx）文档。"))
    if sum(i.file_size for i in infos) > MAX_DOCX_INFLATED_BYTES:
        raise ValidationError(_("Word 文档解压后过大（超过 %(mb)d MB），请另存后重新上传。")
                              % {"mb": MAX_DOCX_INFLATED_BYTES // (1024 * 1024)})
