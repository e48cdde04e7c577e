"""Real-name verification (实名认证, 在线诉讼规则 第七条).

A real deployment verifies name + ID number against the public-security identity service
or a face-recognition provider; that agency cannot exist here. The adapter interface is
`verify(real_name, id_number) -> VerificationResult`. The default adapter only checks the
number's GB 11643 check digit and is named as such; configure XIEZHI_IDENTITY_ADAPTER for
a real provider."""
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from xiezhi.law.identity import validate_resident_id


@dataclass
class VerificationResult:
    ok: bool
    message: str = ""


class LocalChecksumIdentityAdapter:
    name = gettext_lazy("本地校验（仅校验证件号码校验位）")

    def verify(self, real_name: str, id_number: str) -> VerificationResult:
        if not real_name.strip():
            return VerificationResult(False, _("请填写真实姓名。"))
        if not validate_resident_id(id_number):
            return VerificationResult(False, _("身份证号码不正确，请核对后重新输入。"))
        return VerificationResult(True)


def identity_adapter():
    return import_string(settings.IDENTITY_ADAPTER)()
