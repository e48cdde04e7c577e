"""电子卷宗: the case's e-file, filed as papers enter the case, OCR'd, searchable, and frozen on 归档.

Entries are never overwritten: a corrected paper is a new Entry that supersedes the old one."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    MAIN = "main", _("正卷")
    SIDE = "side", _("副卷")


class Retention(models.TextChoices):
    PERMANENT = "permanent", _("永久")
    LONG = "long", _("长期")
    SHORT = "short", _("短期")


class CatalogueItem(models.Model):
    """卷内目录的标准条目 (versioned reference data from data/catalogue.csv)."""

    version = models.CharField(_("版本"), max_length=10)
    section = models.CharField(_("卷别"), max_length=10, choices=Section.choices)
    order = models.PositiveIntegerField(_("排列顺序"))
    kind = models.CharField(_("材料类别代码"), max_length=40)
    title = models.CharField(_("材料类别"), max_length=100)

    class Meta:
        verbose_name = _("卷宗目录条目")
        verbose_name_plural = _("卷宗目录条目")
        ordering = ["version", "section", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "kind"], name="uniq_catalogue_kind")]

    def __str__(self):
        return f"{self.get_section_display()} {self.order} {self.title}"


class RetentionRule(models.Model):
    """保管期限表 (data/retention.csv): by case-type code prefix; "*" is the default."""

    version = models.CharField(_("版本"), max_length=10)
    type_code = models.CharField(_("案件类型代字"), max_length=20)
    retention = models.CharField(_("保管期限"), max_length=10, choices=Retention.choices)

    class Meta:
        verbose_name = _("保管期限规则")
        verbose_name_plural = _("保管期限规则")
        constraints = [models.UniqueConstraint(fields=["version", "type_code"], name="uniq_retention_rule")]


class Dossier(models.Model):
    case = models.OneToOneField("cases.Case", verbose_name=_("案件"), on_delete=models.PROTECT, related_name="dossier")
    catalogue_version = models.CharField(_("目录版本"), max_length=10)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    archived_at = models.DateTimeField(_("归档时间"), null=True, blank=True)
    archived_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("归档人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    archive_number = models.CharField(_("档案号"), max_length=80, blank=True)
    archive_serial = models.PositiveIntegerField(_("档案顺序号"), null=True, blank=True)
    retention = models.CharField(_("保管期限"), max_length=10, choices=Retention.choices, blank=True)
    manifest = models.JSONField(_("归档清单"), default=list, blank=True)
    manifest_sha256 = models.CharField(_("清单哈希"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("电子卷宗")
        verbose_name_plural = _("电子卷宗")
        # backstop of the archive counter (cases.counters): one archive number is one dossier
        constraints = [models.UniqueConstraint(fields=["archive_number"], condition=~models.Q(archive_number=""),
                                               name="uniq_archive_number")]

    @property
    def frozen(self) -> bool:
        return self.archived_at is not None


class Entry(models.Model):
    """卷内文件: one paper in the e-file."""

    class OcrState(models.TextChoices):
        PENDING = "pending", _("待识别")
        DONE = "done", _("已识别")
        FAILED = "failed", _("识别失败")

    dossier = models.ForeignKey(Dossier, verbose_name=_("电子卷宗"), on_delete=models.PROTECT, related_name="entries")
    section = models.CharField(_("卷别"), max_length=10, choices=Section.choices)
    item_order = models.PositiveIntegerField(_("目录顺序"))
    kind = models.CharField(_("材料类别代码"), max_length=40)
    item_title = models.CharField(_("材料类别"), max_length=100)
    title = models.CharField(_("材料名称"), max_length=200)
    file = models.FileField(_("文件"), upload_to="dossier/%Y/%m/")
    content_type = models.CharField(_("文件类型"), max_length=100)
    size = models.PositiveBigIntegerField(_("大小"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    pages = models.PositiveIntegerField(_("页数"), default=0)
    source = models.CharField(_("来源"), max_length=120)
    supersedes = models.OneToOneField("self", verbose_name=_("更正的材料"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="superseded_by")
    ocr_state = models.CharField(_("识别状态"), max_length=10, choices=OcrState.choices, default=OcrState.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提交人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("归入时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("卷内文件")
        verbose_name_plural = _("卷内文件")
        ordering = ["section", "item_order", "id"]
        indexes = [models.Index(fields=["dossier", "section", "item_order"])]
        constraints = [models.UniqueConstraint(fields=["dossier", "source", "sha256"], name="uniq_entry_source")]

    def __str__(self):
        return self.title


class Page(models.Model):
    """One page of an entry: its OCR text (per page), jieba tokens for search, and renders."""

    entry = models.ForeignKey(Entry, verbose_name=_("卷内文件"), on_delete=models.PROTECT, related_name="page_set")
    number = models.PositiveIntegerField(_("文件内页码"))
    text = models.TextField(_("识别文本"), blank=True)
    tokens = models.TextField(_("分词"), blank=True)
    text_source = models.CharField(_("文本来源"), max_length=20, blank=True)  # "ocr:tesseract", "pdf-text"
    image = models.CharField(_("页面图像"), max_length=255, blank=True)
    thumb = models.CharField(_("缩略图"), max_length=255, blank=True)
    done = models.BooleanField(_("已处理"), default=False)
    error = models.CharField(_("错误"), max_length=300, blank=True)
    processed_at = models.DateTimeField(_("处理时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("页面")
        verbose_name_plural = _("页面")
        ordering = ["entry", "number"]
        constraints = [models.UniqueConstraint(fields=["entry", "number"], name="uniq_entry_page")]
        # PostgreSQL: a GIN index on to_tsvector('simple', tokens), created in migration 0002


class PageNote(models.Model):
    """法官的书签与批注: private to the author."""

    page = models.ForeignKey(Page, verbose_name=_("页面"), on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("作者"), on_delete=models.CASCADE,
                               related_name="+")
    bookmark = models.BooleanField(_("书签"), default=False)
    text = models.TextField(_("批注"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("书签与批注")
        verbose_name_plural = _("书签与批注")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["author", "page"])]


class AccessRequest(models.Model):
    """已归档卷宗的查阅申请: approved by the division head or the trial-management office, time-limited."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审批")
        APPROVED = "approved", _("已批准")
        REFUSED = "refused", _("不予批准")

    dossier = models.ForeignKey(Dossier, verbose_name=_("电子卷宗"), on_delete=models.PROTECT, related_name="requests")
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("申请人"), on_delete=models.PROTECT,
                                  related_name="+")
    reason = models.CharField(_("查阅理由"), max_length=300)
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审批人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    expires_at = models.DateTimeField(_("查阅截止"), null=True, blank=True)
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("档案查阅申请")
        verbose_name_plural = _("档案查阅申请")
        ordering = ["-created_at"]
