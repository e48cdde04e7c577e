from django.urls import path

from . import views

app_name = "enforcement"
urlpatterns = [
    path("cases/<int:pk>/money/receive/", views.receive, name="receive"),
    path("cases/<int:pk>/money/pay-out/", views.pay_out, name="pay_out"),
    path("cases/<int:pk>/money/reverse/", views.reverse_movement, name="reverse"),
]

from . import views_credit  # noqa: E402

urlpatterns += [
    path("cases/<int:pk>/dishonest/list/", views_credit.list_debtor, name="dishonest_list"),
    path("cases/<int:pk>/dishonest/delete/", views_credit.delete_entry, name="dishonest_delete"),
    path("cases/<int:pk>/dishonest/correction/", views_credit.file_correction, name="correction_file"),
    path("cases/<int:pk>/dishonest/correction/decide/", views_credit.decide_correction, name="correction_decide"),
    path("cases/<int:pk>/restriction/", views_credit.restrict, name="restrict"),
    path("cases/<int:pk>/restriction/lift/", views_credit.lift, name="restriction_lift"),
    path("credit/corrections/", views_credit.corrections, name="corrections"),
]
