app_name = "public_signals"
urlpatterns: list = []
