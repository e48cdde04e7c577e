from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify, name="verify_code"),
    path("staff/cases/<int:case_pk>/generate/", views.generate, name="generate"),
    path("staff/<int:pk>/sign-off/", views.sign_off, name="sign_off"),
    path("staff/<int:pk>/seal/", views.seal, name="seal"),
    path("staff/<int:pk>/download/<str:fmt>/", views.download, name="download"),
]
