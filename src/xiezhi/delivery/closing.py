"""结案 checks the service and e-file side of the court adds to xiezhi.trial (registered in ready()).

A case closed by judgment, ruling or mediation is closed when its final document has gone to the
parties: 《最高人民法院关于严格执行案件审理期限制度的若干规定》第十条 dates 结案 by the service of the
judgment, ruling or mediation document, and a mediation document takes effect only once every party
has signed for it (民事诉讼法 第一百条第三款). Whether closing waits for that is a court setting
(⚠ XIEZHI_CLOSING_REQUIRES_SERVICE, on by default)."""
from django.conf import settings
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case

from .models import ServedDocument, ServiceRecord, ServiceStatus
from .services import served_party


def _final_document(case: Case, method: str):
    from xiezhi.documents.models import GeneratedDocument
    from xiezhi.trial.services import CLOSING_METHODS

    kind = CLOSING_METHODS.get(method, ("", ""))[1]
    if not kind:
        return "", None
    doc = (GeneratedDocument.objects.filter(case=case, kind=kind, sealed_at__isnull=False)
           .order_by("-version").first())
    return kind, doc


def check_final_document_served(case: Case, method: str):
    """The sealed judgment / ruling / mediation document has reached (or, by post, been sent to)
    every party of the case; for a mediation document every party must have signed for it."""
    if not settings.CLOSING_REQUIRES_SERVICE:
        return None
    from xiezhi.documents.kinds import KINDS
    from xiezhi.documents.services import served_source

    kind, doc = _final_document(case, method)
    if not kind:
        return None
    title = KINDS[kind].title
    if doc is None:
        return _("%(title)s尚未生成并加盖电子印章。") % {"title": title}
    served_docs = ServedDocument.objects.filter(case=case, source=served_source(doc))
    records = ServiceRecord.objects.filter(document__in=served_docs).select_related("party__represents")
    reached: set[int] = set()
    for r in records:
        party_id = served_party(r.party).pk
        if r.status == ServiceStatus.SERVED or (r.status == ServiceStatus.SENT and r.method == "postal"
                                                and kind != "mediation"):
            reached.add(party_id)
    missing = [p.name for p in case.parties.filter(left_case_at__isnull=True).order_by("pk")
               if p.is_party and p.pk not in reached]
    if missing:
        return _("%(title)s尚未送达：%(names)s。") % {"title": title, "names": "、".join(missing)}
    return None


def check_final_document_filed(case: Case, method: str):
    """The sealed final document is in the e-file (电子卷宗随案同步生成): closing leaves nothing to add."""
    if not settings.CLOSING_REQUIRES_SERVICE:
        return None
    from xiezhi.documents.kinds import KINDS
    from xiezhi.dossier.models import Entry

    kind, doc = _final_document(case, method)
    if doc is None:
        return None  # the service check already says what is missing
    if not Entry.objects.filter(dossier__case=case, source=f"documents.GeneratedDocument:{doc.pk}:sealed").exists():
        return _("签章的%(title)s尚未归入电子卷宗。") % {"title": KINDS[kind].title}
    return None
