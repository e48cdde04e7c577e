"""诉讼文书: versioned .docx templates (rules as data) and the documents generated from them.

Files are evidence: every file is stored once through Django storage under its SHA-256 and never
overwritten; a sealed PDF records the PDF it came from."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .kinds import CHOICES


class DocumentTemplate(models.Model):
    """文书模板: a .docx with Jinja placeholders. The shipped files are version 1; an administrator
    uploads later versions; generation uses the highest active version of a kind."""

    kind = models.CharField(_("文书种类"), max_length=40, choices=CHOICES)
    version = models.PositiveIntegerField(_("版本"))
    file = models.FileField(_("模板文件"), upload_to="documents/templates/")
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    active = models.BooleanField(_("启用"), default=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("上传人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="uniq_template_version")]
        ordering = ["kind", "-version"]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version}"


class GeneratedDocument(models.Model):
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(_("文书种类"), max_length=40, choices=CHOICES)
    version = models.PositiveIntegerField(_("稿次"))
    template = models.ForeignKey(DocumentTemplate, verbose_name=_("模板"), on_delete=models.PROTECT)
    recipient = models.CharField(_("受文人"), max_length=200, blank=True)
    docx = models.FileField(_("Word 文件"), upload_to="documents/files/")
    docx_sha256 = models.CharField(max_length=64)
    pdf = models.FileField(_("PDF 文件"), upload_to="documents/files/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)
    pdf_error = models.CharField(_("PDF 转换错误"), max_length=300, blank=True)
    sealed_pdf = models.FileField(_("签章 PDF"), upload_to="documents/files/", blank=True)
    sealed_sha256 = models.CharField(max_length=64, blank=True)
    verification_code = models.CharField(_("验证码"), max_length=20, unique=True, null=True, blank=True)
    sealed_at = models.DateTimeField(_("签章时间"), null=True, blank=True)
    sealed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("签章人"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("生成人"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)
    # how many 【待填写】 gaps the generated text still has: such a draft is not signed off, sealed or served
    gaps = models.PositiveSmallIntegerField(_("待填写处"), default=0)
    # the judge's draft (DocumentDraft) this text was generated from, at which revision, and the titles of
    # its sections still unfinished then (documents.gaps): named in the refusal to sign off, seal or serve
    draft = models.ForeignKey("DocumentDraft", verbose_name=_("文书草稿"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="documents")
    draft_revision = models.PositiveIntegerField(_("草稿修订号"), null=True, blank=True)
    gap_sections = models.JSONField(_("未完成的部分"), default=list, blank=True)

    class Meta:
        verbose_name = _("生成文书")
        verbose_name_plural = _("生成文书")
        ordering = ["case", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["case", "kind", "version"], name="uniq_document_version")]

    def __str__(self):
        return f"{self.case.number} {self.get_kind_display()} 第{self.version}稿"

    @property
    def pdf_pending(self) -> bool:
        """The PDF is made in the background after the .docx (LibreOffice takes seconds)."""
        return not self.pdf and not self.pdf_error


class DocumentDraft(models.Model):
    """裁判文书草稿: what the judge writes of a judgment, ruling or mediation document on the platform
    (documents.drafts). `sections` maps a section code of structure.sections_for(kind) to its value (a list of
    paragraphs, of 主文 items, of formatted citations, or the fee-burden text). `revision` counts the saves;
    `editor`/`editor_seq` name the browser tab that saved last (xiezhi.site.drafts.decide_write)."""

    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="document_drafts")
    kind = models.CharField(_("文书种类"), max_length=40, choices=CHOICES)
    variant = models.CharField(_("文书类型"), max_length=40, blank=True)  # the ruling type (structure.RULING_TYPES)
    sections = models.JSONField(_("内容"), default=dict, blank=True)
    revision = models.PositiveIntegerField(_("修订号"), default=0)
    editor = models.CharField(max_length=40, blank=True)
    editor_seq = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("创建人"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("修改人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("文书草稿")
        verbose_name_plural = _("文书草稿")
        ordering = ["case", "-updated_at"]
        constraints = [models.UniqueConstraint(fields=["case", "kind", "variant"], name="uniq_draft_kind_variant")]

    def __str__(self):
        return f"{self.case.number} {self.get_kind_display()} 草稿"


class DocumentDraftRevision(models.Model):
    """One saved state of a draft (who, when, the sections): the judge's changes are visible. Successive
    autosaves by the same user within a few minutes update the last row instead of adding one."""

    class Source(models.TextChoices):
        EDITOR = "editor", _("在线编辑")
        WORD = "word", _("上传 Word")

    draft = models.ForeignKey(DocumentDraft, verbose_name=_("文书草稿"), on_delete=models.CASCADE,
                              related_name="revisions")
    number = models.PositiveIntegerField(_("版本"))
    revision = models.PositiveIntegerField(_("修订号"))  # the draft's revision this state was saved at
    sections = models.JSONField(_("内容"), default=dict)
    source = models.CharField(_("来源"), max_length=10, choices=Source.choices, default=Source.EDITOR)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("保存人"), on_delete=models.PROTECT,
                                 related_name="+")
    started_at = models.DateTimeField(_("开始时间"))
    saved_at = models.DateTimeField(_("保存时间"))

    class Meta:
        verbose_name = _("草稿版本")
        verbose_name_plural = _("草稿版本")
        ordering = ["draft", "number"]
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="uniq_draft_revision_number")]


class SignOff(models.Model):
    """签发: a judge's approval of the text of a final judicial document before it is sealed.

    The presiding judge (审判长, or the 独任/承办法官 when no panel sits) signs first; where the
    court's rules ask (settings.SIGNOFF_SECOND_KINDS: e.g. 庭长 or 院长 for some kinds) a second
    sign-off follows. 司法责任制意见（法发〔2015〕13号）第六条: 独任法官审理案件形成的裁判文书由独任法官
    直接签署，合议庭审理的由审判长最后签署；院长、庭长对其未直接参加审理案件的裁判文书不再审核签发
    (除审判委员会讨论决定的案件) — so the second level is off unless a court sets it. A sign-off
    belongs to one draft (a GeneratedDocument never changes); a new draft needs its own."""

    class Level(models.TextChoices):
        PRESIDING = "presiding", _("审判长（承办法官）签发")
        SECOND = "second", _("院庭长签发")

    document = models.ForeignKey(GeneratedDocument, verbose_name=_("文书"), on_delete=models.PROTECT,
                                 related_name="sign_offs")
    level = models.CharField(_("签发层级"), max_length=10, choices=Level.choices)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("签发人"), on_delete=models.PROTECT,
                                  related_name="+")
    signed_at = models.DateTimeField(_("签发时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("文书签发")
        verbose_name_plural = _("文书签发")
        constraints = [models.UniqueConstraint(fields=["document", "level"], name="uniq_signoff_level")]
