"""Template filters every app's pages share."""
from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

register = template.Library()

_WORD, _WAV = gettext_lazy("Word 文档"), gettext_lazy("WAV 音频")
# a file's media type as a person names it (the type itself, application/pdf, is for programs)
_KINDS = {
    "application/pdf": gettext_lazy("PDF 文件"),
    "image/jpeg": gettext_lazy("JPEG 图片"),
    "image/png": gettext_lazy("PNG 图片"),
    "image/tiff": gettext_lazy("TIFF 图片"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _WORD,
    "application/msword": _WORD,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": gettext_lazy("Excel 表格"),
    "audio/wav": _WAV, "audio/x-wav": _WAV, "audio/mpeg": gettext_lazy("MP3 音频"), "audio/ogg": gettext_lazy("OGG 音频"),
}


@register.filter
def file_kind(content_type: str) -> str:
    """application/pdf → PDF 文件; an unknown type → 其他文件."""
    label = _KINDS.get((content_type or "").split(";")[0].strip().lower())
    return str(label) if label else _("其他文件")
