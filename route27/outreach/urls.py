from django.urls import path

from route27.outreach import views

app_name = "outreach"

urlpatterns = [
    path("", views.case_list, name="cases"),
    path("zaak/<uuid:public_id>/", views.case_detail, name="case"),
    path("zaak/<uuid:public_id>/traject/", views.case_trajectory, name="case_trajectory"),
    path("levering/", views.upload, name="upload"),
    path("levering/<uuid:public_id>/", views.job, name="job"),
    path("levering/<uuid:public_id>/kolommen/", views.mapping, name="mapping"),
    path("levering/<uuid:public_id>/annuleren/", views.cancel, name="cancel"),
    path("status/", views.status_list, name="status_list"),
    path("opnieuw/", views.reapproach_list, name="reapproach"),
    path("opnieuw/<uuid:public_id>/", views.reapproach_open, name="reapproach_open"),
]
