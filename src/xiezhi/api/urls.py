"""公开接口路由，挂在 ``/api/`` 下（命名空间 ``api``）。"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from xiezhi.site.access import anyone

from . import views

app_name = "api"

urlpatterns = [
    path("v1/fees/litigation", views.LitigationFeeView.as_view(), name="fees-litigation"),
    path("v1/fees/application", views.ApplicationFeeView.as_view(), name="fees-application"),
    path("v1/periods/end", views.PeriodEndView.as_view(), name="periods-end"),
    path("v1/periods/appeal", views.AppealPeriodView.as_view(), name="periods-appeal"),
    path("schema/", anyone(SpectacularAPIView.as_view()), name="schema"),
    # issue 9 §2 (limits): time limits, case numbers, identity numbers, and the documentation page
    path("v1/timelimits/compute", views.TimeLimitComputeView.as_view(), name="timelimits-compute"),
    path("v1/casenumbers/parse", views.CaseNumberParseView.as_view(), name="casenumbers-parse"),
    path("v1/identity/check", views.IdentityCheckView.as_view(), name="identity-check"),
    # issue 11 item 12: the enforcement law
    path("v1/periods/enforcement-application", views.EnforcementApplicationPeriodView.as_view(),
         name="periods-enforcement-application"),
    path("v1/enforcement/dishonest-term", views.DishonestTermView.as_view(), name="enforcement-dishonest-term"),
    path("v1/enforcement/auction-plan", views.AuctionPlanView.as_view(), name="enforcement-auction-plan"),
    path("docs/", anyone(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
]
