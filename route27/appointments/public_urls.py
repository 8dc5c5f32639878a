from django.urls import path

from route27.appointments import views

app_name = "appointment_link"
urlpatterns = [
    path("<str:token>/", views.youth_link, name="show"),
]
