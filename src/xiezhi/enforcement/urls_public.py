from django.urls import path

from . import views_public

app_name = "enforcement_public"
urlpatterns = [path("", views_public.search, name="search")]
