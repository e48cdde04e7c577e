"""Every 403 leaves a trace (security review F8): a view (or its guard from xiezhi.site.access)
that refuses with PermissionDenied gets a DENIED audit row for the signed-in user, whatever the
app. Refusals answered with 404 (an object the user may not see) are recorded where they are
decided: cases.selectors.case_for_request and audit.services.deny."""
from django.core.exceptions import PermissionDenied

from .models import AuditEntry
from .services import record


class DeniedAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied) and getattr(request, "user", None) is not None \
                and request.user.is_authenticated:
            record(request, AuditEntry.Action.DENIED, detail=f"403 {str(exception) or request.method}"[:300])
        return None
