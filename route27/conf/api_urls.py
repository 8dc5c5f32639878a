"""The API v1 routes: every domain app's viewsets on one router, plus the schema endpoints.

Here in ``conf`` (the top layer) because it imports the domain apps; the generic API frame
(schema views, problems, pagination, fields, conventions) stays in ``route27.core.api``.
"""

from django.urls import path
from rest_framework.routers import SimpleRouter

from route27.core.api.views import JsonSchemaView, SchemaView, YamlSchemaView
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
