from django.contrib import admin

from .models import AssistanceApplication, WageBase


@admin.register(WageBase)
class WageBaseAdmin(admin.ModelAdmin):
    list_display = ("province", "year", "monthly_wage", "source")
    list_filter = ("province",)


@admin.register(AssistanceApplication)
class AssistanceApplicationAdmin(admin.ModelAdmin):
    list_display = ("applicant_name", "court", "state", "amount_asked", "approved_amount", "applied_on")
    list_filter = ("state",)
    readonly_fields = [f.name for f in AssistanceApplication._meta.fields]
