"""Writes of the documents app: load templates, generate, seal.

generate() and seal() take the acting user, check permission (staff who can manage the case),
store every file through Django storage under its SHA-256 (never overwritten), append a node to the
case timeline and tell the e-case file (paper_added)."""
import hashlib
import io
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from jinja2.sandbox import ImmutableSandboxedEnvironment

from xiezhi.cases.counters import next_value
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import append_event, lock_case
from xiezhi.cases.signals import paper_added
from xiezhi.celery import run_after_commit
from xiezhi.storage import store_once

from . import convert, gaps, seal
from .context import build_context, template_variables
from .kinds import ENFORCEMENT_KINDS, ENFORCEMENT_TYPES, FILING_STAGE_KINDS, KINDS
from .models import DocumentTemplate, GeneratedDocument, SignOff

SHIPPED = Path(__file__).with_name("templates_docx")
MANAGE_ROLES = ("judge", "assistant", "clerk", "filing_judge", "division_head", "president")
#: who may draft any kind; the 立案法官 (filing_judge) drafts only the filing-stage notices (kinds.FILING_STAGE_KINDS)
TRIAL_DRAFT_ROLES = tuple(r for r in MANAGE_ROLES if r != "filing_judge")
SEAL_ROLES = ("judge", "division_head", "president", "clerk", "assistant")
#: who drafts and seals the forms of an enforcement case (执行员), besides the trial roles
ENFORCEMENT_DRAFT_ROLES = ("enforcement",)
TEMPLATE_ADMIN_ROLES = ("sysadmin", "trial_management")
MAX_TEMPLATE_BYTES = 10 * 1024 * 1024
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _store(field, name: str, data: bytes) -> str:
    digest = sha256(data)
    store_once(field, field.field.upload_to, digest, data, Path(name).suffix)  # documents/files/, …/templates/
    return digest


def ensure_shipped_templates() -> None:
    """Load the shipped .docx files as version 1 of each kind (idempotent)."""
    for kind in KINDS:
        if DocumentTemplate.objects.filter(kind=kind).exists():
            continue
        data = (SHIPPED / f"{kind}.docx").read_bytes()
        t = DocumentTemplate(kind=kind, version=1, note="随系统提供")
        t.sha256 = _store(t.file, f"{kind}.docx", data)
        t.save()


def current_template(kind: str) -> DocumentTemplate:
    ensure_shipped_templates()
    t = DocumentTemplate.objects.filter(kind=kind, active=True).order_by("-version").first()
    if t is None:
        raise ValidationError(_("没有可用的文书模板。"))
    return t


def template_environment():
    """Templates are data an administrator uploads, so they are rendered in Jinja's sandbox: no
    attribute starting with "_", no calls into Python's internals (an uploaded
    `{{ cycler.__init__.__globals__.os.popen('id').read() }}` ran the command in the web process,
    which can read the court's seal key). Autoescape keeps the .docx XML well-formed."""
    return ImmutableSandboxedEnvironment(autoescape=True)


