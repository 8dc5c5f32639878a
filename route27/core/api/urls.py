from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from route27.core.access import PUBLIC
from route27.youth.api import YouthViewSet


class SchemaView(SpectacularAPIView):
    """The OpenAPI document is public (API Design Rules /core/publish-openapi)."""

    access_policy = PUBLIC
    authentication_classes: list = []
    permission_classes: list = []

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class JsonSchemaView(SchemaView):
    renderer_classes = [OpenApiJsonRenderer]


router = DefaultRouter(trailing_slash=False)
router.include_root_view = False
router.register("jongeren", YouthViewSet, basename="jongeren")

urlpatterns = [
    path("openapi.json", JsonSchemaView.as_view(), name="openapi-json"),
    path("schema/", SchemaView.as_view(), name="schema"),
    *router.urls,
]
