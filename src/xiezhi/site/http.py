"""View plumbing every app shares: error messages of an exception, date fields, file
downloads, and the try / message / redirect block of a POST action. Views stay thin: parse,
call a service, say what happened, redirect."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# A served file must never run as a page of this site (an uploaded HTML or SVG file with script).
SANDBOX_CSP = "default-src 'none'; sandbox"


def errors_of(exc: Exception) -> list[str]:
    """The sentences to show the user for a refused action: every message of a
    ValidationError, or the text of a PermissionDenied (a generic sentence when it has none)."""
    if isinstance(exc, ValidationError):
        return [str(m) for m in exc.messages]
    return [str(exc) or _("您无权办理此事项。")]


def parse_date(value: str | None, default: date | None = None) -> date | None:
    """An ISO date from a form field; `default` when the field is empty. A malformed date is a
    ValidationError with a Chinese sentence, never a 500 and never a silently different day."""
    if not value:
        return default
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(_("日期格式不正确。"))


def file_response(f, content_type: str, filename: str, *, as_attachment: bool = True) -> FileResponse:
    """Serve a stored file (a FieldFile) under its original name, sandboxed."""
    resp = FileResponse(f.open("rb"), content_type=content_type or None, as_attachment=as_attachment,
                        filename=filename)
    resp["Content-Security-Policy"] = SANDBOX_CSP
    return resp


def run_action(request, fn: Callable[[], object], success_message: str, redirect_to,
               *, on_success: Callable[[], object] | None = None) -> HttpResponse:
    """Run one POST action: call fn(); on success show success_message (and call on_success,
    e.g. to audit), on ValidationError / PermissionDenied show each of its sentences. Either
    way redirect to `redirect_to` (a URL, or anything django.shortcuts.redirect accepts)."""
    try:
        fn()
    except (ValidationError, PermissionDenied) as exc:
        for m in errors_of(exc):
            messages.error(request, m)
    else:
        if on_success is not None:
            on_success()
        if success_message:
            messages.success(request, success_message)
    return redirect(redirect_to)
