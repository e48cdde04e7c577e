from django.urls import path

from . import views

app_name = "confirmation"
urlpatterns = [
    path("staff/confirmation/", views.board, name="board"),
    path("staff/confirmation/new/", views.new, name="new"),
    path("staff/confirmation/from-mediation/<int:mediation_pk>/", views.from_mediation, name="from_mediation"),
    path("staff/confirmation/case/<int:case_pk>/mediation-document/", views.mediation_document,
         name="mediation_document"),
    path("staff/confirmation/<int:pk>/", views.detail, name="detail"),
    path("staff/confirmation/<int:pk>/accept/", views.accept, name="accept"),
    path("staff/confirmation/<int:pk>/not-accept/", views.not_accept, name="not_accept"),
    path("staff/confirmation/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("staff/confirmation/<int:pk>/extend/", views.extend, name="extend"),
    path("staff/confirmation/<int:pk>/decide/", views.decide, name="decide"),
    path("portal/confirmation/", views.portal_list, name="portal_list"),
]
