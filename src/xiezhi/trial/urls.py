app_name = "trial"
urlpatterns = []
