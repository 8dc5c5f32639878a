from django.urls import path

from route27.programme import views

app_name = "programme"

urlpatterns = [
    path("", views.workspace, name="workspace"),
    path("arbeidsmarktregio/", views.overview_index, name="overview_index"),
    path("arbeidsmarktregio/<str:code>/", views.overview_page, name="overview"),
    path("<str:code>/starten/", views.start, name="start"),
    path("<str:code>/partijen/", views.parties, name="parties"),
    path("<str:code>/stap/<slug:step>/", views.section, name="section"),
    path("<str:code>/streefcijfers/", views.target_add, name="target_add"),
    path("<str:code>/streefcijfers/<int:target_id>/verwijderen/", views.target_delete,
         name="target_delete"),
    path("<str:code>/afspraken/nieuw/", views.agreement_add, name="agreement_add"),
    path("<str:code>/maatregelen/nieuw/", views.measure, name="measure_add"),
    path("<str:code>/maatregelen/<int:measure_id>/", views.measure, name="measure_edit"),
    path("<str:code>/begroting/", views.budget, name="budget"),
    path("<str:code>/ondertekening/", views.sign, name="sign"),
    path("<str:code>/nieuwe-versie/", views.amend, name="amend"),
    path("<str:code>/begroting/<int:line_id>/verwijderen/", views.budget_delete,
         name="budget_delete"),
    path("<str:code>/jongeren/nieuw/", views.participation_add, name="participation_add"),
    path("<str:code>/jongeren/<int:session_id>/verwijderen/", views.participation_delete,
         name="participation_delete"),
    path("<str:code>/verantwoordelijkheden/nieuw/", views.responsibility_add,
         name="responsibility_add"),
    path("<str:code>/verantwoordelijkheden/<int:responsibility_id>/verwijderen/",
         views.responsibility_delete, name="responsibility_delete"),
    path("<str:code>/bijdrage/", views.contribution_add, name="contribution_add"),
    path("<str:code>/subsidie/", views.subsidy, name="subsidy"),
    path("<str:code>/voorstellen/nieuw/", views.proposal, name="proposal_add"),
    path("<str:code>/voorstellen/<int:proposal_id>/", views.proposal, name="proposal_edit"),
    path("<str:code>/effectrapportage/<int:year>/", views.effect_report_page,
         name="effect_report"),
    path("<str:code>/effectrapportage/<int:year>/<str:fmt>/", views.effect_report_export,
         name="effect_report_export"),
    path("<str:code>/wie-bel-ik/", views.route_map, name="route_map"),
    path("<str:code>/versie/<int:version>/<str:fmt>/", views.programme_export,
         name="programme_export"),
]
