from django.urls import path

from . import views, views_entrusted

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
    # 委托调解 (after filing)
    path("entrust/<int:case_pk>/", views_entrusted.entrust, name="entrust"),
    path("entrusted/<int:pk>/", views_entrusted.detail, name="entrusted_detail"),
    path("entrusted/<int:pk>/accept/", views_entrusted.accept, name="entrusted_accept"),
    path("entrusted/<int:pk>/extend/", views_entrusted.extend, name="entrusted_extend"),
    path("entrusted/<int:pk>/agreement/", views_entrusted.agreement, name="entrusted_agreement"),
    path("entrusted/<int:pk>/failure/", views_entrusted.failure, name="entrusted_failure"),
    path("entrusted/<int:pk>/withdraw/", views_entrusted.withdraw, name="entrusted_withdraw"),
    path("<int:pk>/sessions/", views.session, name="session"),
    path("<int:pk>/documents/", views.document, name="document"),
    path("<int:pk>/documents/<int:doc_pk>/", views.document_file, name="document_file"),
    path("<int:pk>/proposals/", views.proposal, name="proposal"),
    path("<int:pk>/proposals/<int:proposal_pk>/agreement/", views.agreement_from, name="agreement_from"),
]
