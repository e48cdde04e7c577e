"""The parties' side of an enforcement case on the portal (执行信息公开, party part)."""
from django.urls import path

from . import views_parties

app_name = "enforcement_portal"
urlpatterns = [
    path("cases/<int:pk>/", views_parties.portal_case, name="case"),
    path("cases/<int:pk>/clue/", views_parties.portal_clue, name="clue"),
    path("cases/<int:pk>/report/", views_parties.portal_report, name="report"),
    path("cases/<int:pk>/message/", views_parties.portal_message, name="message"),
]
