from django.urls import path

from route27.trajectories import views

app_name = "trajectories"
urlpatterns = [
    path("starten/<uuid:youth_id>/", views.trajectory_start, name="start"),
    path("gezamenlijke-beoordeling/", views.joint_assessment_list, name="joint_assessments"),
    path("<uuid:public_id>/gezamenlijke-beoordeling/", views.joint_assessment,
         name="joint_assessment"),
    path("<uuid:public_id>/", views.trajectory_detail, name="detail"),
    path("<uuid:public_id>/stap/", views.trajectory_move, name="move"),
    path("<uuid:public_id>/terug-naar-doorstroompunt/", views.trajectory_hand_back,
         name="hand_back"),
    path("<uuid:public_id>/intake/", views.intake, name="intake"),
    path("<uuid:public_id>/route/", views.route_facts, name="route_facts"),
    path("<uuid:public_id>/route/<int:decision_id>/", views.route_decide, name="route_decide"),
    path("<uuid:public_id>/contactpersoon/", views.contact_person, name="contact_person"),
    path("<uuid:public_id>/doelen/nieuw/", views.goal_add, name="goal_add"),
    path("<uuid:public_id>/acties/nieuw/", views.action_add, name="action_add"),
    path("<uuid:public_id>/acties/<int:action_id>/status/", views.action_status,
         name="action_status"),
    path("<uuid:public_id>/activiteiten/nieuw/", views.activity_add, name="activity_add"),
    path("<uuid:public_id>/contact/", views.contact_record, name="contact_record"),
    path("<uuid:public_id>/voorzieningen/nieuw/", views.instrument_add, name="instrument_add"),
    path("<uuid:public_id>/match/", views.placement_add, name="placement_add"),
    path("<uuid:public_id>/uitstroom/", views.outflow, name="outflow"),
    path("<uuid:public_id>/nazorg/<int:follow_up_id>/", views.follow_up, name="follow_up"),
]
