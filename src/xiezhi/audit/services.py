"""Writing the audit log (design.md principle 10). Views call record() for every read of a
case, every download, every change and every refusal."""
from .models import AuditEntry


def record(request_or_user, action, *, case=None, filing=None, detail=""):
    """One audit row. request_or_user: the request (user, path and client address are taken
    from it) or, outside a request, the acting user."""
    request = None
    user = request_or_user
    if hasattr(request_or_user, "user") and hasattr(request_or_user, "META"):
        request = request_or_user
        user = request.user
    AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action, case=case, filing=filing, detail=detail[:300],
        path=(request.path[:300] if request else ""),
        ip=(request.META.get("REMOTE_ADDR") if request else None),
    )
