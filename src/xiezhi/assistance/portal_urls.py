from django.urls import path

from . import views

app_name = "assistance_portal"
urlpatterns = [
    path("", views.portal_list, name="list"),
    path("new/", views.portal_new, name="new"),
    path("<int:pk>/", views.portal_detail, name="detail"),
    path("fees/", views.portal_fees, name="fees"),
    path("fees/<int:pk>/relief/", views.portal_fee_relief, name="fee_relief"),
    path("filings/<int:pk>/fee-relief/", views.portal_fee_relief_at_filing, name="fee_relief_at_filing"),
]
