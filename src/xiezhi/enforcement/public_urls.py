"""The public side of enforcement: online judicial auction notices (网络司法拍卖公告), open to anyone."""
from django.urls import path

from . import views_disposal

app_name = "auctions"
urlpatterns = [
    path("auctions/", views_disposal.auction_list, name="list"),
    path("auctions/<int:pk>/", views_disposal.auction_detail, name="detail"),
]
