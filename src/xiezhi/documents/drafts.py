"""裁判文书编辑: the judgment, ruling or mediation document the judge writes on the platform.

A DocumentDraft per case, kind (and ruling type) holds the judge's sections (documents.structure); the
parts the case already knows (title block, case number, parties with their agents, the procedure
sentence, the effect sentence) come from documents.context and are not edited here.

- save_draft(): the autosave, with the never-lose-a-word rule of the filing form
  (xiezhi.site.drafts.decide_write): the draft row is locked, a tab's retried or overtaken save changes
  nothing, another tab's save based on an older revision is a DraftConflict (the page keeps the text
  and shows both versions). Every save is kept as a DocumentDraftRevision; the autosaves of one user
  within REVISION_WINDOW of the revision's start update that revision instead of adding one.
- generate_from_draft(): services.generate(…, sections=, variant=, draft=) — the document records the
  draft, its revision and the sections still unfinished (documents.gaps).
- to_docx() / from_docx(): the .docx round trip: one Word paragraph style per section ("xz-reasoning"),
  edited in Word or WPS and uploaded back, parsed by those styles and checked against the structure.
- section_diff(): the judge's changes between two revisions, per section (difflib)."""
from __future__ import annotations

import difflib
import io
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.site.drafts import CONFLICT, SKIP, decide_write

from . import services
from .kinds import KINDS
from .models import DocumentDraft, DocumentDraftRevision
from .structure import CITATIONS, FEE_BURDEN, ITEMS, TEXT, VARIANTS, is_structured, sections_for

REVISION_WINDOW = timedelta(minutes=5)
MAX_TEXT = 20000        # one paragraph, item or citation
MAX_ENTRIES = 300       # paragraphs / items / citations of one section
MAX_TOTAL = 400000      # characters of the whole draft
STYLE_PREFIX = "xz-"
HEADING_STYLE, LOCKED_STYLE = "xz-heading", "xz-locked"


class DraftConflict(ValidationError):
    """Someone else (or another tab) saved the draft after the text being saved was loaded; carries the
    draft as saved so that the editor shows both versions and the user keeps either."""

    def __init__(self, draft: DocumentDraft):
        super().__init__(_("草稿已被他人（或另一窗口）修改并保存，本次保存未覆盖对方的内容；您的内容仍保留在页面上，请选择保留哪一个版本。"))
        self.draft = draft


def may_edit(user, case, kind: str) -> bool:
    """Who writes a judicial document: those who try the case — the 承办法官, the members of the trial
    organisation formed and the case team (法官助理, 书记员). A division head or president who does not
    sit on the case does not write or read its draft: 司法责任制意见（法发〔2015〕13号）第六条 — 院长、庭长
    对其未直接参加审理案件的裁判文书不再审核签发. Not the 立案法官 (services.kinds_for)."""
    return is_structured(kind) and kind in services.kinds_for(user, case) and tries_case(user, case)


def tries_case(user, case) -> bool:
    """The 承办法官, a member of the trial organisation formed, or one of the case team."""
    return (case.judge_id == user.pk or case.team.filter(pk=user.pk).exists()
            or case.panel_members.filter(active=True, user=user).exists())


def _require(actor, draft_or_case, kind: str):
    case = getattr(draft_or_case, "case", draft_or_case)
    if not may_edit(actor, case, kind):
        raise PermissionDenied(_("您不能编辑该案件的裁判文书。"))


def title_of(kind: str, variant: str = "") -> str:
    title = str(KINDS[kind].title)
    v = VARIANTS.get(kind, {}).get(variant)
    return f"{title}（{v.title}）" if v else title


def empty_sections(kind: str) -> dict:
    return {s.code: ("" if s.form == FEE_BURDEN else []) for s in sections_for(kind)}


def _text(value, title) -> str:
    if not isinstance(value, str):
        raise ValidationError(_("“%(title)s”的内容格式不正确。") % {"title": title})
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    if len(value) > MAX_TEXT:
        raise ValidationError(_("“%(title)s”的一段不能超过 %(n)s 字。") % {"title": title, "n": MAX_TEXT})
    return value


