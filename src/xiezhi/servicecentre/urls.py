from django.urls import path

from . import views

app_name = "servicecentre"
urlpatterns = [
    path("kiosk/", views.kiosk_home, name="kiosk"),
    path("kiosk/ticket/", views.kiosk_ticket, name="kiosk_ticket"),
    path("kiosk/checkin/", views.kiosk_checkin, name="kiosk_checkin"),
    path("kiosk/lookup/", views.kiosk_lookup, name="kiosk_lookup"),
    path("centre/display/", views.display, name="display"),
    path("portal/appointments/", views.appointments, name="appointments"),
    path("portal/appointments/<int:pk>/cancel/", views.appointment_cancel, name="appointment_cancel"),
    path("staff/centre/", views.centre, name="centre"),
    path("staff/centre/windows/<int:n>/", views.window, name="window"),
    path("staff/centre/windows/<int:n>/<str:action>/", views.window_action, name="window_action"),
    path("staff/centre/materials/", views.materials, name="materials"),
    path("staff/centre/materials/<int:pk>/sign/", views.material_sign, name="material_sign"),
    path("staff/centre/12368/", views.hotline, name="hotline"),
    path("staff/centre/12368/mine/", views.hotline_mine, name="hotline_mine"),
    path("staff/centre/12368/<int:pk>/", views.hotline_item, name="hotline_item"),
    path("staff/centre/12368/<int:pk>/<str:action>/", views.hotline_action, name="hotline_action"),
]
