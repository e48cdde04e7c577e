from django.urls import path

from . import views_auth, views_portal, views_staff

app_name = "web"
urlpatterns = [
    path("", views_portal.home, name="home"),
    path("login/", views_auth.public_login, name="login"),
    path("register/", views_auth.register, name="register"),
    path("logout/", views_auth.logout_view, name="logout"),
    # public portal (诉讼服务网)
    path("portal/", views_portal.portal, name="portal"),
    path("portal/verify/", views_auth.verify, name="verify"),
    path("portal/notifications/read/", views_portal.notifications_read, name="portal_notes_read"),
    path("portal/filings/new/", views_portal.filing_new, name="filing_new"),
    path("portal/filings/<int:pk>/", views_portal.filing_edit, name="filing_edit"),
    path("portal/filings/<int:pk>/autosave/", views_portal.filing_autosave, name="filing_autosave"),
    path("portal/filings/<int:pk>/files/", views_portal.filing_upload, name="filing_upload"),
    path("portal/filings/<int:pk>/files/<int:file_pk>/remove/", views_portal.filing_remove_file,
         name="filing_remove_file"),
    path("portal/filings/<int:pk>/status/", views_portal.filing_detail, name="filing_detail"),
    path("portal/cases/<int:pk>/", views_portal.case_detail, name="portal_case"),
    path("portal/files/<int:pk>/", views_portal.evidence_file, name="portal_file"),
    path("portal/fees/<int:pk>/pay/", views_portal.fee_pay, name="fee_pay"),
    # staff site (法院内网)
    path("staff/login/", views_auth.staff_login, name="staff_login"),
    path("staff/", views_staff.workbench, name="workbench"),
    path("staff/notifications/read/", views_staff.notifications_read, name="staff_notes_read"),
    path("staff/cases/", views_staff.case_list, name="case_list"),
    path("staff/cases/<int:pk>/", views_staff.case_detail, name="case_detail"),
    path("staff/cases/<int:pk>/panels/<slug:key>/", views_staff.case_panel, name="case_panel"),
    path("staff/cases/<int:pk>/deduction/", views_staff.case_deduction, name="case_deduction"),
    path("staff/cases/<int:pk>/extension/", views_staff.case_extension, name="case_extension"),
    path("staff/fees/<int:pk>/change/", views_staff.fee_change, name="fee_change"),
    path("staff/files/<int:pk>/", views_staff.evidence_file, name="staff_file"),
    path("staff/filings/", views_staff.filing_queue, name="filing_queue"),
    path("staff/filings/new/", views_staff.counter_filing, name="counter_filing"),
    path("staff/filings/<int:pk>/", views_staff.filing_review, name="filing_review"),
    path("staff/filings/<int:pk>/decide/", views_staff.filing_decide, name="filing_decide"),
    path("staff/audit/", views_staff.audit_log, name="audit_log"),
]
