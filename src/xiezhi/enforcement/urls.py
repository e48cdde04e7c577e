from django.urls import path

from . import views

app_name = "enforcement"
urlpatterns = [
    path("cases/<int:pk>/money/receive/", views.receive, name="receive"),
    path("cases/<int:pk>/money/pay-out/", views.pay_out, name="pay_out"),
    path("cases/<int:pk>/money/reverse/", views.reverse_movement, name="reverse"),
]
