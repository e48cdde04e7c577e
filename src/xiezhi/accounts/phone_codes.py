"""Sign-up by SMS code (security review F9): the portal confirms that the registrant holds the
phone number with a one-time code sent through the court's SMS adapter (delivery.channels, the
same gateway that serves documents; its simulator in the demo and the tests). accounts sits below
delivery, so delivery registers its adapter here when it starts (register_sms_sender, in
delivery/apps.py ready()), the way the case registries work.

- The code is 6 digits from `secrets`, stored only as a salted hash (Django's password hasher),
  valid for CODE_LIFETIME, at most MAX_ATTEMPTS wrong tries, used once.
- Sending is rate-limited per number (one a minute, SENDS_PER_DAY a day) and per client address.
- No enumeration: whether the number has an account or not, the page says the same thing. A
  number that already has an account gets an SMS telling its owner so (and no code), so the
  registrant — if it is the owner — learns it on their own phone, and a stranger learns nothing."""
import secrets
from datetime import timedelta

from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PhoneCode, User

CODE_LIFETIME = timedelta(minutes=10)
MAX_ATTEMPTS = 5
RESEND_AFTER = 60           # seconds between two codes to one number
SENDS_PER_DAY = 5           # codes to one number per day
SENDS_PER_ADDRESS_HOUR = 10  # codes requested from one client address per hour


class TooMany(Exception):
    pass


_sms_sender = None  # () -> an adapter with send(phone, text); set by delivery's ready()
_not_configured: tuple = ()


def register_sms_sender(factory, not_configured: type[Exception] = RuntimeError) -> None:
    global _sms_sender, _not_configured
    _sms_sender, _not_configured = factory, (not_configured,)


def _count(key: str, ttl: int) -> int:
    if cache.add(key, 1, ttl):
        return 1
    try:
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, ttl)
        return 1


def send_code(phone: str, ip: str | None) -> None:
    """Send a sign-up code to `phone` (or, when the number has an account, a notice). Raises
    TooMany with a Chinese sentence when the number or the address asked too often."""
    if not cache.add(f"signup-sms-wait:{phone}", 1, RESEND_AFTER):
        raise TooMany(_("验证码已发送，请1分钟后再试。"))
    if _count(f"signup-sms-day:{phone}", 24 * 3600) > SENDS_PER_DAY \
            or _count(f"signup-sms-ip:{ip}", 3600) > SENDS_PER_ADDRESS_HOUR:
        raise TooMany(_("获取验证码过于频繁，请稍后再试。"))
    if User.objects.filter(kind=User.Kind.PUBLIC, phone=phone).exists():
        text = _("【诉讼服务网】有人使用本号码申请注册。本号码已注册账户，可直接登录；如非本人操作，请忽略。")
    else:
        code = f"{secrets.randbelow(10 ** 6):06d}"
        PhoneCode.objects.create(phone=phone, code_hash=make_password(code), ip=ip,
                                 expires_at=timezone.now() + CODE_LIFETIME)
        text = _("【诉讼服务网】您的注册验证码为 %(code)s，10分钟内有效。请勿告诉他人。") % {"code": code}
    if _sms_sender is None:
        raise RuntimeError("no SMS adapter registered (xiezhi.delivery is not installed)")
    try:
        _sms_sender().send(phone, text)  # a gateway that is down: the registrant asks again after a minute
    except _not_configured:
        pass


def check_code(phone: str, code: str) -> bool:
    """True once for the latest live code of `phone`; every wrong try counts, and after
    MAX_ATTEMPTS the code is dead. The row is locked so two tries cannot both use it."""
    code = (code or "").strip()
    with transaction.atomic():
        row = (PhoneCode.objects.select_for_update()
               .filter(phone=phone, used_at__isnull=True, expires_at__gt=timezone.now())
               .order_by("-created_at").first())
        if row is None or row.attempts >= MAX_ATTEMPTS:
            return False
        if not code.isdigit() or not check_password(code, row.code_hash):
            PhoneCode.objects.filter(pk=row.pk).update(attempts=row.attempts + 1)
            return False
        PhoneCode.objects.filter(pk=row.pk).update(used_at=timezone.now())
        return True
