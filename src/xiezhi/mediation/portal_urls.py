"""The parties' side of pre-suit mediation on the portal (诉讼服务网)."""
from django.urls import path

from . import views_portal

app_name = "mediation_portal"
urlpatterns = [
    path("", views_portal.my_list, name="list"),
    path("<int:pk>/", views_portal.detail, name="detail"),
    path("<int:pk>/consent/", views_portal.consent, name="consent"),
    path("<int:pk>/choose/", views_portal.choose, name="choose"),
    path("<int:pk>/message/", views_portal.message, name="message"),
]