def clean_sections(kind: str, raw) -> dict:
    """The sections as the editor (or a Word file) sent them, checked against the structure of `kind`:
    an unknown section is refused naming it; TEXT/CITATIONS lose their empty paragraphs; 主文 items
    are kept as typed (an empty one is a gap the sign-off names); FEE_BURDEN is one text."""
    if not isinstance(raw, dict):
        raise ValidationError(_("草稿内容格式不正确。"))
    known = {s.code: s for s in sections_for(kind)}
    unknown = [str(k) for k in raw if k not in known]
    if unknown:
        raise ValidationError(_("草稿含有%(kind)s没有的部分：%(names)s。")
                              % {"kind": KINDS[kind].title, "names": "、".join(unknown[:5])})
    out, total = empty_sections(kind), 0
    for code, value in raw.items():
        s = known[code]
        if s.form == FEE_BURDEN:
            if isinstance(value, list):
                value = "".join(v for v in value if isinstance(v, str))
            out[code] = _text(value, s.title)
            total += len(out[code])
            continue
        if isinstance(value, str):
            value = value.split("\n")
        if not isinstance(value, list) or len(value) > MAX_ENTRIES:
            raise ValidationError(_("“%(title)s”的内容格式不正确。") % {"title": s.title})
        entries = [_text(v, s.title) for v in value]
        if s.form in (TEXT, CITATIONS):
            entries = [e for e in entries if e]
        out[code] = entries
        total += sum(len(e) for e in entries)
    if total > MAX_TOTAL:
        raise ValidationError(_("草稿内容过长。"))
    return out


def start_draft(actor, case, kind: str, variant: str = "") -> DocumentDraft:
    """The draft of `kind` (and ruling type) for the case: the existing one, or a new empty one."""
    if not is_structured(kind):
        raise ValidationError(_("该文书种类不需要撰写，请直接生成。"))
    _require(actor, case, kind)
    variants = VARIANTS.get(kind)
    if variants:
        if variant not in variants:
            raise ValidationError(_("请选择%(kind)s的类型。") % {"kind": KINDS[kind].title})
    else:
        variant = ""
    existing = DocumentDraft.objects.filter(case=case, kind=kind, variant=variant).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return DocumentDraft.objects.create(case=case, kind=kind, variant=variant, sections=empty_sections(kind),
                                                created_by=actor, updated_by=actor)
    except IntegrityError:  # another tab started it at the same moment
        return DocumentDraft.objects.get(case=case, kind=kind, variant=variant)


def _keep_revision(actor, draft: DocumentDraft, source: str, now) -> DocumentDraftRevision:
    last = draft.revisions.order_by("-number").first()
    if (last is not None and source == DocumentDraftRevision.Source.EDITOR and last.source == source
            and last.saved_by_id == actor.pk and now - last.started_at <= REVISION_WINDOW):
        last.sections, last.revision, last.saved_at = draft.sections, draft.revision, now
        last.save(update_fields=["sections", "revision", "saved_at"])
        return last
    return DocumentDraftRevision.objects.create(
        draft=draft, number=(last.number + 1) if last else 1, revision=draft.revision, sections=draft.sections,
        source=source, saved_by=actor, started_at=now, saved_at=now)


def save_draft(actor, draft: DocumentDraft, sections, revision: int | None, *, editor: str = "",
               seq: int | None = None, source: str = DocumentDraftRevision.Source.EDITOR) -> DocumentDraft:
    """Autosave (or a Word upload): replace the sections. See the module for the rule."""
    _require(actor, draft.case, draft.kind)
    clean = clean_sections(draft.kind, sections)
    with transaction.atomic():
        d = DocumentDraft.objects.select_for_update().select_related("case").get(pk=draft.pk)
        decision = decide_write(current_revision=d.revision, current_editor=d.editor, current_seq=d.editor_seq,
                                revision=revision, editor=editor, seq=seq, same_content=clean == d.sections)
        if decision == CONFLICT:
            raise DraftConflict(d)
        if decision == SKIP:
            return d
        now = timezone.now()
        d.sections = clean
        d.revision += 1
        d.editor, d.editor_seq = editor[:40], seq or 0
        d.updated_by = actor
        d.save()
        _keep_revision(actor, d, source, now)
    return d


def generate_from_draft(actor, draft: DocumentDraft):
    """生成文书: the current template filled from the case and the draft's sections."""
    _require(actor, draft.case, draft.kind)
    draft = DocumentDraft.objects.select_related("case").get(pk=draft.pk)
    return services.generate(actor, draft.case, draft.kind, sections=draft.sections, variant=draft.variant,
                             draft=draft)


