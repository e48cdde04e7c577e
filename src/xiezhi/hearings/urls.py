from django.urls import include, path

from . import views

staff_urls = [
    path("", views.court_calendar, name="calendar"),
    path("judges/<int:user_pk>/", views.judge_calendar, name="judge_calendar"),
    path("cases/<int:case_pk>/schedule/", views.schedule, name="schedule"),
    path("<int:pk>/postpone/", views.postpone, name="postpone"),
    path("<int:pk>/held/", views.held, name="held"),
    path("<int:pk>/record/", views.record_edit, name="record"),
    path("<int:pk>/record/autosave/", views.record_autosave, name="record_autosave"),
    path("<int:pk>/record/finalise/", views.record_finalise, name="record_finalise"),
    path("<int:pk>/audio/", views.audio_upload, name="audio_upload"),
    path("<int:pk>/audio/<int:audio_pk>/transcribe/", views.audio_transcribe, name="audio_transcribe"),
    # the parties' pages, also reachable at their portal addresses below
    path("mine/", views.my_hearings, name="my_hearings"),
    path("mine/<int:pk>/record/", views.party_record, name="party_record"),
]

app_name = "hearings"
urlpatterns = [
    path("staff/hearings/", include(staff_urls)),
    # the portal's view of hearings (the same views as /staff/hearings/mine/, at a portal address)
    path("portal/hearings/", views.my_hearings, name="portal"),
    path("portal/hearings/<int:pk>/record/", views.party_record, name="portal_record"),
]
