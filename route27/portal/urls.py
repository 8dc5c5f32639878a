from django.urls import path

from route27.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("overgangsdocument/", views.document, name="document"),
    path("overgangsdocument/<uuid:public_id>/mijn-deel/", views.document_part,
         name="document_part"),
    path("overgangsdocument/<uuid:public_id>/toestemming/", views.consent, name="consent"),
    path("overgangsdocument/<uuid:public_id>/toestemming/intrekken/", views.consent_withdraw,
         name="consent_withdraw"),
    path("inzage/", views.access, name="access"),
    path("hulp/", views.help_request, name="help"),
]
