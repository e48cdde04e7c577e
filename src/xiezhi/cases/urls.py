from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    # 法院内网 (staff)
    path("staff/", views.workbench, name="workbench"),
    path("staff/notifications/read/", views.notifications_read, name="notes_read"),
    path("staff/cases/", views.case_list, name="list"),
    path("staff/cases/export/", views.case_export, name="export"),
    path("staff/cases/<int:pk>/", views.case_detail, name="detail"),
    path("staff/cases/<int:pk>/panels/<slug:key>/", views.case_panel, name="panel"),
    path("staff/cases/<int:pk>/deduction/", views.case_deduction, name="deduction"),
    path("staff/cases/<int:pk>/extension/", views.case_extension, name="extension"),
    path("staff/cases/<int:pk>/foreign-related/", views.case_foreign_related, name="foreign_related"),
    # 诉讼服务网 (parties)
    path("portal/notifications/read/", views.portal_notifications_read, name="portal_notes_read"),
    path("portal/cases/<int:pk>/", views.portal_case_detail, name="portal_detail"),
]
