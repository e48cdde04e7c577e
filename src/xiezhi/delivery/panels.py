"""The 送达 section of the staff case page (registered in apps.py, order 30)."""
from django.utils import timezone

from xiezhi.cases import selectors as case_selectors
from xiezhi.law.service import RETURN_REASONS

from . import selectors, services
from .services import SERVERS


def case_panel(request, case):
    """The service matrix on the staff case page (order 30)."""
    user = request.user
    if not getattr(user, "is_court_staff", False) or not case_selectors.can_view_case(user, case):
        return None
    docs = list(selectors.case_documents(user, case))
    recipients = list(case.parties.filter(left_case_at__isnull=True).order_by("id"))
    matrix = []
    for d in docs:
        recs = list(d.records.all())
        cells = [[r for r in recs if r.party_id == p.pk] for p in recipients]
        matrix.append({"doc": d, "cells": cells, "records": recs})
    confirmations = services.current_confirmations(recipients)  # one query for all parties
    can_serve = case_selectors.can_manage_case(user, case, *SERVERS)
    return {"template": "delivery/_case_panel.html", "matrix": matrix, "recipients": recipients,
            "confirmations": [(p, confirmations[p.pk]) for p in recipients], "can_serve": can_serve,
            "today": timezone.localdate(),
            # 法院专递规定 第十一条: the reasons a returned letter may come back with
            "return_reasons": [(code, label) for code, (label, _deemed) in RETURN_REASONS.items()]}
