from django.urls import path

from route27.handover import import_views

app_name = "school_imports"
urlpatterns = [
    path("", import_views.leavers_upload, name="upload"),
    path("rapport/", import_views.leavers_report, name="report"),
    path("bevestigen/", import_views.leavers_confirm, name="confirm"),
    path("annuleren/", import_views.leavers_cancel, name="cancel"),
    path("voorbeeld.csv", import_views.leavers_example, name="example"),
]
