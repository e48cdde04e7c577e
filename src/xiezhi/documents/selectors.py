"""Reads of the documents app, filtered by what the user may see."""
from xiezhi.cases.selectors import can_view_case, visible_cases

from .models import GeneratedDocument


def documents_for_case(user, case):
    if not can_view_case(user, case):
        return GeneratedDocument.objects.none()
    return GeneratedDocument.objects.filter(case=case).select_related("created_by", "sealed_by", "template")


def document_for(user, pk):
    """A document the staff user may see (its case is visible), or None."""
    return (GeneratedDocument.objects.select_related("case__court")
            .filter(pk=pk, case__in=visible_cases(user)).first())


def by_code(code: str):
    code = (code or "").strip().upper()
    if not code:
        return None
    return (GeneratedDocument.objects.select_related("case__court")
            .filter(verification_code=code, sealed_at__isnull=False).first())


def draft_for(user, pk):
    """A judge's draft whose case the staff user may see, or None (documents.drafts decides who edits)."""
    from .models import DocumentDraft

    return (DocumentDraft.objects.select_related("case__court", "updated_by")
            .filter(pk=pk, case__in=visible_cases(user)).first())


def drafts_for_case(user, case):
    from .models import DocumentDraft

    if not can_view_case(user, case):
        return DocumentDraft.objects.none()
    return DocumentDraft.objects.filter(case=case).select_related("updated_by")
