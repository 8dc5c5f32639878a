from django.urls import include, path

from route27.handover import pdf, views

app_name = "handover"
urlpatterns = [
    path("", views.handover_list, name="list"),
    path("nieuw/", views.handover_create, name="create"),
    path("ondersteuning/", include("route27.handover.support.urls")),
    path("<uuid:public_id>/", views.handover_detail, name="detail"),
    path("<uuid:public_id>/document/school/", views.document_save, {"part": "school"},
         name="document_school"),
    path("<uuid:public_id>/document/jongere/", views.document_save, {"part": "jongere"},
         name="document_youth"),
    path("<uuid:public_id>/toestemming/", views.consent_record, name="consent"),
    path("<uuid:public_id>/toestemming/intrekken/", views.consent_withdraw,
         name="consent_withdraw"),
    path("<uuid:public_id>/grondslag/", views.legal_basis, name="legal_basis"),
    path("<uuid:public_id>/versturen/", views.handover_send, name="send"),
    path("<uuid:public_id>/intrekken/", views.handover_withdraw, name="withdraw"),
    path("<uuid:public_id>/ontvangen/", views.handover_receive, name="receive"),
    path("<uuid:public_id>/accepteren/", views.handover_accept, name="accept"),
    path("<uuid:public_id>/terugsturen/", views.handover_return, name="return"),
    path("<uuid:public_id>/warme-overdracht/", views.meeting_record, name="meeting"),
    path("<uuid:public_id>/pdf/", pdf.handover_pdf, name="pdf"),
]