# ---- the judge's changes -------------------------------------------------------------------------

def _lines(form: str, value) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if form == ITEMS:
        return [f"{i}. {v}" for i, v in enumerate(value or [], 1)]
    return list(value or [])


def section_diff(kind: str, before: dict, after: dict) -> list[dict]:
    """Per section of `kind`: its title, whether it changed, and the lines of a diff
    ({"op": " " | "+" | "-", "text": …})."""
    out = []
    for s in sections_for(kind):
        a, b = _lines(s.form, (before or {}).get(s.code)), _lines(s.form, (after or {}).get(s.code))
        lines = [{"op": ln[0], "text": ln[2:]} for ln in difflib.ndiff(a, b) if ln[:1] in (" ", "+", "-")]
        out.append({"code": s.code, "title": str(s.title), "changed": a != b, "lines": lines})
    return out


# ---- what the case already knows (read-only in the editor) ----------------------------------------

def locked_parts(draft: DocumentDraft) -> dict:
    """The parts of the document filled from the case (documents.context), for the editor to show.
    Keys the context does not (yet) offer are simply left out."""
    from .context import build_context

    try:
        ctx = build_context(draft.case, kind=draft.kind, variant=draft.variant)
    except Exception:  # the editor must open even if the case lacks something the context needs
        ctx = {}

    def first(*keys):
        for k in keys:
            v = ctx.get(k)
            if isinstance(v, str) and v.strip():
                return v
        return ""

    lines = [x for x in (ctx.get("party_lines") or []) if isinstance(x, str)]
    if not lines:  # a context without the form's party block: each party, then its agents
        agents = [a for a in ctx.get("agents") or [] if isinstance(a, dict)]
        for p in ctx.get("parties") or []:
            if not isinstance(p, dict):
                continue
            lines.append("，".join(x for x in (f"{p.get('role', '')}：{p.get('name', '')}", p.get("detail", ""),
                                               p.get("address", "")) if x) + "。")
            lines += ["委托诉讼代理人：" + "，".join(x for x in (a.get("name", ""), a.get("law_firm", "")) if x) + "。"
                      for a in agents if a.get("represents") == p.get("name")]
    effect = ctx.get("effect")
    effect = "".join(x for x in effect if isinstance(x, str)) if isinstance(effect, list) else first("effect", "closing")
    return {
        "court": first("court_full_name", "court_name") or draft.case.court.name,
        "title": title_of(draft.kind, draft.variant),
        "case_number": first("case_number") or draft.case.number,
        "party_lines": lines,
        "procedure": first("procedure_sentence", "opening"),
        "effect": effect,
        "fee_figures": first("fee_figures"),
        "plaintiffs": [p.get("name", "") for p in ctx.get("parties") or []
                       if isinstance(p, dict) and p.get("role_code") in ("plaintiff", "applicant", "appellant")],
        "defendants": [p.get("name", "") for p in ctx.get("parties") or []
                       if isinstance(p, dict) and p.get("role_code") in ("defendant", "respondent", "appellee")],
    }


def fee_suggestion(draft: DocumentDraft, outcome: str, claimed=None, granted=None) -> str:
    """The fee-burden text suggested by 交费办法 第二十九条 (xiezhi.law.fee_burden) from the case's fee and
    the result the judge chose; the judge may overwrite it."""
    from xiezhi.law import fee_burden

    from .context import _fee

    if outcome not in fee_burden.OUTCOMES:
        raise ValidationError(_("请选择裁判结果。"))
    parts = locked_parts(draft)
    fee = _fee(draft.case)
    return fee_burden.suggest(outcome, parts["plaintiffs"], parts["defendants"], fee,
                              claimed if claimed not in (None, "") else draft.case.amount, granted)


# ---- the .docx round trip -------------------------------------------------------------------------

def style_name(code: str) -> str:
    return STYLE_PREFIX + code.replace("_", "-")


def _marker(draft: DocumentDraft) -> str:
    return f"xiezhi-draft:{draft.pk}:{draft.kind}:{draft.variant}"


