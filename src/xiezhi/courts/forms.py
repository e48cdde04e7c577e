from django import forms
from django.utils.translation import gettext_lazy as _


class ContactForm(forms.Form):
    address = forms.CharField(label=_("法院地址"), max_length=200, required=False,
                              help_text=_("印在通知书落款“本院地址”处，并显示在诉讼服务网首页。"))
    phone = forms.CharField(label=_("联系电话"), max_length=40, required=False,
                            help_text=_("例如 0371-12345678；印在通知书落款“联系电话”处。"))
