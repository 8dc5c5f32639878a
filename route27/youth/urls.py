from django.urls import path

from route27.youth import review_views, views

app_name = "youth"
urlpatterns = [
    path("", views.youth_list, name="list"),
    path("nieuw/", views.youth_create, name="create"),
    path("zoeken-op-bsn/", views.youth_search_bsn, name="search_bsn"),
    path("dubbele-dossiers/", review_views.duplicate_list, name="duplicates"),
    path("dubbele-dossiers/controleren/", review_views.duplicate_check, name="duplicate_check"),
    path("dubbele-dossiers/<uuid:public_id>/", review_views.duplicate_review, name="duplicate"),
    path("samenvoegingen/", review_views.merge_list, name="merges"),
    path("samenvoegingen/<uuid:public_id>/ongedaan-maken/", review_views.merge_undo,
         name="merge_undo"),
    path("<uuid:public_id>/", views.youth_detail, name="detail"),
    path("<uuid:public_id>/wijzigen/", views.youth_edit, name="edit"),
    path("<uuid:public_id>/blok/<slug:block>/", views.youth_file_block, name="file_block"),
]
