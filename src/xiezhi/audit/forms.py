from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry


class LogFilterForm(forms.Form):
    date_from = forms.DateField(label=_("起始日期"), required=False)
    date_to = forms.DateField(label=_("截止日期"), required=False)
    user = forms.CharField(label=_("人员"), required=False, max_length=100)
    case = forms.CharField(label=_("案号"), required=False, max_length=60)
    action = forms.ChoiceField(label=_("操作"), required=False,
                               choices=[("", _("全部"))] + list(AuditEntry.Action.choices))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("截止日期不能早于起始日期。"))
        return data
