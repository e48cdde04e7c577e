"""Fixed-window counters in the shared cache (Redis in production), for the per-user and
per-address limits of the public pages (the login throttle in accounts keeps its own counts)."""
from django.core.cache import cache


def count_in_window(key: str, window: int) -> int:
    """Count one more hit of `key` in its current window of `window` seconds; the count so far."""
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.set(key, 1, window)
        return 1
