"""View plumbing every app shares: error messages of an exception, date and id fields, file
downloads, and the try / message / redirect block of a POST action. Views stay thin: parse,
call a service, say what happened, redirect."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

# A served file must never run as a page of this site (an uploaded HTML or SVG file with script).
SANDBOX_CSP = "default-src 'none'; sandbox"

# The window of dates a form may give (security review F18: a hearing was scheduled on 9999-12-31
# and the calendar of that week then failed). Nothing this court records predates the people's
# courts (1 October 1949), and nothing is planned more than 10 years ahead.
EARLIEST_DATE = date(1949, 10, 1)
YEARS_AHEAD = 10

# Ids are positive 64-bit integers (BigAutoField); anything longer is not an id.
_MAX_ID_DIGITS = 18


class BadInput(BadRequest):
    """A request no page of this site sends — an id that is not a number, a missing hidden field,
    a JSON body of the wrong shape. Raised by the parse helpers below (never caught by run_action),
    it is answered 400 with its Chinese sentence by xiezhi.site.views.bad_input (handler400), and
    nothing is written: the view stops before its service runs."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = str(message)


def parse_id(value, field_label: str, *, required: bool = False) -> int | None:
    """The id of a record chosen in a form (a <select> option, a hidden field): None when empty
    (BadInput if `required`), else a positive integer. Anything else — `abc`, `1e3`, full-width or
    other non-ASCII digits, 20 digits — is BadInput naming the field (security review F12: each of
    these was a 500 "Field 'id' expected a number")."""
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise BadInput(_("请选择%(field)s。") % {"field": field_label})
        return None
    if not (text.isascii() and text.isdigit()) or len(text) > _MAX_ID_DIGITS or int(text) == 0:
        raise BadInput(_("%(field)s不正确，请从列表中选择。") % {"field": field_label})
    return int(text)


def parse_ids(values, field_label: str) -> list[int]:
    """Every id of a multiple choice (request.POST.getlist), empty values left out."""
    return [i for i in (parse_id(v, field_label) for v in values) if i is not None]


def errors_of(exc: Exception) -> list[str]:
    """The sentences to show the user for a refused action: every message of a
    ValidationError, or the text of a PermissionDenied (a generic sentence when it has none)."""
    if isinstance(exc, ValidationError):
        return [str(m) for m in exc.messages]
    return [str(exc) or _("您无权办理此事项。")]


def latest_date(today: date | None = None) -> date:
    """The last day a form may give: YEARS_AHEAD years from today (28 February for a 29th)."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def parse_date(value: str | None, default: date | None = None) -> date | None:
    """An ISO date from a form field; `default` when the field is empty. A malformed date, or one
    outside EARLIEST_DATE … YEARS_AHEAD years from today, is a ValidationError with a Chinese
    sentence, never a 500 and never a silently different day."""
    if not value:
        return default
    try:
        day = date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(_("日期格式不正确。"))
    last = latest_date()
    if not EARLIEST_DATE <= day <= last:
        raise ValidationError(_("日期超出可受理的范围（%(first)s 至 %(last)s）。")
                              % {"first": EARLIEST_DATE.isoformat(), "last": last.isoformat()})
    return day


def file_response(f, content_type: str, filename: str, *, as_attachment: bool = True) -> FileResponse:
    """Serve a stored file (a FieldFile) under its original name (control and bidirectional
    characters taken out), sandboxed, never sniffed as another type, never kept in a cache."""
    from .uploads import clean_filename

    resp = FileResponse(f.open("rb"), content_type=content_type or None, as_attachment=as_attachment,
                        filename=clean_filename(filename) or "file")
    resp["Content-Security-Policy"] = SANDBOX_CSP
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Cache-Control"] = "no-store"
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
