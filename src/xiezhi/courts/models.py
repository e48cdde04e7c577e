"""Courts, their organisation, and versioned reference data (rules as data, design.md §3).

Every reference table carries `version` and `valid_from` so a new SPC standard can be
loaded beside the old one; an administrator extends them in the admin."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class RefData(models.Model):
    version = models.CharField(_("版本"), max_length=20)
    valid_from = models.DateField(_("施行日期"), null=True, blank=True)
    active = models.BooleanField(_("启用"), default=True)
    source = models.CharField(_("来源"), max_length=200, blank=True)

    class Meta:
        abstract = True


class Court(RefData):
    """法院代码 (YB/T 51202—2016, 2018 update). `code` is the SPC numeric court code;
    `case_code` is the 法院代字 used in case numbers (案号规定 第四条至第六条)."""

    code = models.CharField(_("法院代码"), max_length=10, unique=True)
    parent = models.ForeignKey("self", verbose_name=_("上级法院"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    level_code = models.CharField(_("分级码"), max_length=10, blank=True)
    name = models.CharField(_("法院名称"), max_length=100)
    case_code = models.CharField(_("法院代字"), max_length=20, db_index=True)
    # what the court's notices print at their foot (文书样式: 联系人、联系电话、本院地址); set in the admin
    address = models.CharField(_("法院地址"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("法院")
        verbose_name_plural = _("法院")
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def province_abbr(self) -> str:
        """The high-court character (豫 for 豫0222) that keys per-province settings."""
        return self.case_code[:1] if self.case_code and self.case_code != "最高法" else ""

    @property
    def province_name(self) -> str:
        """The province of the court (河南省), from the high court above it in the court tree."""
        court = self
        for _i in range(4):
            if court.level == "high":
                return court.name.removesuffix("高级人民法院")
            if court.parent_id is None:
                return ""
            court = court.parent
        return ""

    @property
    def full_name(self) -> str:
        """The name a document and its seal carry: a basic or intermediate court's name with its
        province in front (河南省通许县人民法院; 人民法院民事裁判文书制作规范 一、(一)), as it is on the seal."""
        province = self.province_name
        if self.level in ("supreme", "high") or not province or self.name.startswith(province):
            return self.name
        return province + self.name

    @property
    def level(self) -> str:
        if self.case_code == "最高法":
            return "supreme"
        digits = "".join(ch for ch in self.case_code if ch.isdigit())
        return {0: "high", 2: "intermediate", 4: "basic"}.get(len(digits), "basic")


class Division(models.Model):
    class Kind(models.TextChoices):
        FILING = "filing", _("立案庭")
        CIVIL = "civil", _("民事审判庭")
        CRIMINAL = "criminal", _("刑事审判庭")
        ADMINISTRATIVE = "administrative", _("行政审判庭")
        ENFORCEMENT = "enforcement", _("执行局")
        SERVICE = "service", _("诉讼服务中心")
        MANAGEMENT = "management", _("审判管理办公室")
        TRIBUNAL = "tribunal", _("人民法庭")

    court = models.ForeignKey(Court, verbose_name=_("法院"), on_delete=models.PROTECT, related_name="divisions")
    kind = models.CharField(_("部门类型"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("部门名称"), max_length=100)

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        unique_together = [("court", "name")]

    def __str__(self):
        return self.name


class Courtroom(models.Model):
    court = models.ForeignKey(Court, verbose_name=_("法院"), on_delete=models.PROTECT, related_name="courtrooms")
    name = models.CharField(_("法庭名称"), max_length=100)
    location = models.CharField(_("位置"), max_length=200, blank=True)
    seats = models.PositiveIntegerField(_("座位数"), default=0)
    supports_online = models.BooleanField(_("支持在线庭审"), default=False)

    class Meta:
        verbose_name = _("审判法庭")
        verbose_name_plural = _("审判法庭")
        unique_together = [("court", "name")]

    def __str__(self):
        return self.name


class CaseType(RefData):
    """《人民法院案件类型及其代字标准》 (2015, amended 2018) plus later SPC codes such as
    民诉前调, 诉前调确, 诉前调书 (domain §1.3). Category rows have an empty type_code."""

    code = models.CharField(_("案件类型代码"), max_length=8)
    name = models.CharField(_("案件类型"), max_length=100)
    type_code = models.CharField(_("类型代字"), max_length=8, blank=True, db_index=True)
    category = models.CharField(_("大类代码"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("案件类型")
        verbose_name_plural = _("案件类型")
        unique_together = [("version", "code")]
        ordering = ["code"]

    def __str__(self):
        return f"{self.type_code or self.code} {self.name}"


class Cause(RefData):
    """民事案件案由 (案由规定 2020 and 2025 versions). A case keeps the version in force
    when it was filed: 2020 for filings before 2026-01-01, 2025 after (domain §2.1)."""

    class Kind(models.TextChoices):
        CIVIL = "civil", _("民事")
        CRIMINAL = "criminal", _("刑事罪名")
        ADMINISTRATIVE = "administrative", _("行政")

    kind = models.CharField(_("案由类别"), max_length=20, choices=Kind.choices, default=Kind.CIVIL)
    code = models.CharField(_("编码"), max_length=40)
    name = models.CharField(_("名称"), max_length=200)
    level = models.PositiveSmallIntegerField(_("级别"))
    parent = models.ForeignKey("self", verbose_name=_("上级"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    fee_kind = models.CharField(_("诉讼费类别"), max_length=30, blank=True,
                                help_text=_("property / divorce / personality / labor / ip / other_non_property"))

    class Meta:
        verbose_name = _("案由/罪名")
        verbose_name_plural = _("案由/罪名")
        unique_together = [("kind", "version", "code")]
        ordering = ["kind", "version", "code"]

    def __str__(self):
        return self.name


class Procedure(RefData):
    """审理程序. `limit_code` keys xiezhi.law.timelimits.TRIAL_LIMITS."""

    code = models.CharField(_("程序代码"), max_length=40, unique=True)
    name = models.CharField(_("程序名称"), max_length=50)
    case_kind = models.CharField(_("适用案件"), max_length=20)
    limit_code = models.CharField(_("审限规则"), max_length=40)
    fee_procedure = models.CharField(_("收费程序"), max_length=20, default="ordinary")

    class Meta:
        verbose_name = _("审理程序")
        verbose_name_plural = _("审理程序")
        ordering = ["id"]

    def __str__(self):
        return self.name


class CalendarDay(RefData):
    """法定节假日与调休工作日. Loaded from the maintained `chinese_calendar` package
    (国务院办公厅 annual notices); an administrator can add next year's days as soon as the
    notice is out. Days not listed follow the weekday rule."""

    date = models.DateField(_("日期"), unique=True)
    is_rest_day = models.BooleanField(_("休息日"))
    name = models.CharField(_("名称"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("节假日/调休日")
        verbose_name_plural = _("节假日/调休日")
        ordering = ["date"]


class ProvinceSetting(models.Model):
    """Per-province figures the law leaves to the province (domain Appendix C ⚠ 7): the fee
    figure chosen within a statutory range, and the average annual wage of employed persons
    used for small-claims thresholds (CPL art. 165; 民诉解释 art. 272)."""

    province = models.CharField(_("省份（高院代字）"), max_length=4)
    key = models.CharField(_("设置项"), max_length=50)
    year = models.PositiveIntegerField(_("年度"), null=True, blank=True)
    value = models.DecimalField(_("数值"), max_digits=14, decimal_places=2)
    source = models.CharField(_("依据"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("省级设置")
        verbose_name_plural = _("省级设置")
        unique_together = [("province", "key", "year")]
