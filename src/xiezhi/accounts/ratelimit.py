"""Login rate limiting: N failed attempts per (address, account) per window lock further
attempts until the window passes. Uses the shared cache (Redis in production)."""
from django.conf import settings
from django.core.cache import cache


def _key(request, username: str) -> str:
    return f"login-fail:{request.META.get('REMOTE_ADDR', '')}:{username.strip().lower()}"


def is_locked(request, username: str) -> bool:
    limit, _window = settings.LOGIN_RATE_LIMIT
    return cache.get(_key(request, username), 0) >= limit


def record_failure(request, username: str) -> None:
    _limit, window = settings.LOGIN_RATE_LIMIT
    key = _key(request, username)
    if cache.add(key, 1, window):
        return
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)


def clear(request, username: str) -> None:
    cache.delete(_key(request, username))
