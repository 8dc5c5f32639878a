from django.urls import path

from route27.trajectories.catalogue import views

app_name = "catalogue"

urlpatterns = [
    path("", views.catalogue_list, name="list"),
    path("nieuw/", views.provision_edit, name="create"),
    path("passend/<uuid:public_id>/", views.fitting, name="fitting"),
    path("<slug:code>/", views.provision_detail, name="detail"),
    path("<slug:code>/wijzigen/", views.provision_edit, name="edit"),
]
