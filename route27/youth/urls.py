from django.urls import path

from route27.youth import views

app_name = "youth"
urlpatterns = [
    path("", views.youth_list, name="list"),
    path("nieuw/", views.youth_create, name="create"),
    path("zoeken-op-bsn/", views.youth_search_bsn, name="search_bsn"),
    path("<uuid:public_id>/", views.youth_detail, name="detail"),
    path("<uuid:public_id>/wijzigen/", views.youth_edit, name="edit"),
]
