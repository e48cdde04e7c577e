from django.urls import path

from . import views

app_name = "assistance"
urlpatterns = [
    path("", views.staff_list, name="list"),
    path("new/", views.staff_new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/accept/", views.accept, name="accept"),
    path("<int:pk>/investigate/", views.investigate, name="investigate"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/refuse/", views.refuse, name="refuse"),
    path("<int:pk>/pay/", views.pay, name="pay"),
    path("fee-reliefs/<int:pk>/decide/", views.decide_fee_relief, name="decide_fee_relief"),
]
