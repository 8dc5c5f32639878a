from django.contrib import admin
from django.urls import include, path

from route27.core import views as core_views

urlpatterns = [
    path("", core_views.dashboard, name="dashboard"),
    path("inloggen/", core_views.LoginView.as_view(), name="login"),
    path("uitloggen/", core_views.LogoutView.as_view(), name="logout"),
    path("taal/", core_views.set_language, name="set_language"),
    path("bronnen/", core_views.sources, name="sources"),
    path("gezondheid/", core_views.health, name="health"),
    path("jongeren/", include("route27.youth.urls")),
    path("trajecten/", include("route27.trajectories.urls")),
    path("werkvoorraad/", include("route27.trajectories.worklist_urls")),
    path("signalen/", include("route27.signals.urls")),
    path("aanmelden/", include("route27.signals.public_urls")),
    path("overdracht/import/", include("route27.handover.import_urls")),
    path("overdracht/", include("route27.handover.urls")),
    path("mijn/", include("route27.portal.urls")),
    path("api/v1/", include("route27.core.api.urls")),
    path("beheer/", admin.site.urls),
]

handler403 = "route27.core.errorpages.forbidden"
handler404 = "route27.core.errorpages.not_found"
handler500 = "route27.core.errorpages.server_error"
