from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import CHOICES

MAX_UPLOAD = 20 * 1024 * 1024


class GenerateForm(forms.Form):
    kind = forms.ChoiceField(label=_("文书种类"), choices=CHOICES)
    recipient = forms.CharField(label=_("受文人"), required=False, max_length=200)
    hearing = forms.IntegerField(label=_("庭审"), required=False, min_value=1)


class CodeForm(forms.Form):
    code = forms.CharField(label=_("验证码"), max_length=20)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("PDF 文件"))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("文件不能超过 20 MB。"))
        head = f.read(5)
        f.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("请上传 PDF 文件。"))
        return f
