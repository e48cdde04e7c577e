from xiezhi.cases.selectors import can_manage_case, can_view_case

from . import selectors, services
from .models import Dossier


def case_panel(request, case):
    """The e-file section of the staff case page: catalogue with page ranges and OCR progress.
    A fixed number of queries whatever the size of the e-file (one for the catalogue with its
    page counts)."""
    user = request.user
    if not getattr(user, "is_court_staff", False) or not can_view_case(user, case):
        return None
    dossier = Dossier.objects.filter(case=case).defer("manifest").first()
    data = {"template": "dossier/_case_panel.html", "dossier": dossier,
            "can_upload": can_manage_case(user, case, *services.UPLOAD_ROLES),
            # archiving needs a closed case; checking an archive's integrity stays open to the same roles after
            "can_archive": case.status in ("closed", "archived") and can_manage_case(user, case, *services.ARCHIVE_ROLES)}
    if dossier is not None:
        entries = selectors.catalogue(dossier, light=True, with_progress=True)
        data.update(entries=entries, pages=selectors.page_count(entries), progress=selectors.progress_of(entries),
                    can_read=selectors.can_read_dossier(user, case, dossier=dossier, case_visible=True))
    return data
