from django.urls import path

from . import views

app_name = "trial"
urlpatterns = [
    path("approvals/", views.approvals, name="approvals"),
    path("cases/<int:pk>/route/", views.route, name="route"),
    path("cases/<int:pk>/convert/", views.convert, name="convert"),
    path("cases/<int:pk>/assign/", views.assign, name="assign"),
    path("cases/<int:pk>/panel/", views.panel, name="panel"),
    path("cases/<int:pk>/extension/", views.extension, name="extension"),
    path("cases/<int:pk>/suspension/", views.suspension, name="suspension"),
    path("cases/<int:pk>/close/", views.close, name="close"),
    path("cases/<int:pk>/appeal/", views.appeal, name="appeal"),
    path("cases/<int:pk>/pronounce/", views.pronounce, name="pronounce"),
    path("cases/<int:pk>/late-application/", views.late_application, name="late_application"),
]
