"""The documents section of the staff case page (registered in apps.py, order 40)."""
from xiezhi.cases.selectors import SERVICE_ROLES, can_manage_case

from . import drafts, selectors, services
from .forms import GenerateForm
from .kinds import KINDS
from .structure import CONFIRMATION_VARIANTS, ENF_RULING_TYPES, RULING_TYPES, is_structured


def case_panel(request, case):
    user = request.user
    if not getattr(user, "is_court_staff", False):
        return None
    docs = list(selectors.documents_for_case(user, case).prefetch_related("sign_offs__signed_by"))
    final = [d for d in docs if KINDS[d.kind].final and not d.sealed_at]
    if final:
        for d in final:  # 签发 state: who still has to sign, and whether this user may now
            d.missing_signoffs = services.signoffs_missing(d)
            d.unfinished = d.gap_sections or (["【待填写】"] if d.gaps else [])
            d.can_sign_off = bool(d.missing_signoffs) and not d.unfinished and d.missing_signoffs[0].may(user)
    allowed = services.kinds_for(user, case)
    writable = ({k: v for k, v in KINDS.items() if k in allowed and is_structured(k)}
                if drafts.tries_case(user, case) else {})
    return {"template": "documents/_case_panel.html", "documents": docs,
            "can_generate": bool(allowed),
            "can_seal": can_manage_case(user, case, *services.SEAL_ROLES) or services.enforcement_may_seal(user, case),
            "form": GenerateForm(),
            # notices are generated from the case; the judge's documents are written in the editor (documents.drafts)
            "kinds": {k: v for k, v in KINDS.items() if k in allowed and not is_structured(k)},
            "writable_kinds": writable,
            "ruling_types": ENF_RULING_TYPES if "enf_ruling" in writable else _ruling_types(case),
            "drafts": list(selectors.drafts_for_case(user, case)) if writable else [],
            "servable_kinds": set(services.DELIVERY_KINDS), "final_kinds": {k for k, v in KINDS.items() if v.final},
            "can_serve": can_manage_case(user, case, *SERVICE_ROLES)}


# 确认调解协议效力 / 驳回司法确认申请 are rulings of a 司法确认 case only (民事诉讼法 第二百零六条)
CONFIRMATION_CASE_TYPES = ("民特", "诉前调确")


def _ruling_types(case) -> dict:
    if case.case_type.type_code in CONFIRMATION_CASE_TYPES:
        return RULING_TYPES
    return {k: v for k, v in RULING_TYPES.items() if k not in CONFIRMATION_VARIANTS}
