from django.urls import path

from . import views

app_name = "documents"
urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify, name="verify_code"),
    path("staff/cases/<int:case_pk>/generate/", views.generate, name="generate"),
    path("staff/<int:pk>/sign-off/", views.sign_off, name="sign_off"),
    path("staff/<int:pk>/seal/", views.seal, name="seal"),
    path("staff/<int:pk>/download/<str:fmt>/", views.download, name="download"),
    # 裁判文书编辑 (documents.drafts)
    path("staff/cases/<int:case_pk>/drafts/", views.draft_start, name="draft_start"),
    path("staff/drafts/<int:pk>/", views.draft_edit, name="draft_edit"),
    path("staff/drafts/<int:pk>/autosave/", views.draft_autosave, name="draft_autosave"),
    path("staff/drafts/<int:pk>/generate/", views.draft_generate, name="draft_generate"),
    path("staff/drafts/<int:pk>/changes/", views.draft_changes, name="draft_changes"),
    path("staff/drafts/<int:pk>/docx/", views.draft_docx, name="draft_docx"),
    path("staff/drafts/<int:pk>/upload/", views.draft_upload, name="draft_upload"),
    path("staff/drafts/<int:pk>/fee/", views.draft_fee, name="draft_fee"),
    path("staff/citations/", views.citations, name="citations"),
]
