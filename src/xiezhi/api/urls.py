"""公开接口路由，挂在 ``/api/`` 下（命名空间 ``api``）。"""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"

urlpatterns = [
    re_path(r"^v1/fees/litigation/?$", views.LitigationFeeView.as_view(), name="fees-litigation"),
    re_path(r"^v1/fees/application/?$", views.ApplicationFeeView.as_view(), name="fees-application"),
    re_path(r"^v1/periods/end/?$", views.PeriodEndView.as_view(), name="periods-end"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