def to_docx(draft: DocumentDraft) -> bytes:
    """The draft as a Word file: the locked parts in style xz-locked, each section's title in xz-heading
    and its paragraphs in the section's own style (xz-claims, xz-reasoning, xz-decision, …). Edited in
    Word or WPS, the paragraphs keep their style (pressing Enter continues it) and from_docx reads them back."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    doc = Document()
    styles = doc.styles

    def style(name, size=14, bold=False, grey=False):
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles["Normal"]
        st.font.size, st.font.bold = Pt(size), bold
        st.font.name = "FangSong"
        if grey:
            st.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        st.next_paragraph_style = st
        return st

    style(LOCKED_STYLE, 12, grey=True)
    style(HEADING_STYLE, 14, bold=True)
    for s in sections_for(draft.kind):
        style(style_name(s.code))
    parts = locked_parts(draft)
    doc.core_properties.subject = _marker(draft)
    doc.core_properties.comments = str(draft.revision)
    doc.core_properties.title = f"{draft.case.number} {parts['title']}"
    for line in (parts["court"], parts["title"], parts["case_number"],
                 _("（灰色部分由系统根据案件信息生成，上传时不读取；请只在各部分标题下的段落中修改，按回车新增的段落属于同一部分。）")):
        doc.add_paragraph(line, style=LOCKED_STYLE)
    for s in sections_for(draft.kind):
        doc.add_paragraph(f"【{s.title}】{s.guidance}", style=HEADING_STYLE)
        value = draft.sections.get(s.code)
        entries = [value] if isinstance(value, str) else list(value or [])
        for entry in entries or [""]:
            doc.add_paragraph(entry, style=style_name(s.code))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def from_docx(draft: DocumentDraft, data: bytes) -> dict:
    """The sections of an uploaded Word file, by paragraph style. Refused with a Chinese sentence naming
    what is wrong: not this draft's file, a paragraph with text in a style of no section, a section
    whose paragraphs are all gone. Nothing is saved here (upload_docx saves)."""
    from docx import Document

    from xiezhi.site.uploads import check_docx

    if not data.startswith(b"PK"):
        raise ValidationError(_("请上传从本草稿下载的 .docx 文件。"))
    check_docx(data)
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:
        raise ValidationError(_("无法读取该 .docx 文件。")) from exc
    marker = doc.core_properties.subject or ""
    if marker != _marker(draft):
        raise ValidationError(_("该文件不是从本草稿（%(title)s）下载的，未读取。") % {"title": title_of(draft.kind, draft.variant)})
    by_style = {style_name(s.code): s for s in sections_for(draft.kind)}
    found: dict[str, list[str]] = {}
    for n, para in enumerate(doc.paragraphs, 1):
        name = para.style.name if para.style is not None else ""
        text = para.text.strip()
        if name in (LOCKED_STYLE, HEADING_STYLE):
            continue
        s = by_style.get(name)
        if s is None:
            if text:
                raise ValidationError(_("第%(n)s段“%(text)s”的样式“%(style)s”不属于文书的任何部分；请把它改为所在部分的样式（如 %(example)s）后重新上传。")
                                      % {"n": n, "text": text[:20], "style": name or "—",
                                         "example": style_name("reasoning")})
            continue
        found.setdefault(s.code, [])
        if text:
            found[s.code].append(text)
    missing = [str(s.title) for s in sections_for(draft.kind) if s.code not in found]
    if missing:
        raise ValidationError(_("上传的文件缺少以下部分：%(names)s（它们的段落样式已不在文件中）；请在下载的文件中修改后重新上传。")
                              % {"names": "、".join(missing)})
    sections = {}
    for s in sections_for(draft.kind):
        entries = found[s.code]
        sections[s.code] = "".join(entries) if s.form == FEE_BURDEN else entries
    return clean_sections(draft.kind, sections)


def upload_docx(actor, draft: DocumentDraft, data: bytes) -> DocumentDraft:
    """A Word file edited outside and uploaded back becomes a new revision ("上传 Word"). A file downloaded
    before someone else saved the draft is refused, so that nobody's changes are overwritten unseen."""
    _require(actor, draft.case, draft.kind)
    sections = from_docx(draft, data)
    from docx import Document

    try:
        based_on = int(Document(io.BytesIO(data)).core_properties.comments or "")
    except ValueError:
        based_on = None
    try:  # the row lock and the revision check of save_draft: nobody's later save is overwritten unseen
        return save_draft(actor, draft, sections, based_on, source=DocumentDraftRevision.Source.WORD)
    except DraftConflict as exc:
        raise ValidationError(_("该文件下载后草稿又被修改过，为免覆盖他人的修改，未读取；请重新下载最新的草稿再编辑。")) from exc
