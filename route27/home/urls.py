from django.urls import path

from route27.home import views

app_name = "home"
urlpatterns = [
    path("toewijzen/", views.assign, name="assign"),
    path("taken/", views.tasks, name="tasks"),
    path("meldingen/gelezen/", views.notices_read, name="notices_read"),
    path("waarneming/<uuid:public_id>/beeindigen/", views.cover_end, name="cover_end"),
]
