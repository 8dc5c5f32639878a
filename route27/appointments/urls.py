from django.urls import path

from route27.appointments import views

app_name = "appointments"
urlpatterns = [
    path("", views.appointment_list, name="list"),
    path("traject/<uuid:public_id>/nieuw/", views.appointment_plan_page, name="plan"),
    path("<uuid:public_id>/aanwezigheid/", views.attendance, name="attendance"),
]
