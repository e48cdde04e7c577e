"""Files stored once per content. Every upload and generated paper is named after the SHA-256 of its
bytes (`evidence/ab/abcdef….pdf`), so the same bytes are one file on disk however often they come in,
and a stored file never changes under its name.

Django's storage never overwrites: saving a name that exists writes a copy under `name_XXXXXXX`.
For content-addressed names that copy is pure waste, so these helpers reuse the stored file instead."""
from __future__ import annotations

import mimetypes

from django.core.files.base import ContentFile, File


def content_name(folder: str, digest: str, ext: str = "") -> str:
    """`folder/ab/abcdef…ext` — two-letter fan-out keeps directories small."""
    return f"{folder.strip('/')}/{digest[:2]}/{digest}{ext}"


def extension_for(content_type: str) -> str:
    return {"image/jpeg": ".jpg"}.get(content_type) or mimetypes.guess_extension(content_type or "") or ""


def save_once(storage, name: str, content: bytes | File) -> str:
    """Write `content` under `name` unless the storage already has that name; returns `name`."""
    if storage.exists(name):
        return name
    saved = storage.save(name, ContentFile(content) if isinstance(content, bytes) else content)
    if saved != name:  # the same bytes were stored by someone else between exists() and save()
        storage.delete(saved)
    return name


def store_once(field_file, folder: str, digest: str, content: bytes | File, ext: str = "") -> str:
    """Point a FileField value at the content-addressed file, writing it only the first time.
    The model instance still has to be saved by the caller."""
    field_file.name = save_once(field_file.storage, content_name(folder, digest, ext), content)
    return field_file.name
