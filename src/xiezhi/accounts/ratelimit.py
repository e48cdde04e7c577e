"""Login throttle and login audit, shared by every sign-in door: the portal, the staff login
and the Django admin (security review F5–F7).

The lock is per account *and* client address, with a growing delay: after LOGIN_RATE_LIMIT[0]
failed attempts from one address the account is locked for that address for LOGIN_RATE_LIMIT[1]
seconds, and every further failure from it doubles the delay (up to MAX_DELAY). Why not one lock
per account for everyone: then anyone who knows a judge's user name could keep the judge out of
the system with a few wrong passwords (F6). Per address, the guesser is slowed down
exponentially while the judge at their own workstation signs in as usual; an attack spread over
many addresses is not stopped by the lock, but every try is in the audit log against the
account (also the tries refused during a lock), where the trial management office sees it.
The client address is the real one behind the proxy (xiezhi.site.proxy). Counts live in the
shared cache (Redis in production)."""
from django.conf import settings
from django.core.cache import cache

MAX_DELAY = 24 * 3600
COUNT_TTL = 24 * 3600  # failures are remembered for a day after the last one


def _who(request, username: str) -> str:
    return f"{request.META.get('REMOTE_ADDR', '')}:{username.strip().lower()[:150]}"


def locked_for(request, username: str) -> int:
    """Seconds the account stays locked for this client (0: not locked)."""
    until = cache.get(f"login-lock:{_who(request, username)}")
    if not until:
        return 0
    import time

    return max(1, int(until - time.time()))


def is_locked(request, username: str) -> bool:
    return locked_for(request, username) > 0


def record_failure(request, username: str) -> int:
    """Count one failure; returns the delay (seconds) of the lock it starts, or 0."""
    import time

    limit, base = settings.LOGIN_RATE_LIMIT
    key = f"login-fail:{_who(request, username)}"
    if cache.add(key, 1, COUNT_TTL):
        count = 1
    else:
        try:
            count = cache.incr(key)
            cache.touch(key, COUNT_TTL)
        except ValueError:
            cache.set(key, 1, COUNT_TTL)
            count = 1
    if count < limit:
        return 0
    delay = min(base * 2 ** (count - limit), MAX_DELAY)
    cache.set(f"login-lock:{_who(request, username)}", time.time() + delay, delay)
    return delay


def clear(request, username: str) -> None:
    cache.delete_many([f"login-fail:{_who(request, username)}", f"login-lock:{_who(request, username)}"])


def locked_message(request, username: str) -> str:
    from django.utils.translation import gettext as _

    minutes = max(1, -(-locked_for(request, username) // 60))
    return _("登录失败次数过多，请%(minutes)s分钟后再试。") % {"minutes": minutes}


def audit_failure(request, door: str, username: str, account=None, *, locked: bool = False) -> None:
    """The LOGIN_FAILED row, against the account tried (the user row when it exists, the
    name as typed always), also for a try refused during a lock."""
    from xiezhi.audit.models import AuditEntry
    from xiezhi.audit.services import record

    record(request, AuditEntry.Action.LOGIN_FAILED, detail=(f"{door}:locked:{username}" if locked else f"{door}:{username}")[:300],
           account=username[:150], user=account)


def audit_success(request, door: str) -> None:
    from xiezhi.audit.models import AuditEntry
    from xiezhi.audit.services import record

    record(request, AuditEntry.Action.LOGIN, detail=door)
