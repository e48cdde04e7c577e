from django.urls import path

from . import views, views_crossregion as xr

app_name = "filing"
urlpatterns = [
    # 诉讼服务网 (parties)
    path("portal/", views.portal, name="portal"),
    path("portal/filings/new/", views.filing_new, name="new"),
    path("portal/filings/<int:pk>/", views.filing_edit, name="edit"),
    path("portal/filings/<int:pk>/autosave/", views.filing_autosave, name="autosave"),
    path("portal/filings/<int:pk>/files/", views.filing_upload, name="upload"),
    path("portal/filings/<int:pk>/files/<int:file_pk>/remove/", views.filing_remove_file, name="remove_file"),
    path("portal/filings/<int:pk>/status/", views.filing_detail, name="detail"),
    path("portal/filings/<int:pk>/delete/", views.filing_delete, name="delete"),
    path("portal/filings/<int:pk>/withdraw/", views.filing_withdraw, name="withdraw"),
    path("portal/files/<int:pk>/", views.portal_file, name="portal_file"),
    path("portal/fees/<int:pk>/pay/", views.fee_pay, name="fee_pay"),
    # 法院内网 (staff)
    path("staff/filings/", views.filing_queue, name="queue"),
    path("staff/filings/new/", views.counter_filing, name="counter"),
    path("staff/filings/<int:pk>/", views.filing_review, name="review"),
    path("staff/filings/<int:pk>/decide/", views.filing_decide, name="decide"),
    path("staff/fees/<int:pk>/change/", views.fee_change, name="fee_change"),
    path("staff/files/<int:pk>/", views.staff_file, name="staff_file"),
    # 跨域立案 (court-domain §7.2)
    path("staff/filings/cross-region/", xr.crossregion_list, name="crossregion_list"),
    path("staff/filings/cross-region/new/", xr.crossregion_new, name="crossregion_new"),
    path("staff/filings/cross-region/<int:pk>/", xr.crossregion_detail, name="crossregion_detail"),
    path("staff/filings/cross-region/<int:pk>/act/", xr.crossregion_act, name="crossregion_act"),
    path("staff/filings/cross-region/<int:pk>/files/<int:file_pk>/", xr.crossregion_file, name="crossregion_file"),
    path("portal/cross-region/", xr.portal_crossregion_list, name="portal_crossregion_list"),
    path("portal/cross-region/<int:pk>/", xr.portal_crossregion_detail, name="portal_crossregion_detail"),
]
