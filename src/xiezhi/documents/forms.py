from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import CHOICES

MAX_UPLOAD = 20 * 1024 * 1024


class GenerateForm(forms.Form):
    kind = forms.ChoiceField(label=_("文书种类"), choices=CHOICES)
    recipient = forms.CharField(label=_("受文人"), required=False, max_length=200)
    hearing = forms.IntegerField(label=_("庭审"), required=False, min_value=1)
    # the free texts a judge writes (context.FREE_TEXTS); left empty they stay 【待填写】 and the
    # draft cannot be signed off, sealed or served
    findings = forms.CharField(label=_("认定的事实和理由"), required=False, max_length=20000)
    decision = forms.CharField(label=_("裁判主文"), required=False, max_length=5000)
    legal_basis = forms.CharField(label=_("法律依据"), required=False, max_length=5000)
    fee_bearer = forms.CharField(label=_("诉讼费用负担"), required=False, max_length=1000)
    hearing_time = forms.CharField(label=_("开庭时间"), required=False, max_length=200)
    hearing_place = forms.CharField(label=_("开庭地点"), required=False, max_length=200)

    FREE_TEXT_FIELDS = ("findings", "decision", "legal_basis", "fee_bearer", "hearing_time", "hearing_place")

    def free_texts(self) -> dict:
        return {k: self.cleaned_data[k].strip() for k in self.FREE_TEXT_FIELDS if self.cleaned_data.get(k, "").strip()}


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
