from django.contrib import admin

from .models import Assessor, DeclaredRelation, JudgeProfile


@admin.register(Assessor)
class AssessorAdmin(admin.ModelAdmin):
    list_display = ("name", "court", "active")
    list_filter = ("active",)
    search_fields = ("name",)
    raw_id_fields = ("court",)


@admin.register(JudgeProfile)
class JudgeProfileAdmin(admin.ModelAdmin):
    list_display = ("judge", "in_rotation", "case_type_codes", "cause_names")
    raw_id_fields = ("judge",)


@admin.register(DeclaredRelation)
class DeclaredRelationAdmin(admin.ModelAdmin):
    list_display = ("judge", "name", "relation")
    search_fields = ("name", "judge__real_name")
    raw_id_fields = ("judge",)
