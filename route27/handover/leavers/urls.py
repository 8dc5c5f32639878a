from django.urls import path

from route27.handover.leavers import views

app_name = "school_imports"
urlpatterns = [
    path("", views.leavers_upload, name="upload"),
    path("<uuid:public_id>/", views.leavers_job, name="job"),
    path("<uuid:public_id>/bevestigen/", views.leavers_confirm, name="confirm"),
    path("<uuid:public_id>/annuleren/", views.leavers_cancel, name="cancel"),
    path("voorbeeld.csv", views.leavers_example, name="example"),
]
