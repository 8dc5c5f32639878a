import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

from route27.core.access import note_nothing_refused

_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")


class PagePagination(PageNumberPagination):
    """?pagina=2&paginaGrootte=50 (lowerCamelCase query keys, API Design Rules).

    A malformed value gives 400 (bad input); a page past the last one gives 404.
    """

    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    max_page_size = 100
    max_page = 1_000_000

    def _number(self, request, name: str, maximum: int, message: str) -> int | None:
        raw = request.query_params.get(name)
        if raw is None:
            return None
        if not _WHOLE_NUMBER.fullmatch(raw) or not 1 <= int(raw) <= maximum:
            raise ValidationError({name: [message]})
        return int(raw)

    def get_page_size(self, request):
        size = self._number(request, self.page_size_query_param, self.max_page_size,
                            _("Geef een paginagrootte van 1 tot en met %(max)s.")
                            % {"max": self.max_page_size})
        return self.page_size if size is None else size

    def paginate_queryset(self, queryset, request, view=None):
        self._number(request, self.page_query_param, self.max_page,
                     _("Geef een paginanummer van 1 tot en met %(max)s.") % {"max": self.max_page})
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            note_nothing_refused()  # past the last page of one's own list: no one is refused
            raise NotFound(_("Deze pagina bestaat niet.")) from exc

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        for param in params:
            if param["name"] == self.page_size_query_param:
                param["description"] = _("Aantal resultaten per pagina.")
                param["schema"].update({"minimum": 1, "maximum": self.max_page_size,
                                        "default": self.page_size})
            if param["name"] == self.page_query_param:
                param["description"] = _("Paginanummer, vanaf 1.")
                param["schema"].update({"minimum": 1, "maximum": self.max_page})
        return params
