from django.urls import path

from . import views

app_name = "complaints"
urlpatterns = [
    path("staff/complaints/", views.office, name="office"),
    path("staff/complaints/new/", views.register, name="register"),
    path("staff/complaints/lawyers/", views.lawyers, name="lawyers"),
    path("staff/complaints/<int:pk>/", views.detail, name="detail"),
    path("staff/complaints/<int:pk>/litigation/", views.litigation, name="litigation"),
    path("staff/complaints/<int:pk>/petition/", views.petition, name="petition"),
    path("staff/complaints/<int:pk>/reply/", views.reply, name="reply"),
    path("staff/complaints/<int:pk>/close/", views.close, name="close"),
    path("staff/complaints/<int:pk>/hand-over/", views.hand_over, name="hand_over"),
    path("staff/complaints/<int:pk>/lawyer/", views.assign_lawyer, name="assign_lawyer"),
    path("staff/questions/<int:pk>/answer/", views.answer, name="answer"),
    path("portal/complaints/", views.portal_lawyer, name="portal_lawyer"),
    path("portal/complaints/<int:pk>/opinion/", views.portal_opinion, name="portal_opinion"),
    path("portal/cases/<int:case_pk>/questions/", views.portal_questions, name="portal_questions"),
]
