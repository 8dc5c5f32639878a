from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    """?pagina=2&paginaGrootte=50 (lowerCamelCase query keys, API Design Rules)."""

    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        from rest_framework.exceptions import ValidationError

        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError({self.page_size_query_param: [
                f"Geef een paginagrootte van 1 tot en met {self.max_page_size}."]})
        return int(raw)

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        for param in params:
            if param["name"] == self.page_size_query_param:
                param["schema"].update({"minimum": 1, "maximum": self.max_page_size})
            if param["name"] == self.page_query_param:
                param["schema"].update({"minimum": 1})
        return params
