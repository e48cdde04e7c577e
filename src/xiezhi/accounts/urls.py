from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.public_login, name="login"),
    path("register/", views.register, name="register"),
    path("logout/", views.logout_view, name="logout"),
    path("portal/verify/", views.verify, name="verify"),
    path("staff/login/", views.staff_login, name="staff_login"),
]
