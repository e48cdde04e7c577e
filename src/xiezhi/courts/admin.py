"""Admin for courts and the versioned reference data, so an administrator can extend it
(a new court, next year's holiday notice, a newly published case-type code, the province's
fee figures) without a release. Seed rows come from ``courts/data/`` via ``load_refdata``."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import CalendarDay, CaseType, Cause, Court, Courtroom, Division, Procedure, ProvinceSetting

REFDATA_FIELDSET = (_("版本与来源"), {"fields": ("version", "valid_from", "active", "source")})


class CourtLevelFilter(admin.SimpleListFilter):
    """法院层级, derived from the 法院代字 (案号规定 第四条至第六条): no digits = high court,
    two digits = intermediate court, four digits = basic court."""

    title = _("层级")
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return [("supreme", _("最高人民法院")), ("high", _("高级人民法院")),
                ("intermediate", _("中级人民法院")), ("basic", _("基层人民法院"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "supreme":
            return queryset.filter(case_code="最高法")
        if value == "high":
            return queryset.exclude(case_code="最高法").exclude(case_code__regex=r"[0-9]")
        if value == "intermediate":
            return queryset.filter(case_code__regex=r"^[^0-9]+[0-9]{2}$")
        if value == "basic":
            return queryset.filter(case_code__regex=r"^[^0-9]+[0-9]{4}$")
        return queryset


class DivisionInline(admin.TabularInline):
    model = Division
    extra = 0


class CourtroomInline(admin.TabularInline):
    model = Courtroom
    extra = 0


@admin.register(Court)
class CourtAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "case_code", "level_code", "parent", "version", "active")
    list_filter = (CourtLevelFilter, "version", "active")
    search_fields = ("name", "case_code", "code")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)
    ordering = ("code",)
    inlines = [DivisionInline, CourtroomInline]
    fieldsets = ((None, {"fields": ("code", "name", "case_code", "level_code", "parent")}),
                 (_("地址与电话"), {"fields": ("address", "phone"),
                                 "description": _("印在通知书落款“本院地址”“联系电话”处，并显示在诉讼服务网首页。")}),
                 REFDATA_FIELDSET)


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "court")
    list_filter = ("kind",)
    search_fields = ("name", "court__name", "court__case_code")
    autocomplete_fields = ("court",)
    list_select_related = ("court",)


@admin.register(Courtroom)
class CourtroomAdmin(admin.ModelAdmin):
    list_display = ("name", "court", "location", "seats", "supports_online")
    list_filter = ("supports_online",)
    search_fields = ("name", "location", "court__name", "court__case_code")
    autocomplete_fields = ("court",)
    list_select_related = ("court",)


@admin.register(CaseType)
class CaseTypeAdmin(admin.ModelAdmin):
    list_display = ("code", "type_code", "name", "category", "version", "valid_from", "active")
    list_filter = ("version", "active", "category")
    search_fields = ("code", "type_code", "name")
    fieldsets = ((None, {"fields": ("code", "name", "type_code", "category")}), REFDATA_FIELDSET)


@admin.register(Cause)
class CauseAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "version", "level", "parent", "fee_kind", "valid_from", "active")
    list_filter = ("kind", "version", "level", "active", "fee_kind")
    search_fields = ("name", "code", "source")
    autocomplete_fields = ("parent",)
    list_select_related = ("parent",)
    fieldsets = ((None, {"fields": ("kind", "code", "name", "level", "parent", "fee_kind")}), REFDATA_FIELDSET)


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "case_kind", "limit_code", "fee_procedure", "version", "active")
    list_filter = ("case_kind", "fee_procedure", "version", "active")
    search_fields = ("code", "name", "limit_code")
    fieldsets = ((None, {"fields": ("code", "name", "case_kind", "limit_code", "fee_procedure")}), REFDATA_FIELDSET)


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "name", "is_rest_day", "version", "active")
    list_filter = ("is_rest_day", "version", "active")
    search_fields = ("name",)
    date_hierarchy = "date"
    fieldsets = ((None, {"fields": ("date", "is_rest_day", "name")}), REFDATA_FIELDSET)


@admin.register(ProvinceSetting)
class ProvinceSettingAdmin(admin.ModelAdmin):
    list_display = ("province", "key", "year", "value", "source")
    list_filter = ("province", "key", "year")
    search_fields = ("province", "key", "source")
