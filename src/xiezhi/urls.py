from django.contrib import admin
from django.urls import include, path

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
    path("", include("xiezhi.web.urls")),
]
