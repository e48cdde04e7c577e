from django.urls import path

from . import views

app_name = "enforcement"
urlpatterns = [
    path("cases/<int:pk>/money/receive/", views.receive, name="receive"),
    path("cases/<int:pk>/money/pay-out/", views.pay_out, name="pay_out"),
    path("cases/<int:pk>/money/reverse/", views.reverse_movement, name="reverse"),
]

from . import views_intake  # noqa: E402

urlpatterns += [
    path("", views_intake.board, name="board"),
    path("mine/", views_intake.mine, name="mine"),
    path("new/", views_intake.new, name="new"),
    path("cases/<int:pk>/stage/", views_intake.move, name="move"),
]
