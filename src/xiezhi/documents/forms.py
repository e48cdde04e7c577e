from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import CHOICES
from .structure import ENF_RULING_TYPES, RULING_TYPES, is_structured

MAX_UPLOAD = 20 * 1024 * 1024


class GenerateForm(forms.Form):
    kind = forms.ChoiceField(label=_("文书种类"), choices=CHOICES)
    recipient = forms.CharField(label=_("受文人"), required=False, max_length=200)
    hearing = forms.IntegerField(label=_("庭审"), required=False, min_value=1)
    # the hearing fields of a summons without a scheduled hearing; left empty they stay 【待填写】 and the
    # notice cannot be served. The judge's documents are written in the editor (documents.drafts).
    hearing_time = forms.CharField(label=_("开庭时间"), required=False, max_length=200)
    hearing_place = forms.CharField(label=_("开庭地点"), required=False, max_length=200)

    FREE_TEXT_FIELDS = ("hearing_time", "hearing_place")

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


class DraftStartForm(forms.Form):
    """撰写: the kind of judicial document (and the ruling type for a ruling) the judge starts writing."""

    kind = forms.ChoiceField(label=_("文书种类"), choices=[c for c in CHOICES if is_structured(c[0])])
    variant = forms.ChoiceField(label=_("裁定类型"), required=False,
                                choices=[("", "—")] + [(k, v.title) for k, v in RULING_TYPES.items()]
                                + [(k, v.title) for k, v in ENF_RULING_TYPES.items()])


class DraftUploadForm(forms.Form):
    file = forms.FileField(label=_("Word 文件（.docx）"))

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("文件不能超过 20 MB。"))
        return f
