"""Nothing unfinished leaves the court (issue 10 item 4).

A judgment, ruling or mediation document with an empty required section, a `【待填写…】` marker
(structure.gap(title) prints `【待填写：<title>】`; the old free-text defaults print `【待填写】`) or a
主文 item without content is not signed off (签发), sealed or served. The refusal names the
sections: "民事判决书第1稿还有未完成的部分：本院认为、裁判主文，不能签发".

Two sources, both recorded on the GeneratedDocument: the draft the text came from (section_gaps, read
from the judge's sections) and the generated .docx itself (docx_gap_titles: the markers still in its
text — a template or a context that left something open)."""
from __future__ import annotations

import io
import re
import zipfile

from django.utils.translation import gettext as _

from .structure import FEE_BURDEN, GAP_PREFIX, ITEMS, sections_for

_TITLED = re.compile(re.escape(GAP_PREFIX) + r"：([^】<]{1,40})】")


def _has_marker(value) -> bool:
    if isinstance(value, str):
        return GAP_PREFIX in value
    if isinstance(value, list):
        return any(_has_marker(v) for v in value)
    return False


def _filled(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(isinstance(v, str) and v.strip() for v in value)
    return False


def section_gaps(kind: str, sections: dict | None) -> list[str]:
    """The titles of the sections of `kind` still unfinished in `sections`, in the form's order: a
    required section left empty, any section holding a 【待填写 marker, a 主文 with an empty item."""
    sections = sections or {}
    out = []
    for s in sections_for(kind):
        value = sections.get(s.code)
        if s.required and not _filled(value):
            out.append(str(s.title))
        elif _has_marker(value):
            out.append(str(s.title))
        elif s.form == ITEMS and isinstance(value, list) and any(not (isinstance(v, str) and v.strip()) for v in value):
            out.append(str(s.title))
        elif s.form == FEE_BURDEN and value is not None and not isinstance(value, str):
            out.append(str(s.title))
    return out


def docx_xml(docx: bytes) -> str:
    """The XML of the body, headers and footers of a .docx (where the markers would be)."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                           if n.startswith("word/") and n.endswith(".xml"))
    except zipfile.BadZipFile:
        return ""


def count_markers(docx: bytes) -> int:
    """How many 【待填写 markers (titled or not) a .docx still holds."""
    return docx_xml(docx).count(GAP_PREFIX)


def docx_gap_titles(docx: bytes) -> list[str]:
    """The section titles named by the `【待填写：<title>】` markers of a .docx, once each, in order."""
    seen = []
    for t in _TITLED.findall(docx_xml(docx)):
        if t not in seen:
            seen.append(t)
    return seen


def merge(*lists) -> list[str]:
    out = []
    for lst in lists:
        for t in lst or ():
            if t not in out:
                out.append(t)
    return out


def refusal(title: str, version: int, names: list[str], count: int, action: str) -> str | None:
    """The sentence refusing `action` (签发 / 签章 / 送达) of an unfinished document, or None if it is finished."""
    if names:
        return (_("%(title)s第%(version)s稿还有未完成的部分：%(names)s，不能%(action)s；请在文书编辑中补全后重新生成。")
                % {"title": title, "version": version, "names": "、".join(names), "action": action})
    if count:
        return (_("%(title)s第%(version)s稿还有 %(n)s 处“【待填写】”，不能%(action)s；请补全内容后重新生成。")
                % {"title": title, "version": version, "n": count, "action": action})
    return None
