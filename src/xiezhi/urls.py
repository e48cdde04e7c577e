"""One include() per app. Each app's urls.py holds its own public paths (/staff/…, /portal/…)
under its own namespace, so a URL name says which app owns the page (cases:detail, filing:review,
accounts:login …)."""
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("xiezhi.api.urls")),
    path("tools/", include("xiezhi.api.tool_urls")),
    path("", include("xiezhi.site.urls")),
    path("", include("xiezhi.accounts.urls")),
    path("", include("xiezhi.cases.urls")),
    path("", include("xiezhi.filing.urls")),
    path("", include("xiezhi.hearings.urls")),
    path("staff/trial/", include("xiezhi.trial.urls")),
    path("staff/enforcement/", include("xiezhi.enforcement.urls")),
    path("staff/mediation/", include("xiezhi.mediation.urls")),
    path("staff/assistance/", include("xiezhi.assistance.urls")),
    path("", include("xiezhi.complaints.urls")),
    path("documents/", include("xiezhi.documents.urls")),
    path("staff/dossier/", include("xiezhi.dossier.urls")),
    path("delivery/", include("xiezhi.delivery.urls")),
    path("", include("xiezhi.audit.urls")),
    path("", include("xiezhi.courts.urls")),
    path("enforcement/public/", include("xiezhi.enforcement.urls_public")),
    path("enforcement/", include("xiezhi.enforcement.public_urls")),
    path("portal/enforcement/", include("xiezhi.enforcement.portal_urls")),
    path("portal/mediation/", include("xiezhi.mediation.portal_urls")),
    path("", include("xiezhi.servicecentre.urls")),
    path("portal/assistance/", include("xiezhi.assistance.portal_urls")),
    path("", include("xiezhi.confirmation.urls")),
]

# A request no page sends (xiezhi.site.http.BadInput: an id that is not a number …) gets its sentence.
handler400 = "xiezhi.site.views.bad_input"
# error pages in the layout of the person who sees them (staff keep their menu)
handler403 = "xiezhi.site.views.permission_denied"
handler404 = "xiezhi.site.views.page_not_found"
handler500 = "xiezhi.site.views.server_error"
