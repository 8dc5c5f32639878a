"""OpenAPI additions the Logius API Design Rules ask for and drf-spectacular does not add."""

from django.conf import settings
from drf_spectacular import openapi
from rest_framework import serializers

PROBLEM = {
    "type": "object",
    "description": "Foutbericht volgens RFC 9457 (problem+json).",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "detail": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
                "required": ["name", "code", "reason"],
            },
        },
    },
    "required": ["type", "title", "status", "detail"],
}
API_VERSION_HEADER = {
    "description": "De volledige versie van de API (semver).",
    "schema": {"type": "string", "example": settings.API_VERSION},
    "required": True,
}
DESCRIPTIONS = {
    "400": "Ongeldige invoer.",
    "401": "Niet ingelogd.",
    "403": "Geen toegang.",
    "404": "Niet gevonden, of geen toegang.",
    "406": "Gevraagd formaat niet beschikbaar.",
    "409": "Past niet bij de huidige toestand; de melding noemt de regel.",
    "415": "Mediatype niet ondersteund.",
}

SUCCESS_DESCRIPTIONS = {"200": "Gelukt.", "201": "Aangemaakt.", "204": "Gelukt, geen inhoud."}


class AutoSchema(openapi.AutoSchema):
    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        # drf-spectacular leaves out a ListSerializer's max_length/min_length.
        is_list = isinstance(field, serializers.ListSerializer)
        if is_list and schema and schema.get("type") == "array":
            if field.max_length is not None:
                schema["maxItems"] = field.max_length
            if field.min_length is not None:
                schema["minItems"] = field.min_length
        return schema


def _problem_response(code: str, description: str = "") -> dict:
    return {
        "description": description or DESCRIPTIONS.get(code, "Fout."),
        "headers": {"API-Version": {"$ref": "#/components/headers/API-Version"}},
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


def adr_postprocess(result, generator, request, public):
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = PROBLEM
    components.setdefault("headers", {})["API-Version"] = API_VERSION_HEADER
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            for code, response in responses.items():
                if code.startswith(("4", "5")):
                    # A view documents an error (e.g. 409) with a description only; the body is
                    # always problem+json.
                    responses[code] = _problem_response(code, response.get("description", ""))
                    continue
                if code.startswith(("2", "3")):
                    response.setdefault("headers", {})["API-Version"] = {
                        "$ref": "#/components/headers/API-Version"
                    }
                if code.startswith("2") and not response.get("description"):
                    response["description"] = SUCCESS_DESCRIPTIONS.get(code, "Gelukt.")
            codes = ["401", "403", "406"]
            parameters = {p.get("name") for p in operation.get("parameters", [])}
            if parameters or operation.get("requestBody"):
                codes.append("400")
            if operation.get("requestBody"):
                codes.append("415")
            if "{" in path or "pagina" in parameters:  # unknown id, or a page past the last
                codes.append("404")
            for code in codes:
                responses.setdefault(code, _problem_response(code))
    return result
