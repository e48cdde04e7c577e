"""公开接口路由，挂在 ``/api/`` 下（命名空间 ``api``）。"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from xiezhi.site.access import anyone

from . import views

app_name = "api"

urlpatterns = [
    path("v1/fees/litigation", views.LitigationFeeView.as_view(), name="fees-litigation"),
    path("v1/fees/application", views.ApplicationFeeView.as_view(), name="fees-application"),
    path("v1/periods/end", views.PeriodEndView.as_view(), name="periods-end"),
    path("v1/periods/appeal", views.AppealPeriodView.as_view(), name="periods-appeal"),
    path("schema/", anyone(SpectacularAPIView.as_view()), name="schema"),
]
