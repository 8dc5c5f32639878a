from django.urls import path, re_path

from route27.monitoring import views

app_name = "monitoring"
FORMAT = r"(?P<fmt>csv|xlsx|pdf)"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    re_path(rf"^export/{FORMAT}/$", views.dashboard, name="dashboard_export"),
    path("jongeren/", views.youth_list, name="youth_list"),
    path("regio/", views.region, name="region"),
    re_path(rf"^regio/export/{FORMAT}/$", views.region, name="region_export"),
    path("capaciteit/", views.capacity, name="capacity"),
    re_path(rf"^capaciteit/export/{FORMAT}/$", views.capacity_export, name="capacity_export"),
    path("streefcijfers/", views.targets, name="targets"),
]