class _ParseKeepingEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox that also keeps the syntax tree docxtpl parses (the whole .docx, headers and
    footers included), so the upload check reads every name the template uses."""

    parsed = None

    def parse(self, *args, **kwargs):
        self.parsed = super().parse(*args, **kwargs)
        return self.parsed


def _check_docx_template(data: bytes, kind: str = "") -> None:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    if len(data) > MAX_TEMPLATE_BYTES or not data.startswith(b"PK"):
        raise ValidationError(_("模板必须是不超过 10 MB 的 .docx 文件。"))
    from xiezhi.site.uploads import check_docx

    check_docx(data)  # a Word package of capped inflated size, before docxtpl unpacks it
    env = _ParseKeepingEnvironment()
    try:
        DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(env)
    except TemplateSyntaxError as exc:
        raise ValidationError(_("模板占位符有语法错误：%(err)s") % {"err": exc}) from exc
    except Exception as exc:
        raise ValidationError(_("无法读取该 .docx 文件。")) from exc
    refused = sorted(_refused_names(env.parsed)) if env.parsed is not None else []
    if refused:
        raise ValidationError(_("模板使用了文书不提供的占位符：%(names)s。可用的占位符见现行模板。")
                              % {"names": "、".join(refused)})
    if kind:
        from .template_check import check_structure

        check_structure(kind, data)  # the form's required elements are still there (template_check)


def _refused_names(ast) -> set[str]:
    """What a template reads that the document does not offer: a name outside
    template_variables() that the template does not set itself (Jinja's globals such as
    `cycler` included), or an attribute or key starting with "_" (the way into Python)."""
    from jinja2 import nodes

    names = list(ast.find_all(nodes.Name))
    own = {n.name for n in names if n.ctx in ("store", "param")} | {"loop"}
    refused = {n.name for n in names if n.ctx == "load"} - own - template_variables()
    refused |= {n.attr for n in ast.find_all(nodes.Getattr) if n.attr.startswith("_")}
    refused |= {n.arg.value for n in ast.find_all(nodes.Getitem)
                if isinstance(n.arg, nodes.Const) and str(n.arg.value).startswith("_")}
    return refused


@transaction.atomic
def upload_template(actor, kind: str, data: bytes, note: str = "") -> DocumentTemplate:
    """An administrator uploads a new version of a template (rules as data)."""
    if not (getattr(actor, "is_superuser", False) or actor.has_role(*TEMPLATE_ADMIN_ROLES)):
        raise PermissionDenied
    if kind not in KINDS:
        raise ValidationError(_("未知的文书种类。"))
    _check_docx_template(data, kind)
    ensure_shipped_templates()
    # versions come from the upsert counter (a FOR UPDATE on an aggregate locks nothing); rows
    # written before the counter existed are skipped over (at_least)
    before = DocumentTemplate.objects.filter(kind=kind).aggregate(m=Max("version"))["m"] or 0
    t = DocumentTemplate(kind=kind, version=next_value("template", kind, at_least=before), note=note,
                         uploaded_by=actor)
    t.sha256 = _store(t.file, f"{kind}.docx", data)
    t.save()
    return t


def render_docx(template: DocumentTemplate, context: dict) -> bytes:
    from docxtpl import DocxTemplate
    from jinja2.exceptions import SecurityError

    with template.file.open("rb") as f:
        tpl = DocxTemplate(io.BytesIO(f.read()))
    try:
        tpl.render(context, jinja_env=template_environment())
    except SecurityError as exc:  # a template stored before the upload check, or edited on disk
        raise ValidationError(_("模板第 %(version)s 版含有不允许的内容，已拒绝生成；请管理员上传合格的模板。")
                              % {"version": template.version}) from exc
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def _type_code(case) -> str:
    return case.case_type.type_code if case.case_type_id else ""


def fits_case(kind: str, case) -> bool:
    """A 民事判决书 is for a civil case, a 刑事判决书 for a criminal one, a 行政判决书 for an administrative one
    (Procedure.case_kind); an enforcement form (kinds.ENFORCEMENT_KINDS) only for a case of its types
    (执 / 执恢 / 执保; the 执行裁定书 also 执异), and an enforcement case takes no trial form but the 送达回证.
    Notices and kinds without a procedure law of their own fit every other case."""
    k = KINDS[kind]
    code = _type_code(case)
    if k.case_types:
        return code in k.case_types
    if code in ENFORCEMENT_TYPES:
        return kind == "service_receipt"
    wanted = k.case_kind
    return not wanted or not case.procedure_id or case.procedure.case_kind == wanted


def enforcement_may_seal(user, case) -> bool:
    """The enforcement officer seals the forms of their enforcement case (执行通知书, 裁定书 after 签发)."""
    return _type_code(case) in ENFORCEMENT_TYPES and can_manage_case(user, case, *ENFORCEMENT_DRAFT_ROLES)


def _refusal(kind: str, case) -> str:
    """Why `kind` does not fit `case` (fits_case is False), in the court's words."""
    k = KINDS[kind]
    if k.case_types:
        return _("%(title)s只能在执行案件（%(types)s）中制作，本案不是。") % {
            "title": k.title, "types": "、".join(k.case_types)}
    if _type_code(case) in ENFORCEMENT_TYPES:
        return _("执行案件不能制作%(title)s，请使用执行文书。") % {"title": k.title}
    return _("本案适用%(procedure)s，不能制作%(title)s。") % {"procedure": case.procedure.name, "title": k.title}


