from django.urls import path

from route27.trajectories import worklist_views as views

app_name = "worklists"
urlpatterns = [
    path("", views.worklist, name="mine"),
    path("intake/", views.intake_queue, name="intake"),
    path("intake/<uuid:public_id>/oppakken/", views.intake_take_on, name="take_on"),
    path("team/", views.caseload, name="caseload"),
]
