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
    path("<int:pk>/documents/", views_portal.document, name="document"),
    path("<int:pk>/documents/<int:doc_pk>/", views_portal.document_file, name="document_file"),
    path("<int:pk>/proposals/", views_portal.proposal, name="proposal"),
    path("<int:pk>/proposals/<int:proposal_pk>/answer/", views_portal.answer, name="answer"),
]