def kinds_for(actor, case) -> list[str]:
    """The kinds `actor` may draft on `case`: every kind for the trial team and the division's and
    court's leaders; for the 立案法官 only the notices of the filing stage (受理、应诉、举证通知书) —
    the judgment of a case in trial is not theirs to draft (security review F21); for the enforcement
    officer (执行员) the forms of an enforcement case, never a trial form of another case."""
    if can_manage_case(actor, case, *TRIAL_DRAFT_ROLES):
        return [k for k in KINDS if fits_case(k, case)]
    if _type_code(case) in ENFORCEMENT_TYPES and can_manage_case(actor, case, *ENFORCEMENT_DRAFT_ROLES):
        return [k for k in KINDS if fits_case(k, case)]
    if can_manage_case(actor, case, "filing_judge"):
        return [k for k in KINDS if k in FILING_STAGE_KINDS]
    return []


def docx_gaps(docx: bytes) -> int:
    """How many 【待填写…】 markers the text of a .docx still holds (body, headers and footers)."""
    return gaps.count_markers(docx)


def _refuse_gaps(doc: GeneratedDocument, action: str) -> None:
    """Nothing unfinished leaves the court (documents.gaps): the refusal names the unfinished sections."""
    with doc.docx.open("rb") as f:
        data = f.read()
    names = gaps.merge(doc.gap_sections, gaps.docx_gap_titles(data))
    message = gaps.refusal(str(KINDS[doc.kind].title), doc.version, names, gaps.count_markers(data) or doc.gaps,
                           action)
    if message:
        raise ValidationError(message)


def generate(actor, case, kind: str, extra_context: dict | None = None, recipient: str = "",
             sections: dict | None = None, variant: str = "", draft=None) -> GeneratedDocument:
    """Fill the current template of `kind` from the case and record the draft (.docx at once); the PDF
    is made in the background (make_pdf), so the clerk's page does not wait for LibreOffice. From the
    editor (documents.drafts.generate_from_draft) `draft` is the DocumentDraft the sections come from:
    the document records it, its revision and the sections still unfinished (documents.gaps)."""
    if kind not in KINDS:
        raise ValidationError(_("未知的文书种类。"))
    allowed = kinds_for(actor, case)
    if not allowed:
        raise PermissionDenied
    if not fits_case(kind, case):
        raise ValidationError(_refusal(kind, case))
    if kind not in allowed:
        raise PermissionDenied(_("立案法官只能制作立案阶段的文书（受理案件通知书、应诉通知书、举证通知书）。"))
    from .context_notices import check as check_notice

    check_notice(case, kind, recipient)  # a notice the case cannot have (小额诉讼告知书 outside 小额诉讼, …)
    from .context_enforcement import check as check_enforcement

    check_enforcement(case, kind, recipient, extra_context, variant)  # the enforcement forms' own inputs
    template = current_template(kind)
    context = build_context(case, recipient_name=recipient, extra=extra_context, sections=sections,
                            variant=variant, kind=kind)
    docx = render_docx(template, context)
    with transaction.atomic():
        # the case row first, as append_event below and every other case service lock it: one lock order
        lock_case(case)
        before = GeneratedDocument.objects.filter(case=case, kind=kind).aggregate(m=Max("version"))["m"] or 0
        version = next_value("document", case.pk, kind, at_least=before)
        doc = GeneratedDocument(case=case, kind=kind, version=version, template=template, created_by=actor,
                                # a judgment is addressed to no one party: it is served on all of them
                                recipient="" if KINDS[kind].final else context["recipient"]["name"],
                                gaps=min(docx_gaps(docx), 32767),
                                gap_sections=gaps.merge(gaps.section_gaps(kind, sections) if sections is not None
                                                        else [], gaps.docx_gap_titles(docx)))
        if draft is not None:
            doc.draft, doc.draft_revision = draft, draft.revision
        doc.docx_sha256 = _store(doc.docx, "x.docx", docx)
        doc.save()
        append_event(case, "document_generated", actor, {
            "document": doc.pk, "kind": kind, "title": str(KINDS[kind].title), "version": doc.version,
            "template_version": template.version, "docx_sha256": doc.docx_sha256,
            **({"draft": draft.pk, "draft_revision": draft.revision} if draft is not None else {})})
        # Without a worker (the embedded demo) the PDF is made inline right after the commit, so the
        # page that follows already offers it for sealing; LibreOffice takes seconds, not minutes.
        run_after_commit(MAKE_PDF_TASK, doc.pk)
    doc.refresh_from_db()  # the PDF, when it was made in this process
    return doc




