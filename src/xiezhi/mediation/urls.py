from django.urls import path

from . import views

app_name = "mediation"
urlpatterns = [
    path("", views.office, name="office"),
    path("mediators/", views.mediators, name="mediators"),
    path("mine/", views.mine, name="mine"),
    path("offer/<int:filing_pk>/", views.offer, name="offer"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/consent/", views.consent, name="consent"),
    path("<int:pk>/assign/", views.assign, name="assign"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/extend/", views.extend, name="extend"),
    path("<int:pk>/agreement/", views.agreement, name="agreement"),
    path("<int:pk>/failure/", views.failure, name="failure"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/notes/", views.note, name="note"),
]
