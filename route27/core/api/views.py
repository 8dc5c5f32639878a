"""Behaviour shared by the API views."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError


class StrictQueryParamsMixin:
    """Answer 400 to query parameters the operation does not document (typos like ``page_size``).

    The allowed names are the paginator's (on list actions) plus ``extra_query_params``.
    """

    extra_query_params: tuple[str, ...] = ()

    def allowed_query_params(self) -> set[str]:
        allowed = set(self.extra_query_params)
        paginator = getattr(self, "paginator", None)
        if paginator is not None and getattr(self, "action", None) == "list":
            allowed |= {paginator.page_query_param, paginator.page_size_query_param}
        return allowed

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication and permissions first
        unknown = sorted(set(request.query_params) - self.allowed_query_params())
        if unknown:
            raise ValidationError({name: [_("Onbekende queryparameter.")] for name in unknown})
