from django.urls import path

from route27.handover.leavers import views

app_name = "school_imports"
urlpatterns = [
    path("", views.leavers_upload, name="upload"),
    path("rapport/", views.leavers_report, name="report"),
    path("bevestigen/", views.leavers_confirm, name="confirm"),
    path("annuleren/", views.leavers_cancel, name="cancel"),
    path("voorbeeld.csv", views.leavers_example, name="example"),
]