MAKE_PDF_TASK = "xiezhi.documents.tasks.make_pdf"


def make_pdf(pk: int) -> GeneratedDocument:
    """Background step of generate(): .docx → PDF with the CJK fonts embedded, then the draft enters
    the e-file (paper_added). Idempotent: a document that has its PDF is left alone, and the PDF is
    recorded under the row lock only by the first run to finish. A duplicate delivery may convert a
    second time (seconds of LibreOffice), which is cheaper than a claim that a dead worker would leave
    behind; its result is discarded."""
    doc = GeneratedDocument.objects.select_related("case").get(pk=pk)
    if doc.pdf:
        return doc
    with doc.docx.open("rb") as f:
        docx = f.read()
    try:
        pdf = convert.docx_to_pdf(docx)  # slow: no lock is held meanwhile
    except convert.ConversionError as exc:
        GeneratedDocument.objects.filter(pk=pk, pdf="").update(pdf_error=str(exc)[:300])
        doc.refresh_from_db()
        return doc
    with transaction.atomic():
        doc = GeneratedDocument.objects.select_for_update().select_related("case").get(pk=pk)
        if doc.pdf:
            return doc
        doc.pdf_sha256 = _store(doc.pdf, "x.pdf", pdf)
        doc.pdf_error = ""
        doc.save(update_fields=["pdf", "pdf_sha256", "pdf_error"])
        kind = KINDS[doc.kind]
        transaction.on_commit(lambda: paper_added.send(
            sender=GeneratedDocument, case=doc.case, file=doc.pdf, title=f"{kind.title}（第{doc.version}稿）",
            kind=kind.paper_kind, source=f"documents.GeneratedDocument:{doc.pk}", created_by=doc.created_by))
    return doc


PDF_GRACE = timedelta(minutes=10)  # a PDF missing this long after its draft was never queued or its worker died


def make_missing_pdfs(now=None, limit: int = 200) -> int:
    """Scheduled job: queue again the PDFs still missing some minutes after their draft (the broker was
    down when the draft was saved, or the worker died). Harmless twice: make_pdf records one PDF."""
    now = now or timezone.now()
    ids = list(GeneratedDocument.objects.filter(pdf="", pdf_error="", created_at__lt=now - PDF_GRACE,
                                                created_at__gte=now - timedelta(days=7))
               .order_by("id").values_list("pk", flat=True)[:limit])
    for pk in ids:
        run_after_commit(MAKE_PDF_TASK, pk)
    return len(ids)


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def verify_url(code: str, base_url: str = "") -> str:
    from django.urls import reverse

    return base_url.rstrip("/") + reverse("documents:verify_code", args=[code])


