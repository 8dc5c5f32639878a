app_name = "school_imports"
urlpatterns: list = []
