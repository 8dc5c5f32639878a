"""Support during school, included under ``ondersteuning/`` in the ``handover`` namespace (the
names stay ``handover:support_*``)."""

from django.urls import path

from route27.handover.support import views

urlpatterns = [
    path("nieuw/", views.support_request_create, name="support_create"),
    path("<uuid:public_id>/", views.support_request_detail, name="support_detail"),
    path("<uuid:public_id>/accepteren/", views.support_request_accept, name="support_accept"),
    path("<uuid:public_id>/afwijzen/", views.support_request_decline, name="support_decline"),
]
