"""Writes to a court's own settings. The address and telephone a court prints at the foot of its
notices (文书样式: 联系人、联系电话、本院地址) and shows on the public site are kept by the court's
system administrator (系统管理员) under 地址与电话."""
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from xiezhi.audit import services as audit

from .models import Court

# a switchboard or a mobile number, with an extension: 0371-12345678, (0371)12345678-8001, 12368
PHONE_RE = re.compile(r"^[0-9()（）+\- 、，,转]{3,40}$")


def can_edit_contact(user, court: Court) -> bool:
    return bool(user.is_authenticated and (
        user.is_superuser or (user.has_role("sysadmin") and user.court_id == court.pk)))


def update_contact(actor, court: Court, *, address: str, phone: str, request=None) -> Court:
    """Set the court's address and telephone; the change is audited."""
    if not can_edit_contact(actor, court):
        raise PermissionDenied(_("只有本院系统管理员可以修改法院地址与电话。"))
    address, phone = (address or "").strip(), (phone or "").strip()
    errors = {}
    if len(address) > 200:
        errors["address"] = _("法院地址不能超过200个字。")
    if phone and not PHONE_RE.match(phone):
        errors["phone"] = _("联系电话只能包含数字、括号、短横线和“转”，例如 0371-12345678。")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = Court.objects.select_for_update().get(pk=court.pk)
        before = (locked.address, locked.phone)
        locked.address, locked.phone = address, phone
        locked.save(update_fields=["address", "phone"])
        if before != (address, phone):
            audit.record(request or actor, "change", detail=f"{locked.name} 地址与电话：{address}；{phone}")
    return locked
