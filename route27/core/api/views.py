"""Conventions shared by the API views, and the views that publish the OpenAPI document."""

from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework.exceptions import ValidationError

from route27.core.access import PUBLIC

API_LANGUAGE = "nl"


class ApiConventionsMixin:
    """Dutch messages whatever the Accept-Language, and 400 for undocumented query parameters.

    The allowed query parameters are the paginator's (on the actions in ``paginated_actions``)
    plus ``extra_query_params``; anything else (a typo like ``page_size``) is bad input.
    """

    extra_query_params: tuple[str, ...] = ()
    paginated_actions: tuple[str, ...] = ("list",)

    def dispatch(self, request, *args, **kwargs):
        with translation.override(API_LANGUAGE):
            response = super().dispatch(request, *args, **kwargs)
        response["Content-Language"] = API_LANGUAGE
        return response

    def allowed_query_params(self) -> set[str]:
        allowed = set(self.extra_query_params)
        paginator = getattr(self, "paginator", None)
        if paginator is not None and getattr(self, "action", None) in self.paginated_actions:
            allowed |= {paginator.page_query_param, paginator.page_size_query_param}
        return allowed

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication and permissions first
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            return  # dispatch answers 405
        unknown = sorted(set(request.query_params) - self.allowed_query_params())
        if unknown:
            raise ValidationError({name: [_("Onbekende queryparameter.")] for name in unknown})


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
