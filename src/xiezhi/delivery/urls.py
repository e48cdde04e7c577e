from django.urls import path

from . import views

app_name = "delivery"
urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:pk>/", views.inbox_download, name="inbox_download"),
    path("d/<str:token>/", views.sms_download, name="sms_download"),
    path("cases/<int:pk>/serve/", views.serve, name="serve"),
    path("cases/<int:pk>/parties/<int:party_pk>/address/", views.confirm_address, name="confirm_address"),
    path("records/<int:pk>/record/", views.record_service, name="record_service"),
    path("records/<int:pk>/fail/", views.mark_failed, name="mark_failed"),
    path("records/<int:pk>/posted/", views.record_posting, name="record_posting"),
    path("records/<int:pk>/returned/", views.record_returned_post, name="record_returned_post"),
    path("documents/<int:pk>/", views.document_file, name="document_file"),
]
