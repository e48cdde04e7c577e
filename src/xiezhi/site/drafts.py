"""Autosaved drafts (the online filing form, the hearing record): what every such endpoint shares.

A browser tab saves as the user types, and again when the page is hidden or closed (a
keep-alive request or a beacon). Requests of one tab can therefore overtake each other, be
retried, or arrive after another tab has saved. Each request carries:

- `revision`: the server revision the tab's text is based on;
- `editor`: a random id of the tab (one page load), and `seq`: that tab's count of saves.

`decide_write` is the whole rule: a tab continues its own line of writes (a later save of the same
tab is never a conflict, an earlier or repeated one is a no-op: idempotent); anyone else must be
based on the current revision, or it is a conflict that the user resolves by seeing both versions.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_REVISION = 2**31 - 1  # fits a PostgreSQL integer
MAX_BODY = 2 * 1024 * 1024

SAVE, SKIP, CONFLICT = "save", "skip", "conflict"


@dataclass(frozen=True)
class DraftRequest:
    payload: dict
    revision: int | None
    editor: str
    seq: int | None


def _whole_number(value, label: str) -> int | None:
    """A JSON integer within bounds (no booleans, no 1e309, no NaN, no "3")."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(_("%(label)s须为整数。") % {"label": label})
    if isinstance(value, float):
        if not math.isfinite(value) or value != int(value):
            raise ValidationError(_("%(label)s须为整数。") % {"label": label})
        value = int(value)
    if not 0 <= value <= MAX_REVISION:
        raise ValidationError(_("%(label)s超出范围。") % {"label": label})
    return value


def parse_draft_request(request) -> DraftRequest:
    """The body of an autosave request: JSON (`fetch`), or a form field `payload` holding the
    JSON (`navigator.sendBeacon` cannot set the CSRF header, so it posts a form with the token).
    Anything malformed is a ValidationError with a Chinese sentence (the view answers 400)."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY:
        raise ValidationError(_("提交的内容过大。"))
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raw = request.POST.get("payload", "{}")  # the CSRF check has read the body as a form already
    else:
        raw = request.body or b"{}"
    try:
        body = json.loads(raw, parse_constant=lambda name: math.nan)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ValidationError(_("提交的内容格式不正确。"))
    if not isinstance(body, dict):
        raise ValidationError(_("提交的内容格式不正确。"))
    editor = body.get("editor") or ""
    if not isinstance(editor, str) or len(editor) > 40:
        raise ValidationError(_("提交的内容格式不正确。"))
    return DraftRequest(payload=body, revision=_whole_number(body.get("revision"), _("修订号")),
                        editor=editor, seq=_whole_number(body.get("seq"), _("保存序号")))


def decide_write(*, current_revision: int, current_editor: str, current_seq: int,
                 revision: int | None, editor: str, seq: int | None, same_content: bool) -> str:
    """SAVE, SKIP (nothing to do: a retry, or an older request of the tab that wrote last) or
    CONFLICT (someone else saved since this text's base revision)."""
    if editor and editor == current_editor and seq is not None:
        return SKIP if seq <= current_seq else SAVE
    if revision is None or revision == current_revision:
        return SAVE
    if revision == current_revision - 1 and same_content:
        return SKIP  # the same save again (its answer was lost)
    return CONFLICT
