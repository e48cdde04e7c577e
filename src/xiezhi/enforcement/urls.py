from django.urls import path

from . import views

app_name = "enforcement"
urlpatterns = [
    path("cases/<int:pk>/money/receive/", views.receive, name="receive"),
    path("cases/<int:pk>/money/pay-out/", views.pay_out, name="pay_out"),
    path("cases/<int:pk>/money/reverse/", views.reverse_movement, name="reverse"),
]

from . import views_linkage  # noqa: E402

urlpatterns += [
    path("linkage/", views_linkage.batches, name="linkage"),
    path("linkage/<int:pk>/", views_linkage.batch_detail, name="linkage_batch"),
    path("linkage/search-all/", views_linkage.search_all, name="linkage_search_all"),
    path("cases/<int:pk>/linkage/search/", views_linkage.search_case, name="linkage_search"),
    path("cases/<int:pk>/linkage/freeze/", views_linkage.freeze, name="linkage_freeze"),
    path("cases/<int:pk>/linkage/deduct/", views_linkage.deduct, name="linkage_deduct"),
    path("cases/<int:pk>/linkage/release/", views_linkage.release, name="linkage_release"),
]
