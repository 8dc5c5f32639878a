from django.urls import path

from route27.signals import views

app_name = "public_signals"
urlpatterns = [
    path("", views.self_register, name="form"),
    path("bedankt/", views.self_register_thanks, name="thanks"),
    path("qr.svg", views.qr_svg, name="qr"),
    path("poster/", views.poster, name="poster"),
]
