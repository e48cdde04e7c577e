from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from . import services
from .models import DocumentTemplate, GeneratedDocument


class TemplateUploadForm(forms.ModelForm):
    class Meta:
        model = DocumentTemplate
        fields = ["kind", "file", "note", "active"]

    def clean(self):
        cleaned = super().clean()
        f = cleaned.get("file")
        if f and not self.instance.pk:
            data = f.read()
            f.seek(0)
            try:
                services._check_docx_template(data, cleaned.get("kind", ""))
            except ValidationError as exc:
                self.add_error("file", exc.messages)
        return cleaned


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(admin.ModelAdmin):
    """Upload a new version of a template; earlier versions stay (documents record the version
    they were made from). Only `active` and `note` change afterwards."""

    form = TemplateUploadForm
    list_display = ["kind", "version", "active", "note", "uploaded_by", "created_at"]
    list_filter = ["kind", "active"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind", "version", "file", "sha256", "uploaded_by"] if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            obj.save(update_fields=["active", "note"])
            return
        data = form.cleaned_data["file"].read()
        t = services.upload_template(request.user, form.cleaned_data["kind"], data, note=obj.note)
        obj.pk, obj.version, obj.file, obj.sha256 = t.pk, t.version, t.file, t.sha256
        obj._state.adding = False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(GeneratedDocument)
class GeneratedDocumentAdmin(admin.ModelAdmin):
    list_display = ["case", "kind", "version", "created_at", "sealed_at", "verification_code"]
    list_filter = ["kind"]
    search_fields = ["case__number", "verification_code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
