from django.contrib import admin

from .models import MediationOrganisation, Mediator, SuitableCauseList


@admin.register(SuitableCauseList)
class SuitableCauseListAdmin(admin.ModelAdmin):
    """The court's list of causes sent to pre-suit mediation first: a new version with its date of
    effect rather than an edit of the old one, so past offers stay explained."""

    list_display = ("court", "version", "valid_from", "note")
    filter_horizontal = ("causes",)


@admin.register(MediationOrganisation)
class MediationOrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "court", "active")
    list_filter = ("kind", "active")


@admin.register(Mediator)
class MediatorAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "court", "active", "enrolled_on")
    filter_horizontal = ("specialities",)
