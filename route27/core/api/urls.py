from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from route27.core.access import PUBLIC
from route27.signals.api import SignalViewSet
from route27.trajectories.api import (
    ContactPersonViewSet,
    FollowUpViewSet,
    GoalViewSet,
    PlanActionViewSet,
    RouteDecisionViewSet,
    TrajectoryViewSet,
)
from route27.youth.api import YouthViewSet


@extend_schema_view(get=extend_schema(exclude=True))
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


class YamlSchemaView(SchemaView):
    renderer_classes = [OpenApiYamlRenderer]


# No trailing slashes (/core/no-trailing-slash): "jongeren/" is a 404, never a redirect.
# SimpleRouter: no browsable root view and no ".json" suffix routes (those accept "jongeren.json/").
router = SimpleRouter(trailing_slash=False)
router.register("jongeren", YouthViewSet, basename="jongeren")
router.register("jongeren", ContactPersonViewSet, basename="jongeren-contactpersoon")
router.register("trajecten", TrajectoryViewSet, basename="trajecten")
router.register("routevoorstellen", RouteDecisionViewSet, basename="routevoorstellen")
router.register("doelen", GoalViewSet, basename="doelen")
router.register("acties", PlanActionViewSet, basename="acties")
router.register("nazorgcontacten", FollowUpViewSet, basename="nazorgcontacten")
router.register("signalen", SignalViewSet, basename="signalen")

urlpatterns = [
    path("openapi.json", JsonSchemaView.as_view(), name="openapi-json"),
    path("openapi.yaml", YamlSchemaView.as_view(), name="openapi-yaml"),
    # The schema endpoint drf-spectacular users expect (issue 3); not a resource, so the
    # no-trailing-slash rule for resources does not apply to it.
    path("schema/", SchemaView.as_view(), name="schema"),
    *router.urls,
]
