from django.urls import path

from . import views

app_name = "courts"
urlpatterns = [
    path("staff/court/contact/", views.contact, name="contact"),
]