def seal_document(actor, doc: GeneratedDocument, base_url: str = "") -> GeneratedDocument:
    """Put the court's electronic seal on the PDF: PDF signature with the visible seal, the
    verification code and the QR code pointing at the public verification page."""
    if not (can_manage_case(actor, doc.case, *SEAL_ROLES)
            or (doc.kind in ENFORCEMENT_KINDS and enforcement_may_seal(actor, doc.case))):
        raise PermissionDenied
    if doc.sealed_at:
        raise ValidationError(_("该文书已签章。"))
    if not doc.pdf:
        raise ValidationError(_("PDF 尚在生成，请稍后再签章。") if doc.pdf_pending else
                              _("PDF 生成失败：%(err)s") % {"err": doc.pdf_error})
    _refuse_gaps(doc, _("签章"))
    missing = signoffs_missing(doc)
    if missing:  # 签发 before the seal (security review F3)
        raise ValidationError(_("%(title)s须经%(who)s签发后才能加盖印章。")
                              % {"title": KINDS[doc.kind].title, "who": missing[0].label})
    code = _new_code()
    while GeneratedDocument.objects.filter(verification_code=code).exists():
        code = _new_code()
    with doc.pdf.open("rb") as f:
        pdf = f.read()
    signed = seal.sign_pdf(pdf, doc.case.court, code, verify_url(code, base_url))
    with transaction.atomic():
        doc = GeneratedDocument.objects.select_for_update().get(pk=doc.pk)
        if doc.sealed_at:
            raise ValidationError(_("该文书已签章。"))
        doc.sealed_sha256 = _store(doc.sealed_pdf, "x.pdf", signed)
        doc.verification_code = code
        doc.sealed_at = timezone.now()
        doc.sealed_by = actor
        doc.save()
        append_event(doc.case, "document_sealed", actor, {
            "document": doc.pk, "kind": doc.kind, "title": str(KINDS[doc.kind].title), "version": doc.version,
            "sealed_sha256": doc.sealed_sha256, "code": code})
        transaction.on_commit(lambda: paper_added.send(
            sender=GeneratedDocument, case=doc.case, file=doc.sealed_pdf,
            title=f"{KINDS[doc.kind].title}（签章）", kind=KINDS[doc.kind].paper_kind,
            source=f"documents.GeneratedDocument:{doc.pk}:sealed", created_by=actor))
    return doc


# ---- 签发 (sign-off) of a final judicial document --------------------------------------------------

class Level:
    """One sign-off a document still needs: who signs (label) and whether `user` may."""

    def __init__(self, code, label, may):
        self.code, self.label, self.may = code, label, may


def presiding_judge(case):
    """The judge who signs off: the 审判长 of the active collegial panel, else the 独任审判员, else the
    承办法官 (case.judge)."""
    member = (case.panel_members.filter(active=True, role__in=("presiding", "sole"), user__isnull=False)
              .select_related("user").order_by("role", "pk").first())
    return member.user if member else case.judge


def _second_signer_may(user, case, role: str) -> bool:
    if not can_manage_case(user, case, role):
        return False
    return role == "president" or (user.division_id is not None and user.division_id == case.division_id)


def required_levels(doc: GeneratedDocument) -> list[Level]:
    """The sign-offs a document needs, in order; none for a notice (only final kinds are signed off)."""
    if not KINDS[doc.kind].final:
        return []
    case = doc.case
    presiding = presiding_judge(case)
    levels = [Level(SignOff.Level.PRESIDING, _("审判长（承办法官）"),
                    lambda u: presiding is not None and u.pk == presiding.pk and u.is_court_staff
                    and u.court_id == case.court_id)]
    role = settings.SIGNOFF_SECOND_KINDS.get(doc.kind)
    if role:
        levels.append(Level(SignOff.Level.SECOND, _("庭长") if role == "division_head" else _("院长"),
                            lambda u: _second_signer_may(u, case, role)))
    return levels


def signoffs_missing(doc: GeneratedDocument) -> list[Level]:
    done = set(SignOff.objects.filter(document=doc).values_list("level", flat=True))
    return [lv for lv in required_levels(doc) if lv.code not in done]


def may_sign_off(user, doc: GeneratedDocument) -> bool:
    missing = signoffs_missing(doc) if not doc.sealed_at else []
    return bool(missing) and missing[0].may(user)


def sign_off(actor, doc: GeneratedDocument) -> SignOff:
    """签发: the presiding judge approves the final text of a judgment, ruling or mediation document,
    then (where the court asks, settings.SIGNOFF_SECOND_KINDS) the division head or president. Only
    after the last sign-off may the clerk seal it (seal_document). A node on the case timeline."""
    if not KINDS[doc.kind].final:
        raise ValidationError(_("只有判决书、裁定书、调解书需要签发。"))
    if not can_manage_case(actor, doc.case):
        raise PermissionDenied
    with transaction.atomic():
        lock_case(doc.case)
        doc = GeneratedDocument.objects.select_for_update().select_related("case").get(pk=doc.pk)
        if doc.sealed_at:
            raise ValidationError(_("该文书已签章。"))
        missing = signoffs_missing(doc)
        if not missing:
            raise ValidationError(_("该文书已签发。"))
        level = missing[0]
        if not level.may(actor):
            raise PermissionDenied(_("%(title)s须由%(who)s签发。") % {"title": KINDS[doc.kind].title, "who": level.label})
        _refuse_gaps(doc, _("签发"))
        try:
            with transaction.atomic():
                row = SignOff.objects.create(document=doc, level=level.code, signed_by=actor)
        except IntegrityError as exc:  # the same level signed twice at once: the row lock makes this rare
            raise ValidationError(_("该文书已签发。")) from exc
        append_event(doc.case, "document_signed_off", actor, {
            "document": doc.pk, "kind": doc.kind, "title": str(KINDS[doc.kind].title), "version": doc.version,
            "level": level.code, "docx_sha256": doc.docx_sha256})
    return row


