from xiezhi.cases.selectors import can_manage_case, can_view_case

from . import selectors, services
from .models import AccessRequest, Dossier


def case_panel(request, case):
    user = request.user
    if not getattr(user, "is_court_staff", False) or not can_view_case(user, case):
        return None
    dossier = Dossier.objects.filter(case=case).first()
    data = {"template": "dossier/_case_panel.html", "dossier": dossier,
            "can_upload": can_manage_case(user, case, *services.UPLOAD_ROLES),
            "can_archive": case.status == "closed" and can_manage_case(user, case, *services.ARCHIVE_ROLES)}
    if dossier is not None:
        entries = selectors.catalogue(dossier)
        data.update(entries=entries, pages=selectors.page_count(entries), progress=selectors.progress(dossier),
                    can_read=services.can_read_dossier(user, case),
                    my_requests=AccessRequest.objects.filter(dossier=dossier, requester=user)[:3])
    return data
