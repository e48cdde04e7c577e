"""An uploaded template is checked against the structure of its kind's form before it is used
(services.upload_template, and the admin's upload form through services._check_docx_template): the
placeholders and the form's wording every document of that kind needs must still be there.

What each kind needs is declared next to its builder: build_notices.REQUIRED for the notices, build_enforcement.REQUIRED for the enforcement forms and,
build_final.REQUIRED for the judge's documents. An entry is
- a placeholder "{{ name }}" / "{{ a.b }}": present in any spelling ({{name}}, {{ name|e }});
- a bare name ("panel"): used by some Jinja tag ({%p for m in panel %});
- anything else: a phrase of the form, found in the text with blanks ignored ("传　　票" holds "传票").
The refusal names, in Chinese, every element that is missing."""
import html
import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_PLACEHOLDER = re.compile(r"^\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}$")
_BLANKS = re.compile(r"[\s\u3000]+")

#: how a missing placeholder is named in the refusal
LABELS = {
    "court_name": "法院名称", "case_number": "案号", "date_cn": "落款日期", "recipient.name": "受文人",
    "fee_figures": "案件受理费金额", "evidence_period": "举证期限", "hearing_time": "应到时间（开庭时间）",
    "hearing_place": "应到处所（开庭地点）", "panel": "合议庭成员", "served_documents": "送达文书名称和文号",
    "cause": "案由", "clerk": "书记员", "judge": "审判员",
    # the judge's documents (build_final.REQUIRED)
    "party_lines": "当事人", "procedure_sentence": "审理经过", "sec.claims": "诉讼请求", "sec.evidence_facts": "事实认定",
    "sec.reasoning": "本院认为", "citations": "法律依据", "decision_items": "主文", "pays_money": "迟延履行条款",
    "fee_burden": "诉讼费用负担", "effect": "上诉或生效告知", "signers": "署名", "sign_date_cn": "落款日期",
    # the enforcement forms (build_enforcement.REQUIRED)
    "obligations": "履行义务", "report_days": "报告期限", "persons": "限制消费及于的人员", "circumstance_lines": "失信情形",
    "dishonest_basis": "失信规定条文", "addressee": "协助执行单位", "items": "协助执行的账户或者财产",
    "action_word": "协助事项",
}


def required(kind: str) -> tuple[str, ...]:
    from . import build_enforcement, build_final, build_notices

    table = {**getattr(build_final, "REQUIRED", {}), **build_notices.REQUIRED, **build_enforcement.REQUIRED}
    return tuple(table.get(kind, ()))


def _text(data: bytes) -> str:
    """The text of the document's parts (body, headers, footers), tags removed, runs joined."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = [z.read(n).decode("utf-8", "replace") for n in sorted(z.namelist())
                     if n.startswith("word/") and n.endswith(".xml")
                     and n.split("/")[-1].startswith(("document", "header", "footer"))]
    except (zipfile.BadZipFile, KeyError) as exc:
        raise ValidationError(_("无法读取该 .docx 文件。")) from exc
    return html.unescape(re.sub(r"<[^>]+>", "", "".join(parts)))


def _jinja_tags(text: str) -> list[str]:
    return re.findall(r"\{[{%].*?[}%]\}", text, flags=re.S)


def _has_placeholder(tags, name) -> bool:
    pattern = re.compile(r"^\{\{\s*" + re.escape(name) + r"\s*(\|[^}]*)?\}\}$", re.S)
    return any(pattern.match(t) for t in tags)


def _uses_name(tags, name) -> bool:
    pattern = re.compile(r"(?<![A-Za-z0-9_.])" + re.escape(name) + r"(?![A-Za-z0-9_])")
    return any(pattern.search(t) for t in tags)


def missing(kind: str, data: bytes) -> list[str]:
    """The required elements of `kind` an uploaded .docx lacks, as the refusal names them."""
    text = _text(data)
    tags = _jinja_tags(text)
    flat = _BLANKS.sub("", text)
    out = []
    for item in required(kind):
        m = _PLACEHOLDER.match(item)
        if m:
            ok = _has_placeholder(tags, m.group(1))
            label = f"{LABELS.get(m.group(1), m.group(1))}（{item}）"
        elif _NAME.match(item):
            ok = _uses_name(tags, item)
            label = f"{LABELS.get(item, item)}（{item}）"
        else:
            ok = _BLANKS.sub("", item) in flat
            label = f"“{item}”"
        if not ok:
            out.append(label)
    return out


def check_structure(kind: str, data: bytes) -> None:
    """Raise ValidationError naming what an uploaded .docx of `kind` lacks."""
    lacking = missing(kind, data)
    if lacking:
        raise ValidationError(_("模板缺少该文书样式必需的内容：%(items)s。请在现行模板的基础上修改，保留这些内容。")
                              % {"items": "、".join(lacking)})
