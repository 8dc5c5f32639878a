from django.contrib import admin
from django.urls import include, path

from route27.conf import views as site_views
from route27.home import views as home_views

urlpatterns = [
    path("", home_views.dashboard, name="dashboard"),
    path("start/", include("route27.home.urls")),
    path("inloggen/", site_views.LoginView.as_view(), name="login"),
    path("uitloggen/", site_views.LogoutView.as_view(), name="logout"),
    path("taal/", site_views.set_language, name="set_language"),
    path("bronnen/", site_views.sources, name="sources"),
    path("gezondheid/", site_views.health, name="health"),
    path("jongeren/", include("route27.youth.urls")),
    path("trajecten/", include("route27.trajectories.urls")),
    path("werkvoorraad/", include("route27.trajectories.worklist_urls")),
    path("signalen/", include("route27.signals.urls")),
    path("aanmelden/", include("route27.signals.public_urls")),
    path("overdracht/import/", include("route27.handover.leavers.urls")),
    path("overdracht/", include("route27.handover.urls")),
    path("mijn/", include("route27.portal.urls")),
    path("afspraken/", include("route27.appointments.urls")),
    path("samenwerking/", include("route27.casework.urls")),
    path("outreach/", include("route27.outreach.urls")),
    path("voorzieningen/", include("route27.trajectories.catalogue.urls")),
    path("resultaten/", include("route27.monitoring.urls")),
    path("programma/", include("route27.programme.urls")),
    path("afspraak/", include("route27.appointments.public_urls")),
    path("api/v1/", include("route27.conf.api_urls")),
    path("beheer/", admin.site.urls),
]

handler403 = "route27.core.errorpages.forbidden"
handler404 = "route27.core.errorpages.not_found"
handler500 = "route27.core.errorpages.server_error"
