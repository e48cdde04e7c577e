from django.urls import path

from . import views

app_name = "dossier"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("requests/", views.requests, name="requests"),
    path("requests/<int:pk>/decide/", views.decide, name="decide"),
    path("cases/<int:pk>/", views.reader, name="reader"),
    path("cases/<int:pk>/upload/", views.upload, name="upload"),
    path("cases/<int:pk>/archive/", views.archive, name="archive"),
    path("cases/<int:pk>/verify/", views.verify, name="verify"),
    path("cases/<int:pk>/request/", views.request_access, name="request"),
    path("pages/<int:pk>/note/", views.note, name="note"),
    path("pages/<int:pk>/<str:size>.png", views.page_image, name="page_image"),
    path("entries/<int:pk>/", views.entry_file, name="entry_file"),
]