def check_upload(doc: GeneratedDocument | None, data: bytes) -> dict:
    """Public check of an uploaded PDF: authentic only if its bytes hash to a stored sealed PDF and
    its embedded signature validates with integrity intact."""
    digest = sha256(data)
    if doc is None:
        doc = GeneratedDocument.objects.select_related("case__court").filter(sealed_sha256=digest).first()
    if doc is None or not doc.sealed_sha256 or doc.sealed_sha256 != digest:
        return {"authentic": False, "sha256": digest, "doc": doc, "signature": None}
    sig = seal.verify_pdf(data, doc.case.court)
    ok = sig["signed"] and sig["intact"] and sig["valid"] and sig["trusted"] and sig["whole_file"]
    return {"authentic": ok, "sha256": digest, "doc": doc, "signature": sig}


# ---- handing a generated document to 送达 ---------------------------------------------------------

#: documents kind → xiezhi.delivery DocumentKind (送达 keeps its own, coarser list)
DELIVERY_KINDS = {"acceptance_notice": "acceptance", "response_notice": "response",
                  "evidence_notice": "evidence_notice", "summons": "summons", "panel_notice": "panel_notice",
                  "judgment": "judgment", "ruling": "ruling", "mediation": "mediation",
                  # the notices the 2016 forms added (issue 10) are served as 其他通知书
                  "fee_notice": "notice", "rights_notice": "notice", "small_claims_notice": "notice",
                  "appearance_notice": "notice", "criminal_judgment": "judgment", "admin_judgment": "judgment",
                  # issue 11: the enforcement forms served on the debtor
                  "enf_notice": "notice", "property_report_order": "notice", "consumption_order": "notice",
                  "dishonest_decision": "other", "enf_ruling": "ruling"}


def served_source(doc: GeneratedDocument) -> str:
    """How the delivery app names a generated document it serves (ServedDocument.source)."""
    return f"documents.GeneratedDocument:{doc.pk}:{'sealed' if doc.sealed_at else 'pdf'}"


def paper_to_serve(doc: GeneratedDocument) -> dict:
    """The file that goes to the parties for a generated document: the sealed PDF when there is one.

    A judgment, ruling or mediation document is served only once sealed: 民事诉讼法 第一百五十五条第二款
    (判决书由审判人员、书记员署名，加盖人民法院印章), 第一百五十七条第三款 (裁定书同), 第一百条第二款
    (调解书 … 加盖人民法院印章). A notice or summons may go out as the generated PDF."""
    kind = KINDS[doc.kind]
    if not kind.served or doc.kind not in DELIVERY_KINDS:
        raise ValidationError(_("%(title)s不需要送达。") % {"title": kind.title})
    if kind.final and not doc.sealed_at:
        raise ValidationError(_("%(title)s须加盖电子印章后才能送达。") % {"title": kind.title})
    _refuse_gaps(doc, _("送达"))
    field = doc.sealed_pdf if doc.sealed_at else doc.pdf
    if not field:
        raise ValidationError(_("PDF 尚在生成，请稍后再送达。"))
    with field.open("rb") as f:
        data = f.read()
    suffix = "（签章）" if doc.sealed_at else ""
    title = f"{kind.title}{('（' + doc.recipient + '）') if doc.recipient and not kind.final else ''}"
    return {"title": title, "kind": DELIVERY_KINDS[doc.kind], "file_bytes": data,
            "filename": f"{doc.case.number}{kind.title}{suffix}.pdf", "source": served_source(doc)}
