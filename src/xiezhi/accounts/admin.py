"""Account administration: the system administrator creates staff accounts and gives roles."""
from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Role, User


class UserAdminForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(label=_("角色"), choices=Role.choices, required=False,
                                      widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = User
        fields = "__all__"

    def clean(self):
        data = super().clean()
        if data.get("kind") == User.Kind.PUBLIC and data.get("roles"):
            raise forms.ValidationError(_("当事人/律师账户不能被授予法院工作人员角色。"))
        if data.get("kind") == User.Kind.STAFF and not data.get("court"):
            raise forms.ValidationError(_("法院工作人员须指定所属法院。"))
        return data


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserAdminForm
    list_display = ("username", "real_name", "kind", "court", "division", "phone", "is_active")
    list_filter = ("kind", "is_active", "is_lawyer")
    search_fields = ("username", "real_name", "phone", "lawyer_licence")
    autocomplete_fields = ("court",)
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("法院与角色"), {"fields": ("kind", "real_name", "court", "division", "roles")}),
        (_("诉讼服务"), {"fields": ("phone", "id_number", "verified_at", "is_lawyer", "lawyer_licence", "law_firm")}),
    )
