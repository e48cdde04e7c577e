app_name = "dossier"
urlpatterns = []
