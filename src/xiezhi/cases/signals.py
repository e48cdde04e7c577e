"""Signals between the court-business apps, so none imports another's internals.

paper_added: a paper entered a case (an uploaded file, a generated document, a transcript,
a service receipt). The e-case file (xiezhi.dossier) files it into the catalogue.
    send(sender, case, file, title, kind, source, created_by)
      file: a Django File/FieldFile to copy or reference; kind: catalogue hint such as
      "complaint", "evidence", "notice", "judgment", "transcript", "receipt"; source: a
      string like "documents.GeneratedDocument:12".

document_served: a document reached a party (xiezhi.delivery). The trial app starts that
party's appeal window from it.
    send(sender, case, document_kind, party_id, served_on, method)
"""
from django.dispatch import Signal

paper_added = Signal()
document_served = Signal()
