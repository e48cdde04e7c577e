from django.contrib import admin
from django.urls import include, path

from xiezhi.hearings import views as hearing_views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("xiezhi.api.urls")),
    path("tools/", include("xiezhi.api.tool_urls")),
    path("staff/trial/", include("xiezhi.trial.urls")),
    path("staff/hearings/", include("xiezhi.hearings.urls")),
    path("documents/", include("xiezhi.documents.urls")),
    path("staff/dossier/", include("xiezhi.dossier.urls")),
    path("delivery/", include("xiezhi.delivery.urls")),
    # the portal's view of hearings (the same views as /staff/hearings/mine/, at a portal address)
    path("portal/hearings/", hearing_views.my_hearings, name="portal_hearings"),
    path("portal/hearings/<int:pk>/record/", hearing_views.party_record, name="portal_hearing_record"),
    path("", include("xiezhi.web.urls")),
]
