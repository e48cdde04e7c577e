"""The trial section of the staff case page (registered in apps.py, order 10): routing,
assignment, collegial panel, extensions, suspension, closing and appeals. What the user may do
is decided in selectors.panel_permissions."""
from xiezhi.cases.closing import closing_problems
from xiezhi.cases.models import Case
from xiezhi.courts import refcache
from xiezhi.law.panels import SINGLE_JUDGE_BARRED, composition_for
from xiezhi.law.smallclaims import EXCLUSIONS

from . import selectors, services
from .models import TransferPackage

CIVIL_PROCEDURES = ("civil_small_claims", "civil_summary", "civil_ordinary")


IMPLEMENTATION_TYPES = ("执", "执恢", "执保")


def case_panel(request, case: Case):
    user = request.user
    if not getattr(user, "is_court_staff", False):
        return None
    if case.case_type.type_code in IMPLEMENTATION_TYPES:
        # an enforcement implementation case has no panel, routing or appeal: its teams, stages and
        # closing are the enforcement app's sections (执异 / 执复 are tried by a judge and keep this one)
        return None
    may = selectors.panel_permissions(user, case, routing_roles=services.ROUTING_ROLES)
    closed = may["closed"]
    return {
        "template": "trial/_case_panel.html",
        "routing": getattr(case, "routing", None) if hasattr(case, "routing") else None,
        "exclusions": sorted(EXCLUSIONS.items()),
        "civil_procedures": [(c, refcache.procedure(c)) for c in CIVIL_PROCEDURES],
        "conversion": selectors.conversion_preview(case, "civil_ordinary") if may["can_convert"] else None,
        "assignments": list(case.assignments.select_related("judge", "approved_by", "requested_by")[:5]),
        "composition": composition_for(case.procedure.limit_code, case.court.level) if case.procedure else None,
        "art42_grounds": list(SINGLE_JUDGE_BARRED.items()),  # 民事诉讼法 第四十二条
        "members": selectors.active_panel(case),
        "extensions": list(case.extension_requests.select_related("requested_by", "decided_by")[:5]),
        "closing": case.closing if closed else None,
        "closing_methods": [(k, v[0]) for k, v in services.CLOSING_METHODS.items()],
        "closing_problems": closing_problems(case, "judgment") if may["can_close"] else [],
        "windows": list(case.appeal_windows.select_related("party").order_by("party_id")) if closed else [],
        "effective_on": selectors.effective_on(case) if closed else None,
        "appeals": list(case.appeals.select_related("party")) if closed else [],
        "transfer": TransferPackage.objects.filter(case=case).select_related("to_court").first() if closed else None,
        "parties": [p for p in case.parties.all() if p.is_party] if closed else [],
        "pronouncements": list(case.pronouncements.all()[:5]),
        "late_applications": list(case.late_applications.select_related("party")[:10]),
        "all_parties": [p for p in case.parties.all() if p.is_party],
        **{k: v for k, v in may.items() if k.startswith("can_") or k == "judges"},
    }
