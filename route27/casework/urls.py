from django.urls import path

from route27.casework import views

app_name = "casework"

urlpatterns = [
    path("betrokkenheid/", views.my_involvement, name="mine"),
    path("betrokkenheid/melden/", views.involvement_register, name="involvement_register"),
    path("betrokkenheid/berichten/gelezen/", views.notices_read, name="notices_read"),
    path("betrokkenheid/<uuid:public_id>/beeindigen/", views.involvement_end,
         name="involvement_end"),
    path("jongere/<uuid:public_id>/", views.card, name="card"),
    path("jongere/<uuid:public_id>/betrokken/", views.involvement_add, name="involvement_add"),
    path("jongere/<uuid:public_id>/agenderen/", views.agenda_add, name="agenda_add"),
    path("regie/", views.regie_list, name="regie"),
    path("regie/vragen/<uuid:public_id>/", views.regie_request, name="regie_request"),
    path("regie/<uuid:public_id>/", views.regie_detail, name="regie_detail"),
    path("overleg/", views.meeting_list, name="meetings"),
    path("overleg/nieuw/", views.meeting_plan, name="meeting_plan"),
    path("overleg/<uuid:public_id>/", views.meeting_detail, name="meeting"),
    path("overleg/punt/<uuid:public_id>/verslag/", views.minutes, name="minutes"),
    path("overleg/actie/<uuid:public_id>/afgerond/", views.action_done, name="action_done"),
]
