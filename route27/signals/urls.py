from django.urls import path

from route27.signals import views

app_name = "signals"
urlpatterns = [
    path("", views.signal_list, name="list"),
    path("nieuw/", views.signal_create, name="create"),
    path("<uuid:public_id>/", views.signal_detail, name="detail"),
    path("<uuid:public_id>/dezelfde-persoon/", views.signal_confirm, name="confirm"),
    path("<uuid:public_id>/nieuwe-jongere/", views.signal_new_youth, name="new_youth"),
]
